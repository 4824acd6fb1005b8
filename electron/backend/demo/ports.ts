// Ports of entry for the demo: southern land border plus a few international airports.
// Codes are plausible 4-digit CBP-style codes; coordinates are the real crossing sites.

import type { Zone } from './time';

export interface Port {
  code: string;
  name: string;
  region: string;
  country: string;
  lat: number;
  lon: number;
  zone: Zone;
  air: boolean;
  /** Metro area, for commuters' home ports and the neighbouring Mexican city. */
  metro: 'ELP' | 'LRD' | 'RGV' | 'EGP' | 'PRS' | 'NOG' | 'DOU' | 'SLU' | 'SAN' | 'AIR';
  /** Relative traffic volume. */
  weight: number;
}

export const PORTS: readonly Port[] = [
  { code: '2402', name: 'EL PASO - BOTA', region: 'US-TX', country: 'USA', lat: 31.7646, lon: -106.4515, zone: 'MT', air: false, metro: 'ELP', weight: 10 },
  { code: '2406', name: 'EL PASO - PASO DEL NORTE', region: 'US-TX', country: 'USA', lat: 31.7503, lon: -106.487, zone: 'MT', air: false, metro: 'ELP', weight: 9 },
  { code: '2401', name: 'EL PASO - YSLETA', region: 'US-TX', country: 'USA', lat: 31.6722, lon: -106.3367, zone: 'MT', air: false, metro: 'ELP', weight: 8 },
  { code: '2408', name: 'SANTA TERESA', region: 'US-NM', country: 'USA', lat: 31.7836, lon: -106.68, zone: 'MT', air: false, metro: 'ELP', weight: 2 },
  { code: '2403', name: 'PRESIDIO', region: 'US-TX', country: 'USA', lat: 29.5608, lon: -104.372, zone: 'CT', air: false, metro: 'PRS', weight: 1 },
  { code: '2304', name: 'LAREDO - GATEWAY TO THE AMERICAS', region: 'US-TX', country: 'USA', lat: 27.4998, lon: -99.5075, zone: 'CT', air: false, metro: 'LRD', weight: 8 },
  { code: '2305', name: 'HIDALGO', region: 'US-TX', country: 'USA', lat: 26.095, lon: -98.271, zone: 'CT', air: false, metro: 'RGV', weight: 6 },
  { code: '2301', name: 'BROWNSVILLE - GATEWAY', region: 'US-TX', country: 'USA', lat: 25.896, lon: -97.496, zone: 'CT', air: false, metro: 'RGV', weight: 5 },
  { code: '2303', name: 'EAGLE PASS', region: 'US-TX', country: 'USA', lat: 28.709, lon: -100.5, zone: 'CT', air: false, metro: 'EGP', weight: 3 },
  { code: '2604', name: 'NOGALES - DECONCINI', region: 'US-AZ', country: 'USA', lat: 31.333, lon: -110.943, zone: 'MST', air: false, metro: 'NOG', weight: 5 },
  { code: '2601', name: 'DOUGLAS', region: 'US-AZ', country: 'USA', lat: 31.334, lon: -109.56, zone: 'MST', air: false, metro: 'DOU', weight: 2 },
  { code: '2608', name: 'SAN LUIS', region: 'US-AZ', country: 'USA', lat: 32.487, lon: -114.782, zone: 'MST', air: false, metro: 'SLU', weight: 3 },
  { code: '2504', name: 'SAN YSIDRO', region: 'US-CA', country: 'USA', lat: 32.543, lon: -117.029, zone: 'PT', air: false, metro: 'SAN', weight: 10 },
  { code: '2506', name: 'OTAY MESA', region: 'US-CA', country: 'USA', lat: 32.55, lon: -116.938, zone: 'PT', air: false, metro: 'SAN', weight: 5 },
  { code: '5501', name: 'DALLAS/FORT WORTH INTL AIRPORT', region: 'US-TX', country: 'USA', lat: 32.8998, lon: -97.0403, zone: 'CT', air: true, metro: 'AIR', weight: 3 },
  { code: '5309', name: 'HOUSTON INTERCONTINENTAL AIRPORT', region: 'US-TX', country: 'USA', lat: 29.9902, lon: -95.3368, zone: 'CT', air: true, metro: 'AIR', weight: 3 },
  { code: '2720', name: 'LOS ANGELES INTL AIRPORT', region: 'US-CA', country: 'USA', lat: 33.9416, lon: -118.4085, zone: 'PT', air: true, metro: 'AIR', weight: 3 },
  { code: '2407', name: 'EL PASO INTL AIRPORT', region: 'US-TX', country: 'USA', lat: 31.8072, lon: -106.3776, zone: 'MT', air: true, metro: 'AIR', weight: 1 },
];

