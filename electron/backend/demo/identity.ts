// Building blocks of an identity: names, dates of birth, documents, phones, e-mails, addresses.
// Shared by the population (people.ts) and the synthetic one-off travellers (crossings.ts).

import type { DOC_TYPES } from '../ingest/format';
import { Rng } from './rng';
import {
  type Culture, POOLS, PARTICLE_SURNAMES, MX_STREETS, MX_COLONIAS, US_STREETS, EMAIL_DOMAINS, stripDiacritics,
} from './names';
import { MX_CITY, US_CITY, type Port } from './ports';
import { DAY, yyyymmdd } from './time';

export type DocType = (typeof DOC_TYPES)[number];

export interface Doc { type: DocType; number: string; country: string }
export interface Phone { cc: '1' | '52'; area: string; local: string }
export interface Address { line: string; city: string; region: string; postal: string; country: string }
export interface Name { first: string; middle: string; lastParts: string[] }

/** Full family name as written on a document. */
export function lastName(n: { lastParts: readonly string[] }): string {
  return n.lastParts.join(' ');
}

export function makeName(rng: Rng, culture: Culture, sex: 'M' | 'F'): Name {
  const pool = POOLS[culture];
  const given = sex === 'M' ? pool.male : pool.female;
  const first = rng.pick(given);
  let middle = '';
  let lastParts: string[];
  switch (culture) {
    case 'HISP': {
      if (rng.chance(0.4)) middle = rng.pick(given);
      const s1 = rng.pick(pool.surnames);
      if (rng.chance(0.15)) lastParts = [s1];
      else lastParts = [s1, rng.chance(0.12) ? rng.pick(PARTICLE_SURNAMES) : rng.pick(pool.surnames)];
      break;
    }
    case 'ARAB':
      if (rng.chance(0.5)) middle = rng.pick(pool.male);
      lastParts = [rng.pick(pool.surnames)];
      break;
    case 'ANGLO':
      if (rng.chance(0.6)) middle = rng.pick(given);
      lastParts = [rng.pick(pool.surnames)];
      break;
    default:
      if (rng.chance(0.25)) middle = rng.pick(given);
      lastParts = [rng.pick(pool.surnames)];
  }
  if (middle === first) middle = '';
  return { first, middle, lastParts };
}

/** A date of birth `YYYYMMDD` for someone aged between minAge and maxAge at `refSec`. */
export function makeDob(rng: Rng, minAge: number, maxAge: number, refSec: number): string {
  const ageDays = Math.floor((minAge + rng.next() * (maxAge - minAge)) * 365.25);
  return yyyymmdd(refSec - ageDays * DAY);
}

/**
 * Unique document serials: a keyed Feistel permutation of a counter over [0, 1e8), so no
 * two documents in a bundle (population or synthetic) share a number by accident.
 */
export class DocSerials {
  private counter = 0;
  private readonly keys: number[];

  constructor(seed: number, stream = 'doc-serials') {
    const r = new Rng(seed, stream);
    this.keys = [r.u32(), r.u32(), r.u32(), r.u32()];
  }

  private permute(x: number): number {
    let l = x >>> 14;
    let r = x & 0x3fff;
    for (const k of this.keys) {
      const f = (Math.imul(r ^ k, 0x2c1b3c6d) >>> 18) & 0x3fff;
      const nl = r;
      r = l ^ f;
      l = nl;
    }
    return ((l << 14) | r) >>> 0;
  }

  /** Next unique number in [0, 1e8). */
  nextInt(): number {
    let x = this.counter++;
    do x = this.permute(x); while (x >= 100000000);
    return x;
  }

  /** Next unique 8-digit serial. */
  next(): string {
    return String(this.nextInt()).padStart(8, '0');
  }
}

const PRC_PREFIX = ['IOE', 'SRC', 'EAC', 'LIN', 'WAC', 'MSC'] as const;

