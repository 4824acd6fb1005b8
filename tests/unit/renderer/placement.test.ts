import { describe, expect, it } from 'vitest';
import { placeAround, placeOne } from '../../../renderer/src/graph/placement';
import type { Pos } from '../../../renderer/src/graph/types';

const d = (a: Pos, b: Pos) => Math.hypot(a.x - b.x, a.y - b.y);

describe('placement', () => {
  it('places the asked number of nodes on rings around the centre', () => {
    const ps = placeAround({ x: 100, y: 100 }, [], 12, { radius: 150, spacing: 88 });
    expect(ps).toHaveLength(12);
    for (const p of ps) expect(d(p, { x: 100, y: 100 })).toBeGreaterThanOrEqual(149);
  });

  it('keeps new nodes apart from each other and from existing nodes', () => {
    const existing = [{ x: 0, y: 0 }, { x: 150, y: 0 }, { x: 0, y: 150 }, { x: -150, y: 0 }];
    const ps = placeAround({ x: 0, y: 0 }, existing, 200);
    expect(ps).toHaveLength(200);
    const clearance = 88 * 0.7;
    for (let i = 0; i < ps.length; i++) {
      for (const e of existing) expect(d(ps[i], e)).toBeGreaterThanOrEqual(clearance - 1);
      for (let j = i + 1; j < ps.length; j++) expect(d(ps[i], ps[j])).toBeGreaterThanOrEqual(clearance - 1);
    }
  });

  it('is deterministic and never moves existing nodes', () => {
    const existing = Object.freeze([{ x: 10, y: 10 }]) as Pos[];
    expect(placeAround({ x: 0, y: 0 }, existing, 30)).toEqual(placeAround({ x: 0, y: 0 }, existing, 30));
    expect(existing).toEqual([{ x: 10, y: 10 }]);
  });

  it('puts a lone node at the origin on an empty board, and in a free spot otherwise', () => {
    expect(placeOne([])).toEqual({ x: 0, y: 0 });
    const existing = [{ x: 0, y: 0 }, { x: 40, y: 0 }];
    const p = placeOne(existing);
    for (const e of existing) expect(d(p, e)).toBeGreaterThanOrEqual(88 * 0.7 - 1);
  });

  it('places nothing for a count of zero', () => {
    expect(placeAround({ x: 0, y: 0 }, [], 0)).toEqual([]);
  });
});
