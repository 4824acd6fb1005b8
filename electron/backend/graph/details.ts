// The details panel: every attribute of a node or link with its provenance and handling.
import type Database from 'better-sqlite3';
import type { LinkDetails, NodeDetails } from '../../../shared/contract';
import { linkKindLabel, nodeKindLabel, type Attribute, type Provenance } from '../../../shared/model';
import { AppError } from '../errors';
import { EVENT_COLUMNS } from '../ingest/loaders';
import { ProvenanceLookup } from './provenance';
import { getNode, toLinkRef, toNodeRef, type DbLink, type DbNode } from './rows';

const MAX_MENTIONS = 100;

export function nodeDetails(db: Database.Database, id: number): NodeDetails {
  const n = getNode(db, id);
  const prov = new ProvenanceLookup(db);
  const origin = prov.of(n);
  const attributes: Attribute[] = [];
  if (n.kind === 'person' || n.kind === 'vehicle_entity') attributes.push(...personAttributes(db, id, prov));
  else if (origin && n.cells) {
    const header: string[] = n.kind === 'event' ? EVENT_COLUMNS : JSON.parse(prov.file(n.file_id!).header);
    const cells = JSON.parse(n.cells) as string[];
    header.forEach((name, i) => {
      const value = (cells[i] ?? '').trim();
      if (value) attributes.push({ name, value, handling: n.handling, provenance: origin });
    });
  }
  const mentions: Provenance[] = [];
  if (!n.cells && n.kind !== 'person' && n.kind !== 'vehicle_entity') {
    const rows = db
      .prepare(
        `SELECT file_id, line, handling, (SELECT agency FROM node WHERE id = l.src) AS agency
         FROM link l WHERE dst = ? AND file_id IS NOT NULL LIMIT ?`,
      )
      .all(id, MAX_MENTIONS) as Array<{ file_id: number; line: number; handling: string; agency: string | null }>;
    for (const r of rows) {
      const p = prov.of(r);
      if (p) mentions.push(p);
    }
    const first = mentions[0] ?? origin;
    if (first) attributes.push({ name: n.kind, value: n.kind === 'port' ? n.key : n.label, handling: n.handling, provenance: first });
  }
  const neighbourCounts = db
    .prepare(
      `SELECT kind, count(*) AS count FROM (
         SELECT n.kind FROM link l JOIN node n ON n.id = l.dst WHERE l.src = @id
         UNION ALL
         SELECT n.kind FROM link l JOIN node n ON n.id = l.src WHERE l.dst = @id)
       GROUP BY kind ORDER BY count DESC`,
    )
    .all({ id }) as NodeDetails['neighbourCounts'];
  return { node: toNodeRef(db, n), kindLabel: nodeKindLabel(n.kind), attributes, mentions, neighbourCounts };
}

/** A person's records, each with the evidence that put it there and its own provenance. */
function personAttributes(db: Database.Database, id: number, prov: ProvenanceLookup): Attribute[] {
  const rows = db
    .prepare(
      `SELECT r.*, l.attrs AS link_attrs FROM link l JOIN node r ON r.id = l.src
       WHERE l.dst = ? AND l.kind = 'resolved_as' ORDER BY r.kind, r.key LIMIT ?`,
    )
    .all(id, MAX_MENTIONS) as Array<DbNode & { link_attrs: string | null }>;
  const out: Attribute[] = [];
  for (const r of rows) {
    const p = prov.of(r);
    if (!p) continue;
    const a = r.link_attrs ? (JSON.parse(r.link_attrs) as { evidence?: string; probability?: string; via?: string }) : {};
    const why = a.via ? `matched ${a.via.replace(/^(subject|traveller):/, '')} (p ${a.probability}): ${a.evidence}` : (a.evidence ?? '');
    const what = { subject: 'subject record', traveller: 'crossing', vehicle: 'vehicle record', event: 'crossing event' }[r.kind as string] ?? r.kind;
    out.push({ name: `${what} ${r.key}`, value: `${r.label}${why ? ` — ${why}` : ''}`, handling: r.handling, provenance: p });
  }
  return out;
}

export function linkDetails(db: Database.Database, id: number): LinkDetails {
  const l = db.prepare('SELECT * FROM link WHERE id = ?').get(id) as DbLink | undefined;
  if (!l) throw new AppError('not_found', `No link #${id} in this case.`);
  const src = getNode(db, l.src);
  const provenance = new ProvenanceLookup(db).of({ ...l, agency: src.agency });
  const attributes: Attribute[] = [];
  if (provenance) {
    if (l.at) attributes.push({ name: 'date', value: l.at, handling: l.handling, provenance });
    const attrs = l.attrs ? (JSON.parse(l.attrs) as Record<string, string>) : {};
    for (const [name, value] of Object.entries(attrs)) if (value) attributes.push({ name, value, handling: l.handling, provenance });
  }
  return {
    link: toLinkRef(l),
    kindLabel: linkKindLabel(l.kind),
    source: toNodeRef(db, src),
    target: toNodeRef(db, getNode(db, l.dst)),
    attributes,
    provenance,
  };
}
