import { describe, expect, it } from 'vitest';
import { diffGraph, isEmptyDiff } from '../../../renderer/src/graph/diff';
import { EMPTY_GRAPH, withAdded, withPositions, withRemoved } from '../../../renderer/src/graph/state';
import { link, node } from './fixtures';

const n = (id: number) => ({ ref: node(id), pos: { x: id, y: id } });

describe('diffGraph', () => {
  const a = withAdded(EMPTY_GRAPH, { nodes: [n(1), n(2)], links: [{ ref: link(10, 1, 2) }] });

  it('is empty for the same state', () => {
    expect(isEmptyDiff(diffGraph(a, a))).toBe(true);
  });

  it('lists added nodes and links', () => {
    const d = diffGraph(EMPTY_GRAPH, a);
    expect(d.addNodes.map((x) => x.ref.id)).toEqual([1, 2]);
    expect(d.addLinks.map((x) => x.ref.id)).toEqual([10]);
    expect(d.removeNodes).toEqual([]);
  });

  it('lists removed nodes with their links', () => {
    const b = withRemoved(a, { nodes: [n(2)], links: [] });
    const d = diffGraph(a, b);
    expect(d.removeNodes).toEqual([2]);
    expect(d.removeLinks).toEqual([10]);
    expect(d.addNodes).toEqual([]);
  });

  it('lists moved nodes as updates', () => {
    const b = withPositions(a, new Map([[1, { x: 50, y: 50 }]]));
    const d = diffGraph(a, b);
    expect(d.updateNodes.map((x) => x.ref.id)).toEqual([1]);
    expect(d.addNodes).toEqual([]);
    expect(d.addLinks).toEqual([]);
  });
});
