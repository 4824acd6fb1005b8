import { describe, expect, it } from 'vitest';
import { addCommand, applyCommand, clearCommand, invertCommand, removeCommand } from '../../../renderer/src/graph/commands';
import { EMPTY_HISTORY, perform, redo, undo } from '../../../renderer/src/graph/history';
import {
  collapseCommand, groupCommand, groupMembers, moveCommand, noteCommand, renameGroupCommand, styleCommand, togglePinCommand, ungroupCommand,
} from '../../../renderer/src/graph/marks';
import { EMPTY_GRAPH, groupsOf, withPositions } from '../../../renderer/src/graph/state';
import type { Command, GraphState } from '../../../renderer/src/graph/types';
import { at, link, node } from './fixtures';

const board = (): GraphState =>
  applyCommand(EMPTY_GRAPH, addCommand(EMPTY_GRAPH, [node(1), node(2), node(3)], [link(10, 1, 2), link(11, 2, 3)], at([[1, 0, 0], [2, 100, 0], [3, 200, 0]]))!);

/** The board as plain sorted data: the order of a Map and an empty group map do not matter. */
const canon = (g: GraphState) => ({
  nodes: [...g.nodes.values()].sort((a, b) => a.ref.id - b.ref.id),
  links: [...g.links.values()].sort((a, b) => a.ref.id - b.ref.id),
  groups: [...groupsOf(g).values()].sort((a, b) => a.id.localeCompare(b.id)),
});

const roundTrip = (g: GraphState, cmd: Command | null) => {
  expect(cmd).not.toBeNull();
  const after = applyCommand(g, cmd!);
  expect(canon(applyCommand(after, invertCommand(cmd!)))).toEqual(canon(g));
  return after;
};

