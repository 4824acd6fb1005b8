// Guesses for a first spec: TECS fields from column names, a column's type from its cells,
// and how a custom kind looks by its name. Used by both inferences and kept pure (unit-tested).
import { defaultKindColour, guessIcon, type AttributeSpec, type ValueSpec, type ValueType } from '../../../../shared/import-spec';
import type { KindDef } from '../../../../shared/model';
import { attributeName } from './compile';
import { readDate } from './values';

/** `BankAccount` -> `Bank Account` for an entity kind; link kinds stay in lower case (`works at`). */
export function kindDef(kind: `x.${string}`, label: string, link = false): KindDef {
  const l = label.replace(/([a-z])([A-Z])/g, '$1 $2').trim() || label;
  return { kind, label: link ? l.toLowerCase() : l.charAt(0).toUpperCase() + l.slice(1), colour: defaultKindColour(kind), icon: guessIcon(l) };
}

export const val = (column: string, type: ValueType, format?: string): ValueSpec => ({ column, type, normalise: 'none', required: false, ...(format ? { format } : {}) });
export const attr = (column: string, type: ValueType, name?: string, format?: string): AttributeSpec => ({ ...val(column, type, format), ...(name ? { name } : {}) });

/** Column names that say which TECS field they hold (first_name, Surname, DOB, Passport No...). */
const FIELD_NAMES: Array<[string, RegExp]> = [
  ['last_name', /^(last|family|sur)_?names?$|^apellidos?$|^lname$/],
  ['first_name', /^(first|given|fore)_?names?$|^nombres?$|^fname$/],
  ['middle_name', /^middle_?names?$/],
  ['aka', /^(aka|alias|aliases)$/],
  ['dob', /^(dob|date_?of_?birth|birth_?date|birthday|born|fecha_?nac\w*)$/],
  ['sex', /^(sex|gender)$/],
  ['nationality', /^(nationality|citizenship)$/],
  ['doc_type', /^(doc|document)_?type$/],
  ['doc_number', /^(passport|passport_?(no|num|number)|doc|document|doc(ument)?_?(no|num|number)|id_?number)$/],
  ['doc_country', /^(doc|document|passport)_?(country|issuer|issued_?by)$/],
  ['address', /^(address|street|addr|address_?line_?1?|street_?address)$/],
  ['city', /^(city|town)$/],
  ['region', /^(region|state|province)$/],
  ['postal_code', /^(postal_?code|post_?code|zip|zip_?code)$/],
  ['country', /^country$/],
  ['phone', /^(phone|phone_?(no|num|number)|mobile|cell|tel|telephone)$/],
  ['email', /^(e_?mail|email_?address)$/],
  ['vin', /^vin$/],
  ['plate', /^(plate|plate_?(no|num|number)|license_?plate|registration)$/],
  ['plate_region', /^plate_?(region|state)$/],
  ['make', /^make$/],
  ['model', /^model$/],
  ['year', /^(year|model_?year)$/],
  ['color', /^colou?r$/],
];

export const slug = (h: string) => attributeName(h).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

/** TECS fields read off column names; each column fills one field. */
export function guessFields(columns: readonly string[]): Record<string, ValueSpec> {
  const out: Record<string, ValueSpec> = {};
  for (const c of columns) {
    const s = slug(c);
    // A graph export's numeric column (`born:int`) is no name, date or document.
    const numeric = /:(int|long|short|byte|float|double|boolean)$/i.test(c);
    const hit = FIELD_NAMES.find(([f, re]) => !out[f] && re.test(s) && (!numeric || f === 'year'));
    if (hit) out[hit[0]] = val(c, hit[0] === 'dob' ? 'date' : 'string', hit[0] === 'dob' ? 'iso' : undefined);
  }
  return out;
}

/** What the sample cells of a column look like: a type and, for dates, a format. */
export function guessType(values: readonly string[]): { type: ValueType; format?: string } {
  const vs = values.map((v) => v.trim()).filter(Boolean).slice(0, 200);
  if (!vs.length) return { type: 'string' };
  const all = (re: RegExp) => vs.every((v) => re.test(v));
  // Leading zeros (ids, postal codes) are text.
  if (vs.some((v) => /^[+-]?0\d/.test(v))) return guessDate(vs);
  if (all(/^[+-]?\d{1,15}$/)) return { type: 'int' };
  if (all(/^[+-]?(\d{1,3}(,\d{3})+|\d+)?\.\d+$|^[+-]?\d{1,15}$/)) return { type: 'float' };
  if (all(/^(true|false|yes|no)$/i)) return { type: 'boolean' };
  return guessDate(vs);
}

function guessDate(vs: string[]): { type: ValueType; format?: string } {
  const all = (re: RegExp) => vs.every((v) => re.test(v));
  if (vs.every((v) => readDate(v, 'iso'))) return { type: vs.some((v) => v.length > 10) ? 'datetime' : 'date', format: 'iso' };
  if (all(/^\d{8}$/) && vs.every((v) => readDate(v, 'YYYYMMDD'))) return { type: 'date', format: 'YYYYMMDD' };
  const slash = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2}))?$/;
  if (all(slash)) {
    const ms = vs.map((v) => slash.exec(v)!);
    const sep = ms[0][2];
    const time = ms.some((m) => m[5] !== undefined) ? ' H:mm' : '';
    // A first part over 12 is a day; otherwise US order (month first), the agencies' own.
    const dayFirst = ms.some((m) => +m[1] > 12) && ms.every((m) => +m[3] <= 12);
    return { type: time ? 'datetime' : 'date', format: dayFirst ? `D${sep}M${sep}YYYY${time}` : `M${sep}D${sep}YYYY${time}` };
  }
  return { type: 'string' };
}
