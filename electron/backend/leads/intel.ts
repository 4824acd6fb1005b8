// The case as the detectors see it: who is who (a record stands for the person or vehicle
// it resolved as; a crossing not resolved stands for the first crossing with its document),
// which identifiers each entity gives, who is tied to whom, who crossed in which vehicle.
// Built once per detector run from a handful of set-wise queries.
import type Database from 'better-sqlite3';
import { identityFrom } from '../graph/identity';

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

const TIE_KINDS = new Set(['family', 'associate', 'cohabitant', 'employer', 'phone_contact']);
/** Identifier link kinds, by a small code (tuples of numbers are cheaper than of strings). */
const IDENTIFIER_LINKS = new Map([['has_phone', 0], ['has_address', 1], ['has_email', 2], ['has_document', 3]]);
const IDENTIFIER_OF: IdentifierKind[] = ['phone', 'address', 'email', 'document'];
const DOCUMENT = 3;

export function loadIntel(db: Database.Database): Intel {
  // One pass over the links the detectors read (a national day has millions of links:
  // one scan costs less than a join per row or a scan per kind).
  const personOf = new Map<number, number>();
  const eventVehicle: Array<[number, number]> = [];
  const plates: Array<[number, number]> = [];
  const identifierLinks: Array<[number, number, number, number]> = [];
  const tieLinks: Array<[number, string, number, number]> = [];
  const ownerLinks: Array<[number, number, number]> = [];
  const portOfEventNode = new Map<number, number>();
  const travelled: Array<[number, number, number, string, string | null, number | null]> = [];
  for (const [id, kind, src, dst, at, attrs, fileId] of db
    .prepare(
      `SELECT id, kind, src, dst, at, attrs, file_id FROM link WHERE kind IN ('resolved_as', 'has_phone', 'has_address', 'has_email', 'has_document',
         'family', 'associate', 'cohabitant', 'employer', 'phone_contact', 'at_port', 'travelled_in', 'event_plate', 'registered_owner', 'owned_by')`,
    )
    .raw(true)
    .iterate() as Iterable<[number, string, number, number, string | null, string | null, number | null]>) {
    if (kind === 'travelled_in') {
      if (at) travelled.push([id, src, dst, at, attrs, fileId]);
    } else if (kind === 'at_port') portOfEventNode.set(src, dst);
    else if (kind === 'resolved_as') {
      personOf.set(src, dst);
      eventVehicle.push([src, dst]);
    } else if (IDENTIFIER_LINKS.has(kind)) identifierLinks.push([id, src, dst, IDENTIFIER_LINKS.get(kind)!]);
    else if (TIE_KINDS.has(kind)) tieLinks.push([id, kind, src, dst]);
    else if (kind === 'event_plate') plates.push([src, dst]);
    else ownerLinks.push([id, src, dst]);
  }
  const travellers = new Set(travelled.map((t) => t[1]));
  // A record's documents, for who is who: the link kind says what the identifier is, so the
  // identifier nodes (a national day has a document node per traveller) are not read.
  const documents: Array<[number, number]> = [];
  for (const [, src, dst, kind] of identifierLinks) if (kind === DOCUMENT) documents.push([src, dst]);
  const { whoOf } = identityFrom(personOf, documents);

  // Identifiers given by subject records (crossings give only their document); their values
  // are read for these nodes only.
  const valueStmt = db.prepare(`SELECT label FROM node WHERE id = ? AND kind IN ('phone', 'address', 'email', 'document')`).pluck();
  const identifiers: Intel['identifiers'] = new Map();
  for (const [link, rec, ident, kind] of identifierLinks) {
    if (travellers.has(rec)) continue;
    let e = identifiers.get(ident);
    if (!e) {
      const value = valueStmt.get(ident) as string | undefined;
      if (value === undefined) continue;
      identifiers.set(ident, (e = { kind: IDENTIFIER_OF[kind], value, by: new Map() }));
    }
    const who = whoOf(rec);
    const list = e.by.get(who);
    if (list) list.push(link);
    else e.by.set(who, [link]);
  }

  const ties: Intel['ties'] = [];
  for (const [link, kind, a, b] of tieLinks) {
    const wa = whoOf(a);
    const wb = whoOf(b);
    if (wa !== wb) ties.push({ a: wa, b: wb, kind, link });
  }

  const portKey = new Map<number, string>();
  for (const [id, key] of db.prepare(`SELECT id, key FROM node WHERE kind = 'port'`).raw(true).iterate() as Iterable<[number, string]>) portKey.set(id, key);
  const importOfFile = new Map<number, number>();
  for (const [f, i] of db.prepare('SELECT id, import_id FROM source_file').raw(true).iterate() as Iterable<[number, number]>) importOfFile.set(f, i);
  const crossings: Crossing[] = travelled.map(([link, traveller, event, at, attrs, fileId]) => ({
    who: whoOf(traveller),
    traveller,
    event,
    link,
    at,
    port: portKey.get(portOfEventNode.get(event) ?? -1) ?? '',
    role: attrs ? (/"role":"([A-Z_]+)"/.exec(attrs)?.[1] ?? null) : null,
    importId: fileId === null ? null : (importOfFile.get(fileId) ?? null),
  }));

  // The vehicle of each event: the resolved vehicle if any, else its plate.
  const vehicleOfEvent = new Map<number, number>(plates);
  const events = new Set(travelled.map((t) => t[2]));
  for (const [ev, v] of eventVehicle) if (events.has(ev) || portOfEventNode.has(ev)) vehicleOfEvent.set(ev, v);

  const owners: Intel['owners'] = new Map();
  for (const [link, veh, owner] of ownerLinks) {
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
