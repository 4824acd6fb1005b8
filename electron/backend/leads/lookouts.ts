// Proximity to lookouts: entities within two hops of a lookout's subject or vehicle (sharing
// an identifier, tied by an association or co-travel, or driving the vehicle) that crossed in
// the latest import. Identifiers given by very many persons are not followed.
import type Database from 'better-sqlite3';
import { clampScore, type Candidate } from './types';
import { dayText, type Intel } from './intel';
import type { CoTravelLink } from './cotravel-groups';

const MAX_HOLDERS = 20;

export function lookoutProximity(db: Database.Database, intel: Intel, cotravel: CoTravelLink[]): Candidate[] {
  const lookouts = db
    .prepare(`SELECT o.id, o.key, coalesce(o.agency, '') AS agency, l.dst AS target, l.id AS link FROM node o JOIN link l ON l.src = o.id AND l.kind = 'lookout_on' WHERE o.kind = 'lookout'`)
    .all() as Array<{ id: number; key: string; agency: string; target: number; link: number }>;
  if (!lookouts.length) return [];
  // Entity-level neighbours: one step = a shared identifier, a tie, co-travel, or a vehicle
  // driven; each step keeps the nodes and links that show it, for the evidence board. Only
  // the lookouts' subjects and their neighbours need theirs (a national case has millions of
  // entities): one walk over the steps finds those neighbours, a second keeps their steps.
  const c = intel.crossings;
  const steps = (see: (a: number, b: number, via: () => { nodes: number[]; links: number[] }) => void) => {
    for (const [ident, e] of intel.identifiers) {
      if (e.by.size < 2 || e.by.size > MAX_HOLDERS) continue;
      const who = [...e.by.keys()];
      for (let i = 0; i < who.length; i++) {
        for (let j = i + 1; j < who.length; j++) see(who[i], who[j], () => ({ nodes: [ident], links: [...e.by.get(who[i])!, ...e.by.get(who[j])!] }));
      }
    }
    for (const t of intel.ties) see(t.a, t.b, () => ({ nodes: [], links: [t.link] }));
    for (const l of cotravel) see(l.a, l.b, () => ({ nodes: [], links: [l.link] }));
    for (let i = 0; i < c.n; i++) {
      if (!c.driver[i]) continue;
      const v = intel.vehicleOf(c.event[i]);
      if (v >= 0) see(v, c.who[i], () => ({ nodes: [c.event[i]], links: [c.link[i]] }));
    }
  };
  const START = 1;
  const NEAR = 2; // a neighbour of a start: its own steps are needed too
  const REACH = 4; // within two hops of a start
  const mark = new Uint8Array(intel.size);
  const markAt = (x: number) => (x >= 0 && x < mark.length ? mark[x] : 0);
  for (const lo of lookouts) {
    const s = intel.whoOf(lo.target);
    if (s >= 0 && s < mark.length) mark[s] |= START | REACH;
  }
  steps((a, b) => {
    if (a === b) return;
    if (markAt(a) & START) mark[b] |= NEAR | REACH;
    if (markAt(b) & START) mark[a] |= NEAR | REACH;
  });
  const next = new Map<number, Map<number, { nodes: number[]; links: number[] }>>();
  steps((a, b, via) => {
    if (a === b) return;
    let shown: { nodes: number[]; links: number[] } | null = null;
    for (const [x, y] of [[a, b], [b, a]]) {
      if (!(markAt(x) & (START | NEAR))) continue;
      mark[y] |= REACH;
      let m = next.get(x);
      if (!m) next.set(x, (m = new Map()));
      if (!m.has(y)) m.set(y, (shown ??= via()));
    }
  });
  const crossedNow = new Map<number, { day: string; port: string; link: number }>();
  if (intel.latestImport !== null) {
    for (let i = 0; i < c.n; i++) {
      const w = c.who[i];
      if (c.importId[i] === intel.latestImport && markAt(w) & REACH && !crossedNow.has(w)) crossedNow.set(w, { day: dayText(c.day[i]), port: intel.portKey(c.port[i]), link: c.link[i] });
    }
  }
  const out: Candidate[] = [];
  for (const lo of lookouts) {
    const start = intel.whoOf(lo.target);
    const near = new Map<number, number>(); // entity -> hops
    const via = new Map<number, { from: number; nodes: number[]; links: number[] }>();
    for (const [a, v] of next.get(start) ?? []) {
      near.set(a, 1);
      via.set(a, { from: start, ...v });
    }
    for (const [a, h] of [...near]) {
      if (h !== 1) continue;
      for (const [b, v] of next.get(a) ?? []) {
        if (b === start || near.has(b)) continue;
        near.set(b, 2);
        via.set(b, { from: a, ...v });
      }
    }
    const crossers = [...near.keys()].filter((e) => crossedNow.has(e));
    const selfCrossed = crossedNow.has(start);
    if (!crossers.length && !selfCrossed) continue;
    const score = 35 + 8 * Math.min(6, crossers.length) + (selfCrossed ? 20 : 0);
    const names = crossers.map((e) => `${intel.label(e)} (${near.get(e)} hop${near.get(e) === 1 ? '' : 's'}, ${crossedNow.get(e)!.port} ${crossedNow.get(e)!.day})`);
    out.push({
      kind: 'lookout_proximity',
      key: `lookout:${lo.key}`,
      score: clampScore(score),
      title: `Near lookout ${lo.key} on ${intel.label(start)}: ${crossers.length + (selfCrossed ? 1 : 0)} crossed`,
      summary: `${lo.agency} lookout ${lo.key} is on ${intel.label(start)}.${selfCrossed ? ` ${intel.label(start)} crossed in the latest import (${crossedNow.get(start)!.port} ${crossedNow.get(start)!.day}).` : ''}${crossers.length ? ` Within two hops, ${crossers.length} crossed in the latest import: ${names.slice(0, 5).join('; ')}${names.length > 5 ? '…' : ''}.` : ''}`,
      entities: [start, ...crossers],
      evidence: evidenceOf(lo, start, crossers, via, selfCrossed ? crossedNow.get(start)!.link : null, crossedNow),
      sourceLinks: [lo.link, ...crossers.slice(0, 10).map((c) => crossedNow.get(c)!.link)],
      items: crossers.map(String).sort(),
    });
  }
  return out;
}

/** The lookout, its subject, each crosser and the steps that bring it within two hops. */
function evidenceOf(
  lo: { id: number; target: number; link: number },
  start: number,
  crossers: number[],
  via: Map<number, { from: number; nodes: number[]; links: number[] }>,
  selfLink: number | null,
  crossedNow: Map<number, { link: number }>,
): { nodes: number[]; links: number[] } {
  const nodes = new Set([lo.id, lo.target, start]);
  const links = new Set([lo.link]);
  if (selfLink !== null) links.add(selfLink);
  for (const c of crossers.slice(0, 30)) {
    nodes.add(c);
    links.add(crossedNow.get(c)!.link);
    for (let x: number | undefined = c; x !== undefined && x !== start; x = via.get(x)?.from) {
      const v = via.get(x);
      if (!v) break;
      nodes.add(v.from);
      v.nodes.forEach((n) => nodes.add(n));
      v.links.forEach((l) => links.add(l));
    }
  }
  return { nodes: [...nodes], links: [...links] };
}
