// A graph database's export (neo4j-admin CSV convention) imports without a hand-written
// spec: the spec is inferred from the headers, each label becomes a kind and each type a
// link kind. Paths and a betweenness ranking on it equal a brute-force computation here.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customKindOf } from '../../../shared/model';
import type { Backend } from '../../../electron/backend/api';
import { csv, tmpDir } from '../../fixtures/bundle-builder';
import { writeNeo4jExport, type Neo4jGraph } from '../../fixtures/neo4j-export';
import { call, countsOf, newCase } from '../../helpers/case';

let b: Backend;
let file: string;
let g: Neo4jGraph;

/** The graph as the test reads it from its own files: undirected, one edge per pair. */
function adjacency(graph: Neo4jGraph): Map<string, Set<string>> {
  const key = (space: string, id: string) => `${space}|${id}`;
  const adj = new Map<string, Set<string>>();
  for (const n of graph.nodes) adj.set(key(n.space, n.id), new Set());
  for (const r of graph.rels) {
    const a = key(r.fromSpace, r.from);
    const c = key(r.toSpace, r.to);
    adj.get(a)!.add(c);
    adj.get(c)!.add(a);
  }
  return adj;
}

function bfs(adj: Map<string, Set<string>>, s: string): { dist: Map<string, number>; sigma: Map<string, number>; order: string[] } {
  const dist = new Map([[s, 0]]);
  const sigma = new Map([[s, 1]]);
  const order = [s];
  for (let i = 0; i < order.length; i++) {
    const v = order[i];
    for (const w of adj.get(v)!) {
      if (!dist.has(w)) {
        dist.set(w, dist.get(v)! + 1);
        sigma.set(w, 0);
        order.push(w);
      }
      if (dist.get(w) === dist.get(v)! + 1) sigma.set(w, sigma.get(w)! + sigma.get(v)!);
    }
  }
  return { dist, sigma, order };
}

/** Betweenness by its definition: for every pair s < t, the share of shortest paths through v. */
function bruteBetweenness(adj: Map<string, Set<string>>): Map<string, number> {
  const nodes = [...adj.keys()];
  const from = new Map(nodes.map((n) => [n, bfs(adj, n)]));
  const score = new Map(nodes.map((n) => [n, 0]));
  for (let i = 0; i < nodes.length; i++) {
    const s = from.get(nodes[i])!;
    for (let j = i + 1; j < nodes.length; j++) {
      const t = nodes[j];
      const dst = s.dist.get(t);
      if (dst === undefined || dst < 2) continue;
      const total = s.sigma.get(t)!;
      const back = from.get(t)!;
      for (const v of s.order) {
        const dv = s.dist.get(v)!;
        if (dv === 0 || dv >= dst) continue;
        if (back.dist.get(v) === dst - dv) score.set(v, score.get(v)! + (s.sigma.get(v)! * back.sigma.get(v)!) / total);
      }
    }
  }
  return score;
}

const sourceId = (space: string, id: string) => (space ? `neo4j-export/${space}:${id}` : `neo4j-export:${id}`);

beforeAll(async () => {
  const dir = tmpDir();
  g = writeNeo4jExport(path.join(dir, 'neo4j-export'));
  ({ backend: b, file } = await newCase({ autoResolve: false }));
}, 60_000);

afterAll(async () => {
  await b?.close();
});

