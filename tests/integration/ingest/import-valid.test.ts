import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/api';
import { tmpDir, writeBundle, zipBundle } from '../../fixtures/bundle-builder';
import { baseFiles } from '../../fixtures/bundles';
import { call, countsOf, newCase, runImport } from '../../helpers/case';

describe('import of a valid bundle (small.valid)', () => {
  let b: Backend;
  let file: string;
  let bundle: string;
  beforeAll(async () => {
    ({ backend: b, file } = await newCase());
    bundle = writeBundle(path.join(tmpDir(), 'small.valid'), { exportId: 'TEST-SMALL-1', files: baseFiles() });
  });
  afterAll(async () => b.close());

  it('loads every row of every file and reports no rejects', async () => {
    const { progress, report } = await runImport(b, bundle);
    expect(progress.state).toBe('done');
    expect(report!.rejects).toEqual([]);
    expect(report!.files.map((f) => [f.file, f.rowsLoaded])).toEqual([
      ['ports.csv', 2], ['subjects.csv', 4], ['vehicles.csv', 1], ['cases.csv', 1], ['case_links.csv', 1],
      ['lookouts.csv', 1], ['associations.csv', 1], ['crossings.csv', 3],
    ]);
    const c = countsOf(file);
    expect(c.integrity).toBe('ok');
    expect(c.nodes).toMatchObject({ subject: 4, vehicle: 1, case: 1, lookout: 1, traveller: 3, event: 2, port: 2 });
  });

  it('joins records that share a normalised identifier at one node', async () => {
    const c = countsOf(file);
    // +52 656 123 4567 (ICE-S-001) and +1 915 555 0134 written two ways (CBP-S-002, USCIS-S-003)
    expect(c.nodes.phone).toBe(2);
    expect(c.links.has_phone).toBe(3);
    // "22 Mesa St, El Paso" and "22 MESA ST., EL PASO" are one address
    expect(c.nodes.address).toBe(2);
    // plate "abc 1234" on the vehicle record and "ABC-1234" at the crossing event
    expect(c.nodes.plate).toBe(1);
    expect(c.links).toMatchObject({ has_plate: 1, event_plate: 1, owned_by: 1, case_names: 1, lookout_on: 1, cohabitant: 1, at_port: 2, travelled_in: 3 });
  });

  it('finds O\'NEIL, Müller, ids, plates, documents, phones and addresses', async () => {
    const top = async (q: string) => (await call(b, 'search', { q, limit: 10 })).map((h) => h.sourceId ?? h.label);
    expect(await top("O'NEIL")).toContain('CBP-S-002');
    expect(await top('oneil')).toContain('CBP-S-002');
    expect(await top('Müller')).toContain('USCIS-S-003');
    expect(await top('MULLER')).toContain('USCIS-S-003');
    expect(await top('mueller')).toContain('USCIS-S-003');
    expect(await top('ICE-C-2025-00412')).toContain('ICE-C-2025-00412');
    expect(await top('X-0002')).toContain('X-0002');
    expect(await top('ABC-1234')).toContain('ABC1234 (US-TX)');
    expect(await top('G12345678')).toContain('ICE-S-001');
    expect(await top('(915) 555-0134')).toContain('+19155550134');
    expect(await top('22 mesa st')).toContain('CBP-S-002');
    expect(await top('zzzz-no-such-thing')).toEqual([]);
  });

  it('shows every attribute with provenance, including unknown extra columns', async () => {
    const ref = await call(b, 'graph.resolveId', { sourceId: 'ICE-S-001' });
    const d = await call(b, 'graph.node', { id: ref!.id });
    const byName = Object.fromEntries(d.attributes.map((a) => [a.name, a]));
    expect(byName.last_name.value).toBe('GONZALEZ LOPEZ');
    expect(byName.last_name.handling).toBe('LES');
    expect(byName.last_name.provenance).toMatchObject({ exportId: 'TEST-SMALL-1', file: 'subjects.csv', line: 2, agency: 'ICE', handling: 'LES' });
    expect(byName.source_note).toBeUndefined(); // empty extra cell is not shown
    const header = (await call(b, 'graph.node', { id: (await call(b, 'graph.resolveId', { sourceId: 'CBP-S-002' }))!.id })).attributes;
    expect(header.find((a) => a.name === 'last_name')!.provenance.line).toBe(3);
  });

  it('expands a node into its neighbours with links', async () => {
    const ref = await call(b, 'graph.resolveId', { sourceId: 'E-001' });
    const exp = await call(b, 'graph.expand', { id: ref!.id });
    expect(exp.type).toBe('graph');
    if (exp.type !== 'graph') return;
    // the event's travellers, port, plate and VIN, and the vehicle it resolved to
    expect(exp.nodes.map((n) => n.kind).sort()).toEqual(['plate', 'port', 'traveller', 'traveller', 'vehicle_entity', 'vin']);
    const summary = await call(b, 'graph.expand', { id: ref!.id, limit: 2 });
    expect(summary.type).toBe('summary');
    if (summary.type === 'summary') expect(summary.summary.total).toBe(6);
  });

  it('re-importing the same bundle adds nothing', async () => {
    const before = countsOf(file);
    const { progress } = await runImport(b, bundle);
    expect(progress.state).toBe('done');
    expect(progress.note).toMatch(/already/);
    expect(countsOf(file)).toEqual(before);
  });

  it('a second export with overlapping ids adds only what is new', async () => {
    const before = countsOf(file);
    const again = writeBundle(path.join(tmpDir(), 'overlap.valid'), { exportId: 'TEST-SMALL-2', files: baseFiles() });
    const { report } = await runImport(b, again);
    expect(report!.rowsLoaded).toBe(0);
    expect(report!.rowsSkipped).toBe(14);
    expect(report!.rowsRejected).toBe(0);
    expect(countsOf(file)).toEqual(before);
  });

  it('loads the same bundle from a .zip, BOM and CRLF line ends included', async () => {
    const { backend, file: f2 } = await newCase();
    try {
      const files = Object.fromEntries(Object.entries(baseFiles()).map(([k, v]) => [k, `\uFEFF${v.replace(/\n/g, '\r\n')}`]));
      const dir = writeBundle(path.join(tmpDir(), 'bom-crlf.valid'), { exportId: 'TEST-ZIP', files });
      const zip = zipBundle(dir, path.join(tmpDir(), 'bom-crlf.valid.zip'));
      expect(fs.existsSync(zip)).toBe(true);
      const { report } = await runImport(backend, zip);
      expect(report!.rejects).toEqual([]);
      expect(report!.rowsLoaded).toBe(14);
      expect(countsOf(f2).nodes).toEqual(countsOf(file).nodes);
    } finally {
      await backend.close();
    }
  });
});
