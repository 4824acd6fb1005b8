// cases.csv and case_links.csv: investigative cases, the planted smuggling case and the
// ORCON case carrying the canary string.

import { COLUMNS } from '../ingest/format';
import { Rng } from './rng';
import { formatPhone } from './identity';
import type { Network } from './plant';
import { type Agency, type Handling, type SubjectRecord } from './subjects';
import type { VehicleRecord } from './vehicle-records';
import { DAY, isoZ, civilFromDays } from './time';

export const CODENAMES: readonly string[] = [
  'DESERT WIND', 'RIO SECO', 'COYOTE MOON', 'IRON BRIDGE', 'SILVER SAGE', 'DUST DEVIL', 'LONE STAR', 'RED MESA',
  'BLUE HERON', 'STONE FLY', 'NIGHT HAWK', 'CACTUS FLOWER', 'BROKEN ARROW', 'FRANKLIN', 'CHAMIZAL', 'TUMBLEWEED',
];

export const OFFICES: Record<Agency, readonly string[]> = {
  ICE: ['HSI EL PASO', 'HSI EL PASO', 'HSI LAREDO', 'HSI SAN DIEGO', 'HSI NOGALES', 'HSI MCALLEN'],
  CBP: ['CBP OFO EL PASO FIELD OFFICE', 'CBP OFO SAN DIEGO FIELD OFFICE', 'CBP OFO LAREDO FIELD OFFICE'],
  USCIS: ['USCIS FDNS EL PASO', 'USCIS FDNS SAN DIEGO'],
};

const CATEGORY_WEIGHTS = [
  ['NARCOTICS', 30], ['HUMAN_SMUGGLING', 20], ['DOCUMENT_FRAUD', 15], ['CURRENCY', 10], ['WEAPONS', 8],
  ['TRAFFICKING', 7], ['OTHER', 10],
] as const;
type Category = (typeof CATEGORY_WEIGHTS)[number][0];

const CASE_HANDLING: Record<Agency, readonly (readonly [Handling, number])[]> = {
  ICE: [['LES', 50], ['ORCON', 25], ['SHARED', 25]],
  CBP: [['SHARED', 60], ['LES', 40]],
  USCIS: [['SHARED', 50], ['LES', 50]],
};

const TEMPLATES: Record<Category, readonly string[]> = {
  NARCOTICS: ['Suspected courier of methamphetamine concealed in {veh}.', 'Fentanyl pills seized at secondary; {who} named by a cooperating defendant.'],
  HUMAN_SMUGGLING: ['{who} suspected of guiding undocumented migrants through {port}.', 'Stash house reported by a tipster; "{who}" seen loading passengers.'],
  DOCUMENT_FRAUD: ['Imposter use of a border crossing card; photo mismatch for {who}.', 'Altered permanent resident card presented by {who}, referred by CBP.'],
  CURRENCY: ['Unreported currency, $18,400, outbound; {who} claimed it was for "family expenses".', 'Bulk cash structuring tied to {who}.'],
  WEAPONS: ['Outbound firearms parts; straw purchase suspected, {who}.', 'Ammunition found in {veh}, outbound lane.'],
  TRAFFICKING: ['Victim interview names {who} as recruiter of workers, promised jobs in Dallas.', 'Forced labor tip; {who} holds workers\' documents.'],
  OTHER: ['Information request from a partner agency about {who}.', 'Suspicious travel pattern flagged by analyst, {who}.'],
};

export interface CaseOut {
  cases: string[][];
  links: string[][];
  networkCaseId: string;
  orconCaseId: string;
  canary: string;
}

function displayName(r: SubjectRecord): string {
  const v = r.values;
  return `${v.first_name ?? ''} ${v.last_name ?? ''}`.trim();
}

class CaseIds {
  private readonly next = new Map<string, number>();
  constructor(private readonly rng: Rng) {}
  id(agency: Agency, opened: number): string {
    const year = civilFromDays(Math.floor(opened / DAY))[0];
    const key = `${agency}-${year}`;
    const n = (this.next.get(key) ?? 100 + this.rng.int(300)) + 1 + this.rng.int(5);
    this.next.set(key, n);
    return `${agency}-C-${year}-${String(n).padStart(5, '0')}`;
  }
}

