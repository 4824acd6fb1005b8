// Reading one cell as the spec says: its type (numbers and dates in other systems' formats),
// then a normaliser. Each returns the value Crosslink stores, or the reason a person reads.
import type { Normaliser, ValueSpec, ValueType } from '../../../../shared/import-spec';
import { normaliseDocNumber, normaliseEmail, normalisePhone, normalisePlate, normaliseVin } from '../identifiers';
import { clip } from '../rules';

export type Read = { ok: true; value: string } | { ok: false; reason: string };

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && !leap(y) ? 28 : DAYS[m - 1]);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function normalise(value: string, how: Normaliser): string {
  switch (how) {
    case 'none':
    case 'trim':
      return value;
    case 'upper':
      return value.toUpperCase();
    case 'lower':
      return value.toLowerCase();
    case 'name':
      return value.replace(/\s+/g, ' ').toUpperCase();
    case 'phone':
      return normalisePhone(value) ?? value;
    case 'email':
      return normaliseEmail(value) ?? value;
    case 'plate':
      return normalisePlate(value) ?? value;
    case 'vin':
      return normaliseVin(value) ?? value;
    case 'document':
      return normaliseDocNumber(value) ?? value;
  }
}

/** A cell as the spec reads it; an empty cell is '' (unknown), never an error here. */
export function readValue(raw: string, spec: Pick<ValueSpec, 'type' | 'format' | 'normalise'>, timezone = 'Z'): Read {
  const v = raw.trim();
  if (!v) return { ok: true, value: '' };
  const typed = readTyped(v, spec.type, spec.format, timezone);
  if (!typed.ok) return typed;
  return { ok: true, value: normalise(typed.value, spec.normalise) };
}

function readTyped(v: string, type: ValueType, format: string | undefined, tz: string): Read {
  switch (type) {
    case 'string':
      return { ok: true, value: v };
    case 'int':
    case 'float': {
      const n = readNumber(v, format);
      if (n === null) return { ok: false, reason: `not a number${format ? ` in the form ${format}` : ''}: '${clip(v)}'` };
      if (type === 'int' && !Number.isInteger(n)) return { ok: false, reason: `not a whole number: '${clip(v)}'` };
      return { ok: true, value: String(n) };
    }
    case 'boolean': {
      const b = v.toLowerCase();
      if (['true', 'yes', 'y', '1', 't'].includes(b)) return { ok: true, value: 'true' };
      if (['false', 'no', 'n', '0', 'f'].includes(b)) return { ok: true, value: 'false' };
      return { ok: false, reason: `not true or false: '${clip(v)}'` };
    }
    case 'date':
    case 'datetime': {
      const d = readDate(v, format);
      if (!d) return { ok: false, reason: `not a date${format ? ` in the form ${format}` : ' (YYYY-MM-DD)'}: '${clip(v)}'` };
      if (!validDay(d.y, d.mo, d.d)) return { ok: false, reason: `impossible date '${clip(v)}'` };
      if (d.h > 23 || d.mi > 59 || d.s > 60) return { ok: false, reason: `impossible time '${clip(v)}'` };
      const date = `${pad(d.y, 4)}-${pad(d.mo)}-${pad(d.d)}`;
      if (type === 'date') return { ok: true, value: date };
      return { ok: true, value: `${date}T${pad(d.h)}:${pad(d.mi)}:${pad(d.s)}${d.zone ?? tz}` };
    }
  }
}

/** `1,234.5` by default; `1.234,5` (decimal comma) when the format says so. */
function readNumber(v: string, format: string | undefined): number | null {
  const comma = !!format && /\d\.\d{3},\d|^#?\.?#*,#|decimal[- ]comma/i.test(format);
  let s = v.replace(/[\s\u00a0']/g, '');
  s = comma ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  zone: string | null;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

function zoneOf(z: string | undefined): string | null {
  if (!z) return null;
  if (z === 'Z') return 'Z';
  return z.includes(':') ? z : `${z.slice(0, 3)}:${z.slice(3)}`;
}

export function readDate(v: string, format: string | undefined): Parts | null {
  const f = (format ?? 'iso').trim();
  if (f.toLowerCase() === 'iso') {
    const m = ISO.exec(v);
    if (!m) return null;
    return { y: +m[1], mo: +m[2], d: +m[3], h: m[4] ? +m[4] : 0, mi: m[5] ? +m[5] : 0, s: m[6] ? +m[6] : 0, zone: zoneOf(m[7]) };
  }
  if (f.toLowerCase() === 'yyyymmdd') return pattern('YYYYMMDD', v);
  if (f.toLowerCase() === 'excel') {
    // Serial days since 1899-12-30 (Excel's 1900 system, with its leap-year bug absorbed).
    if (!/^\d+(\.\d+)?$/.test(v)) return ISO.test(v) ? readDate(v, 'iso') : null;
    const ms = Math.round((Number(v) - 25569) * 86_400_000);
    const t = new Date(ms);
    return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds(), zone: null };
  }
  // A workbook's date cell arrives as ISO whatever the sheet's display format was.
  return pattern(f, v) ?? (ISO.test(v) ? readDate(v, 'iso') : null);
}

const TOKENS: Array<[string, string, keyof Parts | null]> = [
  ['YYYY', '(\\d{4})', 'y'],
  ['YY', '(\\d{2})', 'y'],
  ['MM', '(\\d{2})', 'mo'],
  ['M', '(\\d{1,2})', 'mo'],
  ['DD', '(\\d{2})', 'd'],
  ['D', '(\\d{1,2})', 'd'],
  ['HH', '(\\d{2})', 'h'],
  ['H', '(\\d{1,2})', 'h'],
  ['mm', '(\\d{2})', 'mi'],
  ['ss', '(\\d{2})', 's'],
  ['Z', '(Z|[+-]\\d{2}:?\\d{2})', 'zone'],
];

const compiled = new Map<string, { re: RegExp; fields: Array<[keyof Parts, boolean]> } | null>();

/** A pattern such as `DD/MM/YYYY HH:mm`; anything but the tokens must match as written. */
function pattern(format: string, v: string): Parts | null {
  let c = compiled.get(format);
  if (c === undefined) {
    let re = '^';
    const fields: Array<[keyof Parts, boolean]> = [];
    let i = 0;
    while (i < format.length) {
      const t = TOKENS.find(([tok]) => format.startsWith(tok, i));
      if (t) {
        re += t[1];
        fields.push([t[2]!, t[0] === 'YY']);
        i += t[0].length;
      } else {
        re += format[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        i++;
      }
    }
    c = fields.some(([f]) => f === 'y') ? { re: new RegExp(`${re}$`), fields } : null;
    compiled.set(format, c);
  }
  if (!c) return null;
  const m = c.re.exec(v);
  if (!m) return null;
  const p: Parts = { y: 0, mo: 1, d: 1, h: 0, mi: 0, s: 0, zone: null };
  c.fields.forEach(([f, twoDigitYear], k) => {
    const s = m[k + 1];
    if (f === 'zone') p.zone = zoneOf(s);
    else if (f === 'y' && twoDigitYear) p.y = +s < 50 ? 2000 + +s : 1900 + +s;
    else (p[f] as number) = +s;
  });
  return p;
}

/** `YYYY-MM-DD` -> the bundle's `YYYYMMDD` (dates of birth). */
export const compactDate = (iso: string): string => iso.replace(/-/g, '');

export const isDateFormat = (f: string | undefined): boolean => !f || ['iso', 'yyyymmdd', 'excel'].includes(f.toLowerCase()) || /Y/.test(f);
