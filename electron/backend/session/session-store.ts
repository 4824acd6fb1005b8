// Runs in the DB worker: sessions, their participants and their Yjs updates in the case.
import type Database from 'better-sqlite3';
import type { Agency } from '../../../shared/model';

export interface SessionRow {
  id: number;
  boardId: number;
  board: string;
  code: string;
  bind: string;
  port: number;
  cert: string;
  key: string;
  fingerprint: string;
  host: string;
  agency: Agency;
  startedAt: string;
  endedAt: string | null;
}

export interface ParticipantRow {
  id: string;
  name: string;
  agency: Agency;
  colour: string;
  role: 'host' | 'participant';
  tokenHash: string;
  admittedAt: string;
  removedAt: string | null;
}

const SESSION_COLS = `id, board_id AS boardId, board, code, bind, port, cert, key, fingerprint, host, agency, started_at AS startedAt, ended_at AS endedAt`;

export function createSession(db: Database.Database, s: Omit<SessionRow, 'id' | 'endedAt'>): SessionRow {
  const id = db
    .prepare(
      `INSERT INTO session(board_id, board, code, bind, port, cert, key, fingerprint, host, agency, started_at)
       VALUES (@boardId, @board, @code, @bind, @port, @cert, @key, @fingerprint, @host, @agency, @startedAt)`,
    )
    .run(s).lastInsertRowid as number;
  return db.prepare(`SELECT ${SESSION_COLS} FROM session WHERE id = ?`).get(id) as SessionRow;
}

/** The session of a board that was not ended (a host that crashed or was stopped resumes it). */
export function openSession(db: Database.Database, boardId: number): SessionRow | null {
  return (db.prepare(`SELECT ${SESSION_COLS} FROM session WHERE board_id = ? AND ended_at IS NULL ORDER BY id DESC LIMIT 1`).get(boardId) as SessionRow | undefined) ?? null;
}

/** Sessions started and never ended (the host crashed or stopped): they can be resumed. */
export function unendedSessions(db: Database.Database): Array<{ id: number; boardId: number; board: string; startedAt: string; port: number }> {
  return db.prepare(`SELECT id, board_id AS boardId, board, started_at AS startedAt, port FROM session WHERE ended_at IS NULL ORDER BY id DESC`).all() as Array<{
    id: number;
    boardId: number;
    board: string;
    startedAt: string;
    port: number;
  }>;
}

export function latestSession(db: Database.Database, boardId: number): SessionRow | null {
  return (db.prepare(`SELECT ${SESSION_COLS} FROM session WHERE board_id = ? ORDER BY id DESC LIMIT 1`).get(boardId) as SessionRow | undefined) ?? null;
}

export function setSessionPort(db: Database.Database, id: number, port: number): void {
  db.prepare('UPDATE session SET port = ? WHERE id = ?').run(port, id);
}

export function endSession(db: Database.Database, id: number, at: string): void {
  db.prepare('UPDATE session SET ended_at = ? WHERE id = ? AND ended_at IS NULL').run(at, id);
}

export interface SessionLoad {
  updates: Record<string, Uint8Array[]>;
  participants: ParticipantRow[];
  clients: Array<{ client: number; participant: string }>;
}

export function loadSession(db: Database.Database, id: number): SessionLoad {
  const updates: Record<string, Uint8Array[]> = {};
  for (const r of db.prepare('SELECT doc, data FROM session_update WHERE session_id = ? ORDER BY id').iterate(id) as Iterable<{ doc: string; data: Buffer }>) {
    (updates[r.doc] ??= []).push(new Uint8Array(r.data));
  }
  const participants = db
    .prepare(
      `SELECT id, name, agency, colour, role, token_hash AS tokenHash, admitted_at AS admittedAt, removed_at AS removedAt
       FROM session_participant WHERE session_id = ? ORDER BY admitted_at`,
    )
    .all(id) as ParticipantRow[];
  const clients = db.prepare('SELECT client, participant FROM session_client WHERE session_id = ?').all(id) as SessionLoad['clients'];
  return { updates, participants, clients };
}

export interface SessionAppend {
  sessionId: number;
  updates: Array<{ doc: string; data: Uint8Array }>;
  clients: Array<{ client: number; participant: string }>;
}

/** One transaction per batch: a crash keeps whole batches only. */
export function appendSession(db: Database.Database, a: SessionAppend): number {
  const ins = db.prepare('INSERT INTO session_update(session_id, doc, data) VALUES (?, ?, ?)');
  const claim = db.prepare('INSERT OR IGNORE INTO session_client(session_id, client, participant) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const u of a.updates) ins.run(a.sessionId, u.doc, Buffer.from(u.data));
    for (const c of a.clients) claim.run(a.sessionId, c.client, c.participant);
  })();
  return a.updates.length;
}

/** Replaces a document's updates by one merged update (done at load, when there are many). */
export function compactSession(db: Database.Database, a: { sessionId: number; doc: string; data: Uint8Array }): void {
  db.transaction(() => {
    db.prepare('DELETE FROM session_update WHERE session_id = ? AND doc = ?').run(a.sessionId, a.doc);
    db.prepare('INSERT INTO session_update(session_id, doc, data) VALUES (?, ?, ?)').run(a.sessionId, a.doc, Buffer.from(a.data));
  })();
}

export function saveParticipant(db: Database.Database, a: { sessionId: number; p: ParticipantRow }): void {
  db.prepare(
    `INSERT INTO session_participant(session_id, id, name, agency, colour, role, token_hash, admitted_at, removed_at)
     VALUES (@sessionId, @id, @name, @agency, @colour, @role, @tokenHash, @admittedAt, @removedAt)
     ON CONFLICT(session_id, id) DO UPDATE SET removed_at = excluded.removed_at, token_hash = excluded.token_hash`,
  ).run({ sessionId: a.sessionId, ...a.p });
}
