import { describe, expect, it } from 'vitest';
import { planBoard, planWrites, sharedPos, type SharedBoard } from '../../../../renderer/src/session/board-sync';
import { EMPTY_GRAPH, withAdded, withPositions, withRemoved } from '../../../../renderer/src/graph/state';
import type { LinkRef, NodeRef } from '../../../../shared/model';
import { link, node } from '../fixtures';

const n = (id: number, x = id, y = 0, ref = node(id)) => ({ ref, pos: { x, y } });
const shared = (nodes: Array<[number, number, number]>, links: Array<[number, number, number]> = []): SharedBoard => ({
  nodes: new Map(nodes.map(([id, x, y]) => [id, { x, y }])),
  links: new Map(links.map(([id, s, t]) => [id, { s, t }])),
});
const refs = (...ids: number[]) => new Map<number, NodeRef>(ids.map((id) => [id, node(id)]));
const linkRefs = (...ls: LinkRef[]) => new Map(ls.map((l) => [l.id, l]));
const pointer = (id: number): NodeRef => ({ ...node(id, 'pointer'), label: 'Withheld' });

describe('planBoard: the canvas for the shared maps', () => {
  const board = withAdded(EMPTY_GRAPH, { nodes: [n(1), n(2)], links: [{ ref: link(10, 1, 2) }] });

  it('is the same object when the shared maps say what the canvas shows', () => {
    const p = planBoard(board, shared([[1, 1, 0], [2, 2, 0]], [[10, 1, 2]]), new Map(), new Map());
    expect(p.graph).toBe(board);
    expect(p.missing).toEqual({ nodes: [], links: [] });
  });

  it('moves nodes others moved, keeping the rest of each node (marks)', () => {
    const marked = withAdded(EMPTY_GRAPH, { nodes: [{ ...n(1), marks: { note: 'mine' } }, n(2)], links: [] });
    const p = planBoard(marked, shared([[1, 50, 60], [2, 2, 0]]), new Map(), new Map());
    expect(p.graph.nodes.get(1)).toEqual({ ref: node(1), pos: { x: 50, y: 60 }, marks: { note: 'mine' } });
    expect(p.graph.nodes.get(2)).toBe(marked.nodes.get(2));
  });

  it('removes what others removed, with its links', () => {
    const p = planBoard(board, shared([[1, 1, 0]], [[10, 1, 2]]), new Map(), new Map());
    expect([...p.graph.nodes.keys()]).toEqual([1]);
    expect(p.graph.links.size).toBe(0);
  });

  it('asks for the labels of new ids, and adds them once known', () => {
    const s = shared([[1, 1, 0], [2, 2, 0], [3, 30, 0]], [[10, 1, 2], [11, 2, 3], [12, 3, 99]]);
    const first = planBoard(board, s, new Map(), new Map());
    expect(first.missing).toEqual({ nodes: [3], links: [] });
    const second = planBoard(first.graph, s, refs(3), new Map());
    expect(second.graph.nodes.get(3)?.pos).toEqual({ x: 30, y: 0 });
    // Link 12's other end is not on the board: nothing to ask.
    expect(second.missing).toEqual({ nodes: [], links: [11] });
    const third = planBoard(second.graph, s, refs(3), linkRefs(link(11, 2, 3)));
    expect([...third.graph.links.keys()].sort()).toEqual([10, 11]);
  });

  it('keeps what this analyst has on their canvas only', () => {
    const withPointer = withAdded(board, { nodes: [n(5, 5, 5, pointer(5))], links: [{ ref: { ...link(20, 1, 5), kind: 'withheld' } }] });
    const p = planBoard(withPointer, shared([[1, 1, 0], [2, 2, 0]], [[10, 1, 2]]), new Map(), new Map(), { nodes: new Set([5]), links: new Set([20]) });
    expect(p.graph).toBe(withPointer);
  });

  it('starts an empty canvas from the shared maps', () => {
    const p = planBoard(EMPTY_GRAPH, shared([[1, 10, 20], [2, 30, 40]], [[10, 1, 2]]), refs(1, 2), linkRefs(link(10, 1, 2)));
    expect(p.graph.nodes.size).toBe(2);
    expect(p.graph.links.size).toBe(1);
  });
});

describe('planWrites: what the analyst changed, for the shared maps', () => {
  const board = withAdded(EMPTY_GRAPH, { nodes: [n(1), n(2)], links: [{ ref: link(10, 1, 2) }] });
  const s = shared([[1, 1, 0], [2, 2, 0]], [[10, 1, 2]]);

  it('writes a drag end as new places of the moved nodes only', () => {
    const moved = withPositions(board, new Map([[2, { x: 200.123456, y: -5 }]]));
    const w = planWrites(board, moved, s);
    expect(w.setNodes).toEqual([[2, { x: 200.12, y: -5 }]]);
    expect(w.deleteNodes).toEqual([]);
    expect(w.setLinks).toEqual([]);
  });

  it('writes nothing for a change the shared maps already hold (a remote change shown)', () => {
    const moved = withPositions(board, new Map([[2, { x: 9, y: 9 }]]));
    expect(planWrites(board, moved, shared([[1, 1, 0], [2, 9, 9]], [[10, 1, 2]])).setNodes).toEqual([]);
  });

  it('writes an expand: the nodes it may read and their links with their real ends', () => {
    const expanded = withAdded(board, { nodes: [n(3), n(4, 4, 0, pointer(4))], links: [{ ref: link(11, 2, 3) }, { ref: { ...link(12, 2, 4), kind: 'withheld' } }, { ref: link(13, 3, 4) }] });
    const w = planWrites(board, expanded, s);
    expect(w.setNodes).toEqual([[3, { x: 3, y: 0 }]]);
    expect(w.setLinks).toEqual([[11, { s: 2, t: 3 }]]);
    // A pointer, a withheld link and a link to the pointer stay on this canvas only.
    expect(w.localNodes).toEqual([4]);
    expect(w.localLinks.sort()).toEqual([12, 13]);
  });

  it('deletes removed nodes and their links', () => {
    const removed = withRemoved(board, { nodes: [n(2)], links: [] });
    const w = planWrites(board, removed, s);
    expect(w.deleteNodes).toEqual([2]);
    expect(w.deleteLinks).toEqual([10]);
  });

  it('does not write a local-only node again when it moves', () => {
    const withPointer = withAdded(board, { nodes: [n(5, 5, 5, pointer(5))], links: [] });
    const moved = withPositions(withPointer, new Map([[5, { x: 50, y: 50 }]]));
    const w = planWrites(withPointer, moved, s, { nodes: new Set([5]), links: new Set() });
    expect(w.setNodes).toEqual([]);
  });

  it('moves a pointer that is on the shared board (everyone may move what is there)', () => {
    const withPointer = withAdded(board, { nodes: [n(5, 5, 5, pointer(5))], links: [] });
    const moved = withPositions(withPointer, new Map([[5, { x: 50, y: 50 }]]));
    const w = planWrites(withPointer, moved, shared([[1, 1, 0], [2, 2, 0], [5, 5, 5]], [[10, 1, 2]]));
    expect(w.setNodes).toEqual([[5, { x: 50, y: 50 }]]);
  });

  it('keeps coordinates within what the host accepts', () => {
    expect(sharedPos({ x: 1e9, y: Number.NaN })).toEqual({ x: 1e7, y: 0 });
  });
});
