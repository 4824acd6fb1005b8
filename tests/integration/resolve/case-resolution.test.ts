// Resolution in a real case: after an import the demo's records resolve into persons that
// match the generator's truth, the planted alias stays two people, the evidence is there,
// and analyst decisions change the outcome, survive a re-run and can be undone.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/api';
import { generateDemo } from '../../../electron/backend/demo/generate';
import { tmpDir } from '../../fixtures/bundle-builder';
import { pairwise } from '../../bench/datasets';
import { call, newCase, runImport } from '../../helpers/case';

describe('resolution in a case', () => {
  let backend: Backend;
  let bundle: string;
  let truth: Map<string, string>;
  let alias: string[];

  beforeAll(async () => {
    bundle = path.join(tmpDir(), 'demo');
    await generateDemo({ out: bundle, seed: 7 });
    const lines = fs.readFileSync(`${bundle}.truth/persons.csv`, 'utf8').trim().split('\n').slice(1);
    truth = new Map(lines.map((l) => l.split(',')).map(([, id, person]) => [id, person]));
    alias = (JSON.parse(fs.readFileSync(`${bundle}.truth/planted.json`, 'utf8')) as { alias_trap: { record_ids: string[] } }).alias_trap.record_ids;
    ({ backend } = await newCase());
    await runImport(backend, bundle);
  }, 60_000);
  afterAll(async () => backend?.close());

  const rowsByRecord = async () => new Map((await call(backend, 'resolution.rows', {})).filter((r) => r.kind === 'person').map((r) => [r.recordId, r.entityId]));

  it('runs after the import and agrees with the ground truth', async () => {
    const rows = await rowsByRecord();
    const ids = [...rows.keys()].filter((id) => truth.has(id));
    expect(ids.length).toBeGreaterThan(1000);
    const entities = ids.map((id) => rows.get(id)!);
    const index = new Map(entities.map((e, i) => [e, i]));
    const s = pairwise(entities.map((e) => index.get(e)!), ids.map((id) => truth.get(id)!));
    expect(s.precision).toBeGreaterThan(0.99);
    expect(s.recall).toBeGreaterThan(0.95);
    // The planted alias: one name and address, two people.
    const byPerson = new Map<string, Set<string>>();
    for (const id of alias) {
      const p = truth.get(id)!;
      if (!byPerson.has(p)) byPerson.set(p, new Set());
      byPerson.get(p)!.add(rows.get(id)!);
    }
    const [x, y] = [...byPerson.values()];
    for (const e of x) expect(y.has(e)).toBe(false);
  });

  it('vehicle records and the crossings naming a vehicle resolve into vehicles that match the truth', async () => {
    const vtruth = new Map(
      fs.readFileSync(`${bundle}.truth/vehicles.csv`, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')).map(([, id, v]) => [id, v]),
    );
    const rows = (await call(backend, 'resolution.rows', {})).filter((r) => r.kind === 'vehicle');
    expect(rows.some((r) => r.recordId.startsWith('CBP-X-'))).toBe(true);
    const ids = rows.map((r) => r.recordId).filter((id) => vtruth.has(id));
    expect(ids.length).toBeGreaterThan(100);
    const entity = new Map(rows.map((r) => [r.recordId, r.entityId]));
    const index = new Map([...new Set(ids.map((id) => entity.get(id)!))].map((e, i) => [e, i]));
    const s = pairwise(ids.map((id) => index.get(entity.get(id)!)!), ids.map((id) => vtruth.get(id)!));
    expect(s.f1).toBeGreaterThan(0.95);
  });

  it('a person is searchable, shows its records with evidence, and show accepts its id', async () => {
    const rows = await rowsByRecord();
    const multi = [...rows.values()].find((e, _i, all) => all.filter((x) => x === e).length >= 3)!;
    const ref = await call(backend, 'graph.resolveId', { sourceId: multi });
    expect(ref?.kind).toBe('person');
    const d = await call(backend, 'graph.node', { id: ref!.id });
    expect(d.attributes.length).toBeGreaterThanOrEqual(3);
    expect(d.attributes.some((a) => /matched .* \(p \d\.\d+\): .*family: /.test(a.value))).toBe(true);
    expect(ref!.label).toMatch(/· \d+ records/);
    const hits = await call(backend, 'search', { q: ref!.label.split(' · ')[0], limit: 10 });
    expect(hits[0].kind).toBe('person');
  });

  it('not the same: splits two merged records, survives a re-run, and undo brings them back', async () => {
    const rows = await rowsByRecord();
    const groups = new Map<string, string[]>();
    for (const [id, e] of rows) groups.set(e, [...(groups.get(e) ?? []), id]);
    const [a, b] = [...groups.values()].find((g) => g.length === 2)!;
    const why = await call(backend, 'resolution.explain', { a, b });
    expect(why.sameEntity).toBe(true);
    expect(why.features.find((f) => f.feature === 'family')!.level).not.toBeNull();

    const { decisionId } = await call(backend, 'resolution.decide', { action: 'not_same', a, b, note: 'different mothers' });
    let now = await rowsByRecord();
    expect(now.get(a)).not.toBe(now.get(b));
    await call(backend, 'resolution.run', {});
    now = await rowsByRecord();
    expect(now.get(a)).not.toBe(now.get(b));
    const after = await call(backend, 'resolution.explain', { a, b });
    expect(after.decision).toMatch(/^not_same by /);
    const log = await call(backend, 'resolution.decisions', {});
    expect(log[0]).toMatchObject({ id: decisionId, action: 'not_same', note: 'different mothers', undoneAt: null });

    await call(backend, 'resolution.undo', { decisionId });
    now = await rowsByRecord();
    expect(now.get(a)).toBe(now.get(b));
    expect((await call(backend, 'resolution.decisions', {}))[0].undoneAt).not.toBeNull();
  });

  it('same: an analyst can join two persons the resolver kept apart', async () => {
    const rows = await rowsByRecord();
    const ids = [...rows.keys()];
    const a = ids.find((id) => id.startsWith('CBP-S-'))!;
    const b = ids.find((id) => id.startsWith('ICE-S-') && rows.get(id) !== rows.get(a))!;
    const { decisionId } = await call(backend, 'resolution.decide', { action: 'same', a, b });
    const now = await rowsByRecord();
    expect(now.get(a)).toBe(now.get(b));
    await call(backend, 'resolution.undo', { decisionId });
    const back = await rowsByRecord();
    expect(back.get(a)).not.toBe(back.get(b));
  });
});
