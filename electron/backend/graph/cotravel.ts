// "Who travels together?": persons who crossed in the same event, or at the same port within
// N minutes of each other, at least k times. Stored as derived 'travelled_with' links between
// the two persons (count, same-event count, first and last date, ports), replaced on each run.
// Only persons with at least k crossings can be together k times, so the others are dropped
// before any pair is counted: that keeps a national day's port windows small.
import type Database from 'better-sqlite3';
import type { CotravelPair, CotravelRun } from '../../../shared/contract';
import { getNode, toNodeRef } from './rows';
import { UNDATED } from './analysis/entity-graph';
import { scanLinks } from './link-scan';
import { identityFrom, nodeIdBound } from './identity';
import { Column } from '../util/column';

const SPAN = 67_108_864; // 2^26: node ids below this make a pair key exact in a double
const RANK_HANDLING = ['SHARED', 'LES', 'ORCON'];

/** The crossings as columns (a national day is millions of them: no object per crossing). */
interface Crossings {
  n: number;
  who: Int32Array;
  event: Int32Array;
  port: Int32Array;
  min: Int32Array;
  handling: Uint8Array;
  /** The instant in seconds, for first and last. */
  sec: Float64Array;
  /** The travelled_in link (its date is read for the pairs kept only). */
  link: Int32Array;
  portCode: Map<number, string>;
}

/** Every crossing with who made it (see graph/identity.ts: a person, or before resolution the first record with the same document). */
function loadCrossings(db: Database.Database): Crossings {
  // One scan of the links, as integers (graph/link-scan.ts), for everything co-travel needs:
  // a national day has millions of links, and a row handed to JavaScript costs more than
  // the counting itself.
  const resolved = { a: new Column(), b: new Column() };
  const documents = { a: new Column(), b: new Column() };
  const events = { a: new Column(), b: new Column() };
  const traveller = new Column();
  const event = new Column();
  const link = new Column();
  const handling = new Column();
  const min = new Column();
  const sec: number[] = [];
  scanLinks(
    db,
    [
      { kinds: ['travelled_in'], fields: ['id', 'src', 'dst', 'handling', 'epoch'], where: "at IS NOT NULL AND at <> ''" },
      { kinds: ['resolved_as'], fields: ['src', 'dst'] },
      { kinds: ['has_document'], fields: ['src', 'dst'] },
      { kinds: ['at_port'], fields: ['src', 'dst'] },
    ],
    (part, f) => {
      if (part === 0) {
        link.push(f[0]);
        traveller.push(f[1]);
        event.push(f[2]);
        handling.push(f[3]);
        min.push(f[4] === -1 ? UNDATED : Math.floor(f[4] / 60));
        sec.push(f[4] === -1 ? -Infinity : f[4]);
      } else {
        const to = part === 1 ? resolved : part === 2 ? documents : events;
        to.a.push(f[0]);
        to.b.push(f[1]);
      }
    },
  );
  const size = nodeIdBound(db);
  const portOfEvent = new Int32Array(size);
  for (let i = 0; i < events.a.n; i++) portOfEvent[events.a.data[i]] = events.b.data[i];
  const { whoOf } = identityFrom(size, resolved, documents);
  const n = traveller.n;
  const c: Crossings = {
    n, who: new Int32Array(n), event: event.values(), port: new Int32Array(n), min: min.values(), sec: Float64Array.from(sec), handling: Uint8Array.from(handling.values()), link: link.values(),
    portCode: new Map(db.prepare(`SELECT id, key FROM node WHERE kind = 'port'`).raw(true).all() as Array<[number, string]>),
  };
  for (let i = 0; i < n; i++) {
    c.who[i] = whoOf(traveller.data[i]);
    c.port[i] = portOfEvent[c.event[i]];
  }
  return c;
}

/** At most this many earlier crossings at the port within the window are paired with each
 * crossing (a busy port has hundreds in five minutes: the nearest are the ones in line with it). */
const WINDOW_NEIGHBOURS = 25;

/** At most this many pairs are stored as 'travelled with' links (the most frequent). */
export const MAX_PAIRS = 50_000;

