// "What happened when?": the dated links of the board's nodes; a person or a vehicle gets
// the dated links of its records too (its crossings), so the timeline shows its life.
import type Database from 'better-sqlite3';
import type { TimelineItem } from '../../../shared/contract';
import { linkKindLabel, type LinkKind } from '../../../shared/model';

export function timeline(db: Database.Database, ids: number[], limit: number): { items: TimelineItem[]; truncated: boolean } {
  const items: TimelineItem[] = [];
  const seen = new Set<string>();
  const own = db.prepare(
    `SELECT id, kind, at FROM link WHERE src = @id AND at IS NOT NULL AND kind != 'resolved_as'
     UNION ALL SELECT id, kind, at FROM link WHERE dst = @id AND at IS NOT NULL AND kind != 'resolved_as'`,
  );
  const ofRecords = db.prepare(
    `SELECT x.id, x.kind, x.at FROM link r JOIN link x ON x.src = r.src AND x.at IS NOT NULL AND x.kind != 'resolved_as'
     WHERE r.dst = @id AND r.kind = 'resolved_as'
     UNION ALL
     SELECT x.id, x.kind, x.at FROM link r JOIN link x ON x.dst = r.src AND x.at IS NOT NULL AND x.kind != 'resolved_as'
     WHERE r.dst = @id AND r.kind = 'resolved_as'`,
  );
  const kindOf = db.prepare('SELECT kind FROM node WHERE id = ?').pluck();
  for (const id of new Set(ids)) {
    const kind = kindOf.get(id) as string | undefined;
    if (!kind) continue;
    const rows = [...(own.all({ id }) as Array<{ id: number; kind: LinkKind; at: string }>)];
    if (kind === 'person' || kind === 'vehicle_entity') rows.push(...(ofRecords.all({ id }) as Array<{ id: number; kind: LinkKind; at: string }>));
    for (const r of rows) {
      const key = `${id}:${r.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (items.length >= limit) return { items, truncated: true };
      items.push({ at: r.at, nodeId: id, linkId: r.id, kind: r.kind, label: linkKindLabel(r.kind) });
    }
  }
  items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { items, truncated: false };
}
