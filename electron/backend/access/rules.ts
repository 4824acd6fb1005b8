// The handling rules of the export format, as bitmasks of the agencies that may read a row.
// SHARED: everyone; LES: CBP and ICE (and the agency that entered it); ORCON: only the
// agency that entered it. An unknown marking or an ORCON row without an agency is readable
// by nobody: when in doubt, withhold.
import { AGENCY, type Agency, type Handling } from '../../../shared/model';

export const AGENCY_BIT: Record<Agency, number> = { CBP: 1, ICE: 2, USCIS: 4 };
export const EVERYONE = 7;

/** How restrictive a marking is: a thing made of several rows carries the strictest of them. */
export const HANDLING_RANK: Record<Handling, number> = { SHARED: 0, LES: 1, ORCON: 2 };

export function strictestHandling(hs: Iterable<Handling>): Handling {
  let out: Handling = 'SHARED';
  for (const h of hs) if (HANDLING_RANK[h] > HANDLING_RANK[out]) out = h;
  return out;
}

function bitOf(agency: string | null | undefined): number {
  return agency && Object.hasOwn(AGENCY_BIT, agency) ? AGENCY_BIT[agency as Agency] : 0;
}

export function rowMask(handling: string | null | undefined, agency: string | null | undefined): number {
  const h = (handling ?? '').trim().toUpperCase();
  if (h === '' || h === 'SHARED') return EVERYONE;
  if (h === 'LES') return AGENCY_BIT.CBP | AGENCY_BIT.ICE | bitOf(agency);
  if (h === 'ORCON') return bitOf(agency);
  return 0;
}

export function canRead(reader: Agency, handling: string | null | undefined, agency: string | null | undefined): boolean {
  return (rowMask(handling, agency) & AGENCY_BIT[reader]) !== 0;
}

export function agenciesIn(mask: number): Agency[] {
  return AGENCY.options.filter((a) => (mask & AGENCY_BIT[a]) !== 0);
}
