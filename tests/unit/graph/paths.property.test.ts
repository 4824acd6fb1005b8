// Paths on small random graphs, checked against brute force: every simple path enumerated
// under the same rules (link kinds, period, no hub inside a path, at most so many hops).
// The graphs are real case files (migrated schema, nodes and links rows) read back by the
// same entity-graph builder the workstation uses.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openCase } from '../../../electron/backend/db/connection';
import { buildEntityGraph, toMinutes, UNDATED } from '../../../electron/backend/graph/analysis/entity-graph';
import { walkRules } from '../../../electron/backend/graph/analysis/rules';
import { kShortest, Walker, type DensePath } from '../../../electron/backend/graph/analysis/walk';
import type { LinkKind } from '../../../shared/model';
import { tmpDir } from '../../fixtures/bundle-builder';

const KINDS: LinkKind[] = ['has_phone', 'associate', 'travelled_in', 'family'];
const DAYS = ['2025-12-01', '2025-12-02', '2025-12-03', '2025-12-04', null];

interface Spec {
  n: number;
  ports: boolean[];
  edges: Array<{ a: number; b: number; kind: LinkKind; at: string | null }>;
}

const specArb = fc.integer({ min: 2, max: 9 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    ports: fc.array(fc.boolean(), { minLength: n, maxLength: n }).map((p) => p.map((x, i) => x && i % 3 === 2)),
    edges: fc.array(
      fc.record({ a: fc.nat(n - 1), b: fc.nat(n - 1), kind: fc.constantFrom(...KINDS), at: fc.constantFrom(...DAYS) }),
      { maxLength: 22 },
    ),
  }),
);

const dir = tmpDir();
let seq = 0;
const open: Database.Database[] = [];
afterAll(() => open.forEach((d) => d.close()));

function caseOf(spec: Spec): { db: Database.Database; ids: number[] } {
  const db = openCase(path.join(dir, `g${seq++}.crosslink`), { create: true });
  open.push(db);
  const add = db.prepare(`INSERT INTO node(kind, key, label) VALUES (?, ?, ?)`);
  const ids = Array.from({ length: spec.n }, (_, i) => Number(add.run(spec.ports[i] ? 'port' : 'phone', `k${i}`, `n${i}`).lastInsertRowid));
  const link = db.prepare(`INSERT INTO link(kind, src, dst, at) VALUES (?, ?, ?, ?)`);
  for (const e of spec.edges) if (e.a !== e.b) link.run(e.kind, ids[e.a], ids[e.b], e.at);
  return { db, ids };
}

interface Rules {
  kinds: Set<LinkKind>;
  since: string | null;
  until: string | null;
  hubDegree: number;
  maxHops: number;
}

/** Every simple path s..t (as node sequences) allowed by the rules, by depth-first search. */
function bruteForce(spec: Spec, s: number, t: number, r: Rules, timeOrder = false): number[][] {
  const deg = new Array(spec.n).fill(0);
  const edges = spec.edges.filter((e) => e.a !== e.b);
  for (const e of edges) {
    deg[e.a]++;
    deg[e.b]++;
  }
  const ok = (e: Spec['edges'][number]) => r.kinds.has(e.kind) && (!e.at || ((!r.since || e.at >= r.since) && (!r.until || e.at <= r.until)));
  const hub = (i: number) => spec.ports[i] || deg[i] >= r.hubDegree;
  const out = new Set<string>();
  const walk = (u: number, pathNodes: number[], time: string) => {
    if (u === t) {
      out.add(pathNodes.join(','));
      return;
    }
    if (pathNodes.length - 1 >= r.maxHops) return;
    if (u !== s && hub(u)) return;
    for (const e of edges) {
      if (!ok(e) || (e.a !== u && e.b !== u)) continue;
      const v = e.a === u ? e.b : e.a;
      if (pathNodes.includes(v)) continue;
      if (timeOrder && e.at && e.at < time) continue;
      walk(v, [...pathNodes, v], timeOrder && e.at ? e.at : time);
    }
  };
  walk(s, [s], '');
  return [...out].map((k) => k.split(',').map(Number));
}

const rulesArb = fc.record({
  kinds: fc.subarray(KINDS, { minLength: 1 }).map((k) => new Set(k)),
  since: fc.constantFrom(null, '2025-12-02'),
  until: fc.constantFrom(null, '2025-12-03'),
  hubDegree: fc.constantFrom(3, 4, Infinity),
  maxHops: fc.integer({ min: 1, max: 6 }),
});

