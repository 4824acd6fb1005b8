// The case's audit trail: append-only (triggers refuse UPDATE and DELETE) and hash-chained,
// so that whoever bypasses the triggers (drops them, edits the file) leaves a break that
// verification names: the first entry edited, deleted or moved.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditAction, AuditEntry } from '../../../shared/contract';
import type { Agency } from '../../../shared/model';

export const GENESIS_HASH = '0'.repeat(64);
export const MAX_TARGET = 500;
export const MAX_DETAIL = 2000;

export interface AuditInput {
  at: string;
  who: string;
  agency: Agency;
  action: AuditAction;
  target: string;
  detail: string;
}

type RawRow = [id: number, at: string, who: string, agency: string, action: string, target: string, detail: string, prevHash: string, hash: string];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * SQLite stores UTF-8, so a lone surrogate would come back as U+FFFD and no longer match
 * the hash taken over it: hash exactly what will be read back.
 */
function storable(s: string, max = Infinity): string {
  let t = s.length > max ? s.slice(0, max) : s;
  if (/[\uD800-\uDBFF]$/.test(t) && s.length > max) t = t.slice(0, -1);
  return t.replace(LONE_SURROGATE, '\uFFFD');
}

export function entryHash(prevHash: string, e: { id: number; at: string; who: string; agency: string; action: string; target: string; detail: string }): string {
  const content = JSON.stringify([e.id, e.at, e.who, e.agency, e.action, e.target, e.detail]);
  return crypto.hash('sha256', `${prevHash}\n${content}`, 'hex');
}

/** Appends entries in one transaction, each chained to the one before. */
/** The newest entry: what a reader elsewhere remembers to notice the newest ones removed. */
export interface AuditHead {
  entries: number;
  hash: string;
}

export function appendAudit(db: Database.Database, entries: AuditInput[]): AuditHead {
  if (!entries.length) return auditHead(db);
  const last = db.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO audit(id, at, who, agency, action, target, detail, prev_hash, hash) VALUES (@id, @at, @who, @agency, @action, @target, @detail, @prev_hash, @hash)',
  );
  // IMMEDIATE: the last hash read and the insert chained to it must not interleave with another writer.
  db.transaction(() => {
    const tail = last.get() as { id: number; hash: string } | undefined;
    let id = tail?.id ?? 0;
    let prev = tail?.hash ?? GENESIS_HASH;
    for (const e of entries) {
      id++;
      const row = {
        id,
        at: storable(e.at),
        who: storable(e.who),
        agency: e.agency,
        action: e.action,
        target: storable(e.target, MAX_TARGET),
        detail: storable(e.detail, MAX_DETAIL),
      };
      const hash = entryHash(prev, row);
      insert.run({ ...row, prev_hash: prev, hash });
      prev = hash;
    }
  }).immediate();
  return auditHead(db);
}

export function auditHead(db: Database.Database): AuditHead {
  const tail = db.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  return { entries: tail?.id ?? 0, hash: tail?.hash ?? GENESIS_HASH };
}

