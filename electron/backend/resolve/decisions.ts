// The analyst's decisions about records (same, not the same, on its own): kept in the case
// by record id ('subject:ID' / 'traveller:ID'), so they survive re-imports and re-runs, and
// undone by marking, never by deleting.
import type Database from 'better-sqlite3';
import { AppError } from '../errors';

export interface Decision {
  id: number;
  at: string;
  who: string;
  action: 'same' | 'not_same' | 'alone';
  a: string;
  b: string | null;
  note: string | null;
  undoneAt: string | null;
}

export function listDecisions(db: Database.Database): Decision[] {
  return db.prepare(`SELECT id, at, who, action, a, b, note, undone_at AS undoneAt FROM resolution_decision ORDER BY id DESC`).all() as Decision[];
}

/** Records an analyst decision (record ids as 'subject:ID' / 'traveller:ID' or bare ids). */
export function decide(db: Database.Database, who: string, action: Decision['action'], a: string, b: string | null, note: string | null): number {
  const loaded = db.prepare(`SELECT kind, key FROM node WHERE kind IN ('subject', 'traveller') AND key = ?`);
  const norm = (k: string) => {
    if (/^(subject|traveller):/.test(k)) return k;
    const r = loaded.get(k) as { kind: string; key: string } | undefined;
    if (!r) throw new AppError('not_found', `No subject record or crossing with id '${k}' in this case.`);
    return `${r.kind}:${r.key}`;
  };
  if (action !== 'alone' && !b) throw new AppError('invalid_input', `'${action}' needs two records.`);
  return Number(
    db.prepare(`INSERT INTO resolution_decision(at, who, action, a, b, note) VALUES (?, ?, ?, ?, ?, ?)`).run(new Date().toISOString(), who, action, norm(a), b ? norm(b) : null, note)
      .lastInsertRowid,
  );
}

export function undoDecision(db: Database.Database, id: number): void {
  const r = db.prepare(`UPDATE resolution_decision SET undone_at = ? WHERE id = ? AND undone_at IS NULL`).run(new Date().toISOString(), id);
  if (r.changes === 0) throw new AppError('not_found', `No open decision #${id}.`);
}

/** The decisions in force, as record indexes of a run (records not in the run are skipped). */
export function decisionIndexes(db: Database.Database, indexOf: (node: number) => number | undefined) {
  const nodeOf = db.prepare(`SELECT id FROM node WHERE kind = ? AND key = ?`).pluck();
  const pick = (k: string | null): number | undefined => {
    if (k === null) return undefined;
    const at = k.indexOf(':');
    const node = nodeOf.get(k.slice(0, at), k.slice(at + 1)) as number | undefined;
    return node === undefined ? undefined : indexOf(node);
  };
  const notSame: Array<[number, number]> = [];
  const forceSame: Array<[number, number]> = [];
  const alone: number[] = [];
  // Oldest first, so a later decision about the same records wins.
  for (const d of listDecisions(db).filter((x) => !x.undoneAt).reverse()) {
    const a = pick(d.a);
    const b = pick(d.b);
    if (a === undefined) continue;
    if (d.action === 'alone') alone.push(a);
    else if (b !== undefined) (d.action === 'same' ? forceSame : notSame).push([a, b]);
  }
  return { notSame, forceSame, alone };
}