function walkerFor(db: Database.Database, r: Rules) {
  const g = buildEntityGraph(db);
  const rules = walkRules(g, {
    maxHops: r.maxHops,
    linkKinds: [...r.kinds],
    avoidHubs: true,
    hubDegree: Number.isFinite(r.hubDegree) ? r.hubDegree : 10_000_000,
    since: r.since ?? undefined,
    until: r.until ?? undefined,
  });
  return { g, w: new Walker(g, rules) };
}

/** The dense path as positions in the spec (node i of the spec has id ids[i]). */
function asSpec(p: DensePath, g: ReturnType<typeof buildEntityGraph>, ids: number[]): number[] {
  return p.nodes.map((d) => ids.indexOf(g.ids[d]));
}

describe('paths against brute force', () => {
  it('the shortest path has the brute-force length and is a valid path', () => {
    fc.assert(
      fc.property(specArb, rulesArb, fc.nat(), fc.nat(), (spec, r, a, b) => {
        const s = a % spec.n;
        const t = b % spec.n;
        fc.pre(s !== t);
        const { db, ids } = caseOf(spec);
        const { g, w } = walkerFor(db, r);
        const all = bruteForce(spec, s, t, r);
        const best = all.length ? Math.min(...all.map((p) => p.length - 1)) : null;
        const got = w.shortest(g.indexOf[ids[s]], g.indexOf[ids[t]]);
        expect(got ? got.steps.length : null).toBe(best);
        if (got) expect(all.map((p) => p.join(','))).toContain(asSpec(got, g, ids).join(','));
      }),
      { numRuns: 150 },
    );
  });

  it('k shortest paths are the k shortest distinct simple paths', () => {
    fc.assert(
      fc.property(specArb, rulesArb, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 6 }), (spec, r, a, b, k) => {
        const s = a % spec.n;
        const t = b % spec.n;
        fc.pre(s !== t);
        const { db, ids } = caseOf(spec);
        const { g, w } = walkerFor(db, r);
        const all = bruteForce(spec, s, t, r).map((p) => p.length - 1).sort((x, y) => x - y);
        const got = kShortest(w, g.indexOf[ids[s]], g.indexOf[ids[t]], k);
        expect(got.map((p) => p.steps.length)).toEqual(all.slice(0, k));
        const keys = got.map((p) => asSpec(p, g, ids).join(','));
        expect(new Set(keys).size).toBe(keys.length);
        const valid = new Set(bruteForce(spec, s, t, r).map((p) => p.join(',')));
        for (const key of keys) expect(valid.has(key)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a time-respecting path exists exactly when brute force finds one, and is in time order', () => {
    fc.assert(
      fc.property(specArb, rulesArb, fc.nat(), fc.nat(), (spec, r0, a, b) => {
        const r = { ...r0, maxHops: spec.n };
        const s = a % spec.n;
        const t = b % spec.n;
        fc.pre(s !== t);
        const { db, ids } = caseOf(spec);
        const { g, w } = walkerFor(db, r);
        const all = bruteForce(spec, s, t, r, true);
        const got = w.timeRespecting(g.indexOf[ids[s]], g.indexOf[ids[t]]);
        expect(!!got).toBe(all.length > 0);
        if (!got) return;
        let time = -Infinity;
        for (const pos of got.steps) {
          const at = g.adjAt[pos];
          if (at === UNDATED) continue;
          expect(at).toBeGreaterThanOrEqual(time);
          time = at;
        }
        expect(new Set(got.nodes).size).toBe(got.nodes.length);
      }),
      { numRuns: 150 },
    );
  });

  it('reads dates as minutes and leaves undated links undated', () => {
    expect(toMinutes(null)).toBe(UNDATED);
    expect(toMinutes('2025-12-01')).toBe(Date.UTC(2025, 11, 1) / 60_000);
    expect(toMinutes('2025-12-01T08:30:00-07:00')).toBe(Date.UTC(2025, 11, 1, 15, 30) / 60_000);
  });
});

describe('reading dates', () => {
  it('reads the bundle form fast and the same as Date.parse', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }), fc.integer({ min: -12 * 60, max: 14 * 60 }), (d, off) => {
        const offset = Math.round(off / 15) * 15;
        const local = new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 19);
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        const text = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(toMinutes(text)).toBe(Math.floor(Date.parse(text) / 60_000));
        expect(toMinutes(`${local}Z`)).toBe(Math.floor(Date.parse(`${local}Z`) / 60_000));
      }),
    );
    expect(toMinutes('2025-13-01T00:00:00Z')).toBe(UNDATED);
  });
});