/** The hash stored for entry `id`, if there is one. */
export function auditHashAt(db: Database.Database, id: number): string | null {
  return (db.prepare('SELECT hash FROM audit WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
}

const likeEscape = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface AuditQuery {
  limit: number;
  offset: number;
  action?: AuditAction;
  who?: string;
  q?: string;
  /** With `q`: only entries written under this agency's profile are searched. */
  readableBy?: Agency;
}

/** Newest first. `who` is a part of the analyst's name; every word of `q` must be in the target or the detail. */
export function listAudit(db: Database.Database, o: AuditQuery): { entries: AuditEntry[]; total: number } {
  const where: string[] = [];
  const args: Array<string | number> = [];
  if (o.action) {
    where.push('action = ?');
    args.push(o.action);
  }
  if (o.who?.trim()) {
    where.push(`who LIKE ? ESCAPE '\\'`);
    args.push(likeEscape(o.who.trim()));
  }
  const words = (o.q ?? '').split(/\s+/).filter(Boolean).slice(0, 20);
  // Words are looked for only in entries the reader may read, or the matches would tell.
  if (words.length && o.readableBy) {
    where.push('agency = ?');
    args.push(o.readableBy);
  }
  for (const word of words) {
    where.push(`(target LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\')`);
    args.push(likeEscape(word), likeEscape(word));
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = db
    .prepare(`SELECT id, at, who, agency, action, target, detail, hash FROM audit ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...args, o.limit, o.offset) as AuditEntry[];
  const total = db.prepare(`SELECT count(*) FROM audit ${clause}`).pluck().get(...args) as number;
  return { entries: rows, total };
}

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  firstBad: { id: number; reason: string } | null;
}

type Break = { id: number; kind: 'gap' } | { id: number; kind: 'edited' } | { id: number; kind: 'link'; prevHash: string };

/** Walks the chain in id order, one row at a time, and names the first entry that breaks it. */
export function verifyAudit(db: Database.Database): AuditVerdict {
  let prevId = 0;
  let prevHash = GENESIS_HASH;
  let seen = 0;
  let broken: Break | null = null;
  // Raw rows: a million-entry trail is read one row at a time, as arrays (half the cost of objects).
  const rows = db.prepare('SELECT id, at, who, agency, action, target, detail, prev_hash, hash FROM audit ORDER BY id').raw().iterate() as IterableIterator<RawRow>;
  for (const [id, at, who, agency, action, target, detail, rowPrev, hash] of rows) {
    seen++;
    // Ids are given 1, 2, 3…: a missing number is a missing entry.
    if (id !== prevId + 1) {
      broken = { id, kind: 'gap' };
      break;
    }
    // A changed id also changes the content hash, so the link is judged first: a moved
    // entry is reported as moved, not as edited.
    if (rowPrev !== prevHash) {
      broken = { id, kind: 'link', prevHash: rowPrev };
      break;
    }
    if (entryHash(rowPrev, { id, at, who, agency, action, target, detail }) !== hash) {
      broken = { id, kind: 'edited' };
      break;
    }
    prevId = id;
    prevHash = hash;
  }
  // The walk stops at the first break; the entries after it are counted apart.
  const entries = broken ? (db.prepare('SELECT count(*) FROM audit').pluck().get() as number) : seen;
  return { ok: !broken, entries, firstBad: broken ? { id: broken.id, reason: explain(db, broken) } : null };
}

function explain(db: Database.Database, b: Break): string {
  if (b.kind === 'gap') return `an entry before #${b.id} was deleted`;
  if (b.kind === 'edited') return `entry #${b.id} was edited: its hash does not match its content`;
  if (b.prevHash === GENESIS_HASH) return `entry #${b.id} was moved: it was written as the first entry`;
  // Chained to an entry that is still in the trail, elsewhere: the two were reordered.
  const before = db.prepare('SELECT id FROM audit WHERE hash = ? LIMIT 1').pluck().get(b.prevHash) as number | undefined;
  if (before !== undefined) return `entry #${b.id} was moved: it was written right after the entry now at #${before}`;
  return `an entry before #${b.id} was deleted or replaced`;
}

/**
 * After a restore: appends the entries another copy of the case (the one the restore
 * replaced) holds beyond this one's newest, when this one's trail is a prefix of that one's.
 * Rows are copied as they are, so the chain stays verifiable.
 */
export function carryAudit(db: Database.Database, from: string): number {
  db.prepare('ATTACH DATABASE ? AS prior').run(from);
  try {
    if (!db.prepare(`SELECT 1 FROM prior.sqlite_master WHERE type = 'table' AND name = 'audit'`).get()) return 0;
    const head = auditHead(db);
    if (head.entries > 0 && db.prepare('SELECT hash FROM prior.audit WHERE id = ?').pluck().get(head.entries) !== head.hash) return 0;
    return db
      .prepare('INSERT INTO audit(id, at, who, agency, action, target, detail, prev_hash, hash) SELECT id, at, who, agency, action, target, detail, prev_hash, hash FROM prior.audit WHERE id > ? ORDER BY id')
      .run(head.entries).changes;
  } finally {
    db.prepare('DETACH DATABASE prior').run();
  }
}

/** The first entry recording that the trail was found cut (written when a case is opened). */
export function auditTampered(db: Database.Database): { id: number; detail: string } | null {
  return (db.prepare(`SELECT id, detail FROM audit WHERE action = 'case.open' AND detail LIKE 'TAMPERED: %' ORDER BY id LIMIT 1`).get() as { id: number; detail: string } | undefined) ?? null;
}
