import { describe, expect, it } from 'vitest';
import { addCommand, applyCommand, clearCommand, invertCommand, newNodes, removeCommand } from '../../../renderer/src/graph/commands';
import { EMPTY_GRAPH } from '../../../renderer/src/graph/state';
import { at, link, node } from './fixtures';

const board = () => applyCommand(EMPTY_GRAPH, addCommand(EMPTY_GRAPH, [node(1), node(2), node(3)], [link(10, 1, 2), link(11, 2, 3)], at([[1, 0, 0], [2, 100, 0], [3, 200, 0]]))!);

describe('commands', () => {
  it('adds only new nodes, once each, at the given positions', () => {
    const g = board();
    const cmd = addCommand(g, [node(3), node(4), node(4)], [link(12, 3, 4), link(12, 3, 4), link(13, 4, 99)], at([[4, 7, 8]]))!;
    expect(cmd.add.nodes.map((x) => x.ref.id)).toEqual([4]);
    expect(cmd.add.nodes[0].pos).toEqual({ x: 7, y: 8 });
    expect(cmd.add.links.map((x) => x.ref.id)).toEqual([12]);
    expect(cmd.label).toBe('Add 1 node');
    expect(newNodes(g, [node(1), node(5), node(5)]).map((r) => r.id)).toEqual([5]);
  });

  it('adds links between nodes already on the board', () => {
    const g = board();
    const cmd = addCommand(g, [], [link(20, 1, 3)], new Map())!;
    expect(cmd.add.links.map((x) => x.ref.id)).toEqual([20]);
    expect(cmd.label).toBe('Add 1 link');
  });

  it('is null when nothing would change', () => {
    const g = board();
    expect(addCommand(g, [node(1)], [link(10, 1, 2)], new Map())).toBeNull();
    expect(removeCommand(g, [42], [43])).toBeNull();
    expect(clearCommand(EMPTY_GRAPH)).toBeNull();
  });

  it('removing a node takes its links with it, with positions for undo', () => {
    const g = board();
    const cmd = removeCommand(g, [2])!;
    expect(cmd.remove.nodes.map((x) => x.ref.id)).toEqual([2]);
    expect(cmd.remove.links.map((x) => x.ref.id).sort()).toEqual([10, 11]);
    expect(cmd.remove.nodes[0].pos).toEqual({ x: 100, y: 0 });
    const after = applyCommand(g, cmd);
    expect(after.nodes.size).toBe(2);
    expect(after.links.size).toBe(0);
  });

  it('removes single links', () => {
    const g = board();
    const after = applyCommand(g, removeCommand(g, [], [10])!);
    expect([...after.links.keys()]).toEqual([11]);
    expect(after.nodes.size).toBe(3);
  });

  it('an inverted command undoes the command exactly', () => {
    const g = board();
    for (const cmd of [removeCommand(g, [2])!, clearCommand(g)!, addCommand(g, [node(9)], [link(30, 9, 1)], at([[9, 1, 1]]))!]) {
      const back = applyCommand(applyCommand(g, cmd), invertCommand(cmd));
      expect([...back.nodes.keys()].sort()).toEqual([...g.nodes.keys()].sort());
      expect([...back.links.keys()].sort()).toEqual([...g.links.keys()].sort());
      for (const [id, n] of g.nodes) expect(back.nodes.get(id)!.pos).toEqual(n.pos);
    }
  });
});
