// The case as an entity graph in memory, for path and structure questions: records that
// resolved into a person or a vehicle are folded into it (their links become the entity's
// links), and the adjacency is kept in flat typed arrays (CSR) so that a national day
// (millions of links) fits in a few hundred MB and a breadth-first search touches no objects.
// Built in the analysis worker on first use and rebuilt when the case's graph changes.
import type Database from 'better-sqlite3';
import { EVERYONE, rowMask } from '../../access/rules';
import { LINK_KINDS, NODE_KINDS, type BuiltinLinkKind, type BuiltinNodeKind } from '../../../../shared/model';
import { Column } from '../../util/column';

export const LINK_CODE = new Map<BuiltinLinkKind, number>(LINK_KINDS.map((k, i) => [k, i]));
export const NODE_CODE = new Map<BuiltinNodeKind, number>(NODE_KINDS.map((k, i) => [k, i]));
/** Minutes since the epoch of a link's date; undated links carry this. */
export const UNDATED = -2147483648;

/** Record kinds folded into the entity they resolved as. */
const FOLDED = `('subject', 'traveller', 'vehicle')`;

export interface EntityGraph {
  /** Dense index -> node id, and back (the identity today: node ids are dense rowids; kept
   * apart so the walk never assumes it). Indexes without a node simply have no links. */
  readonly ids: Int32Array;
  readonly indexOf: Int32Array;
  readonly n: number;
  /** The entity a dense index stands for (itself unless it is a folded record). */
  readonly rep: Int32Array;
  /** Node kind codes where the walk needs them (ports); 255 elsewhere. */
  readonly kind: Uint8Array;
  /** CSR adjacency over representatives: neighbours of i are adj[off[i]..off[i+1]). */
  readonly off: Int32Array;
  readonly adj: Int32Array;
  readonly adjLink: Int32Array;
  readonly adjKind: Uint8Array;
  /** The instant of each link (for time order) and its wall-clock time where it happened (for periods: "until 3 December" means the local day). */
  readonly adjAt: Int32Array;
  readonly adjLocal: Int32Array;
  /** Agencies (access/rules.ts bits) that may read each link's row, and see each node:
   * the walk of a profile keeps to what it may see. */
  readonly adjMask: Uint8Array;
  readonly nodeMask: Uint8Array;
  readonly links: number;
  /** Link kind -> code in adjKind: the built-in kinds' fixed codes, then the case's custom kinds. */
  readonly linkCodes: ReadonlyMap<string, number>;
  readonly version: string;
  readonly buildMs: number;
  /** Where the build time went (ms), for the bench. */
  readonly phases: Record<string, number>;
}

export function degreeOf(g: EntityGraph, i: number): number {
  return g.off[i + 1] - g.off[i];
}

/** `2025-12-01T08:30:00-07:00` or `2025-12-01` -> minutes since the epoch (UTC). */
export function toMinutes(at: string | null): number {
  if (!at) return UNDATED;
  const fast = fastMinutes(at);
  if (fast !== null) return fast;
  const ms = Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at);
  return Number.isNaN(ms) ? UNDATED : Math.floor(ms / 60_000);
}

const digits = (s: string, from: number, n: number): number => {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
};

/** The bundle's own form, `2025-12-01T08:30:00-07:00` (or `Z`), read without Date.parse
 * (co-travel reads millions of them); anything else returns null and goes the slow way. */
function fastMinutes(at: string): number | null {
  if (at.length !== 25 && at.length !== 20) return null;
  if (at[4] !== '-' || at[7] !== '-' || at[10] !== 'T' || at[13] !== ':') return null;
  const y = digits(at, 0, 4);
  const mo = digits(at, 5, 2);
  const d = digits(at, 8, 2);
  const h = digits(at, 11, 2);
  const mi = digits(at, 14, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59) return null;
  let offset = 0;
  if (at.length === 25) {
    const sign = at[19] === '-' ? -1 : at[19] === '+' ? 1 : 0;
    const oh = digits(at, 20, 2);
    const om = digits(at, 23, 2);
    if (!sign || oh < 0 || om < 0 || at[22] !== ':') return null;
    offset = sign * (oh * 60 + om);
  } else if (at[19] !== 'Z') return null;
  return Math.floor(Date.UTC(y, mo - 1, d, h, mi) / 60_000) - offset;
}

/** The wall-clock time written in the value, ignoring its offset, in minutes (UTC-based). */
export function toLocalMinutes(at: string | null): number {
  if (!at) return UNDATED;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(at);
  if (!m) return UNDATED;
  return Math.floor(Date.UTC(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0) / 60_000);
}

/** What changes whenever nodes or links are added or removed (rowids only grow, and removals come with additions or shrink the max). */
export function graphVersion(db: Database.Database): string {
  const r = db.prepare('SELECT (SELECT max(id) FROM node) AS n, (SELECT max(id) FROM link) AS l, (SELECT count(*) FROM import) AS i').get() as { n: number | null; l: number | null; i: number };
  return `${r.n ?? 0}:${r.l ?? 0}:${r.i}`;
}