/** A document of a type; `country` is the issuing country, or region for a driver licence. */
export function makeDoc(rng: Rng, serials: DocSerials, type: DocType, country: string): Doc {
  const s = serials.next();
  let number: string;
  switch (type) {
    case 'PASSPORT':
      if (country === 'USA') number = rng.pick(['5', '6', '4']) + s;
      else if (country === 'MEX') number = rng.pick(['G', 'N', 'E']) + s;
      else if (country === 'GBR' || country === 'CAN') number = rng.digits(1) + s;
      else number = rng.letters(1) + s;
      break;
    case 'VISA':
      number = s;
      break;
    case 'BORDER_CROSSING_CARD':
      number = rng.letters(2) + s;
      break;
    case 'PERMANENT_RESIDENT_CARD':
      number = rng.pick(PRC_PREFIX) + rng.digits(2) + s;
      break;
    case 'DRIVER_LICENSE':
      number = country.startsWith('MX') ? rng.letters(3) + s : s;
      break;
    default:
      number = '';
  }
  return { type, number, country };
}

export function makePhone(rng: Rng, cc: '1' | '52', area: string): Phone {
  const len = 10 - area.length;
  let local = String(rng.range(2, 9)) + rng.digits(len - 1);
  if (cc === '1' && local.startsWith('555')) local = '6' + local.slice(1);
  return { cc, area, local };
}

export function phoneDigits(p: Phone): string {
  return `+${p.cc}${p.area}${p.local}`;
}

/** The phone written in one of the formats officers and applicants use. */
export function formatPhone(rng: Rng, p: Phone): string {
  const a = p.area;
  const n1 = p.local.slice(0, p.local.length - 4);
  const n2 = p.local.slice(-4);
  const k = rng.int(6);
  if (p.cc === '52') {
    return [
      `+52 ${a} ${n1} ${n2}`, `${a}${n1}${n2}`, `+52${a}${n1}${n2}`, `${a} ${n1} ${n2}`, `011 52 ${a} ${n1} ${n2}`,
      `+52 (${a}) ${n1}-${n2}`,
    ][k]!;
  }
  return [
    `(${a}) ${n1}-${n2}`, `${a}${n1}${n2}`, `${a}-${n1}-${n2}`, `+1 ${a} ${n1} ${n2}`, `${a}.${n1}.${n2}`,
    `1-${a}-${n1}-${n2}`,
  ][k]!;
}

export function makeEmail(rng: Rng, name: Name): string {
  const f = stripDiacritics(name.first).toLowerCase().replace(/[^a-z]/g, '');
  const l = stripDiacritics(name.lastParts[0] ?? 'x').toLowerCase().replace(/[^a-z]/g, '');
  const n = rng.chance(0.6) ? String(rng.range(1, 99)) : '';
  const local = rng.pick([`${f}.${l}${n}`, `${f}${l}${n}`, `${f.charAt(0)}${l}${n}`, `${l}.${f}${n}`, `${f}_${l}${n}`]);
  return `${local}@${rng.pick(EMAIL_DOMAINS)}`;
}

/** A home address on the Mexican or the US side of a metro. MX addresses carry a comma. */
export function makeAddress(rng: Rng, side: 'MX' | 'US', metro: Port['metro']): Address {
  if (side === 'MX') {
    const [city, region, postal] = MX_CITY[metro];
    const line = `${rng.pick(MX_STREETS)} ${rng.range(10, 9999)}${rng.chance(0.2) ? ` INT. ${rng.range(1, 12)}` : ''}, ${rng.pick(MX_COLONIAS)}`;
    return { line, city, region, postal: postal + rng.digits(5 - postal.length), country: 'MEX' };
  }
  const [city, region, postal] = US_CITY[metro];
  const apt = rng.chance(0.25) ? ` APT ${rng.range(1, 40)}${rng.pick(['', 'A', 'B'])}` : '';
  const line = `${rng.range(100, 12999)} ${rng.pick(US_STREETS)}${apt}`;
  return { line, city, region, postal: postal + rng.digits(5 - postal.length), country: 'USA' };
}
