// One import of a bundle into a case, committed in batches of whole rows. A cancel or an
// error takes every batch back out; a crash or kill leaves whole batches, which are taken
// out when the case is next opened: the case is always as it was before the import.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Handling } from '../../../shared/model';
import { AppError } from '../errors';
import { openBundle, type BundleSource } from './bundle-source';
import { readCsvBatches } from './csv-reader';
import { BUNDLE_FILES, type BundleFile, type Manifest } from './format';
import { Batch, ImportCancelled, importCacheKib, progressTicker } from './batch';
import { GraphWriter } from './graph-writer';
import { LOADERS, type RowView } from './loaders';
import { currentMarks, removeAbove, rollBackImport } from './import-marks';
import { readManifest } from './manifest';
import { MAX_CELL, RULES, clip } from './rules';

export interface ImportProgressInfo {
  file: string | null;
  phase: string;
  rowsRead: number;
  rowsTotal: number | null;
  bytesDone: number;
  bytesTotal: number;
  elapsed: number;
}

export interface ImportControl {
  onProgress?: (p: ImportProgressInfo) => void;
  isCancelled?: () => boolean;
}

export { ImportCancelled } from './batch';

export interface ImportOutcome {
  importId: number | null;
  /** `rejected`: a spec import whose rejected rows the analyst had not accepted; nothing was kept. */
  status: 'done' | 'already_loaded' | 'cancelled' | 'rejected';
}

interface Counters {
  read: number;
  loaded: number;
  rejected: number;
  skipped: number;
}

const now = () => new Date().toISOString();

/** The handling and agency a rejected row states, when its cells could be read at all. */
function rowMarks(cells: string[] | undefined, hIdx: number | undefined, aIdx: number | undefined): { handling: string | null; agency: string | null } {
  if (!cells) return { handling: null, agency: null };
  // A file without a handling column is loaded as SHARED; so are its rejects.
  return { handling: hIdx === undefined ? 'SHARED' : cells[hIdx]?.trim() || 'SHARED', agency: aIdx === undefined ? null : cells[aIdx]?.trim() || null };
}