export function buildEntityGraph(db: Database.Database): EntityGraph {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let mark = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    mark = now;
  };
  const version = graphVersion(db);
  // Node ids are SQLite rowids, dense but for the rows of rolled-back imports: the dense
  // index is the id itself, so no scan of the node table is needed (a national day has
  // millions of nodes; reading them all took longer than everything else).
  const n = (db.prepare('SELECT coalesce(max(id), 0) FROM node').pluck().get() as number) + 1;
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = i;
  const indexOf = ids;
  // Kinds are needed only where the walk treats a kind specially (ports are hubs).
  const kind = new Uint8Array(n).fill(255);
  const port = NODE_CODE.get('port')!;
  for (const id of db.prepare(`SELECT id FROM node WHERE kind = 'port'`).pluck().iterate() as Iterable<number>) kind[id] = port;
  // Who may see what: SHARED rows (most) need no lookup; marked records are read once.
  const nodeMask = new Uint8Array(n).fill(EVERYONE);
  const marked = db.prepare(`SELECT id, handling, agency FROM node WHERE handling <> 'SHARED' AND kind IN ('subject', 'vehicle', 'traveller', 'case', 'lookout')`);
  for (const [id, h, ag] of marked.raw(true).iterate() as Iterable<[number, string, string | null]>) nodeMask[id] = rowMask(h, ag);
  phase('nodes');
  const rep = new Int32Array(n);
  for (let i = 0; i < n; i++) rep[i] = i;
  const folded = db.prepare(
    `SELECT l.src, l.dst, r.handling, r.agency FROM link l JOIN node r ON r.id = l.src WHERE l.kind = 'resolved_as' AND r.kind IN ${FOLDED}`,
  );
  // An entity may be seen by whoever may read one of its records.
  const memberMask = new Uint8Array(n);
  const hasMembers = new Uint8Array(n);
  for (const [src, dst, h, ag] of folded.raw(true).iterate() as Iterable<[number, number, string, string | null]>) {
    rep[indexOf[src]] = indexOf[dst];
    memberMask[dst] |= rowMask(h, ag);
    hasMembers[dst] = 1;
  }
  for (let i = 0; i < n; i++) if (hasMembers[i]) nodeMask[i] = memberMask[i];

  phase('folded records');
  // Links between representatives, each once; then counted into CSR.
  const a = new Column(1 << 18);
  const b = new Column(1 << 18);
  const lid = new Column(1 << 18);
  const lat = new Column(1 << 18);
  const local = new Column(1 << 18);
  const lkind = new Column(1 << 18);
  const lmask = new Column(1 << 18);
  const resolvedAs = LINK_CODE.get('resolved_as')!;
  // Custom link kinds (import specs) take the codes after the built-in ones; past 254 they share the last.
  const linkCodes = new Map<string, number>(LINK_CODE);
  const codeOf = (k: string): number => {
    let c = linkCodes.get(k);
    if (c === undefined) linkCodes.set(k, (c = Math.min(254, linkCodes.size)));
    return c;
  };
  // Dates are read by SQLite (unixepoch understands the offsets), far faster than Date.parse.
  const links = db.prepare(
    `SELECT id, kind, src, dst, CAST(unixepoch(at) / 60 AS INTEGER), CAST(unixepoch(substr(at, 1, 16)) / 60 AS INTEGER),
            CASE WHEN handling <> 'SHARED' THEN handling END,
            CASE WHEN handling <> 'SHARED' THEN coalesce((SELECT agency FROM node WHERE id = l.src), (SELECT agency FROM node WHERE id = l.dst)) END
     FROM link l`,
  );
  // Most links are SHARED: their marking comes back NULL (nothing to marshal).
  for (const [id, k, src, dst, at, wall, h, ag] of links.raw(true).iterate() as Iterable<[number, string, number, number, number | null, number | null, string | null, string | null]>) {
    const ra = rep[indexOf[src]];
    const rb = rep[indexOf[dst]];
    const code = codeOf(k);
    if (ra === rb || ra === undefined || rb === undefined) continue; // a record's own resolved_as, or a link inside one entity
    if (code === resolvedAs && (ra !== indexOf[src] || rb !== indexOf[dst])) continue;
    a.push(ra);
    b.push(rb);
    lid.push(id);
    lat.push(at ?? UNDATED);
    local.push(wall ?? UNDATED);
    lkind.push(code);
    lmask.push(h === null ? EVERYONE : rowMask(h, ag));
  }
  phase('links');
  const m = a.n;
  const off = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    off[a.data[e] + 1]++;
    off[b.data[e] + 1]++;
  }
  for (let i = 0; i < n; i++) off[i + 1] += off[i];
  const fill = off.slice(0, n);
  const adj = new Int32Array(2 * m);
  const adjLink = new Int32Array(2 * m);
  const adjKind = new Uint8Array(2 * m);
  const adjAt = new Int32Array(2 * m);
  const adjLocal = new Int32Array(2 * m);
  const adjMask = new Uint8Array(2 * m);
  for (let e = 0; e < m; e++) {
    const ends = [a.data[e], b.data[e]];
    for (let side = 0; side < 2; side++) {
      const p = fill[ends[side]]++;
      adj[p] = ends[1 - side];
      adjLink[p] = lid.data[e];
      adjKind[p] = lkind.data[e];
      adjAt[p] = lat.data[e];
      adjLocal[p] = local.data[e];
      adjMask[p] = lmask.data[e];
    }
  }
  phase('adjacency');
  return { ids, indexOf, n, rep, kind, off, adj, adjLink, adjKind, adjAt, adjLocal, adjMask, nodeMask, links: m, linkCodes, version, buildMs: performance.now() - started, phases };
}

let cached: EntityGraph | null = null;
let cachedFor: string | null = null;

/** The case's entity graph, rebuilt only when the case changed since the last build. */
export function entityGraph(db: Database.Database, casePath: string): EntityGraph {
  const v = graphVersion(db);
  if (!cached || cachedFor !== casePath || cached.version !== v) {
    cached = null; // let the old one go before building the new one
    cached = buildEntityGraph(db);
    cachedFor = casePath;
  }
  return cached;
}

/** The dense index of the entity a node id stands for (a record -> its person), or -1. */
export function entityOf(g: EntityGraph, nodeId: number): number {
  const i = nodeId >= 0 && nodeId < g.indexOf.length ? g.indexOf[nodeId] : -1;
  return i < 0 ? -1 : g.rep[i];
}
