// The true population of the demo: commuters, families and occasional travellers.
// The planted network and alias trap (plant.ts) are added to the same list.

import { Rng } from './rng';
import { CULTURE_WEIGHTS, POOLS, type Culture } from './names';
import { PORTS, LAND_PORTS, MX_CITY, US_CITY, type Port } from './ports';
import {
  type Address, type Doc, type DocType, type Name, type Phone, DocSerials, makeAddress, makeDob, makeDoc,
  makeEmail, makeName, makePhone,
} from './identity';

export type Kind = 'commuter' | 'family' | 'occasional' | 'network' | 'trap';

export interface Person extends Name {
  idx: number;
  id: string;
  culture: Culture;
  kind: Kind;
  suffix: string;
  sex: 'M' | 'F';
  dob: string;
  nationality: string;
  /** docs[0] is the document presented at the border. */
  docs: Doc[];
  address: Address;
  phone: Phone;
  email: string;
  homePort: number;
  household: number;
  vehicle: number;
  sentri: boolean;
  /** Subject records (record ids) that describe this person, filled by subjects.ts. */
  records: string[];
}

export interface Household { id: number; members: Person[]; driver: Person }

/** Land ports by metro, for home ports. */
const METRO_WEIGHTS: readonly (readonly [Port['metro'], number])[] = [
  ['ELP', 45], ['SAN', 14], ['LRD', 10], ['RGV', 10], ['NOG', 8], ['EGP', 4], ['SLU', 4], ['DOU', 3], ['PRS', 2],
];

export function metroPort(rng: Rng, metro: Port['metro']): number {
  const cands = LAND_PORTS.filter((i) => PORTS[i]!.metro === metro);
  return rng.weighted(cands.map((i) => [i, PORTS[i]!.weight] as const));
}

export interface PersonSpec {
  kind: Kind;
  culture?: Culture;
  sex?: 'M' | 'F';
  name?: Name;
  minAge?: number;
  maxAge?: number;
  side?: 'MX' | 'US';
  metro?: Port['metro'];
  address?: Address;
  phone?: Phone;
  nationality?: string;
  household?: number;
}

export class PersonFactory {
  readonly persons: Person[] = [];
  private readonly phones = new Set<string>();

  constructor(
    private readonly rng: Rng,
    readonly serials: DocSerials,
    private readonly refSec: number,
  ) {}

  phone(cc: '1' | '52', area: string): Phone {
    for (;;) {
      const p = makePhone(this.rng, cc, area);
      const k = p.cc + p.area + p.local;
      if (!this.phones.has(k)) {
        this.phones.add(k);
        return p;
      }
    }
  }

  /** Documents fitting a nationality and where the person lives. */
  docs(nat: string, side: 'MX' | 'US', region: string, kind: Kind): Doc[] {
    const r = this.rng;
    const s = this.serials;
    if (nat === 'USA') {
      const out = [makeDoc(r, s, 'PASSPORT', 'USA')];
      if (side === 'US' || r.chance(0.3)) out.push(makeDoc(r, s, 'DRIVER_LICENSE', side === 'US' ? region : 'US-TX'));
      return out;
    }
    if (side === 'US') {
      const first: DocType = 'PERMANENT_RESIDENT_CARD';
      return [makeDoc(r, s, first, 'USA'), makeDoc(r, s, 'PASSPORT', nat), makeDoc(r, s, 'DRIVER_LICENSE', region)];
    }
    if (nat === 'MEX' && (kind === 'commuter' || r.chance(0.6))) {
      return [makeDoc(r, s, 'BORDER_CROSSING_CARD', 'USA'), makeDoc(r, s, 'PASSPORT', 'MEX')];
    }
    return [makeDoc(r, s, 'PASSPORT', nat), makeDoc(r, s, 'VISA', 'USA')];
  }