/**
 * Calls `see(i, j, sameEvent)` for every sighting of two persons together: the same event,
 * or the same port within the window (different events, nearest first).
 */
function sightings(c: Crossings, keep: Int32Array, windowMinutes: number, see: (i: number, j: number, sameEvent: boolean) => void): void {
  const byEvent = Int32Array.from(keep);
  byEvent.sort((x, y) => c.event[x] - c.event[y] || x - y);
  for (let lo = 0; lo < byEvent.length; ) {
    let hi = lo + 1;
    while (hi < byEvent.length && c.event[byEvent[hi]] === c.event[byEvent[lo]]) hi++;
    for (let x = lo; x < hi; x++) for (let y = x + 1; y < hi; y++) if (c.who[byEvent[x]] !== c.who[byEvent[y]]) see(byEvent[x], byEvent[y], true);
    lo = hi;
  }
  if (windowMinutes <= 0) return;
  const byPort = Int32Array.from(keep);
  byPort.sort((x, y) => c.port[x] - c.port[y] || c.min[x] - c.min[y] || x - y);
  for (let j = 0; j < byPort.length; j++) {
    const b = byPort[j];
    for (let i = j - 1, seen = 0; i >= 0 && seen < WINDOW_NEIGHBOURS; i--) {
      const a = byPort[i];
      if (c.port[a] !== c.port[b] || c.min[b] - c.min[a] > windowMinutes) break;
      seen++;
      if (c.event[a] === c.event[b] || c.who[a] === c.who[b]) continue;
      see(a, b, false);
    }
  }
}

const pairKey = (x: number, y: number): number => (x < y ? x * SPAN + y : y * SPAN + x);

