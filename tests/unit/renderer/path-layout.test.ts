import { describe, expect, it } from 'vitest';
import { placePath, STEP } from '../../../renderer/src/components/analysis/path-layout';
import { pathInput, DEFAULT_PATH_FORM } from '../../../renderer/src/dialogs/analysis/path-options';
import { at, node } from './fixtures';

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('placing a path', () => {
  it('puts the middle of a path between its two ends already on the board', () => {
    const p = placePath(at([[1, 0, 0], [4, 600, 0]]), [1, 2, 3, 4]);
    expect([...p.keys()]).toEqual([2, 3]);
    expect(p.get(2)).toEqual({ x: 200, y: 0 });
    expect(p.get(3)).toEqual({ x: 400, y: 0 });
  });

  it('steps right from the one end on the board', () => {
    const p = placePath(at([[1, 100, 50]]), [1, 2, 3]);
    expect(p.get(2)).toEqual({ x: 100 + STEP, y: 50 });
    expect(p.get(3)).toEqual({ x: 100 + 2 * STEP, y: 50 });
  });

  it('steps left before the first end on the board', () => {
    const p = placePath(at([[3, 0, 0]]), [1, 2, 3]);
    expect(p.get(2)).toEqual({ x: -STEP, y: 0 });
    expect(p.get(1)).toEqual({ x: -2 * STEP, y: 0 });
  });

  it('never lands on an existing node', () => {
    const existing = at([[1, 0, 0], [3, 400, 0], [9, 200, 0]]);
    const p = placePath(existing, [1, 2, 3]);
    expect(dist(p.get(2)!, { x: 200, y: 0 })).toBeGreaterThan(40);
  });

  it('lays a path out in a row on an empty board, and records next to their node', () => {
    const p = placePath(new Map(), [1, 2], [7], [{ source: 7, target: 2 }]);
    expect(p.get(1)).toEqual({ x: 0, y: 0 });
    expect(p.get(2)).toEqual({ x: STEP, y: 0 });
    expect(dist(p.get(7)!, p.get(2)!)).toBeLessThan(120);
  });
});

describe('the path search call', () => {
  it('sends the form, clamped', () => {
    const i = pathInput(node(1), node(2), { ...DEFAULT_PATH_FORM, k: 50, maxHops: 0 });
    expect(i).toMatchObject({ from: 1, to: 2, k: 20, maxHops: 1, avoidHubs: true });
    expect(i).not.toHaveProperty('hubDegree');
  });

  it('allowing a hub raises the threshold above it; allowing a port lets ports through', () => {
    const addr = { ...node(5, 'address'), degree: 40 };
    expect(pathInput(node(1), node(2), { ...DEFAULT_PATH_FORM, allowed: [addr] })).toMatchObject({ avoidHubs: true, hubDegree: 41 });
    const port = { ...node(6, 'port'), degree: 900 };
    expect(pathInput(node(1), node(2), { ...DEFAULT_PATH_FORM, allowed: [port] })).toMatchObject({ avoidHubs: false });
  });
});