  make(spec: PersonSpec): Person {
    const r = this.rng;
    const culture = spec.culture ?? r.weighted(CULTURE_WEIGHTS);
    const sex = spec.sex ?? (r.chance(0.5) ? 'M' : 'F');
    const name = spec.name ?? makeName(r, culture, sex);
    const metro = spec.metro ?? r.weighted(METRO_WEIGHTS);
    let nationality = spec.nationality ?? r.weighted(POOLS[culture].nationalities);
    // Non-Hispanic foreigners mostly live on the US side; Mexicans on either.
    const side = spec.side ?? (nationality === 'MEX' ? (r.chance(0.75) ? 'MX' : 'US') : nationality === 'USA' ? (r.chance(0.3) ? 'MX' : 'US') : 'US');
    if (side === 'MX' && nationality !== 'MEX' && nationality !== 'USA') nationality = 'MEX';
    const address = spec.address ?? makeAddress(r, side, metro);
    const phone = spec.phone ?? (side === 'MX' ? this.phone('52', MX_CITY[metro][3]) : this.phone('1', US_CITY[metro][3]));
    const p: Person = {
      idx: this.persons.length,
      id: `P-${String(this.persons.length + 1).padStart(6, '0')}`,
      culture,
      kind: spec.kind,
      suffix: '',
      sex,
      ...name,
      dob: makeDob(r, spec.minAge ?? 18, spec.maxAge ?? 75, this.refSec),
      nationality,
      docs: this.docs(nationality, side, address.region, spec.kind),
      address,
      phone,
      email: r.chance(0.6) ? makeEmail(r, name) : '',
      homePort: metroPort(r, metro),
      household: spec.household ?? -1,
      vehicle: -1,
      sentri: spec.kind === 'commuter' && r.chance(0.55),
      records: [],
    };
    this.persons.push(p);
    return p;
  }
}

/** A household: two parents (or one) and children, one address, one home phone. */
function makeHousehold(f: PersonFactory, rng: Rng, hid: number, size: number, refYear: number): Household {
  const culture = rng.weighted(CULTURE_WEIGHTS);
  const metro = rng.weighted(METRO_WEIGHTS);
  const natPool = POOLS[culture].nationalities;
  const nationality = culture === 'HISP' ? (rng.chance(0.7) ? 'MEX' : 'USA') : rng.weighted(natPool);
  const side = nationality === 'MEX' ? (rng.chance(0.7) ? 'MX' : 'US') : 'US';
  const address = makeAddress(rng, side, metro);
  const phone = side === 'MX' ? f.phone('52', MX_CITY[metro][3]) : f.phone('1', US_CITY[metro][3]);
  const father = f.make({ kind: 'family', culture, sex: 'M', minAge: 30, maxAge: 55, side, metro, address, phone, nationality, household: hid });
  const members = [father];
  if (size >= 2) {
    const mother = f.make({ kind: 'family', culture, sex: 'F', minAge: 28, maxAge: 52, side, metro, address, phone, nationality, household: hid });
    members.push(mother);
  }
  const mother = members[1];
  for (let k = members.length; k < size; k++) {
    const sex = rng.chance(0.5) ? 'M' : 'F';
    const base = makeName(rng, culture, sex);
    // Children carry the father's first surname and (Hispanic) the mother's first surname.
    const lastParts = culture === 'HISP' && mother
      ? [father.lastParts[0]!, mother.lastParts[0]!]
      : [...father.lastParts];
    const kidNat = side === 'US' ? (rng.chance(0.8) ? 'USA' : nationality) : nationality;
    const kid = f.make({
      kind: 'family', culture, sex, name: { ...base, lastParts }, minAge: 3, maxAge: 24, side, metro, address,
      phone, nationality: kidNat, household: hid,
    });
    if (Number(kid.dob.slice(0, 4)) > refYear - 16) {
      kid.docs = kid.docs.filter((d) => d.type !== 'DRIVER_LICENSE');
      kid.email = '';
    }
    members.push(kid);
  }
  return { id: hid, members, driver: father };
}

/** The ordinary population: `count` persons split into commuters, families and occasional travellers. */
export function buildPopulation(rng: Rng, f: PersonFactory, count: number, refYear: number): Household[] {
  const households: Household[] = [];
  const target = f.persons.length + count;
  while (f.persons.length < target) {
    const left = target - f.persons.length;
    const roll = rng.next();
    if (roll < 0.25) f.make({ kind: 'commuter', minAge: 18, maxAge: 64 });
    else if (roll < 0.6 && left >= 2) {
      const size = Math.min(left, rng.weighted([[2, 3], [3, 4], [4, 4], [5, 2]] as const));
      households.push(makeHousehold(f, rng, households.length, size, refYear));
    } else f.make({ kind: 'occasional' });
  }
  return households;
}
