// The boards of a case: list, create, rename, delete, save, load. Board 1, the working
// board, always exists once anything was saved; it cannot be deleted.
import type Database from 'better-sqlite3';
import type { BoardInfo } from '../../../shared/contract';
import { AppError } from '../errors';

interface BoardRow {
  id: number;
  name: string;
  saved_at: string;
  nodes: number;
  links: number;
}

const info = (r: BoardRow): BoardInfo => ({ id: r.id, name: r.name, savedAt: r.saved_at, nodes: r.nodes, links: r.links });
const WORKING = 'Working board';

export function listBoards(db: Database.Database): BoardInfo[] {
  const rows = db.prepare('SELECT id, name, saved_at, nodes, links FROM board ORDER BY id').all() as BoardRow[];
  if (!rows.some((r) => r.id === 1)) rows.unshift({ id: 1, name: WORKING, saved_at: '', nodes: 0, links: 0 });
  return rows.map(info);
}

function get(db: Database.Database, id: number): BoardRow {
  const r = db.prepare('SELECT id, name, saved_at, nodes, links FROM board WHERE id = ?').get(id) as BoardRow | undefined;
  if (!r) throw new AppError('not_found', `No board #${id} in this case.`);
  return r;
}

function uniqueName(db: Database.Database, name: string, except = 0): void {
  const clash = db.prepare('SELECT id FROM board WHERE name = ? COLLATE NOCASE AND id != ?').get(name, except);
  if (clash) throw new AppError('conflict', `A board named “${name}” already exists; choose another name.`);
}

export function createBoard(db: Database.Database, name: string, state: string, counts: { nodes: number; links: number }, savedAt: string): BoardInfo {
  uniqueName(db, name);
  // Board 1 is reserved for the working board, even before it was first saved.
  const next = Math.max(2, ((db.prepare('SELECT max(id) FROM board').pluck().get() as number | null) ?? 1) + 1);
  db.prepare('INSERT INTO board(id, name, state, saved_at, nodes, links) VALUES (?, ?, ?, ?, ?, ?)').run(next, name, state, savedAt, counts.nodes, counts.links);
  return info(get(db, next));
}

export function renameBoard(db: Database.Database, id: number, name: string): BoardInfo {
  uniqueName(db, name, id);
  if (id === 1 && !db.prepare('SELECT 1 FROM board WHERE id = 1').get()) {
    db.prepare(`INSERT INTO board(id, name, state, saved_at) VALUES (1, ?, '{"nodes":[],"links":[]}', ?)`).run(name, new Date().toISOString());
  }
  get(db, id);
  db.prepare('UPDATE board SET name = ? WHERE id = ?').run(name, id);
  return info(get(db, id));
}

export function deleteBoard(db: Database.Database, id: number): boolean {
  if (id === 1) throw new AppError('conflict', 'The working board cannot be deleted; clear it instead.');
  return db.prepare('DELETE FROM board WHERE id = ?').run(id).changes > 0;
}

/** Saves a board's state; an older save arriving late never overwrites a newer one. */
export function saveBoard(db: Database.Database, id: number, state: string, counts: { nodes: number; links: number }, savedAt: string): void {
  if (id !== 1) get(db, id);
  db.prepare(
    `INSERT INTO board(id, name, state, saved_at, nodes, links) VALUES (@id, @name, @state, @savedAt, @nodes, @links)
     ON CONFLICT(id) DO UPDATE SET state = excluded.state, saved_at = excluded.saved_at, nodes = excluded.nodes, links = excluded.links
     WHERE excluded.saved_at >= board.saved_at`,
  ).run({ id, name: WORKING, state, savedAt, ...counts });
}

export function loadBoard(db: Database.Database, id: number): { id: number; name: string; state: string; savedAt: string } | null {
  const r = db.prepare('SELECT id, name, state, saved_at AS savedAt FROM board WHERE id = ?').get(id) as { id: number; name: string; state: string; savedAt: string } | undefined;
  if (!r && id !== 1) throw new AppError('not_found', `No board #${id} in this case.`);
  return r ?? null;
}

export function boardName(db: Database.Database, id: number): string {
  return (db.prepare('SELECT name FROM board WHERE id = ?').pluck().get(id) as string | undefined) ?? (id === 1 ? WORKING : `Board ${id}`);
}
