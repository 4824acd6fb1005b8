// The chart's copy of the board's look (the backend may not import renderer code) must not
// drift from the board: an officer compares the printed chart with what the analyst showed.
import { describe, expect, it } from 'vitest';
import { HANDLING_RING } from '../../../electron/backend/brief/handling';
import { KIND_LOOK } from '../../../electron/backend/brief/kind-look';
import { HANDLING_LOOK } from '../../../renderer/src/icons/handling';
import { KIND_LOOK as BOARD_KIND_LOOK } from '../../../renderer/src/icons/kinds';

describe('chart look', () => {
  it('draws every kind in the colour, shape and size of the board', () => {
    const board = Object.fromEntries(Object.entries(BOARD_KIND_LOOK).map(([k, v]) => [k, { colour: v.colour, shape: v.shape, size: v.size }]));
    expect(KIND_LOOK).toEqual(board);
  });

  it('rings LES and ORCON content in the board colours', () => {
    expect(HANDLING_RING.LES).toBe(HANDLING_LOOK.LES.ring);
    expect(HANDLING_RING.ORCON).toBe(HANDLING_LOOK.ORCON.ring);
  });
});
