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
  // Entity-level neighbours: one step = a shared identifier, a tie, co-travel, or a vehicle driven.
  const next = new Map<number, Set<number>>();
  const add = (a: number, b: number) => {
    if (a === b) return;
    (next.get(a) ?? next.set(a, new Set()).get(a)!).add(b);
    (next.get(b) ?? next.set(b, new Set()).get(b)!).add(a);
  };
  for (const e of intel.identifiers.values()) {
    if (e.by.size < 2 || e.by.size > MAX_HOLDERS) continue;
    const who = [...e.by.keys()];
    for (let i = 1; i < who.length; i++) add(who[0], who[i]);
    for (let i = 2; i < who.length; i++) add(who[1], who[i]);
  }
  for (const t of intel.ties) add(t.a, t.b);
  for (const c of cotravel) add(c.a, c.b);
  const crossedNow = new Map<number, { at: string; port: string; link: number }>();
  for (const c of intel.crossings) {
    if (c.role === 'DRIVER') {
      const v = intel.vehicleOfEvent.get(c.event);
      if (v !== undefined) add(v, c.who);
    }
    if (intel.latestImport !== null && c.importId === intel.latestImport && !crossedNow.has(c.who)) crossedNow.set(c.who, c);
  }
  const out: Candidate[] = [];
  for (const lo of lookouts) {
    const start = intel.whoOf(lo.target);
    const near = new Map<number, number>(); // entity -> hops
    for (const a of next.get(start) ?? []) near.set(a, 1);
    for (const [a, h] of [...near]) if (h === 1) for (const b of next.get(a) ?? []) if (b !== start && !near.has(b)) near.set(b, 2);
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
      evidence: { nodes: [lo.id, lo.target, start, ...crossers, ...[...near.keys()].filter((e) => near.get(e) === 1).slice(0, 20)], links: [lo.link, ...(selfCrossed ? [crossedNow.get(start)!.link] : []), ...crossers.map((c) => crossedNow.get(c)!.link)] },
      sourceLinks: [lo.link, ...crossers.slice(0, 10).map((c) => crossedNow.get(c)!.link)],
      items: crossers.map(String).sort(),
    });
  }
  return out;
}
