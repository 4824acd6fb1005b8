// Bad input at scale and at random: 100,000 bad rows stay on disk and are summarised,
// and random mutations of valid rows or random bytes never crash the import, every
// reject is named, and the case stays consistent (property-based, fast-check).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openCase } from '../../../electron/backend/db/connection';
import { importBundle } from '../../../electron/backend/ingest/import-bundle';
import { tmpDir, writeBundle } from '../../fixtures/bundle-builder';
import { baseFiles, crossingLine } from '../../fixtures/bundles';
import { call, newCase, runImport } from '../../helpers/case';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('100,000 bad rows', () => {
  it('are all kept on disk, counted by reason, and the good rows load', async () => {
    const dir = tmpDir();
    dirs.push(dir);
    const files = baseFiles();
    const bad: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const id = `XB-${i}`;
      switch (i % 4) {
        case 0: bad.push(crossingLine({ crossing_id: id, event_id: `EB-${i}`, occurred_at: '2025-13-45T99:00:00Z' })); break;
        case 1: bad.push(crossingLine({ crossing_id: id, event_id: `EB-${i}`, direction: 'SIDEWAYS' })); break;
        case 2: bad.push(`${id},too,few,cells`); break;
        default: bad.push(crossingLine({ crossing_id: '', event_id: `EB-${i}` }));
      }
    }
    files['crossings.csv'] += `${bad.join('\n')}\n${crossingLine({ crossing_id: 'X-LAST', event_id: 'E-LAST' })}\n`;
    const bundle = writeBundle(path.join(dir, 'flood'), { files });
    const { backend } = await newCase();
    try {
      const rssBefore = process.memoryUsage().rss;
      const { progress, report } = await runImport(backend, bundle);
      expect(progress.state).toBe('done');
      expect(report!.rowsRejected).toBe(100_000);
      expect(report!.rowsLoaded).toBeGreaterThanOrEqual(4); // 3 base crossings + X-LAST (+ other files)
      // The report shows the first rejects, in file order, and counts all of them by reason.
      expect(report!.rejects).toHaveLength(1000);
      expect(report!.rejects[0]).toMatchObject({ file: 'crossings.csv', line: 5 });
      const byReason = report!.rejectsByReason;
      expect(byReason.reduce((s, r) => s + r.count, 0)).toBe(100_000);
      expect(byReason.length).toBeGreaterThanOrEqual(4);
      for (const g of byReason) expect(g.count).toBe(25_000);
      // Paging reaches the last one.
      const last = await call(backend, 'import.report', { importId: report!.importId, offset: 99_999, limit: 10 });
      expect(last.rejects).toEqual([expect.objectContaining({ file: 'crossings.csv', line: 100_004 })]);
      const out = await call(backend, 'import.rejectsCsv', { importId: report!.importId });
      expect(out.csv.trimEnd().split('\r\n')).toHaveLength(100_001);
      const hit = await call(backend, 'search', { q: 'X-LAST', limit: 5 });
      expect(hit.map((h) => h.sourceId)).toContain('X-LAST');
      // Rejects live in the case file, not in memory: the process grows by far less than
      // it would holding them all several times over.
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
    } finally {
      await backend.close();
    }
  }, 180_000);
});

type Mutation = { file: 'crossings.csv' | 'subjects.csv'; line: number; kind: number; text: string; pos: number };

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const i = 1 + (m.line % Math.max(1, lines.length - 2)); // never the header
  const l = lines[i] ?? '';
  const at = l.length ? m.pos % l.length : 0;
  switch (m.kind % 6) {
    case 0: lines[i] = l.slice(0, at) + m.text + l.slice(at); break; // insert random text
    case 1: lines[i] = l.slice(0, at); break; // truncate
    case 2: lines.splice(i, 0, l); break; // duplicate the row
    case 3: { const cells = l.split(','); cells[m.pos % cells.length] = m.text; lines[i] = cells.join(','); break; } // replace a cell
    case 4: lines[i] = l.slice(0, at) + l.slice(at + 1); break; // drop a character
    default: lines[i] = `"${l}`; // open a quote that may never close
  }
  return lines.join('\n');
}

const hostile = fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', 'é', '\u0000', '😀', 'x', '9', '-', ' ', '=', "'"), maxLength: 10 });

function checkCase(file: string): void {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Every file's rows add up; every reject names its file, line and reason.
    const files = db.prepare('SELECT name, rows_read, rows_loaded, rows_rejected, rows_skipped, refused FROM source_file').all() as Array<{
      name: string; rows_read: number; rows_loaded: number; rows_rejected: number; rows_skipped: number; refused: string | null;
    }>;
    for (const f of files) if (!f.refused) expect(f.rows_loaded + f.rows_rejected + f.rows_skipped).toBe(f.rows_read);
    for (const r of db.prepare('SELECT file, line, reason FROM reject').all() as Array<{ file: string; line: number; reason: string }>) {
      expect(files.map((f) => f.name)).toContain(r.file);
      expect(r.line).toBeGreaterThanOrEqual(1);
      expect(r.reason.length).toBeGreaterThan(5);
    }
    // No link points at a missing node, and every node is searchable.
    expect(db.prepare('SELECT count(*) c FROM link WHERE src NOT IN (SELECT id FROM node) OR dst NOT IN (SELECT id FROM node)').get()).toEqual({ c: 0 });
    const nodes = (db.prepare('SELECT count(*) c FROM node').get() as { c: number }).c;
    expect(db.prepare('SELECT count(*) c FROM node_fts').get()).toEqual({ c: nodes });
  } finally {
    db.close();
  }
}

async function importFresh(files: Record<string, string | Buffer>, manifest?: Record<string, { rows?: number; sha256?: string }>): Promise<string> {
  const dir = tmpDir('crosslink-fuzz-');
  dirs.push(dir);
  const bundle = writeBundle(path.join(dir, 'b'), { files, manifestFiles: manifest });
  const file = path.join(dir, 'case.crosslink');
  const db = openCase(file, { create: true });
  try {
    const out = await importBundle(db, bundle);
    expect(out.status).toBe('done');
  } finally {
    db.close();
  }
  return file;
}

describe('fuzzing the readers (fast-check)', () => {
  it('random mutations of valid rows: no crash, every reject named, the case consistent', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ file: fc.constantFrom('crossings.csv' as const, 'subjects.csv' as const), line: fc.nat(), kind: fc.nat(), text: hostile, pos: fc.nat() }),
          { minLength: 1, maxLength: 5 },
        ),
        async (muts) => {
          const files: Record<string, string> = baseFiles();
          for (const m of muts) files[m.file] = mutate(files[m.file], m);
          checkCase(await importFresh(files));
        },
      ),
      { numRuns: 100, seed: 20251201 },
    );
  }, 180_000);

  it('random bytes as a CSV file: refused or rejected row by row, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 2000 }), fc.boolean(), async (bytes, keepHeader) => {
        const files: Record<string, string | Buffer> = baseFiles();
        const header = (files['crossings.csv'] as string).split('\n')[0];
        files['crossings.csv'] = keepHeader ? Buffer.concat([Buffer.from(`${header}\n`), Buffer.from(bytes)]) : Buffer.from(bytes);
        checkCase(await importFresh(files));
      }),
      { numRuns: 30, seed: 7 },
    );
  }, 180_000);
});
