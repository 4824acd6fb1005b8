// One import through an import spec (a table, a folder or zip of tables, a graph database's
// export), with the bundle import's guarantees: batches of whole rows, a cancel or error that
// leaves the case as it was, every rejected row named by file, line, column, spec field and
// reason. Rows that would be rejected are shown before anything is kept: unless the analyst
// accepted them, an import with rejects is taken back out and its report lists them.
// The same code previews a spec: the first rows are written inside a transaction that is
// rolled back, so the preview shows exactly what the import would make.
import crypto from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { defaultKindColour, guessIcon, type FileSpec, type ImportSpec } from '../../../../shared/import-spec';
import { humaniseKind, nodeKindLabel, type KindDef, type LinkKind, type NodeKind } from '../../../../shared/model';
import { AppError } from '../../errors';
import { Batch, ImportCancelled, importCacheKib, progressTicker } from '../batch';
import { GraphWriter } from '../graph-writer';
import type { ImportControl, ImportOutcome, ImportProgressInfo } from '../import-bundle';
import { currentMarks, removeAbove, rollBackImport, takeOut } from '../import-marks';
import { clip } from '../rules';
import { compilePart, matches, SpecMismatch, type CompiledPart } from './compile';
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

interface Job {
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

async function loadPart(
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
        if (out.result === 'loaded') c.loaded++;
        else if (out.result === 'skipped') c.skipped++;
        else {
          c.rejected++;
          addReject.run(importId, file, row.line, out.result.column, out.result.reason, spec.source.handling, spec.source.agency);
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

/** The custom kinds an import brought, as the spec draws them (or a default look by name). */
function saveKinds(db: Database.Database, spec: ImportSpec, met: Map<string, { label: string; link: boolean }>): void {
  const put = db.prepare(
    `INSERT INTO kind_def(kind, label, colour, icon, is_link, directed) VALUES (@kind, @label, @colour, @icon, @isLink, @directed)
     ON CONFLICT(kind) DO UPDATE SET label = excluded.label, colour = excluded.colour, icon = excluded.icon, directed = excluded.directed`,
  );
  const keep = db.prepare(`INSERT OR IGNORE INTO kind_def(kind, label, colour, icon, is_link, directed) VALUES (@kind, @label, @colour, @icon, @isLink, @directed)`);
  const declared = new Set<string>();
  for (const [list, isLink] of [[spec.kinds, 0], [spec.linkKinds, 1]] as const) {
    for (const d of list) {
      put.run({ kind: d.kind, label: d.label, colour: d.colour, icon: d.icon, isLink, directed: d.directed ? 1 : 0 });
      declared.add(d.kind);
    }
  }
  for (const [kind, m] of met) {
    if (declared.has(kind) || !kind.startsWith('x.')) continue;
    const label = m.label === kind ? humaniseKind(kind) : m.label;
    keep.run({ kind, label, colour: defaultKindColour(kind), icon: guessIcon(label), isLink: m.link ? 1 : 0, directed: m.link ? 1 : 0 });
  }
}

/** The custom kinds of a case. */
export function kindDefs(db: Database.Database): { nodes: KindDef[]; links: KindDef[] } {
  const rows = db.prepare('SELECT kind, label, colour, icon, is_link AS isLink, directed FROM kind_def ORDER BY label').all() as Array<Omit<KindDef, 'directed'> & { isLink: number; directed: number }>;
  const def = (r: (typeof rows)[number]): KindDef => ({ kind: r.kind, label: r.label, colour: r.colour, icon: r.icon, ...(r.isLink ? { directed: !!r.directed } : {}) });
  return { nodes: rows.filter((r) => !r.isLink).map(def), links: rows.filter((r) => r.isLink).map(def) };
}

export interface SpecPreview {
  files: Array<{
    file: string;
    part: number;
    header: string[];
    rows: Array<{ line: number; cells: string[] }>;
    refused: string | null;
    rowsRead: number;
  }>;
  entities: Array<{ id: number; kind: NodeKind; kindLabel: string; label: string; key: string; file: string; line: number | null; isNew: boolean }>;
  links: Array<{ kind: LinkKind; source: number; target: number; sourceLabel: string; targetLabel: string; file: string; line: number | null }>;
  rejects: Array<{ file: string; line: number; column: string | null; reason: string }>;
  counts: { entities: number; links: number; rejects: number; rows: number };
  /** Node ids above this were made by the preview (and are gone again). */
  nodeMark: number;
}

/** The first rows of each file through the spec, written and then rolled back: exactly what the import would make of them. */
export async function previewSpec(db: Database.Database, location: string, spec: ImportSpec, limit = 100): Promise<SpecPreview> {
  const src = await openTables(location);
  const out: SpecPreview = { files: [], entities: [], links: [], rejects: [], counts: { entities: 0, links: 0, rejects: 0, rows: 0 }, nodeMark: 0 };
  db.exec('SAVEPOINT spec_preview');
  try {
    const jobs = planJobs(src, spec);
    const marks = currentMarks(db);
    out.nodeMark = marks.node;
    const importId = Number(
      db.prepare(`INSERT INTO import(export_id, source, started_at, status, node_mark, link_mark) VALUES ('preview', ?, ?, 'running', ?, ?)`)
        .run(src.location, new Date().toISOString(), marks.node, marks.link).lastInsertRowid,
    );
    const writer = new GraphWriter(db);
    const progress: ImportProgressInfo = { file: null, phase: 'preview', rowsRead: 0, rowsTotal: null, bytesDone: 0, bytesTotal: 0, elapsed: 0 };
    const met = new Map<string, { label: string; link: boolean }>();
    const touched = new Set<number>();
    for (const job of jobs) {
      const sink: PreviewSink = { limit, header: [], rows: [], refused: null, touched };
      const c = await loadPart(db, writer, null, src, spec, job, importId, null, progress, () => {}, met, sink);
      out.files.push({ file: job.file, part: job.partIndex, header: sink.header, rows: sink.rows, refused: sink.refused, rowsRead: c.read });
      out.counts.rows += c.read;
    }
    const fileName = db.prepare('SELECT name FROM source_file WHERE id = ?').pluck();
    const shown = 2000;
    // Entities this preview touched: every node it made (the identifiers a record's fields name
    // too), and the nodes of the case its rows named.
    type Row = { id: number; kind: NodeKind; label: string; key: string; file_id: number | null; line: number | null };
    const made = db.prepare('SELECT id, kind, label, key, file_id, line FROM node WHERE id > ? ORDER BY id LIMIT ?').all(marks.node, shown) as Row[];
    const older = [...touched].filter((id) => id <= marks.node).sort((x, y) => x - y);
    const byId = db.prepare('SELECT id, kind, label, key, file_id, line FROM node WHERE id = ?');
    const touchedRows = [...older.slice(0, shown).map((id) => byId.get(id) as Row), ...made].slice(0, shown);
    out.counts.entities = older.length + (db.prepare('SELECT count(*) FROM node WHERE id > ?').pluck().get(marks.node) as number);
    const defs = kindDefs(db);
    const labels = new Map<string, KindDef>([...defs.nodes, ...defs.links].map((d) => [d.kind, d]));
    for (const r of touchedRows) {
      const label = labels.get(r.kind)?.label ?? (met.get(r.kind)?.label !== r.kind ? met.get(r.kind)?.label : undefined);
      out.entities.push({
        id: r.id, kind: r.kind, kindLabel: label ?? nodeKindLabel(r.kind), label: r.label, key: r.key,
        file: r.file_id ? String(fileName.get(r.file_id)) : '', line: r.line, isNew: r.id > marks.node,
      });
    }
    const links = db
      .prepare(
        `SELECT l.kind, l.src, l.dst, l.file_id, l.line, a.label AS a, b.label AS b FROM link l JOIN node a ON a.id = l.src JOIN node b ON b.id = l.dst
         WHERE l.id > ? ORDER BY l.id LIMIT ?`,
      )
      .all(marks.link, shown) as Array<{ kind: LinkKind; src: number; dst: number; file_id: number | null; line: number | null; a: string; b: string }>;
    out.counts.links = db.prepare('SELECT count(*) FROM link WHERE id > ?').pluck().get(marks.link) as number;
    for (const l of links) {
      out.links.push({ kind: l.kind, source: l.src, target: l.dst, sourceLabel: l.a, targetLabel: l.b, file: l.file_id ? String(fileName.get(l.file_id)) : '', line: l.line });
    }
    out.rejects = db.prepare('SELECT file, line, column_name AS "column", reason FROM reject WHERE import_id = ? ORDER BY id LIMIT ?').all(importId, shown) as SpecPreview['rejects'];
    out.counts.rejects = db.prepare('SELECT count(*) FROM reject WHERE import_id = ?').pluck().get(importId) as number;
    return out;
  } finally {
    db.exec('ROLLBACK TO spec_preview');
    db.exec('RELEASE spec_preview');
    src.close();
  }
}