export const LAND_PORTS: readonly number[] = PORTS.map((p, i) => (p.air ? -1 : i)).filter((i) => i >= 0);
export const AIR_PORTS: readonly number[] = PORTS.map((p, i) => (p.air ? i : -1)).filter((i) => i >= 0);

/** [port index, weight] for weighted picks. */
export const LAND_WEIGHTS: readonly (readonly [number, number])[] = LAND_PORTS.map((i) => [i, PORTS[i]!.weight] as const);
export const AIR_WEIGHTS: readonly (readonly [number, number])[] = AIR_PORTS.map((i) => [i, PORTS[i]!.weight] as const);

/** Index of a port by code. */
export function portIndex(code: string): number {
  const i = PORTS.findIndex((p) => p.code === code);
  if (i < 0) throw new Error(`unknown demo port ${code}`);
  return i;
}

/** Neighbouring Mexican city of a land port's metro: [city, region, postal prefix, area code]. */
export const MX_CITY: Record<Port['metro'], readonly [string, string, string, string]> = {
  ELP: ['CIUDAD JUAREZ', 'MX-CHH', '32', '656'],
  PRS: ['OJINAGA', 'MX-CHH', '32', '626'],
  LRD: ['NUEVO LAREDO', 'MX-TAM', '88', '867'],
  RGV: ['REYNOSA', 'MX-TAM', '88', '899'],
  EGP: ['PIEDRAS NEGRAS', 'MX-COA', '26', '878'],
  NOG: ['NOGALES', 'MX-SON', '84', '631'],
  DOU: ['AGUA PRIETA', 'MX-SON', '84', '633'],
  SLU: ['SAN LUIS RIO COLORADO', 'MX-SON', '83', '653'],
  SAN: ['TIJUANA', 'MX-BCN', '22', '664'],
  AIR: ['GUADALAJARA', 'MX-JAL', '44', '33'],
};

/** US city of a metro: [city, region, postal prefix, area code]. */
export const US_CITY: Record<Port['metro'], readonly [string, string, string, string]> = {
  ELP: ['EL PASO', 'US-TX', '799', '915'],
  PRS: ['PRESIDIO', 'US-TX', '798', '432'],
  LRD: ['LAREDO', 'US-TX', '780', '956'],
  RGV: ['MCALLEN', 'US-TX', '785', '956'],
  EGP: ['EAGLE PASS', 'US-TX', '788', '830'],
  NOG: ['NOGALES', 'US-AZ', '856', '520'],
  DOU: ['DOUGLAS', 'US-AZ', '856', '520'],
  SLU: ['SAN LUIS', 'US-AZ', '853', '928'],
  SAN: ['SAN DIEGO', 'US-CA', '921', '619'],
  AIR: ['DALLAS', 'US-TX', '752', '214'],
};

export const CARRIERS: readonly (readonly [string, string])[] = [
  ['AM', 'AEROMEXICO'], ['Y4', 'VOLARIS'], ['VB', 'VIVA AEROBUS'], ['AA', 'AMERICAN'], ['UA', 'UNITED'],
  ['DL', 'DELTA'], ['WN', 'SOUTHWEST'], ['AV', 'AVIANCA'],
];
