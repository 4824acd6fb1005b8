// Expanding a node: its neighbours, or a summary when there are too many to draw.
import type Database from 'better-sqlite3';
import type { Expansion, NeighbourSummary } from '../../../shared/contract';
import type { NodeKind } from '../../../shared/model';
import { getNode, toLinkRef, toNodeRef, type DbLink, type DbNode } from './rows';

const NEIGHBOURS = `
  SELECT l.*, n.id AS n_id, n.kind AS n_kind, n.key AS n_key, n.label AS n_label, n.handling AS n_handling
  FROM (SELECT * FROM link WHERE src = @id UNION ALL SELECT * FROM link WHERE dst = @id) l
  JOIN node n ON n.id = CASE WHEN l.src = @id THEN l.dst ELSE l.src END`;

export function summarise(db: Database.Database, id: number): NeighbourSummary {
  const byKind = db.prepare(`SELECT n_kind AS kind, count(*) AS count FROM (${NEIGHBOURS}) GROUP BY n_kind ORDER BY count DESC`).all({ id }) as NeighbourSummary['byKind'];
  const byLinkKind = db.prepare(`SELECT kind, count(*) AS count FROM (${NEIGHBOURS}) GROUP BY kind ORDER BY count DESC`).all({ id }) as NeighbourSummary['byLinkKind'];
  const byPeriod = db
    .prepare(`SELECT coalesce(substr(at, 1, 10), 'undated') AS period, count(*) AS count FROM (${NEIGHBOURS}) GROUP BY period ORDER BY period LIMIT 400`)
    .all({ id }) as NeighbourSummary['byPeriod'];
  return { total: byKind.reduce((s, k) => s + k.count, 0), byKind, byLinkKind, byPeriod };
}

export function expand(db: Database.Database, id: number, opts: { force: boolean; limit: number; kinds?: NodeKind[] }): Expansion {
  const center = toNodeRef(db, getNode(db, id));
  const kinds = opts.kinds && opts.kinds.length ? opts.kinds : null;
  const params: Record<string, unknown> = { id, limit: opts.limit };
  kinds?.forEach((k, i) => (params[`k${i}`] = k));
  const filter = kinds ? `WHERE n_kind IN (${kinds.map((_, i) => `@k${i}`).join(',')})` : '';
  const count = (db.prepare(`SELECT count(*) AS c FROM (${NEIGHBOURS}) ${filter}`).get(params) as { c: number }).c;
  if (count > opts.limit && !opts.force) return { type: 'summary', center, summary: summarise(db, id) };
  const rows = db
    .prepare(`SELECT * FROM (${NEIGHBOURS}) ${filter} ORDER BY at DESC LIMIT @limit`)
    .all(params) as Array<DbLink & { n_id: number; n_kind: NodeKind; n_key: string; n_label: string; n_handling: string }>;
  const nodes = new Map<number, ReturnType<typeof toNodeRef>>();
  for (const r of rows) {
    if (!nodes.has(r.n_id)) {
      nodes.set(r.n_id, toNodeRef(db, { id: r.n_id, kind: r.n_kind, key: r.n_key, label: r.n_label, handling: r.n_handling } as DbNode));
    }
  }
  return { type: 'graph', center, nodes: [...nodes.values()], links: rows.map(toLinkRef) };
}
