// One import through an import spec (a table, a folder or zip of tables, a graph database's
// export), with the bundle import's guarantees: batches of whole rows, a cancel or error that
// leaves the case as it was, every rejected row named by file, line, column, spec field and
// reason. Rows that would be rejected are shown before anything is kept: unless the analyst
// accepted them, an import with rejects is taken back out and its report lists them.
// The same code previews a spec (preview.ts).
import crypto from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { FileSpec, ImportSpec } from '../../../../shared/import-spec';
import { AppError } from '../../errors';
import { Batch, ImportCancelled, importCacheKib, progressTicker } from '../batch';
import { GraphWriter } from '../graph-writer';
import type { ImportControl, ImportOutcome, ImportProgressInfo } from '../import-bundle';
import { currentMarks, removeAbove, rollBackImport, takeOut } from '../import-marks';
import { clip } from '../rules';
import { compilePart, matches, SpecMismatch, type CompiledPart } from './compile';
import { saveKinds } from './kinds';
import { SpecRowWriter } from './rows';
import { formatOf, hashFile, openTables, readTable, type TableSource } from './tables';

export interface SpecImportControl extends ImportControl {
  /** The analyst has seen the rows that will be rejected and wants the rest loaded. */
  acceptRejects?: boolean;
}

export interface SpecImportOutcome extends ImportOutcome {
  viaSpec: true;
  /** Rows that broke a rule when the analyst had not accepted rejects: nothing was kept. */
  wouldReject?: number;
}

export interface Job {
  part: FileSpec;
  partIndex: number;
  file: string;
}

/** Which files each part of the spec reads. A single table takes every part when none names it. */
export function planJobs(src: TableSource, spec: ImportSpec): Job[] {
  const names = src.names();
  const single = names.length === 1 && path.basename(src.location) === names[0];
  const jobs: Job[] = [];
  spec.files.forEach((part, partIndex) => {
    for (const file of names) if (matches(part.match, file)) jobs.push({ part, partIndex, file });
  });
  if (!jobs.length && single) spec.files.forEach((part, partIndex) => jobs.push({ part, partIndex, file: names[0] }));
  if (!jobs.length) {
    const wanted = spec.files.map((f) => `'${f.match}'`).join(', ');
    throw new AppError('bad_bundle', `No file in ${path.basename(src.location)} matches the spec '${spec.name}' (it reads ${wanted}; found ${names.length ? names.join(', ') : 'no CSV, TSV or XLSX file'}).`);
  }
  return jobs;
}

/** An export id for a spec import: the same files through the same spec are one export. */
function exportIdOf(spec: ImportSpec, hashes: Array<[string, string]>): string {
  const h = crypto.createHash('sha256').update(JSON.stringify(spec));
  for (const [name, sha] of hashes) h.update(`\n${name}\u0000${sha}`);
  return `spec:${spec.name}:${h.digest('hex').slice(0, 16)}`;
}

