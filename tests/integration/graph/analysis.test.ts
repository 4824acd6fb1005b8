// Paths, co-travel, metrics, timeline and boards through the contract, on a generated demo
// case in a real case file (the analysis runs in its own worker).
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../electron/backend/demo/generate';
import type { Backend } from '../../../electron/backend/api';
import { tmpDir } from '../../fixtures/bundle-builder';
import { call, newCase, runImport } from '../../helpers/case';

describe('connecting the dots', () => {
  let backend: Backend;
  let file: string;
  let db: Database.Database;
  beforeAll(async () => {
    const dir = tmpDir();
    await generateDemo({ out: path.join(dir, 'bundle'), seed: 7 });
    ({ backend, file } = await newCase());
    await runImport(backend, path.join(dir, 'bundle'));
    db = new Database(file, { readonly: true });
  }, 120_000);
  afterAll(async () => {
    db?.close();
    await backend?.close();
  });

  /** Two persons whose subject records share a phone: a 2-hop path person - phone - person. */
  function sharedPhone(): { a: string; b: string; phone: number } {
    const r = db
      .prepare(
        `SELECT pa.key AS a, pb.key AS b, la.dst AS phone FROM link la JOIN link lb ON lb.dst = la.dst AND lb.src != la.src
         JOIN link ra ON ra.src = la.src AND ra.kind = 'resolved_as' JOIN node pa ON pa.id = ra.dst AND pa.kind = 'person'
         JOIN link rb ON rb.src = lb.src AND rb.kind = 'resolved_as' JOIN node pb ON pb.id = rb.dst AND pb.kind = 'person'
         WHERE la.kind = 'has_phone' AND lb.kind = 'has_phone' AND pa.id != pb.id LIMIT 1`,
      )
      .get() as { a: string; b: string; phone: number };
    expect(r).toBeTruthy();
    return r;
  }

  it('finds a path between two persons through the records that hold a shared phone, explained step by step', async () => {
    const { a, b, phone } = sharedPhone();
    const res = await call(backend, 'graph.path', { from: a, to: b, k: 3 });
    expect(res.paths.length).toBeGreaterThan(0);
    const best = res.paths[0];
    expect(best.length).toBeLessThanOrEqual(2);
    expect(res.paths.map((p) => p.length)).toEqual([...res.paths.map((p) => p.length)].sort((x, y) => x - y));
    expect(best.nodes[0].sourceId).toBe(a);
    expect(best.nodes.at(-1)!.sourceId).toBe(b);
    if (best.length === 2 && best.nodes[1].id === phone) {
      // Each step names the subject record that holds the phone, and its source row.
      for (const step of best.links) {
        expect(step.kind).toBe('has_phone');
        expect(step.via.map((v) => v.kind)).toEqual(['subject']);
        expect(step.provenance?.file).toBe('subjects.csv');
        expect(step.provenance?.line).toBeGreaterThan(1);
      }
      // What to draw: both persons, the phone, the two records and their 'record of' links.
      expect(best.board.nodes.map((n) => n.kind).sort()).toEqual(['person', 'person', 'phone', 'subject', 'subject']);
      expect(best.board.links.filter((l) => l.kind === 'resolved_as')).toHaveLength(2);
    }
    // Paths are distinct.
    expect(new Set(res.paths.map((p) => p.nodes.map((n) => n.id).join())).size).toBe(res.paths.length);
  });

  it('keeps to the link kinds asked for, and says so when nothing is found', async () => {
    const { a, b } = sharedPhone();
    const only = await call(backend, 'graph.path', { from: a, to: b, linkKinds: ['has_phone'], k: 5 });
    for (const p of only.paths) for (const s of p.links) expect(s.kind).toBe('has_phone');
    const none = await call(backend, 'graph.path', { from: a, to: b, linkKinds: ['lookout_on'], maxHops: 3 });
    expect(none.paths).toEqual([]);
    expect(none.note).toMatch(/No path of at most 3 hops over the chosen link kinds/);
  });

  it('does not pass through ports unless allowed', async () => {
    // Two travellers' events at the same port and nothing else in common: only through the port.
    const ev = db
      .prepare(`SELECT a.src AS e1, b.src AS e2 FROM link a JOIN link b ON b.dst = a.dst AND b.src > a.src WHERE a.kind = 'at_port' AND b.kind = 'at_port' LIMIT 200`)
      .all() as Array<{ e1: number; e2: number }>;
    let checked = 0;
    for (const { e1, e2 } of ev) {
      const open = await call(backend, 'graph.path', { from: e1, to: e2, avoidHubs: false, maxHops: 2 });
      if (!open.paths.length || open.paths[0].nodes[1].kind !== 'port') continue;
      const avoided = await call(backend, 'graph.path', { from: e1, to: e2, maxHops: 2 });
      for (const p of avoided.paths) expect(p.nodes.slice(1, -1).some((n) => n.kind === 'port')).toBe(false);
      if (!avoided.paths.length) expect(avoided.hubsAvoided.some((h) => h.kind === 'port')).toBe(true);
      checked++;
      if (checked >= 3) break;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('keeps dated steps inside a time window', async () => {
    const { a, b } = sharedPhone();
    const res = await call(backend, 'graph.path', { from: a, to: b, since: '2025-12-02', until: '2025-12-03', k: 5, maxHops: 8 });
    for (const p of res.paths) for (const s of p.links) if (s.at) expect(s.at.slice(0, 10) >= '2025-12-02' && s.at.slice(0, 10) <= '2025-12-03').toBe(true);
    await expect(backend.handle('graph.path', { from: a, to: b, since: 'yesterday' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await expect(backend.handle('graph.path', { from: a, to: 'NO-SUCH-ID' })).resolves.toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('connects a selected set with the union of shortest paths', async () => {
    const { a, b } = sharedPhone();
    const pa = await call(backend, 'graph.resolveId', { sourceId: a });
    const pb = await call(backend, 'graph.resolveId', { sourceId: b });
    const res = await call(backend, 'graph.connect', { ids: [pa!.id, pb!.id] });
    expect(res.pairs[0].length).not.toBeNull();
    const ids = new Set(res.board.nodes.map((n) => n.id));
    expect(ids.has(pa!.id) && ids.has(pb!.id)).toBe(true);
    for (const l of res.board.links) expect(ids.has(l.source) && ids.has(l.target)).toBe(true);
  });

  it('finds persons who travel together and stores them as travelled-with links', async () => {
    const run = await call(backend, 'cotravel.run', { minCount: 2, windowMinutes: 0 });
    const list = await call(backend, 'cotravel.list', { minCount: 2, limit: 50 });
    expect(list.total).toBe(run.pairs);
    expect(run.pairs).toBeGreaterThan(0);
    // Check the top pair against the case itself: events shared by the two persons' crossings.
    const top = list.pairs[0];
    const shared = db
      .prepare(
        `SELECT count(DISTINCT ta.dst) FROM link ra JOIN link ta ON ta.src = ra.src AND ta.kind = 'travelled_in'
         JOIN link tb ON tb.dst = ta.dst AND tb.kind = 'travelled_in' JOIN link rb ON rb.src = tb.src AND rb.kind = 'resolved_as' AND rb.dst = @b
         WHERE ra.dst = @a AND ra.kind = 'resolved_as'`,
      )
      .pluck()
      .get({ a: top.a.id, b: top.b.id }) as number;
    expect(top.count).toBe(shared);
    expect(top.sameEvent).toBe(shared);
    expect(top.first <= top.last).toBe(true);
    // A wider window finds at least as many pairs; min count is respected.
    const wide = await call(backend, 'cotravel.run', { minCount: 2, windowMinutes: 30 });
    expect(wide.pairs).toBeGreaterThanOrEqual(run.pairs);
    for (const p of (await call(backend, 'cotravel.list', { minCount: 1, limit: 500 })).pairs) expect(p.count).toBeGreaterThanOrEqual(2);
    // The derived links are part of the graph: a path can use them.
    const p = await call(backend, 'graph.path', { from: top.a.id, to: top.b.id, linkKinds: ['travelled_with'] });
    expect(p.paths[0]?.links[0]?.detail).toMatch(/together \d+ times/);
  });

  it('scores a board: degree, betweenness, PageRank and communities', async () => {
    // A star joined to a triangle through one bridge node.
    const links: Array<[number, number]> = [[1, 2], [1, 3], [1, 4], [4, 5], [5, 6], [6, 7], [7, 5]];
    const res = await call(backend, 'graph.metrics', { nodes: [1, 2, 3, 4, 5, 6, 7], links });
    const by = new Map(res.scores.map((s) => [s.id, s]));
    expect(by.get(1)!.degree).toBe(3);
    expect(by.get(4)!.betweenness).toBeGreaterThan(by.get(2)!.betweenness);
    expect(by.get(2)!.betweenness).toBe(0);
    expect(res.scores.reduce((s, x) => s + x.pagerank, 0)).toBeCloseTo(1, 5);
    expect(res.communities).toBeGreaterThanOrEqual(2);
    expect(by.get(6)!.community).toBe(by.get(7)!.community);
  });

  it('gives the timeline of a person from the crossings of its records', async () => {
    const p = db
      .prepare(`SELECT r.dst AS id, count(*) AS n FROM link r JOIN link t ON t.src = r.src AND t.kind = 'travelled_in' WHERE r.kind = 'resolved_as' GROUP BY r.dst ORDER BY n DESC LIMIT 1`)
      .get() as { id: number; n: number };
    const res = await call(backend, 'graph.timeline', { ids: [p.id] });
    const crossings = res.items.filter((i) => i.kind === 'travelled_in');
    expect(crossings).toHaveLength(p.n);
    expect(res.items.every((i) => i.nodeId === p.id)).toBe(true);
    expect(res.items.map((i) => i.at)).toEqual([...res.items.map((i) => i.at)].sort());
  });

  it('keeps several boards: create, rename, save, load, delete', async () => {
    const state = { nodes: [], links: [] };
    const b = await call(backend, 'board.create', { name: 'Smuggling ring', state });
    expect(b.id).toBeGreaterThan(1);
    await expect(backend.handle('board.create', { name: 'smuggling RING' })).resolves.toMatchObject({ ok: false, error: { code: 'conflict' } });
    const ref = (await call(backend, 'search', { q: sharedPhone().a, limit: 1 }))[0];
    const saved = { version: 2, type: 'crosslink-board' as const, nodes: [{ ref, pos: { x: 10, y: 20 }, marks: { note: 'met at BOTA', pinned: true } }], links: [], groups: [] };
    await call(backend, 'board.save', { id: b.id, state: saved });
    const renamed = await call(backend, 'board.rename', { id: b.id, name: 'Ring (reviewed)' });
    expect(renamed.name).toBe('Ring (reviewed)');
    const loaded = await call(backend, 'board.load', { id: b.id });
    expect(loaded?.name).toBe('Ring (reviewed)');
    expect(loaded?.state.nodes[0].marks).toEqual({ note: 'met at BOTA', pinned: true });
    const list = await call(backend, 'board.list', {});
    expect(list.map((x) => x.id)).toContain(1);
    expect(list.find((x) => x.id === b.id)?.nodes).toBe(1);
    await expect(backend.handle('board.delete', { id: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call(backend, 'board.delete', { id: b.id })).toEqual({ deleted: true });
    await expect(backend.handle('board.load', { id: b.id })).resolves.toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('co-travel before resolution', () => {
  it('takes records with the same document as one person', async () => {
    const dir = tmpDir();
    await generateDemo({ out: path.join(dir, 'bundle'), seed: 7 });
    const { backend, file } = await newCase({ autoResolve: false });
    try {
      await runImport(backend, path.join(dir, 'bundle'));
      const run = await call(backend, 'cotravel.run', { minCount: 2, windowMinutes: 0 });
      expect(run.pairs).toBeGreaterThan(0);
      const list = await call(backend, 'cotravel.list', { minCount: 2, limit: 5 });
      // No persons yet: each side is the first record (subject or crossing) with its document.
      for (const p of list.pairs) for (const k of [p.a.kind, p.b.kind]) expect(['subject', 'traveller']).toContain(k);
      const db = new Database(file, { readonly: true });
      try {
        const docs = (id: number) => db.prepare(`SELECT dst FROM link WHERE src = ? AND kind = 'has_document'`).pluck().all(id);
        const top = list.pairs[0];
        expect(docs(top.a.id)).not.toEqual(docs(top.b.id));
      } finally {
        db.close();
      }
    } finally {
      await backend.close();
    }
  }, 120_000);
});
