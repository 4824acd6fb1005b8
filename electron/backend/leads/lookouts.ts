// Proximity to lookouts: entities within two hops of a lookout's subject or vehicle (sharing
// an identifier, tied by an association or co-travel, or driving the vehicle) that crossed in
// the latest import. Identifiers given by very many persons are not followed.
import type Database from 'better-sqlite3';
import { clampScore, type Candidate } from './types';
import type { Intel } from './intel';
import type { CoTravelLink } from './cotravel-groups';

const MAX_HOLDERS = 20;

export function lookoutProximity(db: Database.Database, intel: Intel, cotravel: CoTravelLink[]): Candidate[] {
  const lookouts = db
    .prepare(`SELECT o.id, o.key, coalesce(o.agency, '') AS agency, l.dst AS target, l.id AS link FROM node o JOIN link l ON l.src = o.id AND l.kind = 'lookout_on' WHERE o.kind = 'lookout'`)
    .all() as Array<{ id: number; key: string; agency: string; target: number; link: number }>;
  if (!lookouts.length) return [];
  // Entity-level neighbours: one step = a shared identifier, a tie, co-travel, or a vehicle
  // driven; each step keeps the nodes and links that show it, for the evidence board.
  const next = new Map<number, Map<number, { nodes: number[]; links: number[] }>>();
  const add = (a: number, b: number, via: { nodes: number[]; links: number[] }) => {
    if (a === b) return;
    for (const [x, y] of [[a, b], [b, a]]) {
      let m = next.get(x);
      if (!m) next.set(x, (m = new Map()));
      if (!m.has(y)) m.set(y, via);
    }
  };
  for (const [ident, e] of intel.identifiers) {
    if (e.by.size < 2 || e.by.size > MAX_HOLDERS) continue;
    const who = [...e.by.keys()];
    for (let i = 0; i < who.length; i++) {
      for (let j = i + 1; j < who.length; j++) add(who[i], who[j], { nodes: [ident], links: [...e.by.get(who[i])!, ...e.by.get(who[j])!] });
    }
  }
  for (const t of intel.ties) add(t.a, t.b, { nodes: [], links: [t.link] });
  for (const c of cotravel) add(c.a, c.b, { nodes: [], links: [c.link] });
  const crossedNow = new Map<number, { at: string; port: string; link: number }>();
  for (const c of intel.crossings) {
    if (c.role === 'DRIVER') {
      const v = intel.vehicleOfEvent.get(c.event);
      if (v !== undefined) add(v, c.who, { nodes: [c.event], links: [c.link] });
    }
    if (intel.latestImport !== null && c.importId === intel.latestImport && !crossedNow.has(c.who)) crossedNow.set(c.who, c);
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
    const names = crossers.map((e) => `${intel.label(e)} (${near.get(e)} hop${near.get(e) === 1 ? '' : 's'}, ${crossedNow.get(e)!.port} ${crossedNow.get(e)!.at.slice(0, 10)})`);
    out.push({
      kind: 'lookout_proximity',
      key: `lookout:${lo.key}`,
      score: clampScore(score),
      title: `Near lookout ${lo.key} on ${intel.label(start)}: ${crossers.length + (selfCrossed ? 1 : 0)} crossed`,
      summary: `${lo.agency} lookout ${lo.key} is on ${intel.label(start)}.${selfCrossed ? ` ${intel.label(start)} crossed in the latest import (${crossedNow.get(start)!.port} ${crossedNow.get(start)!.at.slice(0, 10)}).` : ''}${crossers.length ? ` Within two hops, ${crossers.length} crossed in the latest import: ${names.slice(0, 5).join('; ')}${names.length > 5 ? '…' : ''}.` : ''}`,
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
