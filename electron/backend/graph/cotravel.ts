// "Who travels together?": persons who crossed in the same event, or at the same port within
// N minutes of each other, at least k times. Stored as derived 'travelled_with' links between
// the two persons (count, same-event count, first and last date, ports), replaced on each run.
// Only persons with at least k crossings can be together k times, so the others are dropped
// before any pair is counted: that keeps a national day's port windows small.
import type Database from 'better-sqlite3';
import type { CotravelPair, CotravelRun } from '../../../shared/contract';
import { getNode, toNodeRef } from './rows';
import { toMinutes } from './analysis/entity-graph';
import { identityFrom } from './identity';

const SPAN = 67_108_864; // 2^26: node ids below this make a pair key exact in a double
const HANDLING_RANK: Record<string, number> = { SHARED: 0, LES: 1, ORCON: 2 };
const RANK_HANDLING = ['SHARED', 'LES', 'ORCON'];

interface Crossing {
  who: number;
  event: number;
  port: number;
  min: number;
  at: string;
  handling: number;
  portCode: string;
}

class PairTable {
  readonly slot = new Map<number, number>();
  a: number[] = [];
  b: number[] = [];
  count: number[] = [];
  same: number[] = [];
  first: string[] = [];
  last: string[] = [];
  handling: number[] = [];
  ports: Array<Set<string>> = [];

  add(x: number, y: number, sameEvent: boolean, at: string, handling: number, port: string): void {
    const lo = Math.min(x, y);
    const hi = Math.max(x, y);
    const key = lo * SPAN + hi;
    let s = this.slot.get(key);
    if (s === undefined) {
      s = this.a.length;
      this.slot.set(key, s);
      this.a.push(lo); this.b.push(hi); this.count.push(0); this.same.push(0);
      this.first.push(at); this.last.push(at); this.handling.push(0); this.ports.push(new Set());
    }
    this.count[s]++;
    if (sameEvent) this.same[s]++;
    if (at < this.first[s]) this.first[s] = at;
    if (at > this.last[s]) this.last[s] = at;
    if (handling > this.handling[s]) this.handling[s] = handling;
    if (this.ports[s].size < 8) this.ports[s].add(port);
  }
}

/** Every crossing with who made it (see graph/identity.ts: a person, or before resolution the first record with the same document). */
function loadCrossings(db: Database.Database): Crossing[] {
  // One pass over the link table for everything co-travel needs (a national day has millions
  // of links: several scans, or a join per crossing, cost more than the counting itself).
  const personOf = new Map<number, number>();
  const documents: Array<[number, number]> = [];
  const portOfEvent = new Map<number, number>();
  const travelled: Array<[number, number, string, string]> = [];
  for (const [kind, src, dst, at, handling] of db
    .prepare(`SELECT kind, src, dst, at, handling FROM link WHERE kind IN ('resolved_as', 'has_document', 'at_port', 'travelled_in')`)
    .raw(true)
    .iterate() as Iterable<[string, number, number, string | null, string]>) {
    if (kind === 'travelled_in') {
      if (at) travelled.push([src, dst, at, handling]);
    } else if (kind === 'resolved_as') personOf.set(src, dst);
    else if (kind === 'has_document') documents.push([src, dst]);
    else portOfEvent.set(src, dst);
  }
  const { whoOf } = identityFrom(personOf, documents);
  const portCode = new Map(db.prepare(`SELECT id, key FROM node WHERE kind = 'port'`).raw(true).all() as Array<[number, string]>);
  return travelled.map(([traveller, event, at, handling]) => {
    const port = portOfEvent.get(event) ?? 0;
    return { who: whoOf(traveller), event, port, min: toMinutes(at), at, handling: HANDLING_RANK[handling] ?? 0, portCode: portCode.get(port) ?? '' };
  });
}

export function runCotravel(db: Database.Database, minCount: number, windowMinutes: number): CotravelRun {
  const started = performance.now();
  const all = loadCrossings(db);
  // Crossings (distinct events) per person; only persons with enough of them take part.
  const events = new Map<number, Set<number>>();
  for (const c of all) {
    let s = events.get(c.who);
    if (!s) events.set(c.who, (s = new Set()));
    s.add(c.event);
  }
  const keep = all.filter((c) => events.get(c.who)!.size >= minCount);
  const pairs = new PairTable();
  let sameEventPairs = 0;
  let windowPairs = 0;
  // Same event: every two persons in it.
  const byEvent = new Map<number, Crossing[]>();
  for (const c of keep) {
    const list = byEvent.get(c.event);
    if (list) list.push(c);
    else byEvent.set(c.event, [c]);
  }
  for (const list of byEvent.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (list[i].who === list[j].who) continue;
        pairs.add(list[i].who, list[j].who, true, list[i].at, Math.max(list[i].handling, list[j].handling), list[i].portCode);
        sameEventPairs++;
      }
    }
  }
  // Same port within the window, in different events.
  if (windowMinutes > 0) {
    const byPort = new Map<number, Crossing[]>();
    for (const c of keep) {
      const list = byPort.get(c.port);
      if (list) list.push(c);
      else byPort.set(c.port, [c]);
    }
    for (const list of byPort.values()) {
      list.sort((x, y) => x.min - y.min);
      let lo = 0;
      for (let j = 0; j < list.length; j++) {
        while (list[j].min - list[lo].min > windowMinutes) lo++;
        for (let i = lo; i < j; i++) {
          const x = list[i];
          const y = list[j];
          if (x.event === y.event || x.who === y.who) continue;
          pairs.add(x.who, y.who, false, x.at, Math.max(x.handling, y.handling), x.portCode);
          windowPairs++;
        }
      }
    }
  }
  const insert = db.prepare(`INSERT INTO link(kind, src, dst, at, handling, attrs) VALUES ('travelled_with', ?, ?, ?, ?, ?)`);
  let stored = 0;
  const persons = new Set<number>();
  const summary = (): CotravelRun => ({
    pairs: stored, persons: persons.size, sameEventPairs, windowPairs, crossings: all.length,
    seconds: Math.round((performance.now() - started) / 10) / 100, minCount, windowMinutes,
  });
  db.transaction(() => {
    db.prepare(`DELETE FROM link WHERE kind = 'travelled_with'`).run();
    for (let s = 0; s < pairs.a.length; s++) {
      if (pairs.count[s] < minCount) continue;
      const attrs = {
        count: pairs.count[s], sameEvent: pairs.same[s], first: pairs.first[s], last: pairs.last[s],
        ports: [...pairs.ports[s]].join(' '), windowMinutes,
      };
      insert.run(pairs.a[s], pairs.b[s], pairs.last[s], RANK_HANDLING[pairs.handling[s]], JSON.stringify(attrs));
      persons.add(pairs.a[s]);
      persons.add(pairs.b[s]);
      stored++;
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