describe('a neo4j-admin export', () => {
  it('is recognised and its spec inferred from the headers: labels become kinds, types link kinds', async () => {
    const inf = await call(b, 'import.infer', { path: g.dir });
    expect(inf.style).toBe('neo4j');
    expect(inf.spec.kinds.map((k) => k.label).sort()).toEqual(['Bank Account', 'Company', 'Person', 'Phone']);
    expect(inf.spec.linkKinds.map((k) => k.kind).sort()).toEqual(['x.knows', 'x.owns', 'x.uses', 'x.works_at']);
    // Node files come before relationship files; the phone file takes its header from phones_header.csv.
    const roles = inf.files.filter((f) => f.role !== 'header').map((f) => f.role);
    expect(roles.filter((r) => r === 'nodes')).toHaveLength(3);
    const phones = inf.spec.files.find((f) => f.match === 'phones.csv')!;
    expect(phones.header).toEqual(['number:ID(Phone)', 'carrier', ':LABEL']);
    const firstRel = inf.spec.files.findIndex((f) => f.links.length > 0);
    expect(inf.spec.files.slice(firstRel).every((f) => f.links.length > 0)).toBe(true);
    // Typed columns keep their type.
    const persons = inf.spec.files.find((f) => f.match === 'persons.csv')!.entities[0];
    expect(persons.attributes.find((a) => a.column === 'born:int')).toMatchObject({ type: 'int' });
    expect(persons.attributes.find((a) => a.column === 'dob:date')).toMatchObject({ type: 'date' });
  });

  it('imports without a spec, with exact counts of every label and type', async () => {
    const { jobId } = await call(b, 'import.start', { path: g.dir });
    const done = await b.waitForJob(jobId);
    expect(done.state).toBe('done');
    const c = countsOf(file);
    expect(c.integrity).toBe('ok');
    for (const [label, n] of Object.entries(g.counts.byLabel)) expect(c.nodes[customKindOf(label)]).toBe(n);
    for (const [type, n] of Object.entries(g.counts.byType)) expect(c.links[customKindOf(type)]).toBe(n);
    expect(Object.keys(c.nodes).sort()).toEqual(Object.keys(g.counts.byLabel).map(customKindOf).sort());
    const report = await call(b, 'import.report', { importId: done.importId!, limit: 10 });
    expect(report.rowsRejected).toBe(0);
    expect(report.rowsLoaded).toBe(g.nodes.length + g.rels.length);
    // Kinds keep their look in the case.
    const kinds = await call(b, 'kinds.list', {});
    expect(kinds.nodes.find((k) => k.kind === 'x.person')).toMatchObject({ label: 'Person', icon: 'person' });
    expect(kinds.links.find((k) => k.kind === 'x.works_at')).toMatchObject({ label: 'works at', directed: true });
  });

  it('shows an entity with its typed attributes and their source row', async () => {
    const ref = (await call(b, 'graph.resolveId', { sourceId: sourceId('Person', 'p7') }))!;
    expect(ref.kind).toBe('x.person');
    const d = await call(b, 'graph.node', { id: ref.id });
    const row = fs.readFileSync(path.join(g.dir, 'persons.csv'), 'utf8').split('\n').findIndex((l) => l.startsWith('p7,')) + 1;
    expect(d.kindLabel).toBe('Person');
    expect(d.attributes.find((a) => a.name === 'born')?.provenance).toMatchObject({ file: 'persons.csv', line: row });
    const hits = await call(b, 'search', { q: d.attributes.find((a) => a.name === 'name')!.value });
    expect(hits.some((h) => h.id === ref.id)).toBe(true);
  });

  it('answers paths whose lengths equal a breadth-first search of the files, over the link kinds asked', async () => {
    const adj = adjacency(g);
    const people = g.nodes.filter((n) => n.label === 'Person');
    let checked = 0;
    for (let i = 0; i < 12; i++) {
      const a = people[(i * 37) % people.length];
      const z = people[(i * 53 + 11) % people.length];
      const d = bfs(adj, `Person|${a.id}`).dist.get(`Person|${z.id}`);
      const r = await call(b, 'graph.path', { from: sourceId('Person', a.id), to: sourceId('Person', z.id), k: 3, maxHops: 12, avoidHubs: false });
      if (d === undefined || a.id === z.id) continue;
      expect(r.paths[0]?.length).toBe(d);
      // Every path found, shortest first.
      expect(r.paths.map((p) => p.length)).toEqual([...r.paths.map((p) => p.length)].sort((x, y) => x - y));
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
    // Only KNOWS links: the lengths of the person-to-person graph alone.
    const knows = { ...g, rels: g.rels.filter((r) => r.type === 'KNOWS') };
    const kadj = adjacency(knows);
    const a = people[3];
    const z = people[90];
    const d = bfs(kadj, `Person|${a.id}`).dist.get(`Person|${z.id}`);
    const r = await call(b, 'graph.path', { from: sourceId('Person', a.id), to: sourceId('Person', z.id), linkKinds: ['x.knows'], maxHops: 12, avoidHubs: false });
    expect(r.paths[0]?.length).toBe(d);
    expect(r.paths[0]?.links.every((l) => l.kind === 'x.knows') ?? true).toBe(true);
  });

  it('ranks by betweenness and degree exactly as computed from the definition', async () => {
    const adj = adjacency(g);
    const brute = bruteBetweenness(adj);
    const r = await call(b, 'graph.rank', { metric: 'betweenness', top: 15 });
    const expected = [...brute].sort((x, y) => y[1] - x[1]).slice(0, 15);
    const got = await Promise.all(r.top.map(async (t) => [t.sourceId, t.score] as const));
    for (let i = 0; i < expected.length; i++) {
      const [space, id] = expected[i][0].split('|');
      expect(got[i][1]).toBeCloseTo(expected[i][1], 6);
      // Ties may come in another order; the score at each rank must agree, and a distinct score names the same entity.
      if (i === 0 || Math.abs(expected[i][1] - expected[i - 1][1]) > 1e-9) {
        if (i + 1 >= expected.length || Math.abs(expected[i][1] - expected[i + 1][1]) > 1e-9) expect(got[i][0]).toBe(sourceId(space, id));
      }
    }
    const deg = await call(b, 'graph.rank', { metric: 'degree', kinds: ['x.person'], linkKinds: ['x.knows'], top: 5 });
    const kdeg = [...adjacency({ ...g, rels: g.rels.filter((x) => x.type === 'KNOWS') })].filter(([k]) => k.startsWith('Person|')).map(([, s]) => s.size).sort((x, y) => y - x);
    expect(deg.top.map((t) => t.score)).toEqual(kdeg.slice(0, 5));
  });

  it('the same export again adds nothing', async () => {
    const before = countsOf(file);
    const { jobId } = await call(b, 'import.start', { path: g.dir });
    const done = await b.waitForJob(jobId);
    expect(done.note).toMatch(/already imported/);
    expect(countsOf(file)).toEqual(before);
  });

  it('a relationship to an id no node file defines is named by file, line and spec field, and nothing is kept unless accepted', async () => {
    const dir = path.join(tmpDir(), 'broken-export');
    const broken = writeNeo4jExport(dir, 5, 20, 5, 3, 3);
    fs.appendFileSync(path.join(dir, 'knows.csv'), csv([['p1', 'p999', '2011', 'KNOWS']]));
    const line = fs.readFileSync(path.join(dir, 'knows.csv'), 'utf8').trimEnd().split('\n').length;
    const before = countsOf(file);
    const { jobId } = await call(b, 'import.start', { path: dir });
    const done = await b.waitForJob(jobId);
    expect(done.note).toMatch(/1 row would be rejected, so nothing was kept/);
    expect(countsOf(file)).toEqual(before);
    const report = await call(b, 'import.report', { importId: done.importId!, limit: 10 });
    expect(report.status).toBe('rejected');
    expect(report.rejects).toEqual([
      { file: 'knows.csv', line, column: ':END_ID(Person)', reason: expect.stringMatching(/^\$\.files\[\d+\]\.links\[0\]\.to: 'p999' is not an id that a node file or row defines \(id space 'broken-export\/Person'\)$/) },
    ]);
    // Accepted: the rest loads.
    const again = await call(b, 'import.start', { path: dir, acceptRejects: true });
    const ok = await b.waitForJob(again.jobId);
    const r2 = await call(b, 'import.report', { importId: ok.importId!, limit: 10 });
    expect(r2.status).toBe('done');
    expect(r2.rowsRejected).toBe(1);
    expect(r2.rowsLoaded).toBe(broken.nodes.length + broken.rels.length);
  });
});
