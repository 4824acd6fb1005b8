// subjects.csv: agency records of persons, several per person for some, spelled differently.

import { COLUMNS } from '../ingest/format';
import { Rng } from './rng';
import { type Address, type Doc, formatPhone } from './identity';
import type { Person } from './people';
import type { Network } from './plant';
import { DAY, isoZ } from './time';
import { writeAka, writeDob, writeDocNumber, writeName } from './variants';

export type Agency = 'CBP' | 'ICE' | 'USCIS';
export type Handling = 'SHARED' | 'LES' | 'ORCON';

export interface SubjectRecord {
  id: string;
  person: Person;
  agency: Agency;
  handling: Handling;
  entered: number;
  values: Record<string, string>;
}

export const HANDLING_BY_AGENCY: Record<Agency, readonly (readonly [Handling, number])[]> = {
  CBP: [['SHARED', 85], ['LES', 15]],
  ICE: [['SHARED', 45], ['LES', 35], ['ORCON', 20]],
  USCIS: [['SHARED', 85], ['LES', 15]],
};

const RECORD_ODDS: Record<Person['kind'], number> = { commuter: 0.6, family: 0.4, occasional: 0.5, network: 1, trap: 1 };

function writeAddress(rng: Rng, a: Address): Address {
  if (rng.chance(0.08)) return { line: '', city: '', region: '', postal: '', country: '' };
  let line = a.line;
  const k = rng.int(8);
  if (k === 0) line = line.replace(' AVE', ' AVENUE').replace(' ST', ' STREET').replace(' DR', ' DRIVE');
  else if (k === 1) line = line.replace('COL. ', 'COLONIA ').replace('AV. ', 'AVENIDA ');
  else if (k === 2) line = line.replace(/,/g, '');
  else if (k === 3) line = line.toLowerCase();
  return { line, city: a.city, region: a.region, postal: rng.chance(0.1) ? '' : a.postal, country: a.country };
}

function pickDoc(rng: Rng, p: Person, agency: Agency): Doc | null {
  if (rng.chance(0.06)) return null;
  if (agency === 'USCIS') {
    const prc = p.docs.find((d) => d.type === 'PERMANENT_RESIDENT_CARD' || d.type === 'VISA');
    if (prc && rng.chance(0.8)) return prc;
  }
  if (agency === 'CBP' && rng.chance(0.75)) return p.docs[0] ?? null;
  return rng.pick(p.docs);
}

/** Aliases the network members use on some records: entirely different names. */
const NETWORK_ALIASES: readonly string[] = [
  'GUERRERO, MARIO', 'SALINAS, RUBEN', 'CORONADO, LUIS', 'MATA, ISMAEL', 'LEYVA, ROSALBA', 'URIBE, FELIPE',
  'CANO, JAVIER', 'BARRAZA, EDGAR',
];

export function buildSubjects(rng: Rng, persons: readonly Person[], network: Network, refSec: number): SubjectRecord[] {
  const recs: SubjectRecord[] = [];
  const netIdx = new Map<Person, number>(network.members.map((p, i) => [p, i]));
  for (const p of persons) {
    if (!rng.chance(RECORD_ODDS[p.kind])) continue;
    const ageYears = (refSec / DAY / 365.25 + 1970) - Number(p.dob.slice(0, 4));
    if (p.kind === 'family' && ageYears < 16 && rng.chance(0.7)) continue;
    const n = p.kind === 'network' ? rng.range(2, 3) : p.kind === 'trap' ? 2 : rng.weighted([[1, 60], [2, 28], [3, 10], [4, 2]] as const);
    const ni = netIdx.get(p);
    for (let k = 0; k < n; k++) {
      let agency: Agency = rng.weighted([['CBP', 55], ['ICE', 20], ['USCIS', 25]] as const);
      if (ni !== undefined) agency = k === 0 ? 'CBP' : 'ICE';
      const handling = ni !== undefined && agency === 'ICE' ? 'LES' : rng.weighted(HANDLING_BY_AGENCY[agency]);
      // The alias trap's records stay close to the true name: the point is that they look alike.
      const level = p.kind === 'trap' ? 0.25 : k === 0 ? 0.6 : p.kind === 'network' ? 1.6 : 1.2;
      const name = writeName(rng, p, level);
      const doc = pickDoc(rng, p, agency);
      let addr = writeAddress(rng, p.address);
      let phone = rng.chance(0.75) ? formatPhone(rng, p.phone) : '';
      let aka = rng.chance(p.kind === 'network' ? 0.7 : 0.12) ? writeAka(rng, p) : '';
      if (ni !== undefined) {
        // Members who use the burner or the stash house give them on every record; the
        // coordinator also gives the stash house on his ICE records.
        if (p.phone === network.phone) phone = formatPhone(rng, network.phone);
        if (p.address === network.address || (ni === 0 && k > 0)) addr = { ...network.address };
        if (k > 0) aka = aka ? `${aka};${NETWORK_ALIASES[(ni + k) % NETWORK_ALIASES.length]!}` : NETWORK_ALIASES[ni]!;
      }
      const sexRoll = rng.next();
      const values: Record<string, string> = {
        agency,
        entered_at: '',
        handling,
        last_name: name.last,
        first_name: name.first,
        middle_name: name.middle,
        aka,
        dob: writeDob(rng, p.dob, level),
        sex: sexRoll < 0.02 ? 'U' : sexRoll < 0.03 ? '' : p.sex,
        nationality: rng.chance(0.03) ? '' : p.nationality,
        doc_type: doc ? doc.type : 'NONE',
        doc_number: doc ? writeDocNumber(rng, doc.number, level) : '',
        doc_country: doc ? doc.country : '',
        address: addr.line,
        city: addr.city,
        region: addr.region,
        postal_code: addr.postal,
        country: addr.country,
        phone,
        email: p.email && rng.chance(0.5) ? (rng.chance(0.1) ? p.email.toUpperCase() : p.email) : '',
      };
      const entered = refSec - DAY - Math.floor(rng.next() * 8 * 365 * DAY);
      recs.push({ id: '', person: p, agency, handling, entered, values });
    }
  }
  assignIds(rng, recs, 'S');
  for (const r of recs) {
    r.values.record_id = r.id;
    r.values.entered_at = isoZ(r.entered);
    r.person.records.push(r.id);
  }
  return recs;
}

/**
 * Orders records by entry time and numbers them per agency with small random gaps, so an id
 * reveals when a record was entered but not which person it describes.
 */
export function assignIds<T extends { id: string; agency: Agency; entered: number }>(rng: Rng, recs: T[], letter: string): void {
  const keyed = recs.map((r) => ({ r, tie: rng.u32() }));
  keyed.sort((a, b) => a.r.entered - b.r.entered || a.tie - b.tie);
  const next: Record<Agency, number> = {
    CBP: 10000000 + rng.int(4000000),
    ICE: 20000000 + rng.int(4000000),
    USCIS: 30000000 + rng.int(4000000),
  };
  recs.length = 0;
  for (const { r } of keyed) {
    next[r.agency] += 1 + rng.int(4);
    r.id = `${r.agency}-${letter}-${String(next[r.agency]).padStart(8, '0')}`;
    recs.push(r);
  }
}

/** Cells of a record in the format's column order. */
export function toCells(file: 'subjects.csv' | 'vehicles.csv', values: Record<string, string>): string[] {
  return COLUMNS[file].map((c) => values[c] ?? '');
}
