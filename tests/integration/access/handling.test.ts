// Handling rules enforced in the backend, for every contract call: the ORCON canary planted in
// the demo never reaches a CBP or USCIS answer, and LES content never reaches USCIS. Each
// profile answers the same questions about the same records; the answers are searched whole.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../../electron/backend/api';
import { generateDemo } from '../../../electron/backend/demo/generate';
import { contract, type CallName, type Output } from '../../../shared/contract';
import type { Agency, NodeRef } from '../../../shared/model';
import { tmpDir } from '../../fixtures/bundle-builder';
import { call, runImport } from '../../helpers/case';

interface Planted {
  orcon_canary: string;
  orcon_case_id: string;
}

type Row = Record<string, string>;
const readCsv = (dir: string, f: string): Row[] => parse(fs.readFileSync(path.join(dir, f)), { columns: true, skip_empty_lines: true, relax_column_count: true });

let dir: string;
let bundle: string;
let file: string;
let planted: Planted;
let lesStrings: string[];
/** Links and nodes around the ORCON case, as its ICE owner sees them. */
const near = { linkIds: [] as number[], nodeIds: [] as number[], recordIds: [] as string[] };

/** Every call a profile makes about the case, with its answer (or error) as text. */
async function askEverything(b: Backend, about: { caseId: string; lesCaseId: string; linkIds: number[]; nodeIds: number[]; recordIds: string[] }): Promise<{ answers: Map<CallName, string>; refs: Map<string, NodeRef | null> }> {
  const answers = new Map<CallName, string>();
  const ask = async <N extends CallName>(name: N, input: unknown): Promise<Output<N> | null> => {
    const r = await b.handle(name, input);
    answers.set(name, `${answers.get(name) ?? ''}\n${JSON.stringify(r)}`);
    return r.ok ? (r.value as Output<N>) : null;
  };
  const refs = new Map<string, NodeRef | null>();
  for (const id of [about.caseId, about.lesCaseId]) refs.set(id, await ask('graph.resolveId', { sourceId: id }));
  const ids = [...refs.values()].filter((r): r is NodeRef => !!r).map((r) => r.id);
  await ask('app.info', {});
  await ask('case.current', {});
  await ask('graph.stats', {});
  await ask('search', { q: planted.orcon_canary });
  await ask('search', { q: 'smuggling currency', limit: 200 });
  for (const s of lesStrings.slice(0, 5)) await ask('search', { q: s.split(' ').slice(0, 4).join(' ') });
  const neighbours: number[] = [];
  for (const id of ids) {
    await ask('graph.node', { id });
    const e = await ask('graph.expand', { id, force: true, limit: 500 });
    if (e?.type === 'graph') {
      neighbours.push(...e.nodes.map((n) => n.id));
      for (const l of e.links.slice(0, 20)) await ask('graph.link', { id: l.id });
    }
  }
  for (const id of neighbours.slice(0, 30)) {
    await ask('graph.node', { id });
    await ask('graph.expand', { id, force: true, limit: 200 });
  }
  const all = [...ids, ...neighbours.slice(0, 30)];
  await ask('graph.timeline', { ids: all, limit: 2000 });
  await ask('graph.metrics', { nodes: all, links: [] });
  await ask('graph.rank', { metric: 'degree', top: 5000 });
  await ask('graph.rank', { metric: 'pagerank', kinds: ['case', 'subject', 'person'], top: 2000 });
  await ask('kinds.list', {});
  // A table of tips naming the records around the ORCON case: the preview shows what the case
  // already holds only as the profile may see it.
  const tips = path.join(dir, `tips-${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(tips, ['tip,record', ...[...about.recordIds, about.caseId].map((r, i) => `T${i},${r}`)].join('\n'));
  await ask('import.preview', {
    path: tips,
    spec: {
      type: 'crosslink-import-spec', version: 1, name: 'tips', source: { agency: 'CBP' },
      files: [{ entities: [{ id: 'tip', kind: 'x.tip', key: { columns: ['tip'] } }], links: [{ kind: 'x.about', from: { entity: 'tip' }, to: { column: 'record' } }] }],
    },
  });
  // Ids of links and nodes near the case, as the owner saw them: a profile must not learn
  // anything by asking about them directly either.
  for (const id of about.linkIds) await ask('graph.link', { id });
  for (const id of about.nodeIds) await ask('graph.node', { id });
  await ask('session.elements', { nodes: [...ids, ...about.nodeIds], links: about.linkIds });
  await ask('graph.path', { from: about.caseId, to: about.nodeIds[about.nodeIds.length - 1] ?? about.lesCaseId, k: 3, avoidHubs: false });
  await ask('graph.connect', { ids: [...new Set([...ids, ...about.nodeIds.slice(0, 4)])].slice(0, 5), avoidHubs: false });
  const leads = await ask('leads.list', { limit: 500 });
  for (const l of leads?.leads.slice(0, 40) ?? []) await ask('leads.get', { id: l.id });
  await ask('cotravel.list', { minCount: 1, limit: 500 });
  await ask('trends.ports', {});
  await ask('watch.list', {});
  await ask('resolution.rows', {});
  await ask('resolution.queue', { limit: 200 });
  await ask('resolution.decisions', {});
  await ask('resolution.explain', { a: about.caseId, b: about.lesCaseId });
  const boards = await ask('board.list', {});
  for (const bd of boards ?? []) await ask('board.load', { id: bd.id });
  const imports = await ask('import.list', {});
  for (const i of imports ?? []) {
    await ask('import.report', { importId: i.importId, limit: 1000 });
    await ask('import.rejectsCsv', { importId: i.importId });
  }
  await ask('audit.list', { limit: 1000 });
  await ask('audit.verify', {});
  await ask('ops.health', {});
  await ask('ops.diagnostics', {});
  await ask('backup.list', {});
  return { answers, refs };
}

/** Calls that change the case or the host, or read files: asked elsewhere, not about content. */
const NOT_ABOUT_CONTENT = new Set<CallName>([
  'case.create', 'case.open', 'case.close', 'fs.list', 'import.start', 'import.progress', 'import.cancel', 'backup.create', 'backup.verify', 'backup.restore',
  // read or write the analyst's own files, not the case (tests/integration/ingest/spec-*.test.ts)
  'import.infer', 'spec.save', 'spec.load',
  'resolution.run', 'resolution.decide', 'resolution.undo', 'board.create', 'board.rename', 'board.delete', 'board.save', 'cotravel.run', 'leads.run', 'leads.mark',
  'watch.add', 'watch.remove', 'watch.run', 'brief.verify',
  // asked in the briefing package tests (tests/integration/brief)
  'brief.export',
  // a review session's own calls: asked, with its participants' sockets, in tests/integration/session
  'session.host', 'session.status', 'session.interrupted', 'session.admit', 'session.deny', 'session.remove', 'session.end', 'session.self',
]);

async function openAs(agency: Agency | undefined): Promise<Backend> {
  const b = new Backend({ host: 'cli', version: 'test', checkOutput: true, actAs: agency });
  await call(b, 'case.open', { path: file });
  return b;
}

beforeAll(async () => {
  dir = tmpDir();
  bundle = path.join(dir, 'demo');
  await generateDemo({ out: bundle, seed: 23, people: 1500, days: 3 });
  planted = JSON.parse(fs.readFileSync(`${bundle}.truth/planted.json`, 'utf8'));
  // LES case texts that no shared or LES-free row repeats: they may reach CBP and ICE only.
  const cases = readCsv(bundle, 'cases.csv');
  const shared = cases.filter((c) => c.handling !== 'LES').map((c) => `${c.title}\n${c.summary}`).join('\n');
  lesStrings = cases.filter((c) => c.handling === 'LES' && c.summary.length > 20 && !shared.includes(c.summary)).map((c) => c.summary);
  file = path.join(dir, 'case.crosslink');
  const owner = new Backend({ host: 'cli', version: 'test', checkOutput: true });
  await call(owner, 'case.create', { path: file, name: 'Access test', profile: { name: 'R. Ortega', agency: 'ICE' } });
  const { progress } = await runImport(owner, bundle);
  expect(progress.state).toBe('done');
  // The ICE owner reads the ORCON case, searches the canary and saves a board holding the case.
  const ref = await call(owner, 'graph.resolveId', { sourceId: planted.orcon_case_id });
  await call(owner, 'search', { q: planted.orcon_canary });
  await call(owner, 'graph.node', { id: ref!.id });
  const around = await call(owner, 'graph.expand', { id: ref!.id, force: true, limit: 200 });
  if (around.type === 'graph') {
    near.linkIds = around.links.map((l) => l.id).slice(0, 20);
    near.nodeIds = around.nodes.map((n) => n.id).slice(0, 20);
    near.recordIds = around.nodes.filter((n) => n.kind === 'subject' || n.kind === 'vehicle').map((n) => n.sourceId!).slice(0, 10);
  }
  const state = { type: 'crosslink-board' as const, version: 2, nodes: [{ ref: ref!, pos: { x: 0, y: 0 }, marks: { note: `see ${planted.orcon_canary}` } }], links: [] };
  await call(owner, 'board.create', { name: 'ICE working board', state });
  await call(owner, 'watch.add', { kind: 'entity', target: planted.orcon_case_id });
  await owner.close();
}, 300_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('handling rules in every answer', () => {
  const lesCase = () => readCsv(bundle, 'cases.csv').find((c) => c.handling === 'LES' && lesStrings.includes(c.summary))!.case_id;

  it('the ICE analyst who owns the case reads the ORCON case, canary included', async () => {
    const b = await openAs(undefined);
    try {
      const info = await call(b, 'case.current', {});
      expect(info?.profile).toEqual({ name: 'R. Ortega', agency: 'ICE' });
      expect(info?.actingAs.agency).toBe('ICE');
      const hits = await call(b, 'search', { q: planted.orcon_canary });
      expect(hits.some((h) => h.sourceId === planted.orcon_case_id)).toBe(true);
      const ref = await call(b, 'graph.resolveId', { sourceId: planted.orcon_case_id });
      const d = await call(b, 'graph.node', { id: ref!.id });
      expect(JSON.stringify(d)).toContain(planted.orcon_canary);
    } finally {
      await b.close();
    }
  });

  for (const agency of ['CBP', 'USCIS'] as const) {
    it(`${agency}: no answer to any contract call holds the ORCON canary; the case is a pointer`, async () => {
      const b = await openAs(agency);
      try {
        const { answers, refs } = await askEverything(b, { caseId: planted.orcon_case_id, lesCaseId: lesCase(), ...near });
        // every call about content was asked, so a new call cannot slip past this test
        const unasked = (Object.keys(contract) as CallName[]).filter((n) => !answers.has(n) && !NOT_ABOUT_CONTENT.has(n));
        expect(unasked).toEqual([]);
        for (const [name, text] of answers) expect(text.includes(planted.orcon_canary), `${name} leaked the canary`).toBe(false);
        const pointer = refs.get(planted.orcon_case_id)!;
        expect(pointer.kind).toBe('pointer');
        expect(pointer.label).toMatch(/^ICE holds a record — contact HSI /);
        expect(pointer.sourceId).toBeNull();
        // "hit / no hit": searching the canary tells that ICE holds something, nothing more
        const hits = await call(b, 'search', { q: planted.orcon_canary });
        expect(hits).toHaveLength(1);
        expect(hits[0]).toMatchObject({ kind: 'pointer', matched: '' });
        const board = (await call(b, 'board.list', {})).find((x) => x.name === 'ICE working board')!;
        const loaded = (await call(b, 'board.load', { id: board.id }))!;
        expect(loaded.state.nodes[0].ref.kind).toBe('pointer');
        expect(loaded.state.nodes[0].marks?.note).toBeUndefined();
        // saving the board as CBP sees it does not lose the ICE analyst's note on the pointer
        await call(b, 'board.save', { id: board.id, state: { ...loaded.state, viewport: { zoom: 1, x: 5, y: 5 } } });
        // (the case copy is written behind the journal: wait until the viewport shows it landed)
        const stored = async () => {
          const raw = new Database(file, { readonly: true });
          try {
            return JSON.parse(raw.prepare('SELECT state FROM board WHERE id = ?').pluck().get(board.id) as string) as { nodes: Array<{ marks?: { note?: string } }>; viewport?: { x: number } };
          } finally {
            raw.close();
          }
        };
        await expect.poll(async () => (await stored()).viewport?.x, { timeout: 10_000 }).toBe(5);
        expect((await stored()).nodes[0].marks?.note).toBe(`see ${planted.orcon_canary}`);
        // the ICE analyst's watch rule and its news are ICE's; a withheld record cannot be watched
        expect(await call(b, 'watch.list', {})).toEqual([]);
        const w = await b.handle('watch.add', { kind: 'entity', target: planted.orcon_case_id });
        expect(w.ok ? null : w.error.code).toBe('unauthorized');
        expect(JSON.stringify(w)).not.toContain(planted.orcon_canary);
      } finally {
        await b.close();
      }
    }, 240_000);
  }

  it('a CBP path never walks through the ORCON case, though an ICE path between the same persons may', async () => {
    const db = new Database(file, { readonly: true });
    // An ORCON case naming two persons who also have records CBP may read.
    const rows = db
      .prepare(
        `SELECT c.id AS caseId, p.key AS person FROM node c JOIN link cn ON cn.src = c.id AND cn.kind = 'case_names'
         JOIN link ra ON ra.src = cn.dst AND ra.kind = 'resolved_as' JOIN node p ON p.id = ra.dst
         WHERE c.kind = 'case' AND c.handling = 'ORCON'
           AND EXISTS (SELECT 1 FROM link r2 JOIN node m ON m.id = r2.src WHERE r2.dst = p.id AND r2.kind = 'resolved_as' AND m.handling <> 'ORCON')
         GROUP BY c.id, p.id`,
      )
      .all() as Array<{ caseId: number; person: string }>;
    db.close();
    const byCase = new Map<number, string[]>();
    for (const r of rows) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r.person]);
    const found = [...byCase].find(([, ps]) => ps.length >= 2);
    expect(found, 'the demo has an ORCON case naming two persons CBP can see').toBeTruthy();
    const [caseId, persons] = found!;
    const ice = await openAs(undefined);
    try {
      const r = await call(ice, 'graph.path', { from: persons[0], to: persons[1], k: 5, avoidHubs: false });
      expect(r.paths.some((p) => p.nodes.some((n) => n.id === caseId))).toBe(true);
    } finally {
      await ice.close();
    }
    const cbp = await openAs('CBP');
    try {
      const r = await call(cbp, 'graph.path', { from: persons[0], to: persons[1], k: 5, avoidHubs: false });
      for (const p of r.paths) {
        expect(p.nodes.map((n) => n.id)).not.toContain(caseId);
        expect(p.nodes.every((n) => n.kind !== 'pointer')).toBe(true);
      }
      // the walk itself kept to what CBP may see: nothing had to be dropped afterwards
      expect(r.note ?? '').not.toMatch(/through records you may not see; ask the agencies/);
      if (!r.paths.length) expect(r.note).toMatch(/held by other agencies/);
    } finally {
      await cbp.close();
    }
  }, 120_000);

  it('USCIS sees no LES content; CBP does', async () => {
    expect(lesStrings.length).toBeGreaterThan(0);
    const total = (t: { ports: Array<{ counts: number[] }> }) => t.ports.reduce((a, p) => a + p.counts.reduce((x, y) => x + y, 0), 0);
    let uscisCrossings = 0;
    const uscis = await openAs('USCIS');
    try {
      const u = await askEverything(uscis, { caseId: lesCase(), lesCaseId: lesCase(), ...near });
      for (const [name, text] of u.answers) for (const s of lesStrings) expect(text.includes(s), `${name} leaked LES text to USCIS`).toBe(false);
      expect(u.refs.get(lesCase())!.kind).toBe('pointer');
      uscisCrossings = total(await call(uscis, 'trends.ports', {}));
    } finally {
      await uscis.close();
    }
    const cbp = await openAs('CBP');
    try {
      const ref = await call(cbp, 'graph.resolveId', { sourceId: lesCase() });
      expect(ref!.kind).toBe('case');
      const d = await call(cbp, 'graph.node', { id: ref!.id });
      expect(lesStrings.some((s) => JSON.stringify(d).includes(s))).toBe(true);
      // LES crossings count in CBP's trends, not in USCIS's
      expect(total(await call(cbp, 'trends.ports', {}))).toBeGreaterThan(uscisCrossings);
    } finally {
      await cbp.close();
    }
  }, 240_000);
});
