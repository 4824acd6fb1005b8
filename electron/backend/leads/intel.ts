// The case as the detectors see it: who is who (a record stands for the person or vehicle
// it resolved as; a crossing not resolved stands for the first crossing with its document),
// which identifiers each entity gives, who is tied to whom, who crossed in which vehicle.
// Built once per detector run from one scan of the links as integers (graph/link-scan.ts);
// the crossings are columns and the per-node facts arrays indexed by node id, since a case
// of two national days has 2.8 M crossings and 9 M nodes.
import type Database from 'better-sqlite3';
import { identityFrom, nodeIdBound } from '../graph/identity';
import { scanLinks, type ScanSpec } from '../graph/link-scan';
import { Column } from '../util/column';

export const IDENTIFIER_KINDS = ['phone', 'address', 'email', 'document'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** The crossings (travelled_in links with a date) as columns, one index per crossing. */
export interface Crossings {
  n: number;
  /** The entity who crossed (see whoOf). */
  who: Int32Array;
  /** The crossing record and its event node. */
  traveller: Int32Array;
  event: Int32Array;
  /** The travelled_in link: the crossing's source row. */
  link: Int32Array;
  /** The import that brought it (-1: none). */
  importId: Int32Array;
  /** 1 when the traveller drove. */
  driver: Uint8Array;
  /** The port node (-1: none); its code is portKey(port). */
  port: Int32Array;
  /** The time as written (local to the port) in seconds since 1970 as if it were UTC: for
   * order, and its day is floor(local / 86400). -1 when it does not read as a date. */
  local: Float64Array;
  /** The local day, in days since 1970 (-1: none); see dayText. */
  day: Int32Array;
}

/** 20423 (days since 1970) -> "2025-12-01". */
export function dayText(day: number): string {
  return day < 0 ? '' : new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export interface Intel {
  /** Record node id -> the entity it stands for. */
  whoOf(record: number): number;
  /** Identifier node -> entity -> the links (record -> identifier) that say so. */
  identifiers: Map<number, { kind: IdentifierKind; value: string; by: Map<number, number[]> }>;
  /** Ties between entities from associations (family, associate, cohabitant, employer, phone contact). */
  ties: Array<{ a: number; b: number; kind: string; link: number }>;
  crossings: Crossings;
  /** The vehicle entity (or plate) of an event node, -1 if none. */
  vehicleOf(event: number): number;
  /** The code of a port node ('' for none). */
  portKey(port: number): string;
  /** Above every node id: marks and counts per entity can be arrays of this size. */
  size: number;
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

const TIE_KINDS = ['family', 'associate', 'cohabitant', 'employer', 'phone_contact'] as const;
/** What one scan of the links reads, by part (the order is the part's number below). */
const SCAN: ScanSpec = [
  { kinds: ['travelled_in'], fields: ['id', 'src', 'dst', 'file', 'driver', 'local'], where: "at IS NOT NULL AND at <> ''" },
  { kinds: ['at_port'], fields: ['src', 'dst'] },
  { kinds: ['resolved_as'], fields: ['src', 'dst'] },
  { kinds: ['event_plate'], fields: ['src', 'dst'] },
  { kinds: ['registered_owner', 'owned_by'], fields: ['id', 'src', 'dst'] },
  ...IDENTIFIER_KINDS.map((k) => ({ kinds: [`has_${k}`], fields: ['id', 'src', 'dst'] as const })),
  ...TIE_KINDS.map((k) => ({ kinds: [k], fields: ['id', 'src', 'dst'] as const })),
];
const [TRAVELLED, AT_PORT, RESOLVED, PLATE, OWNER, IDENT0] = [0, 1, 2, 3, 4, 5];
const TIE0 = IDENT0 + IDENTIFIER_KINDS.length;
const DOCUMENT = IDENTIFIER_KINDS.indexOf('document');

export function loadIntel(db: Database.Database): Intel {
  const size = nodeIdBound(db);
  const cols = () => ({ a: new Column(), b: new Column(), c: new Column() });
  const t = { link: new Column(), traveller: new Column(), event: new Column(), file: new Column(), driver: new Column(), local: [] as number[] };
  const portOfEvent = new Int32Array(size).fill(-1);
  const resolved = cols();
  const plates = cols();
  const owned = cols();
  const ident = cols(); // link, record, identifier
  const identKind = new Column();
  const documents = { a: new Column(), b: new Column() };
  const ties = cols();
  const tieKind = new Column();
  scanLinks(db, SCAN, (part, f) => {
    if (part === TRAVELLED) {
      t.link.push(f[0]);
      t.traveller.push(f[1]);
      t.event.push(f[2]);
      t.file.push(f[3]);
      t.driver.push(f[4]);
      t.local.push(f[5]);
    } else if (part === AT_PORT) portOfEvent[f[0]] = f[1];
    else if (part === RESOLVED || part === PLATE) {
      const to = part === RESOLVED ? resolved : plates;
      to.a.push(f[0]);
      to.b.push(f[1]);
    } else if (part === OWNER) push3(owned, f);
    else if (part < TIE0) {
      push3(ident, f);
      identKind.push(part - IDENT0);
      if (part - IDENT0 === DOCUMENT) {
        documents.a.push(f[1]);
        documents.b.push(f[2]);
      }
    } else {
      push3(ties, f);
      tieKind.push(part - TIE0);
    }
  });
  // A record's documents, for who is who: the link kind says what the identifier is, so the
  // identifier nodes (a national day has a document node per traveller) are not read.
  const { whoOf } = identityFrom(size, resolved, documents);
  const isTraveller = new Uint8Array(size);
  for (let i = 0; i < t.traveller.n; i++) isTraveller[t.traveller.data[i]] = 1;

  // Identifiers given by subject records (crossings give only their document); their values
  // are read for these nodes only.
  const valueStmt = db.prepare(`SELECT label FROM node WHERE id = ? AND kind IN ('phone', 'address', 'email', 'document')`).pluck();
  const identifiers: Intel['identifiers'] = new Map();
  for (let i = 0; i < ident.a.n; i++) {
    const [link, rec, node] = [ident.a.data[i], ident.b.data[i], ident.c.data[i]];
    if (isTraveller[rec]) continue;
    let e = identifiers.get(node);
    if (!e) {
      const value = valueStmt.get(node) as string | undefined;
      if (value === undefined) continue;
      identifiers.set(node, (e = { kind: IDENTIFIER_KINDS[identKind.data[i]], value, by: new Map() }));
    }
    const who = whoOf(rec);
    const list = e.by.get(who);
    if (list) list.push(link);
    else e.by.set(who, [link]);
  }

  const tieList: Intel['ties'] = [];
  for (let i = 0; i < ties.a.n; i++) {
    const wa = whoOf(ties.b.data[i]);
    const wb = whoOf(ties.c.data[i]);
    if (wa !== wb) tieList.push({ a: wa, b: wb, kind: TIE_KINDS[tieKind.data[i]], link: ties.a.data[i] });
  }

  const portKeys = new Map(db.prepare(`SELECT id, key FROM node WHERE kind = 'port'`).raw(true).all() as Array<[number, string]>);
  const importOfFile = new Map(db.prepare('SELECT id, import_id FROM source_file').raw(true).all() as Array<[number, number]>);
  const n = t.link.n;
  const crossings: Crossings = {
    n,
    who: new Int32Array(n),
    traveller: t.traveller.values(),
    event: t.event.values(),
    link: t.link.values(),
    importId: new Int32Array(n),
    driver: Uint8Array.from(t.driver.values()),
    port: new Int32Array(n),
    local: Float64Array.from(t.local),
    day: new Int32Array(n),
  };
  const isEvent = new Uint8Array(size);
  for (let i = 0; i < n; i++) {
    crossings.who[i] = whoOf(crossings.traveller[i]);
    crossings.port[i] = portOfEvent[crossings.event[i]];
    crossings.day[i] = crossings.local[i] < 0 ? -1 : Math.floor(crossings.local[i] / 86_400);
    const file = t.file.data[i];
    crossings.importId[i] = file < 0 ? -1 : (importOfFile.get(file) ?? -1);
    isEvent[crossings.event[i]] = 1;
  }

  // The vehicle of each event: the resolved vehicle if any, else its plate.
  const vehicleOfEvent = new Int32Array(size).fill(-1);
  for (let i = 0; i < plates.a.n; i++) vehicleOfEvent[plates.a.data[i]] = plates.b.data[i];
  for (let i = 0; i < resolved.a.n; i++) {
    const ev = resolved.a.data[i];
    if (isEvent[ev] || portOfEvent[ev] >= 0) vehicleOfEvent[ev] = resolved.b.data[i];
  }

  const owners: Intel['owners'] = new Map();
  for (let i = 0; i < owned.a.n; i++) {
    const v = whoOf(owned.b.data[i]);
    const owner = whoOf(owned.c.data[i]);
    const list = owners.get(v) ?? [];
    if (!list.some((o) => o.who === owner)) list.push({ who: owner, link: owned.a.data[i] });
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
    ties: tieList,
    crossings,
    vehicleOf: (ev) => (ev >= 0 && ev < size ? vehicleOfEvent[ev] : -1),
    portKey: (p) => portKeys.get(p) ?? '',
    size,
    owners,
    label,
    surname: (e) => familyParts(label(e))[0] ?? '',
    surnames: (e) => new Set(familyParts(label(e))),
    latestImport,
  };
}

function push3(to: { a: Column; b: Column; c: Column }, f: Float64Array): void {
  to.a.push(f[0]);
  to.b.push(f[1]);
  to.c.push(f[2]);
}
