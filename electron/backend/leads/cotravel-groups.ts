// Repeated co-travel: groups of persons joined by 'travelled with' links (from the co-travel
// run), each group one lead, scored by how often and how many travel together.
import type Database from 'better-sqlite3';
import { clampScore, type Candidate } from './types';
import type { Intel } from './intel';

const MIN_COUNT = 3;

export interface CoTravelLink {
  a: number;
  b: number;
  count: number;
  sameEvent: number;
  link: number;
  first: string;
  last: string;
  ports: string;
}

export function loadCoTravel(db: Database.Database): CoTravelLink[] {
  return (db.prepare(`SELECT id, src, dst, attrs FROM link WHERE kind = 'travelled_with'`).all() as Array<{ id: number; src: number; dst: number; attrs: string }>).map((r) => {
    const a = JSON.parse(r.attrs) as { count: number; sameEvent: number; first: string; last: string; ports: string };
    return { a: r.src, b: r.dst, count: a.count, sameEvent: a.sameEvent, link: r.id, first: a.first, last: a.last, ports: a.ports };
  });
}

export function coTravelGroups(intel: Intel, links: CoTravelLink[]): Candidate[] {
  const strong = links.filter((l) => l.count >= MIN_COUNT);
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const l of strong) {
    if (!parent.has(l.a)) parent.set(l.a, l.a);
    if (!parent.has(l.b)) parent.set(l.b, l.b);
    const ra = find(l.a);
    const rb = find(l.b);
    if (ra !== rb) parent.set(ra, rb);
  }
  const groups = new Map<number, CoTravelLink[]>();
  for (const l of strong) {
    const r = find(l.a);
    const g = groups.get(r);
    if (g) g.push(l);
    else groups.set(r, [l]);
  }
  const out: Candidate[] = [];
  for (const g of groups.values()) {
    const members = [...new Set(g.flatMap((l) => [l.a, l.b]))].sort((x, y) => x - y);
    const top = Math.max(...g.map((l) => l.count));
    const first = g.map((l) => l.first).sort()[0];
    const last = g.map((l) => l.last).sort().at(-1)!;
    const surnames = new Set(members.map((m) => intel.surname(m)));
    const family = surnames.size === 1;
    let score = 25 + 5 * Math.min(8, top) + 6 * (members.length - 2);
    if (family) score *= 0.5;
    const ports = [...new Set(g.flatMap((l) => l.ports.split(' ')).filter(Boolean))];
    out.push({
      kind: 'cotravel',
      key: `cotravel:${members[0]}`,
      score: clampScore(score),
      title: `${members.length} persons cross together (up to ${top} times)`,
      summary: `${members.map((m) => intel.label(m)).slice(0, 6).join('; ')}${members.length > 6 ? '…' : ''} crossed together up to ${top} times between ${first.slice(0, 10)} and ${last.slice(0, 10)} at ${ports.join(', ') || 'the same port'}${family ? ' (one family name: likely a family)' : ''}.`,
      entities: members,
      evidence: { nodes: members, links: g.map((l) => l.link) },
      sourceLinks: [],
      items: members.map(String),
    });
  }
  return out;
}