export async function importBundle(db: Database.Database, location: string, ctl: ImportControl = {}): Promise<ImportOutcome> {
  const src = await openBundle(location);
  // A large page cache while importing: index pages of a growing case otherwise fall out
  // of the default 64 MiB and every insert pays a read (100k crossings: 46 s -> 20 s).
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${importCacheKib()}`);
  try {
    return await runImport(db, src, ctl);
  } finally {
    db.pragma(`cache_size = ${cache}`);
    src.close();
  }
}

function plan(src: BundleSource, manifest: Manifest): { load: BundleFile[]; refused: Array<{ name: string; reason: string }> } {
  const present = new Set(src.names());
  const listed = new Set(Object.keys(manifest.files));
  const load: BundleFile[] = [];
  const refused: Array<{ name: string; reason: string }> = [];
  for (const f of BUNDLE_FILES) {
    if (present.has(f) && listed.has(f)) load.push(f);
    else if (present.has(f)) refused.push({ name: f, reason: `${f} is not listed in manifest.json; refused` });
    else if (listed.has(f)) refused.push({ name: f, reason: `${f} is listed in manifest.json but missing from the bundle` });
  }
  return { load, refused };
}

function loadedImportOf(db: Database.Database, exportId: string): number | null {
  const row = db
    .prepare(
      `SELECT i.id FROM import i WHERE i.export_id = ? AND i.status = 'done'
       AND NOT EXISTS (SELECT 1 FROM source_file f WHERE f.import_id = i.id AND f.refused IS NOT NULL)`,
    )
    .get(exportId) as { id: number } | undefined;
  return row ? row.id : null;
}

/** Does the location hold a bundle's manifest.json (rather than tables of another kind)? */
export async function isBundle(location: string): Promise<boolean> {
  try {
    const src = await openBundle(location);
    try {
      return src.names().includes('manifest.json');
    } finally {
      src.close();
    }
  } catch {
    return false;
  }
}

/** Is this bundle (its export_id) already loaded whole? False when it cannot be read. */
export async function bundleAlreadyLoaded(db: Database.Database, location: string): Promise<boolean> {
  try {
    const src = await openBundle(location);
    try {
      return loadedImportOf(db, (await readManifest(src)).export_id) !== null;
    } finally {
      src.close();
    }
  } catch {
    return false;
  }
}

async function runImport(db: Database.Database, src: BundleSource, ctl: ImportControl): Promise<ImportOutcome> {
  const manifest = await readManifest(src);
  const previous = loadedImportOf(db, manifest.export_id);
  if (previous !== null) return { importId: previous, status: 'already_loaded' };

  const { load, refused } = plan(src, manifest);
  if (load.length === 0 && refused.length === 0) {
    throw new AppError('bad_bundle', `${src.location} has a manifest but none of the bundle's CSV files.`);
  }
  const bytesTotal = load.reduce((s, f) => s + src.size(f), 0);
  const rowsTotal = load.every((f) => manifest.files[f]?.rows !== undefined)
    ? load.reduce((s, f) => s + (manifest.files[f].rows ?? 0), 0)
    : null;
  const started = Date.now();
  const progress: ImportProgressInfo = { file: null, phase: 'reading', rowsRead: 0, rowsTotal, bytesDone: 0, bytesTotal, elapsed: 0 };
  const tick = progressTicker(progress, started, ctl);

  // The import row and its marks are committed first, so an interrupted import can be
  // found and taken back out when the case is next opened.
  const marks = currentMarks(db);
  const importId = Number(
    db.prepare(
      `INSERT INTO import(export_id, exported_at, source_system, region, source, started_at, status, node_mark, link_mark)
       VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?)`,
    ).run(manifest.export_id, manifest.exported_at ?? null, manifest.source_system ?? null, manifest.region ?? null, src.location, now(), marks.node, marks.link)
      .lastInsertRowid,
  );
  const writer = new GraphWriter(db);
  const batch = new Batch(db, writer);
  try {
    batch.begin();
    const total: Counters = { read: 0, loaded: 0, rejected: 0, skipped: 0 };
    const addFile = db.prepare('INSERT INTO source_file(import_id, name, sha256, header, refused) VALUES (?, ?, ?, ?, ?)');
    for (const r of refused) addFile.run(importId, r.name, manifest.files[r.name]?.sha256 ?? null, '[]', r.reason);
    for (const file of load) {
      progress.file = file;
      const c = await loadFile(db, writer, batch, src, manifest, file, importId, progress, tick);
      total.read += c.read;
      total.loaded += c.loaded;
      total.rejected += c.rejected;
      total.skipped += c.skipped;
    }
    progress.phase = 'committing';
    tick(true);
    db.prepare(
      `UPDATE import SET status = 'done', finished_at = ?, rows_read = ?, rows_loaded = ?, rows_rejected = ?, rows_skipped = ?,
       nodes_added = ?, links_added = ?, seconds = ? WHERE id = ?`,
    ).run(now(), total.read, total.loaded, total.rejected, total.skipped, writer.nodesAdded, writer.linksAdded, (Date.now() - started) / 1000, importId);
    batch.commit();
    return { importId, status: 'done' };
  } catch (err) {
    batch.abandon();
    const cancelled = err instanceof ImportCancelled;
    rollBackImport(db, importId, cancelled ? 'cancelled' : 'failed', cancelled ? 'Cancelled by the analyst; nothing of it was kept.' : `Failed: ${(err as Error).message}`);
    if (cancelled) return { importId: null, status: 'cancelled' };
    throw err;
  }
}

