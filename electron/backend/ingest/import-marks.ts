// Taking an import (or one refused file of it) back out of the case: everything it added
// has a node or link id above the marks taken when it began.
import type Database from 'better-sqlite3';

export interface Marks {
  node: number;
  link: number;
}

export function currentMarks(db: Database.Database): Marks {
  const r = db.prepare('SELECT (SELECT coalesce(max(id), 0) FROM node) AS node, (SELECT coalesce(max(id), 0) FROM link) AS link').get() as Marks;
  return r;
}

/** Deletes every node, link and search entry added after the marks. Call inside a transaction. */
export function removeAbove(db: Database.Database, m: Marks): void {
  db.prepare('DELETE FROM link WHERE id > ?').run(m.link);
  db.prepare('DELETE FROM node_fts WHERE rowid > ?').run(m.node);
  db.prepare('DELETE FROM spec_key WHERE node > ?').run(m.node);
  db.prepare('DELETE FROM node WHERE id > ?').run(m.node);
}

/** Takes a whole import back out; its row stays, with the status saying why. */
export function rollBackImport(db: Database.Database, importId: number, status: 'cancelled' | 'interrupted' | 'failed', note: string): void {
  db.transaction(() => takeOut(db, importId, status, note, false)).immediate();
}

/** The work of a roll-back, inside the caller's transaction. A spec import refused for rows
 * the analyst had not accepted keeps its rejects (and their count), so the report lists them. */
export function takeOut(db: Database.Database, importId: number, status: 'cancelled' | 'interrupted' | 'failed' | 'rejected', note: string, keepRejects: boolean): void {
  const row = db.prepare('SELECT node_mark AS node, link_mark AS link FROM import WHERE id = ?').get(importId) as Marks | undefined;
  if (!row) return;
  removeAbove(db, row);
  db.prepare('DELETE FROM spec_key WHERE file_id IN (SELECT id FROM source_file WHERE import_id = ?)').run(importId);
  if (!keepRejects) db.prepare('DELETE FROM reject WHERE import_id = ?').run(importId);
  const rejected = keepRejects ? (db.prepare('SELECT count(*) FROM reject WHERE import_id = ?').pluck().get(importId) as number) : 0;
  db.prepare(
    `UPDATE import SET status = ?, note = ?, finished_at = ?, rows_loaded = 0, nodes_added = 0, links_added = 0, rows_rejected = CASE WHEN ? THEN ? ELSE rows_rejected END WHERE id = ?`,
  ).run(status, note, new Date().toISOString(), keepRejects ? 1 : 0, rejected, importId);
}

/**
 * At open: an import still marked running was interrupted (crash, kill, power loss).
 * Its committed batches are removed so the case is as it was before it; it can be rerun.
 */
export function recoverInterruptedImports(db: Database.Database): Array<{ importId: number; exportId: string }> {
  const running = db.prepare(`SELECT id, export_id AS exportId FROM import WHERE status = 'running' ORDER BY id DESC`).all() as Array<{ id: number; exportId: string }>;
  for (const r of running) {
    rollBackImport(db, r.id, 'interrupted', 'Interrupted before it finished; its rows were removed when the case was next opened. Import the bundle again.');
  }
  return running.map((r) => ({ importId: r.id, exportId: r.exportId }));
}
