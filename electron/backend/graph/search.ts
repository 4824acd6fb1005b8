// Search everything: names, ids, plates, documents, phones, addresses, over FTS5.
import type Database from 'better-sqlite3';
import type { SearchHit } from '../../../shared/contract';
import { isCustomKind, type BuiltinNodeKind, type NodeKind } from '../../../shared/model';
import { compact, foldText } from '../util/text';
import { toNodeRef, type DbNode } from './rows';

/** Records first: an analyst searching a name wants the people before the crossings. */
const KIND_RANK: Record<BuiltinNodeKind, number> = {
  person: -1, vehicle_entity: 0.5, subject: 0, vehicle: 1, case: 2, lookout: 3, phone: 4, document: 4, plate: 4, vin: 4, email: 4, address: 5,
  port: 6, traveller: 7, event: 8, pointer: 9,
};
/** Custom kinds (import specs) rank with the records. */
const rank = (k: NodeKind): number => (isCustomKind(k) ? 2.5 : KIND_RANK[k]);

/** Builds an FTS5 expression from free text; tokens are folded to [a-z0-9], so nothing can inject syntax. */
export function ftsQuery(q: string): string | null {
  const tokens = foldText(q).split(' ').filter(Boolean).slice(0, 12);
  if (tokens.length === 0) return null;
  const words = tokens.map((t) => `"${t}"*`).join(' AND ');
  const joined = compact(q);
  return tokens.length > 1 && joined.length >= 4 ? `(${words}) OR "${joined}"*` : words;
}

export function search(db: Database.Database, q: string, limit: number, kinds?: NodeKind[]): SearchHit[] {
  const expr = ftsQuery(q);
  if (!expr) return [];
  const rows = db
    .prepare(
      `SELECT n.*, f.rank AS score FROM node_fts f JOIN node n ON n.id = f.rowid
       WHERE node_fts MATCH ? ORDER BY f.rank LIMIT ?`,
    )
    .all(expr, Math.min(2000, limit * 8)) as Array<DbNode & { score: number }>;
  const wanted = kinds && kinds.length ? new Set(kinds) : null;
  // A query that is exactly an id puts that record first (then the person it belongs to).
  const exact = q.trim().toUpperCase();
  const isExact = (r: DbNode) => (r.key.toUpperCase() === exact ? 0 : 1);
  return rows
    .filter((r) => !wanted || wanted.has(r.kind))
    .sort((a, b) => isExact(a) - isExact(b) || rank(a.kind) - rank(b.kind) || a.score - b.score)
    .slice(0, limit)
    .map((r) => ({ ...toNodeRef(db, r), matched: q }));
}
