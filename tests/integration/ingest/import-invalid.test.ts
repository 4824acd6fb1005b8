import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/api';
import { tmpDir, writeBundle, zipBundle } from '../../fixtures/bundle-builder';
import { baseFiles, crossingLine, withLines } from '../../fixtures/bundles';
import { call, countsOf, newCase, runImport } from '../../helpers/case';

// Each *.invalid fixture: the exact reject is reported and every good row still loads.
describe('bad input', () => {
  let b: Backend;
  let file: string;
  beforeEach(async () => ({ backend: b, file } = await newCase()));
  afterEach(async () => b.close());

  const bundle = (name: string, files: Record<string, string | Buffer>, extra: Partial<Parameters<typeof writeBundle>[1]> = {}) =>
    writeBundle(path.join(tmpDir(), name), { exportId: `TEST-${name}`, files, ...extra });

  it('impossible-date.invalid: dob and timestamp rejected with file, line, column', async () => {
    let files = withLines(baseFiles(), 'crossings.csv', crossingLine({ crossing_id: 'X-BAD1', occurred_at: '2025-02-30T10:00:00Z' }));
    files = { ...files, 'subjects.csv': files['subjects.csv'].replace('19900521', '19901345') };
    const { report } = await runImport(b, bundle('impossible-date.invalid', files));
    expect(report!.rejects).toEqual([
      { file: 'subjects.csv', line: 4, column: 'dob', reason: "impossible date of birth '19901345' (month 13)" },
      // the association names the rejected subject, so it cannot load either
      { file: 'associations.csv', line: 2, column: 'record_b', reason: "record_b 'USCIS-S-003' is not a subject or vehicle record in this bundle or case" },
      { file: 'crossings.csv', line: 5, column: 'occurred_at', reason: "impossible date '2025-02-30T10:00:00Z'" },
    ]);
    expect(countsOf(file).nodes).toMatchObject({ subject: 3, traveller: 3 });
  });

  it('unknown-code.invalid: unknown agency and direction', async () => {
    const files = withLines(baseFiles(), 'crossings.csv', crossingLine({ crossing_id: 'X-B1', agency: 'FBI' }), crossingLine({ crossing_id: 'X-B2', direction: 'SIDEWAYS' }));
    const { report } = await runImport(b, bundle('unknown-code.invalid', files));
    expect(report!.rejects).toEqual([
      { file: 'crossings.csv', line: 5, column: 'agency', reason: "unknown agency 'FBI' (expected one of CBP, ICE, USCIS)" },
      { file: 'crossings.csv', line: 6, column: 'direction', reason: "unknown direction 'SIDEWAYS' (expected one of INBOUND, OUTBOUND)" },
    ]);
    expect(countsOf(file).nodes.traveller).toBe(3);
  });

  it('wrong-cells.invalid: too few and too many cells', async () => {
    const good = crossingLine({ crossing_id: 'X-OK' });
    const files = withLines(baseFiles(), 'crossings.csv', 'X-SHORT,E-1,CBP', `${crossingLine({ crossing_id: 'X-LONG' })},surplus`, good);
    const { report } = await runImport(b, bundle('wrong-cells.invalid', files));
    expect(report!.rejects).toEqual([
      { file: 'crossings.csv', line: 5, column: null, reason: 'expected 24 cells as in the header, found 3' },
      { file: 'crossings.csv', line: 6, column: null, reason: 'expected 24 cells as in the header, found 25' },
    ]);
    expect(countsOf(file).nodes.traveller).toBe(4);
  });

  it('checksum.invalid: a file whose SHA-256 differs is refused whole, the others load', async () => {
    const { report } = await runImport(b, bundle('checksum.invalid', baseFiles(), { manifestFiles: { 'crossings.csv': { sha256: 'a'.repeat(64) } } }));
    const crossings = report!.files.find((f) => f.file === 'crossings.csv')!;
    expect(crossings.refused).toMatch(/^crossings\.csv: SHA-256 [0-9a-f]{64} differs from manifest\.json \(a{64}\); file refused/);
    expect(crossings.rowsLoaded).toBe(0);
    const c = countsOf(file);
    expect(c.nodes.traveller).toBeUndefined();
    expect(c.nodes.event).toBeUndefined();
    expect(c.nodes.subject).toBe(4);
  });

  it('truncated.invalid.zip: refused with a clear error, the case stays intact', async () => {
    await runImport(b, bundle('first.valid', baseFiles()));
    const before = countsOf(file);
    const zip = zipBundle(bundle('truncated.invalid', baseFiles()), path.join(tmpDir(), 'truncated.invalid.zip'));
    const bytes = fs.readFileSync(zip);
    fs.writeFileSync(zip, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const { progress } = await runImport(b, zip);
    expect(progress.state).toBe('failed');
    expect(progress.error).toMatch(/truncated\.invalid\.zip is not a readable \.zip bundle/);
    expect(countsOf(file)).toEqual(before);
  });

  it('quoted newlines keep line numbers right; an unclosed quote is rejected, earlier rows kept', async () => {
    const files = withLines(baseFiles(), 'cases.csv', 'ICE-C-2','ICE-C-3,ICE,LES,,,OPEN,OTHER,"never closed,summary,office');
    const { report } = await runImport(b, bundle('quotes.invalid', files));
    // the first case's summary spans lines 2-3, so the next record starts on line 4
    expect(report!.rejects).toEqual([
      { file: 'cases.csv', line: 4, column: null, reason: 'expected 10 cells as in the header, found 1' },
      { file: 'cases.csv', line: 5, column: null, reason: 'quote opened but never closed' },
    ]);
    const ref = await call(b, 'graph.resolveId', { sourceId: 'ICE-C-2025-00412' });
    const summary = (await call(b, 'graph.node', { id: ref!.id })).attributes.find((a) => a.name === 'summary');
    expect(summary!.value).toContain('\nSecond line of the summary, with "quotes", commas.');
  });

  it('a 10 MB cell is rejected, not stored', async () => {
    const huge = 'A'.repeat(10 * 1024 * 1024);
    const files = withLines(baseFiles(), 'crossings.csv', crossingLine({ crossing_id: 'X-HUGE', last_name: huge }));
    const { report } = await runImport(b, bundle('huge-cell.invalid', files));
    expect(report!.rejects).toEqual([{ file: 'crossings.csv', line: 5, column: 'last_name', reason: 'cell is 10,485,760 characters long; the limit is 100,000' }]);
    expect(countsOf(file).nodes.traveller).toBe(3);
    expect(fs.statSync(file).size).toBeLessThan(5 * 1024 * 1024);
  });

  it('duplicate-ids.invalid: the second row with an id is rejected naming the first', async () => {
    const files = withLines(baseFiles(), 'crossings.csv', crossingLine({ crossing_id: 'X-0001' }));
    const { report } = await runImport(b, bundle('duplicate-ids.invalid', files));
    expect(report!.rejects).toEqual([{ file: 'crossings.csv', line: 5, column: 'crossing_id', reason: "duplicate crossing_id 'X-0001' (first on line 2)" }]);
  });

  it('unknown-reference.invalid: a case link to an unknown record is rejected', async () => {
    const files = withLines(baseFiles(), 'case_links.csv', 'ICE-C-2025-00412,ICE-S-999,ASSOCIATE,2025-09-02T00:00:00Z,', 'ICE-C-9999,ICE-S-001,SUBJECT,,');
    const { report } = await runImport(b, bundle('unknown-reference.invalid', files));
    expect(report!.rejects).toEqual([
      { file: 'case_links.csv', line: 3, column: 'record_id', reason: "record_id 'ICE-S-999' is not a subject or vehicle record in this bundle or case" },
      { file: 'case_links.csv', line: 4, column: 'case_id', reason: "case_id 'ICE-C-9999' is not a case in this bundle or case" },
    ]);
    expect(countsOf(file).links.case_names).toBe(1);
  });

  it('missing key and a header without a required column', async () => {
    const files = withLines({ ...baseFiles(), 'lookouts.csv': 'lookout_id,agency\nLO-1,ICE\n' }, 'crossings.csv', crossingLine({ crossing_id: '' }));
    const { report } = await runImport(b, bundle('missing-key.invalid', files));
    expect(report!.rejects).toEqual([{ file: 'crossings.csv', line: 5, column: 'crossing_id', reason: 'missing crossing_id' }]);
    expect(report!.files.find((f) => f.file === 'lookouts.csv')!.refused).toBe('lookouts.csv: header lacks required column record_id; file refused');
  });

  it('not-a-bundle.invalid: a folder without manifest.json fails with a one-line reason', async () => {
    const { progress } = await runImport(b, bundle('not-a-bundle.invalid', { 'notes.txt': 'hello' }, { noManifest: true }));
    expect(progress.state).toBe('failed');
    expect(progress.error).toMatch(/is not a TECS bundle: it has no manifest\.json\./);
  });

  it('a file listed in the manifest but missing, and one present but unlisted, are refused', async () => {
    const { associations: _dropped, ...files } = { ...baseFiles(), associations: '' };
    delete (files as Record<string, string>)['associations.csv'];
    const { report } = await runImport(b, bundle('listing.invalid', files, { unlisted: ['lookouts.csv'], manifestFiles: { 'associations.csv': { rows: 1 } } }));
    expect(report!.files.find((f) => f.file === 'lookouts.csv')!.refused).toBe('lookouts.csv is not listed in manifest.json; refused');
    expect(report!.files.find((f) => f.file === 'associations.csv')!.refused).toBe('associations.csv is listed in manifest.json but missing from the bundle');
    expect(countsOf(file).nodes.lookout).toBeUndefined();
  });

  it('hostile strings are stored verbatim and neutralised in the rejects CSV', async () => {
    const xss = '<img src=x onerror=alert(1)>';
    const files = withLines(baseFiles(), 'crossings.csv', crossingLine({ crossing_id: 'X-XSS', last_name: xss }), crossingLine({ crossing_id: '=HYPERLINK("http://x")', agency: 'NSA' }));
    const { report } = await runImport(b, bundle('hostile.invalid', files));
    const ref = await call(b, 'graph.resolveId', { sourceId: 'X-XSS' });
    expect(ref!.label).toBe(`${xss}, JOHN`);
    const { csv } = await call(b, 'import.rejectsCsv', { importId: report!.importId });
    expect(csv.split('\r\n')[1]).toBe(`"crossings.csv","6","agency","unknown agency 'NSA' (expected one of CBP, ICE, USCIS)"`);
  });
});