async function loadFile(
  db: Database.Database,
  writer: GraphWriter,
  batch: Batch,
  src: BundleSource,
  manifest: Manifest,
  file: BundleFile,
  importId: number,
  progress: ImportProgressInfo,
  tick: (force?: boolean) => void,
): Promise<Counters> {
  const c: Counters = { read: 0, loaded: 0, rejected: 0, skipped: 0 };
  const expected = manifest.files[file]?.sha256?.toLowerCase() ?? null;
  const fileId = Number(
    db.prepare('INSERT INTO source_file(import_id, name, sha256, header) VALUES (?, ?, ?, ?)').run(importId, file, expected, '[]').lastInsertRowid,
  );
  writer.addFile(fileId);
  const reject = db.prepare('INSERT INTO reject(import_id, file, line, column_name, reason, handling, agency) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const rules = RULES[file];
  const loader = LOADERS[file];
  const hash = crypto.createHash('sha256');
  const stream = await src.open(file);
  const bytesBefore = progress.bytesDone;
  let bytes = 0;
  stream.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  const fileMarks = currentMarks(db);
  let header: string[] | null = null;
  let index: Map<string, number> = new Map();
  let checks: Array<[string, number, (typeof rules)[string]]> = [];
  let refusal: string | null = null;
  try {
    scan: for await (const rows of readCsvBatches(stream)) for (const row of rows) {
      if (header === null) {
        if (row.error !== undefined) {
          refusal = `${file}: header row unreadable (${row.error}); file refused`;
          break scan;
        }
        header = row.cells.map((h) => h.trim());
        index = new Map(header.map((h, i) => [h, i]));
        refusal = checkHeader(file, header, rules);
        if (refusal) break scan;
        checks = Object.entries(rules).filter(([col]) => index.has(col)).map(([col, rule]) => [col, index.get(col)!, rule]);
        db.prepare('UPDATE source_file SET header = ? WHERE id = ?').run(JSON.stringify(header), fileId);
        continue;
      }
      c.read++;
      progress.rowsRead++;
      batch.row();
      if ((c.read & 1023) === 0) {
        progress.bytesDone = bytesBefore + bytes;
        tick();
      }
      const bad = row.error !== undefined ? { column: null, reason: row.error } : validate(row.cells, header, checks);
      const hIdx = index.get('handling');
      const aIdx = index.get('agency');
      if (bad || row.cells === undefined) {
        c.rejected++;
        const marks = rowMarks(row.cells, hIdx, aIdx);
        reject.run(importId, file, row.line, bad?.column ?? null, bad?.reason ?? 'unreadable row', marks.handling, marks.agency);
        continue;
      }
      const cells = row.cells;
      const view: RowView = {
        cells,
        get: (col) => {
          const i = index.get(col);
          return i === undefined ? '' : cells[i].trim();
        },
        origin: {
          fileId,
          line: row.line,
          agency: aIdx === undefined ? null : cells[aIdx].trim() || null,
          handling: ((hIdx === undefined ? '' : cells[hIdx].trim()) || 'SHARED') as Handling,
        },
      };
      const res = loader(writer, view);
      if (res === 'loaded') c.loaded++;
      else if (res === 'skipped') c.skipped++;
      else {
        c.rejected++;
        reject.run(importId, file, row.line, res.column, res.reason, view.origin.handling, view.origin.agency);
      }
    }
    if (header === null && !refusal) refusal = `${file} is empty (no header row); file refused`;
    const actual = hash.digest('hex');
    if (!refusal && expected && actual !== expected) {
      refusal = `${file}: SHA-256 ${actual} differs from manifest.json (${expected}); file refused, none of its rows loaded`;
    }
  } catch (err) {
    stream.destroy();
    if (err instanceof ImportCancelled) throw err;
    const code = (err as { code?: string }).code;
    if (code && code.startsWith('SQLITE')) throw err;
    refusal = `${file}: unreadable (${(err as Error).message}); file refused`;
  }
  stream.destroy();
  progress.bytesDone = bytesBefore + src.size(file);
  if (refusal) {
    // Batches of this file may be committed already: take out what the file added.
    removeAbove(db, fileMarks);
    writer.forgetAbove(fileMarks.node);
    db.prepare('DELETE FROM fts_stage WHERE id > ?').run(fileMarks.node);
    db.prepare('DELETE FROM reject WHERE import_id = ? AND file = ?').run(importId, file);
    db.prepare('UPDATE source_file SET refused = ?, rows_read = ? WHERE id = ?').run(refusal, c.read, fileId);
    return { read: c.read, loaded: 0, rejected: 0, skipped: 0 };
  }
  db.prepare('UPDATE source_file SET rows_read = ?, rows_loaded = ?, rows_rejected = ?, rows_skipped = ? WHERE id = ?').run(
    c.read, c.loaded, c.rejected, c.skipped, fileId,
  );
  return c;
}

function checkHeader(file: string, header: string[], rules: Record<string, { required?: boolean }>): string | null {
  const seen = new Set<string>();
  for (const h of header) {
    if (!h) return `${file}: header has an empty column name; file refused`;
    if (seen.has(h)) return `${file}: header names column '${clip(h)}' twice; file refused`;
    seen.add(h);
  }
  const missing = Object.entries(rules).filter(([col, r]) => r.required && !seen.has(col)).map(([col]) => col);
  if (missing.length) return `${file}: header lacks required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; file refused`;
  return null;
}

function validate(
  cells: string[],
  header: string[],
  checks: Array<[string, number, { required?: boolean; check?: (v: string) => string | null }]>,
): { column: string | null; reason: string } | null {
  if (cells.length !== header.length) {
    return { column: null, reason: `expected ${header.length} cells as in the header, found ${cells.length}` };
  }
  for (let i = 0; i < cells.length; i++) {
    if (cells[i].length > MAX_CELL) {
      return { column: header[i], reason: `cell is ${cells[i].length.toLocaleString('en-US')} characters long; the limit is ${MAX_CELL.toLocaleString('en-US')}` };
    }
  }
  for (const [col, i, rule] of checks) {
    const v = cells[i].trim();
    if (!v) {
      if (rule.required) return { column: col, reason: `missing ${col}` };
      continue;
    }
    const reason = rule.check?.(v);
    if (reason) return { column: col, reason };
  }
  return null;
}
