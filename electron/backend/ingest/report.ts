// The import report: what loaded, what was rejected and why, read back from the case.
import type Database from 'better-sqlite3';
import type { ImportReport, Reject } from '../../../shared/contract';
import { AppError } from '../errors';

interface ImportRow {
  id: number;
  export_id: string;
  source: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rows_skipped: number;
  nodes_added: number;
  links_added: number;
  seconds: number;
}

type Summary = Omit<ImportReport, 'files' | 'rejects' | 'rejectsByReason'>;

function toSummary(r: ImportRow): Summary {
  return {
    importId: r.id,
    exportId: r.export_id,
    source: r.source,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    rowsRead: r.rows_read,
    rowsLoaded: r.rows_loaded,
    rowsRejected: r.rows_rejected,
    rowsSkipped: r.rows_skipped,
    nodesAdded: r.nodes_added,
    linksAdded: r.links_added,
    seconds: r.seconds,
  };
}

export function listImports(db: Database.Database): Summary[] {
  return (db.prepare('SELECT * FROM import ORDER BY id DESC').all() as ImportRow[]).map(toSummary);
}

/** Collapses the value-specific part of a reason so rejects group by cause. */
function reasonGroup(reason: string): string {
  return reason.replace(/'[^']*'/g, "'…'").replace(/(?<!ISO )\b\d+\b/g, 'N');
}

/** Who may read a rejected row's values; without it (tests, tools) everything is shown. */
export type RowReader = (handling: string, agency: string | null) => boolean;

/** A reason as the reader may see it: the quoted bad value only if the row is readable. */
function reasonFor(r: { reason: string; handling: string | null; agency: string | null }, canRead?: RowReader): string {
  if (!canRead || (r.handling !== null && canRead(r.handling, r.agency))) return r.reason;
  return r.reason.replace(/'[^']*'/g, "'…'");
}

export function importReport(db: Database.Database, importId: number, offset = 0, limit = 200, canRead?: RowReader): ImportReport {
  const row = db.prepare('SELECT * FROM import WHERE id = ?').get(importId) as ImportRow | undefined;
  if (!row) throw new AppError('not_found', `No import #${importId} in this case.`);
  const files = (
    db.prepare('SELECT name, rows_read, rows_loaded, rows_rejected, rows_skipped, refused FROM source_file WHERE import_id = ? AND role IS NULL ORDER BY id').all(importId) as Array<{
      name: string; rows_read: number; rows_loaded: number; rows_rejected: number; rows_skipped: number; refused: string | null;
    }>
  ).map((f) => ({ file: f.name, rowsRead: f.rows_read, rowsLoaded: f.rows_loaded, rowsRejected: f.rows_rejected, rowsSkipped: f.rows_skipped, refused: f.refused }));
  const rejects = (
    db
      .prepare('SELECT file, line, column_name AS "column", reason, handling, agency FROM reject WHERE import_id = ? ORDER BY id LIMIT ? OFFSET ?')
      .all(importId, limit, offset) as Array<Reject & { handling: string | null; agency: string | null }>
  ).map(({ handling, agency, ...r }) => ({ ...r, reason: reasonFor({ reason: r.reason, handling, agency }, canRead) }));
  const groups = new Map<string, number>();
  for (const r of db.prepare('SELECT reason FROM reject WHERE import_id = ?').iterate(importId) as Iterable<{ reason: string }>) {
    const g = reasonGroup(r.reason);
    groups.set(g, (groups.get(g) ?? 0) + 1);
  }
  const rejectsByReason = [...groups].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count).slice(0, 50);
  return { ...toSummary(row), files, rejects, rejectsByReason };
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // Quote always; neutralise spreadsheet formulas in hostile cells.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
};

export function rejectsCsv(db: Database.Database, importId: number, canRead?: RowReader): { filename: string; csv: string } {
  const row = db.prepare('SELECT export_id FROM import WHERE id = ?').get(importId) as { export_id: string } | undefined;
  if (!row) throw new AppError('not_found', `No import #${importId} in this case.`);
  const lines = ['file,line,column,reason'];
  for (const r of db.prepare('SELECT file, line, column_name, reason, handling, agency FROM reject WHERE import_id = ? ORDER BY id').iterate(importId) as Iterable<{
    file: string; line: number; column_name: string | null; reason: string; handling: string | null; agency: string | null;
  }>) {
    lines.push([r.file, r.line, r.column_name, reasonFor(r, canRead)].map(csvCell).join(','));
  }
  const safeName = row.export_id.replace(/[^A-Za-z0-9._-]+/g, '_');
  return { filename: `rejects-${safeName}.csv`, csv: `${lines.join('\r\n')}\r\n` };
}