describe('board marks', () => {
  it('moves nodes in place, keeping their links, and undoes the move', () => {
    const g = board();
    const after = roundTrip(g, moveCommand(g, at([[1, 5, 5], [2, 100, 0]])));
    expect(after.nodes.get(1)!.pos).toEqual({ x: 5, y: 5 });
    expect(after.links.size).toBe(2);
    expect(moveCommand(g, at([[2, 100, 0], [99, 1, 1]]))).toBeNull();
  });

  it('pins and unpins; pinned nodes do not move with drags or layouts', () => {
    const g = board();
    const pinned = roundTrip(g, togglePinCommand(g, [1, 2]));
    expect(pinned.nodes.get(1)!.marks).toEqual({ pinned: true });
    expect(moveCommand(pinned, at([[1, 50, 50]]))).toBeNull();
    expect(withPositions(pinned, at([[1, 50, 50]]))).toBe(pinned);
    const cmd = togglePinCommand(pinned, [1, 2])!;
    expect(cmd.label).toBe('Unpin 2 nodes');
    expect(applyCommand(pinned, cmd).nodes.get(1)!.marks).toBeUndefined();
  });

  it('sets, changes and removes notes on nodes and links', () => {
    const g = board();
    const noted = roundTrip(g, noteCommand(g, { type: 'node', id: 1 }, '  seen at BOTA twice  '));
    expect(noted.nodes.get(1)!.marks!.note).toBe('seen at BOTA twice');
    expect(noteCommand(noted, { type: 'node', id: 1 }, 'seen at BOTA twice')).toBeNull();
    const cleared = applyCommand(noted, noteCommand(noted, { type: 'node', id: 1 }, '')!);
    expect(cleared.nodes.get(1)!.marks).toBeUndefined();
    const onLink = roundTrip(g, noteCommand(g, { type: 'link', id: 10 }, 'same phone'));
    expect(onLink.links.get(10)!.marks).toEqual({ note: 'same phone' });
    expect(noteCommand(g, { type: 'link', id: 99 }, 'x')).toBeNull();
  });

  it('colours and sizes nodes; the defaults are not stored', () => {
    const g = board();
    const styled = roundTrip(g, styleCommand(g, [3], { colour: '#dc2626', scale: 1.5 }));
    expect(styled.nodes.get(3)!.marks).toEqual({ colour: '#dc2626', scale: 1.5 });
    expect(applyCommand(styled, styleCommand(styled, [3], { scale: 1 })!).nodes.get(3)!.marks).toBeUndefined();
  });

  it('groups, renames, collapses and ungroups, each undoable', () => {
    const g = board();
    const grouped = roundTrip(g, groupCommand(g, [1, 2], 'Drivers'));
    expect(groupsOf(grouped).get('g1')).toEqual({ id: 'g1', label: 'Drivers', collapsed: false });
    expect(groupMembers(grouped).get('g1')).toEqual([1, 2]);
    const renamed = roundTrip(grouped, renameGroupCommand(grouped, 'g1', 'Couriers'));
    expect(groupsOf(renamed).get('g1')!.label).toBe('Couriers');
    const collapsed = roundTrip(grouped, collapseCommand(grouped, ['g1']));
    expect(groupsOf(collapsed).get('g1')!.collapsed).toBe(true);
    expect(collapseCommand(collapsed, ['g1'], true)).toBeNull();
    const ungrouped = roundTrip(collapsed, ungroupCommand(collapsed, ['g1']));
    expect(groupsOf(ungrouped).size).toBe(0);
    expect(ungrouped.nodes.get(1)!.marks).toBeUndefined();
  });

  it('regrouping every member of a group removes the group left empty', () => {
    const g = board();
    const one = applyCommand(g, groupCommand(g, [1, 2], 'A')!);
    const two = roundTrip(one, groupCommand(one, [1, 2, 3], 'B'));
    expect([...groupsOf(two).keys()]).toEqual(['g2']);
    expect(groupMembers(two).get('g2')).toEqual([1, 2, 3]);
  });

  it('removing and clearing keep marks and groups for undo', () => {
    const g0 = board();
    const g = applyCommand(applyCommand(g0, groupCommand(g0, [1, 2], 'A')!), togglePinCommand(g0, [1])!);
    const removed = roundTrip(g, removeCommand(g, [1]));
    expect(removed.links.has(10)).toBe(false);
    const cleared = roundTrip(g, clearCommand(g));
    expect(cleared.nodes.size).toBe(0);
    expect(groupsOf(cleared).size).toBe(0);
  });

  it('undoes and redoes a sequence of ten actions back to the start and forward again', () => {
    let h = EMPTY_HISTORY;
    let s = EMPTY_GRAPH;
    const snapshots: GraphState[] = [s];
    const steps: Array<(g: GraphState) => Command | null> = [
      (g) => addCommand(g, [node(1), node(2), node(3)], [link(10, 1, 2), link(11, 2, 3)], at([[1, 0, 0], [2, 100, 0], [3, 200, 0]])),
      (g) => moveCommand(g, at([[1, -50, 20]])),
      (g) => togglePinCommand(g, [2]),
      (g) => noteCommand(g, { type: 'node', id: 3 }, 'owner of the Tacoma'),
      (g) => noteCommand(g, { type: 'link', id: 11 }, 'shared phone'),
      (g) => groupCommand(g, [1, 3], 'Crew'),
      (g) => collapseCommand(g, ['g1']),
      (g) => styleCommand(g, [2], { colour: '#7c3aed' }),
      (g) => removeCommand(g, [], [10]),
      (g) => collapseCommand(g, ['g1']),
    ];
    for (const make of steps) {
      const step = perform(h, s, make(s)!);
      h = step.history;
      s = step.state;
      snapshots.push(s);
    }
    expect(h.past).toHaveLength(10);
    for (let i = 9; i >= 0; i--) {
      const step = undo(h, s)!;
      h = step.history;
      s = step.state;
      expect(canon(s)).toEqual(canon(snapshots[i]));
    }
    expect(undo(h, s)).toBeNull();
    for (let i = 1; i <= 10; i++) {
      const step = redo(h, s)!;
      h = step.history;
      s = step.state;
      expect(canon(s)).toEqual(canon(snapshots[i]));
    }
  });
});
