import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../../renderer/src/graph/layout';
import { LAYOUTS, isLayoutName } from '../../../renderer/src/graph/layouts/catalog';
import { forceIterations } from '../../../renderer/src/graph/layouts/force';
import { removeOverlaps } from '../../../renderer/src/graph/layouts/overlap';
import { nodeTimes } from '../../../renderer/src/graph/layouts/time';
import type { LayoutInput, LayoutName } from '../../../renderer/src/graph/layouts/types';

/** A hub with 29 spokes, one spoke with a tail, and a link to a node not on the board. */
function star(): LayoutInput {
  const nodes = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, x: (i % 5) * 3, y: Math.floor(i / 5) * 3, size: 40, kind: i % 3 ? 'traveller' : 'event' }));
  const links = nodes.slice(1).map((n, i) => ({ source: 1, target: n.id, at: i % 4 ? `2025-0${1 + (i % 9)}-10` : null }));
  return { nodes, links: [...links, { source: 2, target: 999, at: null }] };
}

const minGap = (pos: Map<number, { x: number; y: number }>) => {
  const ps = [...pos.values()];
  let best = Infinity;
  for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) best = Math.min(best, Math.hypot(ps[i].x - ps[j].x, ps[i].y - ps[j].y));
  return best;
};

describe('board layouts (plain data, as in the worker)', () => {
  it.each(LAYOUTS.map((l) => l.name))('%s: a finite, separate place for every node', (layout: LayoutName) => {
    const input = star();
    const out = new Map(computeLayout({ ...input, layout }));
    expect(out.size).toBe(30);
    for (const p of out.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    // Nodes are 40 px across: no two overlap.
    expect(minGap(out)).toBeGreaterThanOrEqual(40);
    const xs = [...out.values()].map((p) => p.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(100);
  });

  it.each(LAYOUTS.map((l) => l.name))('%s: pinned nodes stay exactly where they are', (layout: LayoutName) => {
    const input = star();
    input.nodes[0] = { ...input.nodes[0], x: 500, y: -300, fixed: true };
    input.nodes[7] = { ...input.nodes[7], x: -250, y: 120, fixed: true };
    const out = new Map(computeLayout({ ...input, layout }));
    expect(out.get(1)).toEqual({ x: 500, y: -300 });
    expect(out.get(8)).toEqual({ x: -250, y: 120 });
  });

  it('force-directed: linked nodes end closer than unlinked ones, and runs repeat exactly', () => {
    const nodes = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, x: (i * 37) % 200, y: (i * 53) % 200, size: 40 }));
    // Two clusters of ten, joined by one link.
    const links = nodes.flatMap((n) => (n.id % 10 === 1 ? [] : [{ source: n.id <= 10 ? 1 : 11, target: n.id }]));
    links.push({ source: 1, target: 11 });
    const input = { nodes, links, layout: 'force' as const };
    const out = new Map(computeLayout(input));
    const d = (a: number, b: number) => Math.hypot(out.get(a)!.x - out.get(b)!.x, out.get(a)!.y - out.get(b)!.y);
    expect(d(2, 3)).toBeLessThan(d(2, 13));
    expect(computeLayout(input)).toEqual([...out]);
  });

  it('force-directed: fewer sweeps for bigger boards', () => {
    expect(forceIterations(50)).toBeGreaterThan(forceIterations(1000));
    expect(forceIterations(1000)).toBeGreaterThan(forceIterations(5000));
    expect(forceIterations(100_000)).toBeGreaterThanOrEqual(100);
  });

  it('concentric: the best-linked node at the centre of the board', () => {
    const input = star();
    const out = new Map(computeLayout({ ...input, layout: 'concentric' }));
    const c = [...out.values()].reduce((a, p) => ({ x: a.x + p.x / out.size, y: a.y + p.y / out.size }), { x: 0, y: 0 });
    const r = (id: number) => Math.hypot(out.get(id)!.x - c.x, out.get(id)!.y - c.y);
    for (let id = 2; id <= 30; id++) expect(r(1)).toBeLessThan(r(id));
  });

  it('hierarchical: rows by hops from the selected root', () => {
    const nodes = [1, 2, 3, 4, 5].map((id) => ({ id, x: 0, y: 0, size: 40 }));
    const links = [{ source: 1, target: 2 }, { source: 2, target: 3 }, { source: 3, target: 4 }, { source: 3, target: 5 }];
    const fromThree = new Map(computeLayout({ nodes, links, layout: 'hierarchical', roots: [3] }));
    expect(fromThree.get(3)!.y).toBeLessThan(fromThree.get(2)!.y);
    expect(fromThree.get(2)!.y).toBe(fromThree.get(4)!.y);
    expect(fromThree.get(2)!.y).toBeLessThan(fromThree.get(1)!.y);
    // Without a selection the busiest node (3) is the root too.
    expect(new Map(computeLayout({ nodes, links, layout: 'hierarchical' }))).toEqual(fromThree);
  });

  it('time-ordered: left to right by the earliest dated link, undated at the left', () => {
    const nodes = [1, 2, 3, 4].map((id) => ({ id, x: 0, y: 0, size: 40, kind: 'event' }));
    const links = [
      { source: 1, target: 2, at: '2025-03-01T10:00:00Z' },
      { source: 2, target: 3, at: '2025-01-01' },
      { source: 3, target: 1, at: '2025-06-01' },
      { source: 4, target: 1, at: null },
    ];
    expect(nodeTimes({ nodes, links }).get(2)).toBe(Date.parse('2025-01-01'));
    const out = new Map(computeLayout({ nodes, links, layout: 'time' }));
    expect(out.get(4)!.x).toBeLessThan(out.get(2)!.x);
    expect(out.get(2)!.x).toBeLessThanOrEqual(out.get(3)!.x);
    expect(out.get(3)!.x).toBeLessThan(out.get(1)!.x);
  });

  it('overlap removal separates stacked nodes and never moves a pinned one', () => {
    const bodies = [{ size: 40, fixed: true }, { size: 40 }, { size: 40 }];
    const pos = [{ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 1, y: 0 }];
    removeOverlaps(bodies, pos, { passes: 20 });
    expect(pos[0]).toEqual({ x: 0, y: 0 });
    expect(minGap(new Map(pos.map((p, i) => [i, p])))).toBeGreaterThan(40);
  });

  it('handles an empty board and knows its layout names', () => {
    expect(computeLayout({ nodes: [], links: [] })).toEqual([]);
    expect(isLayoutName('grid')).toBe(true);
    expect(isLayoutName('cose')).toBe(false);
  });
});
