import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCommand, clearCommand, removeCommand } from '../../../renderer/src/graph/commands';
import { EMPTY_HISTORY, perform, redo, redoLabel, undo, undoLabel } from '../../../renderer/src/graph/history';
import { EMPTY_GRAPH } from '../../../renderer/src/graph/state';
import type { Command, GraphState, History } from '../../../renderer/src/graph/types';
import { at, link, node } from './fixtures';

const ids = (g: GraphState) => ({ nodes: [...g.nodes.keys()].sort(), links: [...g.links.keys()].sort() });

describe('undo stack', () => {
  it('undoes and redoes in order, and a new command drops the redo future', () => {
    let h: History = EMPTY_HISTORY;
    let g = EMPTY_GRAPH;
    ({ history: h, state: g } = perform(h, g, addCommand(g, [node(1), node(2)], [link(10, 1, 2)], at([[1, 0, 0], [2, 1, 1]]), 'add two')!));
    ({ history: h, state: g } = perform(h, g, removeCommand(g, [2], [], 'remove 2')!));
    expect(undoLabel(h)).toBe('remove 2');
    const u = undo(h, g)!;
    expect(ids(u.state)).toEqual({ nodes: [1, 2], links: [10] });
    expect(redoLabel(u.history)).toBe('remove 2');
    const r = redo(u.history, u.state)!;
    expect(ids(r.state)).toEqual({ nodes: [1], links: [] });
    const again = undo(r.history, r.state)!;
    const fresh = perform(again.history, again.state, addCommand(again.state, [node(3)], [], at([[3, 5, 5]]))!);
    expect(fresh.history.future).toEqual([]);
    expect(redo(fresh.history, fresh.state)).toBeNull();
  });

  it('has nothing to undo or redo at the start', () => {
    expect(undo(EMPTY_HISTORY, EMPTY_GRAPH)).toBeNull();
    expect(redo(EMPTY_HISTORY, EMPTY_GRAPH)).toBeNull();
    expect(undoLabel(EMPTY_HISTORY)).toBeNull();
  });

  it('keeps at most `max` commands', () => {
    let s = { history: EMPTY_HISTORY, state: EMPTY_GRAPH };
    for (let i = 1; i <= 5; i++) s = perform(s.history, s.state, addCommand(s.state, [node(i)], [], at([[i, i, i]]))!, 3);
    expect(s.history.past.length).toBe(3);
  });

  it('undoing every step of any sequence returns to the empty board; redoing all returns to the end', () => {
    const op = fc.oneof(
      fc.record({ t: fc.constant('add' as const), ids: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 5 }) }),
      fc.record({ t: fc.constant('remove' as const), ids: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 3 }) }),
      fc.record({ t: fc.constant('clear' as const), ids: fc.constant([] as number[]) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let s = { history: EMPTY_HISTORY, state: EMPTY_GRAPH };
        for (const o of ops) {
          let cmd: Command | null;
          if (o.t === 'add') {
            // Chain links between consecutive ids, plus one to a node that may be on the board.
            const links = o.ids.flatMap((id, i) => [link(id * 100 + 1, id, o.ids[i + 1] ?? 1), link(id * 100 + 2, id, (id % 12) + 1)]);
            cmd = addCommand(s.state, o.ids.map((id) => node(id)), links, new Map(o.ids.map((id) => [id, { x: id, y: -id }])));
          } else if (o.t === 'remove') cmd = removeCommand(s.state, o.ids);
          else cmd = clearCommand(s.state);
          if (cmd) s = perform(s.history, s.state, cmd);
          for (const l of s.state.links.values()) {
            expect(s.state.nodes.has(l.ref.source) && s.state.nodes.has(l.ref.target)).toBe(true);
          }
        }
        const end = ids(s.state);
        let u = s;
        for (let step = undo(u.history, u.state); step; step = undo(u.history, u.state)) u = step;
        expect(ids(u.state)).toEqual({ nodes: [], links: [] });
        let r = u;
        for (let step = redo(r.history, r.state); step; step = redo(r.history, r.state)) r = step;
        expect(ids(r.state)).toEqual(end);
      }),
      { numRuns: 200 },
    );
  });
});
