import { beforeEach, describe, expect, it } from 'vitest';
import { addCommand } from '../../../renderer/src/graph/commands';
import { boardStore, recordPositions, redoBoard, resetBoard, runCommand, undoBoard } from '../../../renderer/src/graph/graph-store';
import { at, link, node } from './fixtures';

describe('board store', () => {
  beforeEach(resetBoard);

  it('runs, undoes and redoes commands and notifies subscribers', () => {
    const seen: number[] = [];
    const off = boardStore.subscribe((b) => seen.push(b.graph.nodes.size));
    const g = boardStore.get().graph;
    expect(runCommand(addCommand(g, [node(1), node(2)], [link(5, 1, 2)], at([[1, 0, 0], [2, 90, 0]])))).toBe(true);
    expect(runCommand(null)).toBe(false);
    expect(undoBoard()).toBe(true);
    expect(undoBoard()).toBe(false);
    expect(redoBoard()).toBe(true);
    off();
    expect(seen).toEqual([2, 0, 2]);
  });

  it('records a drag as one undoable move', () => {
    runCommand(addCommand(boardStore.get().graph, [node(1), node(2)], [link(5, 1, 2)], at([[1, 0, 0], [2, 90, 0]])));
    expect(recordPositions(new Map([[1, { x: 30, y: 40 }], [2, { x: 90, y: 0 }]]))).toBe(true);
    expect(boardStore.get().graph.nodes.get(1)!.pos).toEqual({ x: 30, y: 40 });
    expect(boardStore.get().history.past.at(-1)!.label).toBe('Move “N1”');
    expect(recordPositions(new Map([[1, { x: 30, y: 40 }]]))).toBe(false);
    undoBoard();
    expect(boardStore.get().graph.nodes.get(1)!.pos).toEqual({ x: 0, y: 0 });
    expect(boardStore.get().graph.links.size).toBe(1);
    redoBoard();
    expect(boardStore.get().graph.nodes.get(1)!.pos).toEqual({ x: 30, y: 40 });
  });

  it('a reset forgets the board and the history', () => {
    runCommand(addCommand(boardStore.get().graph, [node(1)], [], at([[1, 0, 0]])));
    resetBoard();
    expect(boardStore.get().graph.nodes.size).toBe(0);
    expect(undoBoard()).toBe(false);
  });
});
