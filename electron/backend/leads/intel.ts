// The case as the detectors see it: who is who (a record stands for the person or vehicle
// it resolved as; a crossing not resolved stands for the first crossing with its document),
// which identifiers each entity gives, who is tied to whom, who crossed in which vehicle.
// Built once per detector run from a handful of set-wise queries.
import type Database from 'better-sqlite3';
import { loadIdentity } from '../graph/identity';

export const IDENTIFIER_KINDS = ['phone', 'address', 'email', 'document'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export interface Crossing {
  who: number;
  traveller: number;
  event: number;
  link: number;
  at: string;
  port: string;
  role: string | null;
  importId: number | null;
}

export interface Intel {
  /** Record node id -> the entity it stands for. */
  whoOf(record: number): number;
  /** Identifier node -> entity -> the links (record -> identifier) that say so. */
  identifiers: Map<number, { kind: IdentifierKind; value: string; by: Map<number, number[]> }>;
  /** Ties between entities from associations (family, associate, cohabitant, employer, phone contact). */
  ties: Array<{ a: number; b: number; kind: string; link: number }>;
  crossings: Crossing[];
  /** Vehicle entity (or plate) per event. */
  vehicleOfEvent: Map<number, number>;
  /** Registered owners: vehicle entity -> owner entities (with the link). */
  owners: Map<number, Array<{ who: number; link: number }>>;
  /** The display name of a node (a person without its record count). */
  label(id: number): string;
  /** The first family-name part (GONZALEZ of "GONZALEZ LOPEZ, JOSE"). */
  surname(entity: number): string;
  /** Every family-name part, particles left out: a child carries a part of each parent's. */
  surnames(entity: number): Set<string>;
  latestImport: number | null;
}

const PARTICLES = new Set(['DE', 'DEL', 'LA', 'LAS', 'LOS', 'Y', 'VAN', 'VON', 'DA', 'DOS', 'AL', 'EL', 'BIN', 'BEN']);

/** "DE LA CRUZ LOPEZ, ANA" -> ['CRUZ', 'LOPEZ'] (accents folded). */
export function familyParts(label: string): string[] {
  const family = label.includes(',') ? label.split(',')[0] : (label.trim().split(/\s+/).at(-1) ?? '');
  return family
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[\s-]+/)
    .filter((t) => t.length > 1 && !PARTICLES.has(t));
}

/** "GONZALEZ LOPEZ, JOSE · 3 records" -> "GONZALEZ LOPEZ, JOSE". */
export const cleanLabel = (l: string): string => l.replace(/ · \d+ records?$/, '');

export function loadIntel(db: Database.Database): Intel {
  const { whoOf } = loadIdentity(db);

  const identifiers: Intel['identifiers'] = new Map();
  for (const [link, rec, ident, kind, value] of db
    .prepare(
      `SELECT l.id, l.src, l.dst, i.kind, i.label FROM link l JOIN node i ON i.id = l.dst JOIN node r ON r.id = l.src
       WHERE l.kind IN ('has_phone', 'has_address', 'has_email', 'has_document') AND r.kind = 'subject'`,
    )
    .raw(true)
    .iterate() as Iterable<[number, number, number, IdentifierKind, string]>) {
    let e = identifiers.get(ident);
    if (!e) identifiers.set(ident, (e = { kind, value, by: new Map() }));
    const who = whoOf(rec);
    const list = e.by.get(who);
    if (list) list.push(link);
    else e.by.set(who, [link]);
  }

  const ties: Intel['ties'] = [];
  for (const [link, kind, a, b] of db
    .prepare(`SELECT id, kind, src, dst FROM link WHERE kind IN ('family', 'associate', 'cohabitant', 'employer', 'phone_contact')`)
    .raw(true)
    .iterate() as Iterable<[number, string, number, number]>) {
    const wa = whoOf(a);
    const wb = whoOf(b);
    if (wa !== wb) ties.push({ a: wa, b: wb, kind, link });
  }

  // Crossings in one pass over the travelled-in links; the port of each event and the import
  // of each file are looked up in small maps rather than joined row by row.
  const portKey = new Map<number, string>();
  for (const [id, key] of db.prepare(`SELECT id, key FROM node WHERE kind = 'port'`).raw(true).iterate() as Iterable<[number, string]>) portKey.set(id, key);
  const portOfEvent = new Map<number, string>();
  for (const [ev, p] of db.prepare(`SELECT src, dst FROM link WHERE kind = 'at_port'`).raw(true).iterate() as Iterable<[number, number]>) portOfEvent.set(ev, portKey.get(p) ?? '');
  const importOfFile = new Map<number, number>();
  for (const [f, i] of db.prepare('SELECT id, import_id FROM source_file').raw(true).iterate() as Iterable<[number, number]>) importOfFile.set(f, i);
  const crossings: Crossing[] = [];
  for (const [link, traveller, event, at, attrs, fileId] of db
    .prepare(`SELECT id, src, dst, at, attrs, file_id FROM link WHERE kind = 'travelled_in'`)
    .raw(true)
    .iterate() as Iterable<[number, number, number, string | null, string | null, number | null]>) {
    if (!at) continue;
    const role = attrs ? (/"role":"([A-Z_]+)"/.exec(attrs)?.[1] ?? null) : null;
    crossings.push({ who: whoOf(traveller), traveller, event, link, at, port: portOfEvent.get(event) ?? '', role, importId: fileId === null ? null : (importOfFile.get(fileId) ?? null) });
  }

  // The vehicle of each event: the resolved vehicle if any, else its plate.
  const vehicleOfEvent = new Map<number, number>();
  for (const [ev, v] of db.prepare(`SELECT src, dst FROM link WHERE kind = 'event_plate'`).raw(true).iterate() as Iterable<[number, number]>) vehicleOfEvent.set(ev, v);
  for (const [ev, v] of db
    .prepare(`SELECT l.src, l.dst FROM link l JOIN node e ON e.id = l.src AND e.kind = 'event' WHERE l.kind = 'resolved_as'`)
    .raw(true)
    .iterate() as Iterable<[number, number]>) vehicleOfEvent.set(ev, v);

  const owners: Intel['owners'] = new Map();
  for (const [link, veh, owner] of db.prepare(`SELECT id, src, dst FROM link WHERE kind IN ('registered_owner', 'owned_by')`).raw(true).iterate() as Iterable<[number, number, number]>) {
    const v = whoOf(veh);
    const list = owners.get(v) ?? [];
    if (!list.some((o) => o.who === whoOf(owner))) list.push({ who: whoOf(owner), link });
    owners.set(v, list);
  }

  const labelStmt = db.prepare('SELECT label FROM node WHERE id = ?').pluck();
  const labels = new Map<number, string>();
  const label = (id: number): string => {
    let l = labels.get(id);
    if (l === undefined) labels.set(id, (l = cleanLabel((labelStmt.get(id) as string | undefined) ?? `#${id}`)));
    return l;
  };
  const latestImport = db.prepare(`SELECT max(id) FROM import WHERE status = 'done'`).pluck().get() as number | null;
  return {
    whoOf,
    identifiers,
    ties,
    crossings,
    vehicleOfEvent,
    owners,
    label,
    surname: (e) => familyParts(label(e))[0] ?? '',
    surnames: (e) => new Set(familyParts(label(e))),
    latestImport,
  };
}