export async function importWithSpec(db: Database.Database, location: string, spec: ImportSpec, ctl: SpecImportControl = {}): Promise<SpecImportOutcome> {
  const src = await openTables(location);
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${importCacheKib()}`);
  try {
    const jobs = planJobs(src, spec);
    const files = [...new Set(jobs.map((j) => j.file))];
    const hashes: Array<[string, string]> = [];
    for (const f of files) hashes.push([f, await hashFile(src, f)]);
    const exportId = exportIdOf(spec, hashes);
    const previous = db.prepare(`SELECT id FROM import WHERE export_id = ? AND status = 'done'`).pluck().get(exportId) as number | undefined;
    if (previous !== undefined) return { importId: previous, status: 'already_loaded', viaSpec: true };
    return await run(db, src, spec, jobs, new Map(hashes), exportId, ctl);
  } finally {
    db.pragma(`cache_size = ${cache}`);
    src.close();
  }
}

class NeedsAcceptance extends Error {
  constructor(readonly rejected: number) {
    super(`${rejected.toLocaleString('en-US')} row${rejected === 1 ? '' : 's'} would be rejected; nothing was kept.`);
  }
}

async function run(
  db: Database.Database, src: TableSource, spec: ImportSpec, jobs: Job[], hashes: Map<string, string>, exportId: string, ctl: SpecImportControl,
): Promise<SpecImportOutcome> {
  const started = Date.now();
  const bytesTotal = jobs.reduce((s, j) => s + src.size(j.file), 0);
  const progress: ImportProgressInfo = { file: null, phase: 'reading', rowsRead: 0, rowsTotal: null, bytesDone: 0, bytesTotal, elapsed: 0 };
  const tick = progressTicker(progress, started, ctl);
  const marks = currentMarks(db);
  const importId = Number(
    db.prepare(
      `INSERT INTO import(export_id, exported_at, source_system, region, source, started_at, status, node_mark, link_mark, spec)
       VALUES (?, NULL, 'import spec', ?, ?, ?, 'running', ?, ?, ?)`,
    ).run(exportId, spec.name, src.location, new Date().toISOString(), marks.node, marks.link, JSON.stringify(spec)).lastInsertRowid,
  );
  const writer = new GraphWriter(db);
  const batch = new Batch(db, writer);
  const met = new Map<string, { label: string; link: boolean }>();
  let rejected = 0;
  try {
    batch.begin();
    const total = { read: 0, loaded: 0, rejected: 0, skipped: 0 };
    for (const job of jobs) {
      progress.file = job.file;
      const c = await loadPart(db, writer, batch, src, spec, job, importId, hashes.get(job.file) ?? null, progress, tick, met, null);
      total.read += c.read;
      total.loaded += c.loaded;
      total.rejected += c.rejected;
      total.skipped += c.skipped;
    }
    rejected = total.rejected;
    if (rejected > 0 && !ctl.acceptRejects) throw new NeedsAcceptance(rejected);
    progress.phase = 'committing';
    tick(true);
    saveKinds(db, spec, met);
    db.prepare(
      `UPDATE import SET status = 'done', finished_at = ?, rows_read = ?, rows_loaded = ?, rows_rejected = ?, rows_skipped = ?,
       nodes_added = ?, links_added = ?, seconds = ? WHERE id = ?`,
    ).run(new Date().toISOString(), total.read, total.loaded, total.rejected, total.skipped, writer.nodesAdded, writer.linksAdded, (Date.now() - started) / 1000, importId);
    batch.commit();
    return { importId, status: 'done', viaSpec: true };
  } catch (err) {
    if (err instanceof NeedsAcceptance) {
      // Still inside the last batch: take out what the import wrote, keep its rejects for the report.
      takeOut(db, importId, 'rejected', `${err.message} Review the rejected rows, then import again accepting them.`, true);
      db.exec('DELETE FROM fts_stage');
      db.prepare('UPDATE import SET rows_read = ? WHERE id = ?').run(progress.rowsRead, importId);
      db.exec('COMMIT');
      return { importId, status: 'rejected', wouldReject: err.rejected, viaSpec: true };
    }
    batch.abandon();
    const cancelled = err instanceof ImportCancelled;
    rollBackImport(db, importId, cancelled ? 'cancelled' : 'failed', cancelled ? 'Cancelled by the analyst; nothing of it was kept.' : `Failed: ${(err as Error).message}`);
    if (cancelled) return { importId: null, status: 'cancelled', viaSpec: true };
    throw err;
  }
}

interface Counts {
  read: number;
  loaded: number;
  rejected: number;
  skipped: number;
}

/** What a preview collects as it goes. */
export interface PreviewSink {
  limit: number;
  header: string[];
  rows: Array<{ line: number; cells: string[] }>;
  refused: string | null;
  /** Nodes the rows' entities became (new, or already in the case). */
  touched: Set<number>;
}

export async function loadPart(
  db: Database.Database, writer: GraphWriter, batch: Batch | null, src: TableSource, spec: ImportSpec, job: Job, importId: number, sha: string | null,
  progress: ImportProgressInfo, tick: (force?: boolean) => void, met: Map<string, { label: string; link: boolean }>, preview: PreviewSink | null,
): Promise<Counts> {
  const c: Counts = { read: 0, loaded: 0, rejected: 0, skipped: 0 };
  const { part, file } = job;
  const fileId = Number(db.prepare('INSERT INTO source_file(import_id, name, sha256, header) VALUES (?, ?, ?, ?)').run(importId, file, sha, '[]').lastInsertRowid);
  writer.addFile(fileId);
  const addReject = db.prepare('INSERT INTO reject(import_id, file, line, column_name, reason, handling, agency) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const fileMarks = currentMarks(db);
  const stream = await src.open(file);
  const bytesBefore = progress.bytesDone;
  let bytes = 0;
  stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
  let header: string[] | null = part.header ?? null;
  // Set once the header is known (a closure assigns it, so it lives in an object).
  const st: { rows: SpecRowWriter | null } = { rows: null };
  let refusal: string | null = null;
  const start = () => {
    const compiled: CompiledPart = compilePart(spec, part, job.partIndex, header!, file);
    st.rows = new SpecRowWriter(db, writer, spec, importId, fileId, file, compiled);
    db.prepare('UPDATE source_file SET header = ? WHERE id = ?').run(JSON.stringify(header), fileId);
    if (preview) preview.header = header!;
  };
  try {
    if (header) start();
    scan: for await (const rows of readTable(stream, { format: formatOf(file, part.format), delimiter: part.delimiter, sheet: part.sheet })) {
      for (const row of rows) {
        const rowWriter = st.rows;
        if (!rowWriter) {
          if (row.line < part.headerRow) continue;
          if (row.error !== undefined) {
            refusal = `${file}: header row unreadable (${row.error}); file refused`;
            break scan;
          }
          header = row.cells.map((h) => h.trim());
          const dup = header.find((h, i) => h && header!.indexOf(h) !== i);
          if (dup) throw new SpecMismatch(`${file}: header names column '${clip(dup)}' twice; file refused`);
          start();
          continue;
        }
        if (row.cells && row.cells.every((x) => !x.trim())) continue; // blank rows (spreadsheets end with them)
        if (preview && c.read >= preview.limit) break scan;
        c.read++;
        progress.rowsRead++;
        batch?.row();
        if ((c.read & 1023) === 0) {
          progress.bytesDone = bytesBefore + bytes;
          tick();
        }
        const h = header!;
        let cells = row.cells;
        let bad: { column: string | null; reason: string } | null = row.error !== undefined ? { column: null, reason: row.error } : null;
        if (cells && cells.length !== h.length) {
          // A workbook leaves trailing empty cells out; a CSV row must have the header's cells.
          if (cells.length < h.length && formatOf(file, part.format) === 'xlsx') cells = [...cells, ...Array<string>(h.length - cells.length).fill('')];
          else if (cells.length > h.length && cells.slice(h.length).every((x) => !x.trim())) cells = cells.slice(0, h.length);
          else bad = { column: null, reason: `expected ${h.length} cells as in the header, found ${cells.length}` };
        }
        if (preview && cells) preview.rows.push({ line: row.line, cells });
        if (bad || !cells) {
          c.rejected++;
          addReject.run(importId, file, row.line, bad?.column ?? null, bad?.reason ?? 'unreadable row', spec.source.handling, spec.source.agency);
          continue;
        }
        const out = rowWriter.row(row.line, cells);
        if (out === 'loaded') c.loaded++;
        else if (out === 'skipped') c.skipped++;
        else {
          c.rejected++;
          addReject.run(importId, file, row.line, out.column, out.reason, spec.source.handling, spec.source.agency);
        }
      }
    }
    if (!st.rows && !refusal) refusal = `${file} is empty (no header row at line ${part.headerRow}); file refused`;
  } catch (err) {
    stream.destroy();
    if (err instanceof ImportCancelled) throw err;
    const code = (err as { code?: string }).code;
    if (code && code.startsWith('SQLITE')) throw err;
    refusal = err instanceof SpecMismatch ? err.message : `${file}: unreadable (${(err as Error).message}); file refused`;
  }
  stream.destroy();
  if (st.rows) for (const [k, v] of st.rows.metKinds) if (!met.has(k)) met.set(k, v);
  if (st.rows && preview) for (const id of st.rows.touched) preview.touched.add(id);
  progress.bytesDone = bytesBefore + src.size(file);
  if (refusal) {
    if (preview) preview.refused = refusal;
    removeAbove(db, fileMarks);
    writer.forgetAbove(fileMarks.node);
    db.prepare('DELETE FROM fts_stage WHERE id > ?').run(fileMarks.node);
    db.prepare('DELETE FROM spec_key WHERE file_id = ?').run(fileId);
    db.prepare('DELETE FROM reject WHERE import_id = ? AND file = ?').run(importId, file);
    db.prepare('UPDATE source_file SET refused = ?, rows_read = ? WHERE id = ?').run(refusal, c.read, fileId);
    return { read: c.read, loaded: 0, rejected: 0, skipped: 0 };
  }
  db.prepare('UPDATE source_file SET rows_read = ?, rows_loaded = ?, rows_rejected = ?, rows_skipped = ? WHERE id = ?').run(c.read, c.loaded, c.rejected, c.skipped, fileId);
  return c;
}