export function runCotravel(db: Database.Database, minCount: number, windowMinutes: number): CotravelRun {
  const started = performance.now();
  const c = loadCrossings(db);
  // Crossings (distinct events) per person; only persons with enough of them take part.
  const eventsOf = new Map<number, number>();
  const lastEvent = new Map<number, number>();
  for (let i = 0; i < c.n; i++) {
    if (lastEvent.get(c.who[i]) === c.event[i]) continue;
    lastEvent.set(c.who[i], c.event[i]);
    eventsOf.set(c.who[i], (eventsOf.get(c.who[i]) ?? 0) + 1);
  }
  const keepList: number[] = [];
  for (let i = 0; i < c.n; i++) if ((eventsOf.get(c.who[i]) ?? 0) >= minCount) keepList.push(i);
  const keep = Int32Array.from(keepList);
  // Pass 1: every sighting's pair key in one flat array, sorted, counted by runs: no object per pair.
  let keys = new Float64Array(1 << 16);
  let nk = 0;
  let sameEventPairs = 0;
  let windowPairs = 0;
  sightings(c, keep, windowMinutes, (i, j, same) => {
    if (nk === keys.length) {
      const next = new Float64Array(keys.length * 2);
      next.set(keys);
      keys = next;
    }
    keys[nk++] = pairKey(c.who[i], c.who[j]);
    if (same) sameEventPairs++;
    else windowPairs++;
  });
  const sorted = keys.subarray(0, nk).sort();
  // How many pairs reach each count: on several national days, commuters crossing at the
  // same hour make millions of pairs seen twice. Keep the MAX_PAIRS most frequent (the
  // threshold is raised above k if needed, and the run says so).
  const pairsAt = new Map<number, number>();
  for (let lo = 0; lo < nk; ) {
    let hi = lo + 1;
    while (hi < nk && sorted[hi] === sorted[lo]) hi++;
    if (hi - lo >= minCount) pairsAt.set(hi - lo, (pairsAt.get(hi - lo) ?? 0) + 1);
    lo = hi;
  }
  let threshold = minCount;
  let above = [...pairsAt.values()].reduce((a, x) => a + x, 0);
  while (above > MAX_PAIRS) above -= pairsAt.get(threshold++) ?? 0;
  const kept = new Set<number>();
  for (let lo = 0; lo < nk; ) {
    let hi = lo + 1;
    while (hi < nk && sorted[hi] === sorted[lo]) hi++;
    if (hi - lo >= threshold) kept.add(sorted[lo]);
    lo = hi;
  }
  keys = new Float64Array(0);
  // Pass 2: the details (dates, ports, handling) of the pairs that are kept only.
  // First and last: the crossings (indexes) with the earliest and latest instant.
  const stats = new Map<number, { count: number; same: number; first: number; last: number; handling: number; ports: Set<string> }>();
  sightings(c, keep, windowMinutes, (i, j, same) => {
    const key = pairKey(c.who[i], c.who[j]);
    if (!kept.has(key)) return;
    let st = stats.get(key);
    if (!st) stats.set(key, (st = { count: 0, same: 0, first: i, last: i, handling: 0, ports: new Set() }));
    st.count++;
    if (same) st.same++;
    for (const k of [i, j]) {
      if (c.sec[k] < c.sec[st.first]) st.first = k;
      if (c.sec[k] > c.sec[st.last]) st.last = k;
      if (c.handling[k] > st.handling) st.handling = c.handling[k];
    }
    if (st.ports.size < 8) st.ports.add(c.portCode.get(c.port[i]) ?? '');
  });
  const insert = db.prepare(`INSERT INTO link(kind, src, dst, at, handling, attrs) VALUES ('travelled_with', ?, ?, ?, ?, ?)`);
  const atOf = db.prepare('SELECT at FROM link WHERE id = ?').pluck();
  const persons = new Set<number>();
  const summary = (): CotravelRun => ({
    pairs: stats.size, persons: persons.size, sameEventPairs, windowPairs, crossings: c.n,
    seconds: Math.round((performance.now() - started) / 10) / 100, minCount, windowMinutes,
    note: threshold > minCount ? `More than ${MAX_PAIRS.toLocaleString('en-US')} pairs were together ${minCount} times or more; kept those together at least ${threshold} times.` : null,
  });
  db.transaction(() => {
    db.prepare(`DELETE FROM link WHERE kind = 'travelled_with'`).run();
    for (const [key, st] of stats) {
      const a = Math.floor(key / SPAN);
      const b = key - a * SPAN;
      const [first, last] = [atOf.get(c.link[st.first]) as string, atOf.get(c.link[st.last]) as string];
      const attrs = { count: st.count, sameEvent: st.same, first, last, ports: [...st.ports].filter(Boolean).join(' '), windowMinutes };
      insert.run(a, b, last, RANK_HANDLING[st.handling], JSON.stringify(attrs));
      persons.add(a);
      persons.add(b);
    }
    db.prepare('INSERT INTO cotravel_run(at, summary) VALUES (?, ?)').run(new Date().toISOString(), JSON.stringify(summary()));
  })();
  return summary();
}

export function listCotravel(db: Database.Database, o: { minCount: number; limit: number; personId?: number }): { pairs: CotravelPair[]; total: number; lastRun: CotravelRun | null } {
  const where = `kind = 'travelled_with' AND CAST(json_extract(attrs, '$.count') AS INTEGER) >= @minCount${o.personId ? ' AND (src = @person OR dst = @person)' : ''}`;
  const params = { minCount: o.minCount, person: o.personId ?? 0, limit: o.limit };
  const total = db.prepare(`SELECT count(*) FROM link WHERE ${where}`).pluck().get(params) as number;
  const rows = db
    .prepare(`SELECT id, src, dst, attrs FROM link WHERE ${where} ORDER BY CAST(json_extract(attrs, '$.count') AS INTEGER) DESC, id LIMIT @limit`)
    .all(params) as Array<{ id: number; src: number; dst: number; attrs: string }>;
  const last = db.prepare('SELECT summary FROM cotravel_run ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
  return {
    pairs: rows.map((r) => {
      const a = JSON.parse(r.attrs) as { count: number; sameEvent: number; first: string; last: string; ports: string };
      return {
        linkId: r.id, a: toNodeRef(db, getNode(db, r.src)), b: toNodeRef(db, getNode(db, r.dst)),
        count: a.count, sameEvent: a.sameEvent, first: a.first, last: a.last, ports: a.ports ? a.ports.split(' ') : [],
      };
    }),
    total,
    lastRun: last ? (JSON.parse(last) as CotravelRun) : null,
  };
}
