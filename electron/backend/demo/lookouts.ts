// lookouts.csv and associations.csv.

import { COLUMNS } from '../ingest/format';
import { Rng } from './rng';
import type { Household, Person } from './people';
import type { AliasTrap, Network } from './plant';
import { type Agency, type Handling, HANDLING_BY_AGENCY, type SubjectRecord } from './subjects';
import type { VehicleRecord } from './vehicle-records';
import { OFFICES } from './cases';
import { DAY, isoZ } from './time';

const AGENT_SURNAMES = ['RAMIREZ', 'THOMPSON', 'VILLANUEVA', 'OKAFOR', 'CHEN', 'MCALLISTER', 'GARZA', 'NAKAMURA', 'BECKETT', 'SOLIS'];
const OFFICE_PHONE: Record<string, string> = {
  'HSI EL PASO': '(915) 555-01', 'HSI LAREDO': '(956) 555-01', 'HSI SAN DIEGO': '(619) 555-01', 'HSI NOGALES': '(520) 555-01',
  'HSI MCALLEN': '(956) 555-01',
};

/** "HSI EL PASO - SA J. RAMIREZ (915) 555-0100" (555-01xx numbers are reserved for fiction). */
export function contact(rng: Rng, agency: Agency, office?: string): string {
  const off = office ?? rng.pick(OFFICES[agency]);
  const title = agency === 'ICE' ? 'SA' : agency === 'CBP' ? 'CBPO' : 'IO';
  const phone = `${OFFICE_PHONE[off] ?? '(915) 555-01'}${rng.digits(2)}`;
  return `${off} - ${title} ${rng.letters(1)}. ${rng.pick(AGENT_SURNAMES)} ${phone}`;
}

export interface LookoutOut { rows: string[][]; networkLookoutId: string }

export function buildLookouts(
  rng: Rng, subjects: readonly SubjectRecord[], vrecs: readonly VehicleRecord[], network: Network, refSec: number,
  count: number,
): LookoutOut {
  type Draft = { agency: Agency; handling: Handling; issued: number; expires: number; record: string; reason: string; action: string; contact: string };
  const drafts: Draft[] = [];
  for (let i = 0; i < count && subjects.length > 0; i++) {
    const agency: Agency = rng.weighted([['CBP', 50], ['ICE', 45], ['USCIS', 5]] as const);
    const onVehicle = vrecs.length > 0 && rng.chance(0.2);
    const record = onVehicle ? rng.pick(vrecs).id : rng.pick(subjects).id;
    const issued = refSec - DAY * (1 + rng.int(2 * 365));
    const reason = onVehicle
      ? rng.pick(['SMUGGLING', 'INVESTIGATIVE_INTEREST'])
      : rng.weighted([['INVESTIGATIVE_INTEREST', 40], ['SMUGGLING', 25], ['FRAUDULENT_DOCUMENT', 15], ['WANTED', 12], ['ARMED_DANGEROUS', 8]] as const);
    const action = reason === 'WANTED' || reason === 'ARMED_DANGEROUS' ? 'DETAIN' : rng.pick(['REFER_SECONDARY', 'NOTIFY_CASE_AGENT']);
    drafts.push({
      agency, record, issued, reason, action,
      handling: rng.weighted(HANDLING_BY_AGENCY[agency]),
      expires: rng.chance(0.7) ? issued + DAY * rng.range(180, 730) : 0,
      contact: contact(rng, agency),
    });
  }
  // The planted lookout: on the first driver (the truck's owner), visible at the border.
  const driver = network.members[2]!;
  const rec = subjects.find((s) => s.person === driver && s.agency === 'CBP') ?? subjects.find((s) => s.person === driver);
  const planted: Draft = {
    agency: 'ICE', handling: 'LES', issued: refSec - DAY * (5 + rng.int(20)), expires: 0, record: rec?.id ?? '',
    reason: 'SMUGGLING', action: 'REFER_SECONDARY', contact: contact(rng, 'ICE', 'HSI EL PASO'),
  };
  planted.expires = planted.issued + 365 * DAY;
  drafts.push(planted);
  rng.shuffle(drafts);
  drafts.sort((a, b) => a.issued - b.issued);
  const rows: string[][] = [];
  let networkLookoutId = '';
  let n = 500000 + rng.int(100000);
  for (const d of drafts) {
    n += 1 + rng.int(7);
    const id = `LO-${d.agency}-${String(n).padStart(7, '0')}`;
    if (d === planted) networkLookoutId = id;
    const v: Record<string, string> = {
      lookout_id: id, agency: d.agency, handling: d.handling, issued_at: isoZ(d.issued), expires_at: d.expires ? isoZ(d.expires) : '',
      record_id: d.record, reason: d.reason, action: d.action, contact: d.contact,
    };
    rows.push(COLUMNS['lookouts.csv'].map((c) => v[c] ?? ''));
  }
  return { rows, networkLookoutId };
}

export function buildAssociations(
  rng: Rng, subjects: readonly SubjectRecord[], vrecs: readonly VehicleRecord[], households: readonly Household[],
  network: Network, trap: AliasTrap, refSec: number, randomCount: number,
): string[][] {
  const rows: string[][] = [];
  const add = (a: string | undefined, b: string | undefined, kind: string, agency?: Agency): void => {
    if (!a || !b || a === b) return;
    const ag: Agency = agency ?? rng.weighted([['CBP', 40], ['ICE', 35], ['USCIS', 25]] as const);
    const v: Record<string, string> = {
      record_a: a, record_b: b, kind, agency: ag, handling: rng.weighted(HANDLING_BY_AGENCY[ag]),
      reported_at: isoZ(refSec - DAY * (1 + rng.int(3 * 365))),
    };
    rows.push(COLUMNS['associations.csv'].map((c) => v[c] ?? ''));
  };
  const first = (p: Person): string | undefined => (p.records.length > 0 ? rng.pick(p.records) : undefined);
  for (const h of households) {
    if (!rng.chance(0.5)) continue;
    const [a, ...rest] = h.members;
    if (!a) continue;
    for (const m of rest) add(first(a), first(m), rng.chance(0.8) ? 'FAMILY' : 'COHABITANT');
  }
  for (const v of vrecs) {
    if (v.values.owner_record_id && rng.chance(0.3)) add(v.id, v.values.owner_record_id, 'REGISTERED_OWNER', v.agency);
  }
  // The network: the coordinator's phone contacts and a reported associate.
  const m = network.members;
  add(first(m[0]!), first(m[3]!), 'PHONE_CONTACT', 'ICE');
  add(first(m[0]!), first(m[1]!), 'ASSOCIATE', 'ICE');
  add(first(m[5]!), first(m[2]!), 'ASSOCIATE', 'CBP');
  // The alias trap: the father and the son are reported as family (they are two people).
  add(first(trap.father), first(trap.son), 'FAMILY', 'USCIS');
  for (let i = 0; i < randomCount && subjects.length > 1; i++) {
    add(rng.pick(subjects).id, rng.pick(subjects).id, rng.weighted([['ASSOCIATE', 50], ['EMPLOYER', 30], ['PHONE_CONTACT', 20]] as const));
  }
  return rows;
}
