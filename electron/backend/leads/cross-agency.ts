// Cross-agency overlap: a person or vehicle named in another agency's case or lookout (ICE,
// USCIS) seen crossing at a CBP port: what one agency knows reaches the other's officers.
import type Database from 'better-sqlite3';
import { clampScore, type Candidate } from './types';
import { dayText, type Intel } from './intel';

export function crossAgency(db: Database.Database, intel: Intel): Candidate[] {
  const rows = db
    .prepare(
      `SELECT c.id AS holder, c.kind AS kind, c.agency AS agency, c.key AS key, l.dst AS target, l.id AS link
       FROM node c JOIN link l ON l.src = c.id AND l.kind IN ('case_names', 'lookout_on')
       WHERE c.kind IN ('case', 'lookout') AND coalesce(c.agency, '') NOT IN ('', 'CBP')`,
    )
    .all() as Array<{ holder: number; kind: 'case' | 'lookout'; agency: string; key: string; target: number; link: number }>;
  if (!rows.length) return [];
  // One lead per entity, naming every case and lookout that holds it.
  const byEntity = new Map<number, typeof rows>();
  for (const r of rows) {
    const e = intel.whoOf(r.target);
    (byEntity.get(e) ?? byEntity.set(e, []).get(e)!).push(r);
  }
  // Only the crossings of held entities are gathered (a national case has millions).
  const byPerson = new Map<number, number[]>();
  const byVehicle = new Map<number, number[]>();
  const c = intel.crossings;
  for (let i = 0; i < c.n; i++) {
    if (byEntity.has(c.who[i])) (byPerson.get(c.who[i]) ?? byPerson.set(c.who[i], []).get(c.who[i])!).push(i);
    if (!c.driver[i]) continue;
    const v = intel.vehicleOf(c.event[i]);
    if (v >= 0 && byEntity.has(v)) (byVehicle.get(v) ?? byVehicle.set(v, []).get(v)!).push(i);
  }
  const out: Candidate[] = [];
  for (const [entity, held] of byEntity) {
    const seen = (byPerson.get(entity) ?? byVehicle.get(entity) ?? []).map((i) => ({ link: c.link[i], port: intel.portKey(c.port[i]), local: c.local[i], day: c.day[i] }));
    if (!seen.length) continue;
    const last = dayText(seen.reduce((a, b) => (b.local > a.local ? b : a)).day);
    const ports = [...new Set(seen.map((s) => s.port))];
    const agencies = [...new Set(held.map((r) => r.agency))];
    const what = held.map((r) => `${r.agency} ${r.kind} ${r.key}`);
    const lookouts = held.filter((r) => r.kind === 'lookout').length;
    out.push({
      kind: 'cross_agency',
      key: `cross:${entity}`,
      score: clampScore((lookouts ? 65 : 55) + Math.min(20, 4 * seen.length) + 5 * Math.min(3, held.length - 1)),
      title: `${intel.label(entity)} (${what.length === 1 ? what[0] : `${what.length} ${agencies.join('/')} records`}) crossed at CBP ports`,
      summary: `${intel.label(entity)} is named in ${what.join(', ')} and crossed ${seen.length} time${seen.length === 1 ? '' : 's'} at ${ports.join(', ')}, last on ${last}. ${agencies.join(' and ')} hold${agencies.length === 1 ? 's' : ''} the record: share it with the CBP officers at ${ports[0]} or ask ${agencies.join(' or ')}.`,
      entities: [entity, ...held.map((r) => r.holder)],
      evidence: { nodes: [entity, ...held.flatMap((r) => [r.holder, r.target])], links: [...held.map((r) => r.link), ...seen.slice(0, 30).map((s) => s.link)] },
      sourceLinks: [...held.map((r) => r.link), ...seen.slice(0, 10).map((s) => s.link)],
      items: [...held.map((r) => `h${r.holder}`), ...seen.map((s) => String(s.link))].sort(),
    });
  }
  return out;
}
