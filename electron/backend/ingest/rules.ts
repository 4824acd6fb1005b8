// Cell rules of the bundle format: each returns null when the value is acceptable, or the
// reason a person reads in the import report. Written by hand (not zod) because they run
// on every cell of millions of rows.
import {
  AGENCIES, ASSOCIATION_KINDS, CASE_CATEGORIES, CASE_LINK_ROLES, CASE_STATUSES, DIRECTIONS,
  DOC_TYPES, HANDLINGS, LANES, LOOKOUT_ACTIONS, LOOKOUT_REASONS, MODES, RESULTS, ROLES, SEXES,
  type BundleFile,
} from './format';

export type Check = (v: string) => string | null;
export interface ColumnRule {
  required?: boolean;
  check?: Check;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && !leap(y) ? 28 : DAYS[m - 1]);
}

export const oneOf = (values: readonly string[], what: string): Check => {
  const set = new Set(values);
  const list = values.join(', ');
  return (v) => (set.has(v) ? null : `unknown ${what} '${clip(v)}' (expected one of ${list})`);
};

export function clip(v: string, n = 40): string {
  const flat = v.replace(/[\r\n\t]+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
}

const TS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
export const timestamp: Check = (v) => {
  const m = TS.exec(v);
  if (!m) return `not an ISO 8601 timestamp: '${clip(v)}'`;
  const [, y, mo, d, h, mi, s, zone] = m;
  if (!validDay(+y, +mo, +d)) return `impossible date '${clip(v)}'`;
  if (h !== undefined && (+h > 23 || +mi > 59 || (s !== undefined && +s > 60))) return `impossible time '${clip(v)}'`;
  if (h !== undefined && zone === undefined) return `timestamp without Z or offset: '${clip(v)}'`;
  return null;
};

const DOB = /^(\d{4})(\d{2})(\d{2})$/;
export const dob: Check = (v) => {
  const m = DOB.exec(v);
  if (!m) return `dob must be YYYYMMDD, got '${clip(v)}'`;
  const y = +m[1], mo = +m[2], d = +m[3];
  if (y < 1880 || y > 2100) return `impossible date of birth '${v}' (year)`;
  if (mo > 12) return `impossible date of birth '${v}' (month ${m[2]})`;
  if (mo === 0) return d > 31 ? `impossible date of birth '${v}' (day ${m[3]})` : null;
  if (d !== 0 && !validDay(y, mo, d)) return `impossible date of birth '${v}' (day ${m[3]})`;
  return null;
};

export const alpha3: Check = (v) => (/^[A-Z]{3}$/.test(v) ? null : `country must be ISO alpha-3 like MEX, got '${clip(v)}'`);
export const region: Check = (v) => (/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(v) ? null : `region must look like US-TX, got '${clip(v)}'`);
export const countryOrRegion: Check = (v) => (alpha3(v) === null || region(v) === null ? null : `not a country (MEX) or region (US-TX): '${clip(v)}'`);
export const portCode: Check = (v) => (/^\d{4}$/.test(v) ? null : `port_code must be 4 digits, got '${clip(v)}'`);
const numberIn = (lo: number, hi: number, what: string): Check => (v) => {
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) && n >= lo && n <= hi ? null : `${what} must be a number from ${lo} to ${hi}, got '${clip(v)}'`;
};
const yearCheck: Check = (v) => (/^\d{4}$/.test(v) && +v >= 1900 && +v <= 2100 ? null : `year must be 4 digits, got '${clip(v)}'`);

const agency: ColumnRule = { required: true, check: oneOf(AGENCIES, 'agency') };
const handling: ColumnRule = { check: oneOf(HANDLINGS, 'handling') };
const id: ColumnRule = { required: true };
const ts: ColumnRule = { check: timestamp };

export const RULES: Record<BundleFile, Record<string, ColumnRule>> = {
  'ports.csv': {
    port_code: { required: true, check: portCode },
    name: { required: true },
    region: { check: region },
    country: { check: alpha3 },
    lat: { check: numberIn(-90, 90, 'lat') },
    lon: { check: numberIn(-180, 180, 'lon') },
  },
  'subjects.csv': {
    record_id: id, agency, handling, entered_at: ts,
    dob: { check: dob },
    sex: { check: oneOf(SEXES, 'sex') },
    nationality: { check: alpha3 },
    doc_type: { check: oneOf(DOC_TYPES, 'doc_type') },
    doc_country: { check: countryOrRegion },
    region: { check: region },
    country: { check: alpha3 },
  },
  'vehicles.csv': {
    record_id: id, agency, handling, entered_at: ts,
    plate_region: { check: region },
    year: { check: yearCheck },
  },
  'crossings.csv': {
    crossing_id: id,
    event_id: id,
    agency, handling,
    occurred_at: { required: true, check: timestamp },
    port_code: { required: true, check: portCode },
    direction: { required: true, check: oneOf(DIRECTIONS, 'direction') },
    mode: { required: true, check: oneOf(MODES, 'mode') },
    lane: { check: oneOf(LANES, 'lane') },
    role: { required: true, check: oneOf(ROLES, 'role') },
    dob: { check: dob },
    sex: { check: oneOf(SEXES, 'sex') },
    nationality: { check: alpha3 },
    doc_type: { check: oneOf(DOC_TYPES, 'doc_type') },
    doc_country: { check: countryOrRegion },
    plate_region: { check: region },
    result: { check: oneOf(RESULTS, 'result') },
  },
  'cases.csv': {
    case_id: id, agency, handling,
    opened_at: ts, closed_at: ts,
    status: { check: oneOf(CASE_STATUSES, 'status') },
    category: { check: oneOf(CASE_CATEGORIES, 'category') },
  },
  'case_links.csv': {
    case_id: id,
    record_id: id,
    role: { check: oneOf(CASE_LINK_ROLES, 'role') },
    linked_at: ts,
  },
  'lookouts.csv': {
    lookout_id: id, agency, handling,
    issued_at: ts, expires_at: ts,
    record_id: id,
    reason: { check: oneOf(LOOKOUT_REASONS, 'reason') },
    action: { check: oneOf(LOOKOUT_ACTIONS, 'action') },
  },
  'associations.csv': {
    record_a: id,
    record_b: id,
    kind: { required: true, check: oneOf(ASSOCIATION_KINDS, 'kind') },
    agency, handling,
    reported_at: ts,
  },
};

/** Longest cell accepted; longer ones are rejected rather than stored. */
export const MAX_CELL = 100_000;