export function buildCases(
  rng: Rng, subjects: readonly SubjectRecord[], vrecs: readonly VehicleRecord[], network: Network, refSec: number,
  caseCount: number, canary: string,
): CaseOut {
  const ids = new CaseIds(rng);
  type Draft = { agency: Agency; handling: Handling; opened: number; closed: number; status: string; category: Category; title: string; summary: string; office: string; links: [string, string, string][] };
  const drafts: Draft[] = [];
  const link = (d: Draft, rec: string, role: string, note: string): void => {
    d.links.push([rec, role, note]);
  };

  for (let i = 0; i < caseCount && subjects.length > 0; i++) {
    const agency: Agency = rng.weighted([['ICE', 85], ['CBP', 10], ['USCIS', 5]] as const);
    const category: Category = agency === 'USCIS' ? 'DOCUMENT_FRAUD' : rng.weighted(CATEGORY_WEIGHTS);
    const opened = refSec - DAY * (10 + rng.int(3 * 365));
    const status = rng.weighted([['OPEN', 55], ['CLOSED', 30], ['SUSPENDED', 15]] as const);
    const closed = status === 'CLOSED' ? Math.min(refSec - DAY, opened + DAY * rng.range(30, 540)) : 0;
    const main = rng.pick(subjects);
    const veh = vrecs.length > 0 && rng.chance(0.3) ? rng.pick(vrecs) : null;
    const who = displayName(main);
    let summary = rng.pick(TEMPLATES[category]).replace('{who}', who).replace('{veh}', veh ? `${veh.vehicle.color} ${veh.vehicle.make} plate ${veh.vehicle.plate}` : 'a private vehicle').replace('{port}', 'the port of entry');
    if (rng.chance(0.3)) summary += `\nContact phone on file: ${formatPhone(rng, main.person.phone)}.`;
    const d: Draft = {
      agency, category, opened, closed, status, summary,
      handling: rng.weighted(CASE_HANDLING[agency]),
      title: rng.chance(0.4) ? `Operation "${rng.pick(CODENAMES)}"` : `${category.replace('_', ' ')} - ${main.values.last_name ?? ''}`,
      office: rng.pick(OFFICES[agency]),
      links: [],
    };
    link(d, main.id, 'SUBJECT', '');
    const extra = rng.weighted([[0, 30], [1, 35], [2, 25], [3, 10]] as const);
    for (let k = 0; k < extra; k++) {
      const r = rng.pick(subjects);
      if (d.links.some((l) => l[0] === r.id)) continue;
      const role = category === 'TRAFFICKING' || category === 'HUMAN_SMUGGLING' ? rng.pick(['ASSOCIATE', 'VICTIM', 'WITNESS']) : rng.pick(['ASSOCIATE', 'ASSOCIATE', 'WITNESS']);
      link(d, r.id, role, rng.chance(0.3) ? 'Named in interview, 3rd party' : '');
    }
    if (veh) link(d, veh.id, 'VEHICLE', rng.chance(0.5) ? 'Registered vehicle, seen at POE' : '');
    drafts.push(d);
  }

  // The planted smuggling case names the coordinator and the second driver, and the truck.
  const recOf = (pi: number, agency: Agency): string => {
    const p = network.members[pi]!;
    return subjects.find((s) => s.person === p && s.agency === agency)?.id ?? p.records[0] ?? '';
  };
  const coord = subjects.find((s) => s.id === recOf(0, 'ICE'));
  const plateRec = vrecs.find((v) => v.vehicle === network.vehicle && v.agency === 'ICE') ?? vrecs.find((v) => v.vehicle === network.vehicle);
  const netCase: Draft = {
    agency: 'ICE', handling: 'LES', category: 'HUMAN_SMUGGLING', status: 'OPEN', closed: 0,
    opened: refSec - DAY * (60 + rng.int(120)),
    title: `Operation "${rng.pick(CODENAMES)}" - Juarez/El Paso smuggling cell`,
    summary: `Cell moving migrants through ${'EL PASO - BOTA'} in a white ${network.vehicle.year} FORD F-150, TX plate ${network.vehicle.plate}.\n` +
      `Coordinator ${coord ? displayName(coord) : 'UNKNOWN'} uses phone ${formatPhone(rng, network.phone)}; drivers stage at ${network.address.line}, ${network.address.city}.\n` +
      'Crossings are timed minutes apart at the same port; a scout crosses on foot first.',
    office: 'HSI EL PASO',
    links: [],
  };
  link(netCase, recOf(0, 'ICE'), 'SUBJECT', 'Coordinator, per CS-1');
  link(netCase, recOf(3, 'ICE'), 'SUBJECT', 'Driver, uses the coordinator\'s phone');
  if (plateRec) link(netCase, plateRec.id, 'VEHICLE', 'Load vehicle');
  drafts.push(netCase);

  // The ORCON case with the canary string: only ICE analysts may ever read its summary.
  const orcon: Draft = {
    agency: 'ICE', handling: 'ORCON', category: 'CURRENCY', status: 'OPEN', closed: 0,
    opened: refSec - DAY * (20 + rng.int(60)),
    title: `Operation "${rng.pick(CODENAMES)}" (sensitive source)`,
    summary: `Controlled source reporting, ref ${canary}. Source states the recruiter launders proceeds through casas de cambio in Juarez.\nDo not disseminate outside ICE.`,
    office: 'HSI EL PASO',
    links: [],
  };
  link(orcon, recOf(1, 'ICE'), 'SUBJECT', 'Per controlled source');
  drafts.push(orcon);

  // Shuffle so the planted cases sit among the others, then number by opening date.
  rng.shuffle(drafts);
  drafts.sort((a, b) => a.opened - b.opened);
  const cases: string[][] = [];
  const links: string[][] = [];
  let networkCaseId = '';
  let orconCaseId = '';
  for (const d of drafts) {
    const id = ids.id(d.agency, d.opened);
    if (d === netCase) networkCaseId = id;
    if (d === orcon) orconCaseId = id;
    const v: Record<string, string> = {
      case_id: id, agency: d.agency, handling: d.handling, opened_at: isoZ(d.opened), closed_at: d.closed ? isoZ(d.closed) : '',
      status: d.status, category: d.category, title: d.title, summary: d.summary, office: d.office,
    };
    cases.push(COLUMNS['cases.csv'].map((c) => v[c] ?? ''));
    for (const [rec, role, note] of d.links) {
      const linked = d.opened + Math.floor(rng.next() * Math.max(DAY, refSec - DAY - d.opened));
      const lv: Record<string, string> = { case_id: id, record_id: rec, role, linked_at: isoZ(linked), note };
      links.push(COLUMNS['case_links.csv'].map((c) => lv[c] ?? ''));
    }
  }
  return { cases, links, networkCaseId, orconCaseId, canary };
}
