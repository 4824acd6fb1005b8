// Vehicles: VINs with a valid North American check digit, plates by region, make/model/year/color.

import { Rng } from './rng';
import type { DocSerials } from './identity';

const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3,
  U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9, '0': 0, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7, '8': 8, '9': 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

/** The check digit (position 9) a 17-character VIN must carry, or null if it has an illegal character. */
export function vinCheckDigit(vin: string): string | null {
  if (vin.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = VIN_VALUES[vin.charAt(i)];
    if (v === undefined) return null;
    sum += v * VIN_WEIGHTS[i]!;
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

export function isValidVin(vin: string): boolean {
  return vinCheckDigit(vin) === vin.charAt(8);
}

export interface Model { make: string; model: string; wmi: readonly string[]; minYear: number }

export const MODELS: readonly Model[] = [
  { make: 'FORD', model: 'F-150', wmi: ['1FT', '1FT'], minYear: 2004 },
  { make: 'FORD', model: 'EXPLORER', wmi: ['1FM'], minYear: 2006 },
  { make: 'FORD', model: 'FOCUS', wmi: ['1FA', '1FA'], minYear: 2008 },
  { make: 'CHEVROLET', model: 'SILVERADO', wmi: ['1GC', '3GC'], minYear: 2003 },
  { make: 'CHEVROLET', model: 'MALIBU', wmi: ['1G1'], minYear: 2008 },
  { make: 'NISSAN', model: 'SENTRA', wmi: ['3N1'], minYear: 2007 },
  { make: 'NISSAN', model: 'VERSA', wmi: ['3N1'], minYear: 2012 },
  { make: 'NISSAN', model: 'FRONTIER', wmi: ['1N6'], minYear: 2005 },
  { make: 'TOYOTA', model: 'CAMRY', wmi: ['4T1'], minYear: 2007 },
  { make: 'TOYOTA', model: 'TACOMA', wmi: ['3TM', '5TF'], minYear: 2006 },
  { make: 'TOYOTA', model: 'COROLLA', wmi: ['2T1', '5YF'], minYear: 2008 },
  { make: 'HONDA', model: 'CIVIC', wmi: ['2HG', '19X'], minYear: 2006 },
  { make: 'HONDA', model: 'ACCORD', wmi: ['1HG'], minYear: 2006 },
  { make: 'HONDA', model: 'CR-V', wmi: ['5J6'], minYear: 2010 },
  { make: 'VOLKSWAGEN', model: 'JETTA', wmi: ['3VW'], minYear: 2005 },
  { make: 'RAM', model: '1500', wmi: ['1C6', '3C6'], minYear: 2011 },
  { make: 'DODGE', model: 'CHARGER', wmi: ['2C3'], minYear: 2010 },
  { make: 'JEEP', model: 'GRAND CHEROKEE', wmi: ['1C4'], minYear: 2011 },
  { make: 'KIA', model: 'FORTE', wmi: ['3KP', 'KNA'], minYear: 2014 },
  { make: 'HYUNDAI', model: 'ELANTRA', wmi: ['5NP', 'KMH'], minYear: 2011 },
  { make: 'GMC', model: 'SIERRA', wmi: ['1GT', '3GT'], minYear: 2005 },
  { make: 'MAZDA', model: 'MAZDA3', wmi: ['3MZ', 'JM1'], minYear: 2010 },
];

export const COLORS: readonly string[] = [
  'WHITE', 'WHITE', 'BLACK', 'SILVER', 'SILVER', 'GRAY', 'RED', 'BLUE', 'MAROON', 'GREEN', 'BEIGE', 'GOLD',
];

/** A VIN for a model year, with a correct check digit. */
export function makeVin(rng: Rng, wmi: string, year: number): string {
  let v = wmi;
  for (let i = 0; i < 5; i++) v += VIN_CHARS.charAt(rng.int(VIN_CHARS.length));
  const tail = YEAR_CODES.charAt((((year - 1980) % 30) + 30) % 30) + 'ABCDEFGHJKLMNPRSTUVWXYZ'.charAt(rng.int(23)) + rng.digits(6);
  const draft = `${v}0${tail}`;
  return `${v}${vinCheckDigit(draft)!}${tail}`;
}

/** A VIN as mistyped by an officer: O for 0, I for 1, a transposition or a dropped character. */
export function vinTypo(rng: Rng, vin: string): string {
  const k = rng.int(4);
  if (k === 0 && vin.includes('0')) return vin.replace('0', 'O');
  if (k === 1 && vin.includes('1')) return vin.replace('1', 'I');
  const i = rng.range(11, 15);
  if (k === 3) return vin.slice(0, i) + vin.slice(i + 1);
  const a = vin.charAt(i);
  const b = vin.charAt(i + 1);
  if (a !== b) return vin.slice(0, i) + b + a + vin.slice(i + 2);
  const c = a === '7' ? '1' : '7';
  return vin.slice(0, i) + c + vin.slice(i + 1);
}

const PLATE_LETTERS = 'ABCDEFGHJKLMNPRSTVWXYZ';

/** Regions whose plate formats `plateFromSerial` maps one-to-one from a serial in [0, 1e8). */
export function serialPlateRegion(region: string): boolean {
  return region === 'US-TX' || region === 'US-AZ' || region === 'US-CA' || region.startsWith('MX-');
}

const CA_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** A unique plate from a unique serial x in [0, 1e8), for regions where serialPlateRegion holds. */
export function plateFromSerial(x: number, region: string): string {
  if (region === 'US-CA') {
    // 1 digit, 3 letters (23^3), 3 digits: 9 * 12167 * 1000 > 1e8 plates.
    let q = Math.floor(x / 1000);
    let l = '';
    for (let i = 0; i < 3; i++) {
      l = CA_LETTERS.charAt(q % 23) + l;
      q = Math.floor(q / 23);
    }
    return `${q + 1}${l}${String(x % 1000).padStart(3, '0')}`;
  }
  let hi = Math.floor(x / 10000);
  const lo = x % 10000;
  let l3 = '';
  for (let i = 0; i < 3; i++) {
    l3 = PLATE_LETTERS.charAt(hi % 22) + l3;
    hi = Math.floor(hi / 22);
  }
  const d4 = String(lo).padStart(4, '0');
  if (region === 'US-TX') return `${l3}-${d4}`;
  if (region === 'US-AZ') return `${l3}${d4}`;
  return `${l3}-${d4.slice(1)}-${PLATE_LETTERS.charAt(Number(d4.charAt(0)))}`;
}

/** A plate as issued in a region, with its usual separators (random, not guaranteed unique). */
export function makePlate(rng: Rng, region: string): string {
  const L = (n: number): string => rng.letters(n, PLATE_LETTERS);
  switch (region) {
    case 'US-TX': return `${L(3)}-${rng.digits(4)}`;
    case 'US-NM': return `${L(3)}-${rng.digits(3)}`;
    case 'US-AZ': return `${L(3)}${rng.digits(4)}`;
    case 'US-CA': return `${rng.range(5, 9)}${L(3)}${rng.digits(3)}`;
    default:
      if (region.startsWith('MX-')) return `${L(3)}-${rng.digits(3)}-${L(1)}`;
      return `${L(3)}-${rng.digits(4)}`;
  }
}

/** A plate as read by an officer or a reader: separators swapped or dropped, sometimes lower case. */
export function plateAsRead(rng: Rng, plate: string): string {
  const k = rng.int(10);
  if (k < 6) return plate;
  if (k < 8) return plate.replace(/-/g, ' ').toLowerCase();
  if (k < 9) return plate.replace(/-/g, '');
  return plate.replace(/-/g, ' ');
}

export interface Vehicle {
  idx: number;
  id: string;
  vin: string;
  plate: string;
  plateRegion: string;
  make: string;
  model: string;
  year: number;
  color: string;
  /** Person index of the registered owner, or -1. */
  owner: number;
  /** Vehicle record ids (vehicles.csv) describing this vehicle. */
  records: string[];
}

export class VehicleFactory {
  readonly vehicles: Vehicle[] = [];
  private readonly plates = new Set<string>();

  constructor(
    private readonly rng: Rng,
    private readonly refYear: number,
    /** Serial source shared with the synthetic traffic, so plates never collide by accident. */
    private readonly plateSerials: DocSerials,
  ) {}

  plate(region: string): string {
    if (serialPlateRegion(region)) return plateFromSerial(this.plateSerials.nextInt(), region);
    let plate = makePlate(this.rng, region);
    while (this.plates.has(plate)) plate = makePlate(this.rng, region);
    this.plates.add(plate);
    return plate;
  }

  make(owner: number, region: string, fixed?: Partial<Pick<Vehicle, 'make' | 'model' | 'year' | 'color'>>): Vehicle {
    const r = this.rng;
    const m = fixed?.make
      ? MODELS.find((x) => x.make === fixed.make && x.model === fixed.model) ?? r.pick(MODELS)
      : r.pick(MODELS);
    const year = fixed?.year ?? r.range(m.minYear, this.refYear);
    const plate = this.plate(region);
    const v: Vehicle = {
      idx: this.vehicles.length,
      id: `V-${String(this.vehicles.length + 1).padStart(6, '0')}`,
      vin: makeVin(r, r.pick(m.wmi), year),
      plate,
      plateRegion: region,
      make: m.make,
      model: m.model,
      year,
      color: fixed?.color ?? r.pick(COLORS),
      owner,
      records: [],
    };
    this.vehicles.push(v);
    return v;
  }
}
