// Row types of the graph tables, kept apart from the contract's domain types.
import type Database from 'better-sqlite3';
import type { LinkRef, NodeKind, NodeRef, Handling, LinkKind } from '../../../shared/model';
import { isCustomKind, linkKindLabel } from '../../../shared/model';
import { AppError } from '../errors';

export interface DbNode {
  id: number;
  kind: NodeKind;
  key: string;
  label: string;
  at: string | null;
  file_id: number | null;
  line: number | null;
  agency: string | null;
  handling: Handling;
  cells: string | null;
}

export interface DbLink {
  id: number;
  kind: LinkKind;
  src: number;
  dst: number;
  at: string | null;
  file_id: number | null;
  line: number | null;
  handling: Handling;
  attrs: string | null;
}

/** Kinds whose key is an id an analyst can quote (record_id, crossing_id, case_id...). */
const SOURCE_ID_KINDS = new Set<NodeKind>(['person', 'vehicle_entity', 'subject', 'vehicle', 'traveller', 'event', 'port', 'case', 'lookout']);

export function degree(db: Database.Database, id: number): number {
  const r = db.prepare('SELECT (SELECT count(*) FROM link WHERE src = @id) + (SELECT count(*) FROM link WHERE dst = @id) AS d').get({ id }) as { d: number };
  return r.d;
}

export function toNodeRef(db: Database.Database, n: DbNode): NodeRef {
  return {
    id: n.id,
    kind: n.kind,
    label: n.label,
    sourceId: SOURCE_ID_KINDS.has(n.kind) || isCustomKind(n.kind) ? n.key : null,
    handling: n.handling,
    degree: degree(db, n.id),
  };
}

export function toLinkRef(l: DbLink): LinkRef {
  const role = l.attrs ? (JSON.parse(l.attrs) as Record<string, string>).role : undefined;
  return {
    id: l.id,
    kind: l.kind,
    source: l.src,
    target: l.dst,
    label: role ? `${linkKindLabel(l.kind)} (${role.toLowerCase()})` : linkKindLabel(l.kind),
    at: l.at,
    handling: l.handling,
  };
}

export function getNode(db: Database.Database, id: number): DbNode {
  const n = db.prepare('SELECT * FROM node WHERE id = ?').get(id) as DbNode | undefined;
  if (!n) throw new AppError('not_found', `No node #${id} in this case.`);
  return n;
}
