import { describe, expect, it } from 'vitest';
import { BOARD_STATE } from '../../../shared/contract';
import { addCommand, applyCommand } from '../../../renderer/src/graph/commands';
import { groupCommand, noteCommand, togglePinCommand } from '../../../renderer/src/graph/marks';
import { fromBoardState, toBoardState } from '../../../renderer/src/graph/marks-format';
import { EMPTY_GRAPH } from '../../../renderer/src/graph/state';
import { at, link, node } from './fixtures';

describe('board format', () => {
  const g0 = applyCommand(EMPTY_GRAPH, addCommand(EMPTY_GRAPH, [node(1), node(2)], [link(10, 1, 2)], at([[1, 0.04, 0], [2, 100, 0]]))!);
  const g1 = applyCommand(g0, togglePinCommand(g0, [1])!);
  const g2 = applyCommand(g1, noteCommand(g1, { type: 'link', id: 10 }, 'same phone')!);
  const g = applyCommand(g2, groupCommand(g2, [1, 2], 'Pair')!);

  it('writes a versioned board the contract accepts, marks and groups included', () => {
    const s = toBoardState(g, { zoom: 1.2, x: 10, y: -5 });
    expect(s.type).toBe('crosslink-board');
    expect(s.version).toBe(2);
    expect(BOARD_STATE.parse(s)).toEqual(s);
    expect(s.nodes[0].marks).toEqual({ pinned: true, group: 'g1' });
    expect(s.links[0].marks).toEqual({ note: 'same phone' });
    expect(s.groups).toEqual([{ id: 'g1', label: 'Pair', collapsed: false }]);
    expect(s.viewport).toEqual({ zoom: 1.2, x: 10, y: -5 });
  });

  it('reads back exactly what it wrote', () => {
    const back = fromBoardState(BOARD_STATE.parse(JSON.parse(JSON.stringify(toBoardState(g)))));
    expect(toBoardState(back)).toEqual(toBoardState(g));
    expect(back.nodes.get(1)!.marks).toEqual({ pinned: true, group: 'g1' });
    expect(back.groups!.get('g1')!.label).toBe('Pair');
  });

  it('reads version 1 boards (no marks) and drops dangling links', () => {
    const v1 = { nodes: [{ ref: node(1), pos: { x: 1, y: 2 } }], links: [link(10, 1, 2)] };
    const back = fromBoardState(v1);
    expect(back.nodes.get(1)).toEqual({ ref: node(1), pos: { x: 1, y: 2 } });
    expect(back.links.size).toBe(0);
    expect(back.groups).toBeUndefined();
  });
});
