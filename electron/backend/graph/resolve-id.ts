import type Database from 'better-sqlite3';
import type { NodeRef } from '../../../shared/model';
import { toNodeRef, type DbNode } from './rows';

/** Finds a node by any id an analyst may quote: record, crossing, case, lookout, event, port, person (P-…). */
export function resolveSourceId(db: Database.Database, sourceId: string): NodeRef | null {
  const id = sourceId.trim();
  const n = db
    .prepare(
      `SELECT * FROM node WHERE kind IN ('person', 'vehicle_entity', 'subject', 'vehicle', 'traveller', 'case', 'lookout', 'event', 'port') AND key = ?
       ORDER BY CASE kind WHEN 'subject' THEN 0 WHEN 'vehicle' THEN 1 WHEN 'traveller' THEN 2 ELSE 3 END LIMIT 1`,
    )
    .get(id) as DbNode | undefined;
  if (n) return toNodeRef(db, n);
  // Entities of import specs: by their source id (SPACE:KEY), or by the key alone when one entity has it.
  const custom = db.prepare(`SELECT * FROM node WHERE kind IN (SELECT kind FROM kind_def WHERE is_link = 0) AND key = ? LIMIT 1`).get(id) as DbNode | undefined;
  if (custom) return toNodeRef(db, custom);
  const keyed = db.prepare('SELECT n.* FROM spec_key k JOIN node n ON n.id = k.node WHERE k.key = ? LIMIT 2').all(id) as DbNode[];
  if (keyed.length === 1) return toNodeRef(db, keyed[0]);
  if (/^\d+$/.test(id)) {
    const byId = db.prepare('SELECT * FROM node WHERE id = ?').get(Number(id)) as DbNode | undefined;
    if (byId) return toNodeRef(db, byId);
  }
  return null;
}
