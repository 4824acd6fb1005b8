import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../../renderer/src/graph/layout';

describe('board layout (headless, as in the worker)', () => {
  it('returns a finite position for every node and spreads them out', () => {
    const nodes = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, x: 0, y: 0, size: 40 }));
    const links = nodes.slice(1).map((n) => ({ source: 1, target: n.id }));
    const out = new Map(computeLayout({ nodes, links: [...links, { source: 2, target: 999 }] }));
    expect(out.size).toBe(30);
    for (const p of out.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    const xs = [...out.values()].map((p) => p.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(100);
  });

  it('handles an empty board', () => {
    expect(computeLayout({ nodes: [], links: [] })).toEqual([]);
  });
});
