// A first spec for files nobody wrote one for, for the analyst to check and edit:
// - graph-database exports in the neo4j-admin CSV convention (a node file's header has
//   `:ID` and `:LABEL`, typed columns like `age:int`; a relationship file has `:START_ID`,
//   `:END_ID` and `:TYPE`; a header may sit in its own `X_header.csv`): each label becomes a
//   kind, each type a link kind, and `:ID` values the source ids links name;
// - any other table: one entity a row (a person record when the columns look like one),
//   phones and emails as identifiers, everything else as attributes, types read off the rows.
import path from 'node:path';
import {
  RECORD_FIELDS, defaultKindColour, guessIcon, type AttributeSpec, type EntitySpec, type FileSpec, type ImportSpec, type LinkSpec, type ValueSpec,
  type ValueType,
} from '../../../../shared/import-spec';
import { customKindOf, type Agency, type Handling, type KindDef } from '../../../../shared/model';
import { attributeName } from './compile';
import { formatOf, openTables, readTable, type TableSource } from './tables';
import { readDate } from './values';

export interface InferredFile {
  file: string;
  role: 'nodes' | 'relationships' | 'table' | 'header';
  header: string[];
  rows: number;
  /** Labels (node files) or types (relationship files) found, with their counts. */
  values: Array<{ value: string; count: number }>;
}

export interface Inference {
  style: 'neo4j' | 'table';
  spec: ImportSpec;
  files: InferredFile[];
  notes: string[];
}

const NEO_ID = /^([^:]*):ID(?:\(([^)]*)\))?$/;
const NEO_START = /^:START_ID(?:\(([^)]*)\))?$/;
const NEO_END = /^:END_ID(?:\(([^)]*)\))?$/;
const HEADER_FILE = /^(.*?)[-_.]header\.(csv|tsv|txt)$/i;
const MAX_VALUES = 500;

export interface InferOptions {
  name?: string;
  agency: Agency;
  handling?: Handling;
  /** Rows read to guess column types (tables); graph exports are read whole for their labels. */
  sampleRows?: number;
}

export async function inferSpec(location: string, o: InferOptions): Promise<Inference> {
  const src = await openTables(location);
  try {
    const name = o.name?.trim() || path.basename(location).replace(/\.(zip|csv|tsv|txt|xlsx)$/i, '') || 'import';
    const headers = new Map<string, string[]>();
    for (const f of src.names()) {
      if (formatOf(f) === 'xlsx') continue;
      const m = HEADER_FILE.exec(f);
      if (m) headers.set(m[1], await firstRow(src, f));
    }
    const files = src.names().filter((f) => !HEADER_FILE.test(f));
    const heads = new Map<string, { header: string[]; own: boolean }>();
    for (const f of files) {
      const base = [...headers.keys()].find((b) => f.startsWith(b) && f !== b);
      heads.set(f, base !== undefined ? { header: headers.get(base)!, own: false } : { header: await firstRow(src, f), own: true });
    }
    const isGraph = [...heads.values()].some(({ header }) => header.some((h) => NEO_ID.test(h) || NEO_START.test(h)));
    const base = { type: 'crosslink-import-spec' as const, version: 1 as const, name, source: { agency: o.agency, handling: o.handling ?? 'SHARED', timezone: 'Z' } };
    if (isGraph) return await inferGraph(src, base, heads, headers);
    return await inferTables(src, base, files, heads, o.sampleRows ?? 200);
  } finally {
    src.close();
  }
}

async function firstRow(src: TableSource, file: string): Promise<string[]> {
  const stream = await src.open(file);
  try {
    for await (const rows of readTable(stream, { format: formatOf(file) })) {
      for (const r of rows) if (r.cells && r.cells.some((c) => c.trim())) return r.cells.map((c) => c.trim());
    }
    return [];
  } finally {
    stream.destroy();
  }
}

type Base = Pick<ImportSpec, 'type' | 'version' | 'name' | 'source'>;

/** neo4j-admin's column types -> ours. */
function neoType(column: string): ValueType {
  const t = /:([A-Za-z]+)(\[\])?$/.exec(column);
  if (!t || t[2]) return 'string';
  const k = t[1].toLowerCase();
  if (['int', 'long', 'short', 'byte'].includes(k)) return 'int';
  if (['float', 'double'].includes(k)) return 'float';
  if (k === 'boolean') return 'boolean';
  if (k === 'date') return 'date';
  if (k === 'datetime' || k === 'localdatetime') return 'datetime';
  return 'string';
}

const isSpecial = (h: string) => h.startsWith(':') || NEO_ID.test(h) || /:IGNORE$/i.test(h);

async function scanValues(src: TableSource, file: string, column: string, own: boolean, header: string[]): Promise<{ rows: number; values: Array<{ value: string; count: number }> }> {
  const idx = header.indexOf(column);
  const counts = new Map<string, number>();
  let rows = 0;
  const stream = await src.open(file);
  try {
    let skipHeader = own;
    for await (const batch of readTable(stream, { format: formatOf(file) })) {
      for (const r of batch) {
        if (skipHeader) {
          skipHeader = false;
          continue;
        }
        if (!r.cells || r.cells.every((c) => !c.trim())) continue;
        rows++;
        if (idx < 0) continue;
        for (const v of (r.cells[idx] ?? '').split(/[;|]/).map((s) => s.trim()).filter(Boolean).slice(0, 1)) {
          if (counts.has(v) || counts.size < MAX_VALUES) counts.set(v, (counts.get(v) ?? 0) + 1);
        }
      }
    }
  } finally {
    stream.destroy();
  }
  return { rows, values: [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count) };
}

const NAMEISH = /^(name|full_?name|title|label|display_?name|caption|number|value|code)$/i;

async function inferGraph(src: TableSource, base: Base, heads: Map<string, { header: string[]; own: boolean }>, headerFiles: Map<string, string[]>): Promise<Inference> {
  const parts: FileSpec[] = [];
  const relParts: FileSpec[] = [];
  const kinds = new Map<string, KindDef>();
  const linkKinds = new Map<string, KindDef>();
  const files: InferredFile[] = [];
  const notes: string[] = [];
  for (const [b, header] of headerFiles) files.push({ file: `${b}_header`, role: 'header', header, rows: 0, values: [] });
  const spaceOf = (s: string | undefined) => (s ? `${base.name}/${s}` : base.name);
  for (const [file, { header, own }] of heads) {
    const part = { match: file, format: 'auto' as const, headerRow: 1, ...(own ? {} : { header }) };
    const idCol = header.find((h) => NEO_ID.test(h));
    const start = header.find((h) => NEO_START.test(h));
    const end = header.find((h) => NEO_END.test(h));
    const props = header.filter((h) => !isSpecial(h));
    const attributes: AttributeSpec[] = props.map((h) => attr(h, neoType(h)));
    const stem = path.basename(file).replace(/\.[^.]+$/, '').replace(/[-_]?part\d+$/i, '');
    if (idCol) {
      const idm = NEO_ID.exec(idCol)!;
      const labelCol = header.find((h) => /^:LABEL$/i.test(h));
      const scan = await scanValues(src, file, labelCol ?? '', own, header);
      files.push({ file, role: 'nodes', header, rows: scan.rows, values: scan.values });
      const fallback = customKindOf(idm[2] || stem);
      const map: Record<string, `x.${string}`> = {};
      for (const { value } of scan.values) {
        const k = customKindOf(value);
        map[value] = k;
        if (!kinds.has(k)) kinds.set(k, kindDef(k, value));
      }
      if (!labelCol || !scan.values.length) kinds.set(fallback, kindDef(fallback, idm[2] || stem));
      const title = props.find((h) => NAMEISH.test(attributeName(h)));
      const entity: EntitySpec = {
        id: 'node',
        kind: fallback,
        ...(labelCol ? { kindFrom: { column: labelCol, map } } : {}),
        key: { columns: [idCol], normalise: 'none', space: spaceOf(idm[2]) },
        label: title ? `{${title}}` : `{${idCol}}`,
        fields: guessFields(props),
        attributes: [...attributes, ...(labelCol ? [attr(labelCol, 'string', 'labels')] : [])],
        optional: false,
      };
      const valueCol = props.find((h) => /^(number|phone|msisdn|email|e_?mail|address|plate|vin|value)$/i.test(attributeName(h)));
      if (valueCol) entity.value = val(valueCol, 'string');
      parts.push({ ...part, entities: [entity], links: [] });
    } else if (start && end) {
      const typeCol = header.find((h) => /^:TYPE$/i.test(h));
      const scan = await scanValues(src, file, typeCol ?? '', own, header);
      files.push({ file, role: 'relationships', header, rows: scan.rows, values: scan.values });
      const fallback = customKindOf(stem);
      for (const { value } of scan.values) {
        const k = customKindOf(value);
        if (!linkKinds.has(k)) linkKinds.set(k, { ...kindDef(k, value.replace(/_/g, ' '), true), directed: true });
      }
      if (!typeCol || !scan.values.length) linkKinds.set(fallback, { ...kindDef(fallback, stem.replace(/_/g, ' '), true), directed: true });
      // A dated relationship: a date column, or an untyped one named like a date.
      const when =
        props.find((h) => ['date', 'datetime'].includes(neoType(h))) ??
        props.find((h) => !/:/.test(h) && /^(date|time|timestamp|at|when|started_?at|occurred_?at)$/i.test(h));
      const link: LinkSpec = {
        kind: fallback,
        ...(typeCol ? { kindFrom: { column: typeCol, map: {} } } : {}),
        from: { column: start, space: spaceOf(NEO_START.exec(start)![1]), normalise: 'none' },
        to: { column: end, space: spaceOf(NEO_END.exec(end)![1]), normalise: 'none' },
        ...(when ? { at: val(when, neoType(when) === 'datetime' ? 'datetime' : 'date') } : {}),
        attributes,
        optional: false,
      };
      relParts.push({ ...part, entities: [], links: [link] });
    } else {
      files.push({ file, role: 'table', header, rows: 0, values: [] });
      notes.push(`${file} has neither :ID nor :START_ID and :END_ID columns; it is not read. Map it as a table of its own.`);
    }
  }
  if (!parts.length) notes.push('No node file (a header with :ID) was found: relationships can only join entities already in the case.');
  const spec: ImportSpec = { ...base, kinds: [...kinds.values()], linkKinds: [...linkKinds.values()], files: [...parts, ...relParts] };
  return { style: 'neo4j', spec, files, notes };
}

/** `BankAccount` -> `Bank Account` for an entity kind; link kinds stay in lower case (`works at`). */
function kindDef(kind: `x.${string}`, label: string, link = false): KindDef {
  const l = label.replace(/([a-z])([A-Z])/g, '$1 $2').trim() || label;
  return { kind, label: link ? l.toLowerCase() : l.charAt(0).toUpperCase() + l.slice(1), colour: defaultKindColour(kind), icon: guessIcon(l) };
}

const val = (column: string, type: ValueType, format?: string): ValueSpec => ({ column, type, normalise: 'none', required: false, ...(format ? { format } : {}) });
const attr = (column: string, type: ValueType, name?: string, format?: string): AttributeSpec => ({ ...val(column, type, format), ...(name ? { name } : {}) });

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

const slug = (h: string) => attributeName(h).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

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

async function sample(src: TableSource, file: string, rows: number): Promise<{ header: string[]; rows: string[][] }> {
  const out: string[][] = [];
  let header: string[] | null = null;
  const stream = await src.open(file);
  try {
    scan: for await (const batch of readTable(stream, { format: formatOf(file) })) {
      for (const r of batch) {
        if (!r.cells || r.cells.every((c) => !c.trim())) continue;
        if (!header) header = r.cells.map((c) => c.trim());
        else out.push(r.cells);
        if (out.length >= rows) break scan;
      }
    }
  } finally {
    stream.destroy();
  }
  return { header: header ?? [], rows: out };
}

const ID_COLUMN = /^(id|record_?id|person_?id|subject_?id|entity_?id|uid|key|ref|reference|case_?id|account_?(id|no|number)?|\w+_id)$/;

async function inferTables(src: TableSource, base: Base, files: string[], heads: Map<string, { header: string[]; own: boolean }>, rows: number): Promise<Inference> {
  const parts: FileSpec[] = [];
  const kinds: KindDef[] = [];
  const inferred: InferredFile[] = [];
  const notes: string[] = [];
  for (const file of files) {
    const s = await sample(src, file, rows);
    inferred.push({ file, role: 'table', header: s.header, rows: s.rows.length, values: [] });
    if (!s.header.length) {
      notes.push(`${file} has no header row.`);
      continue;
    }
    const column = (c: string) => s.rows.map((r) => r[s.header.indexOf(c)] ?? '');
    const typed = (c: string): ValueSpec => {
      const g = guessType(column(c));
      return val(c, g.type, g.format);
    };
    const fields = guessFields(s.header);
    // Fields keep their text unless it reads as a date (dates of birth in a sheet's own format).
    for (const f of Object.values(fields)) {
      const t = typed(f.column);
      if (t.type === 'date' || t.type === 'datetime') Object.assign(f, t);
      else Object.assign(f, { type: 'string', format: undefined });
    }
    const person = !!(fields.last_name || fields.first_name) && !!(fields.dob || fields.doc_number || fields.phone || fields.address || fields.first_name);
    const vehicle = !person && !!(fields.vin || fields.plate);
    const idCol = s.header.find((h) => ID_COLUMN.test(slug(h)));
    const stem = path.basename(file).replace(/\.[^.]+$/, '');
    const used = new Set<string>();
    let entity: EntitySpec;
    const entities: EntitySpec[] = [];
    const links: LinkSpec[] = [];
    if (person || vehicle) {
      const kind = person ? 'subject' : 'vehicle';
      const keep = Object.fromEntries(Object.entries(fields).filter(([f]) => (RECORD_FIELDS[kind] as readonly string[]).includes(f)));
      Object.values(keep).forEach((v) => used.add(v.column));
      const keyCols = idCol ? [idCol] : person ? [fields.last_name?.column, fields.first_name?.column, fields.dob?.column].filter((c): c is string => !!c) : [(fields.vin ?? fields.plate)!.column];
      entity = { id: person ? 'person' : 'vehicle', kind, key: { columns: keyCols, normalise: idCol ? 'none' : 'name' }, fields: keep, attributes: [], optional: false };
      if (!idCol) notes.push(`${file}: no id column; rows with the same ${keyCols.join(' + ')} are taken as one ${kind === 'subject' ? 'person record' : 'vehicle record'}.`);
    } else {
      const kind = customKindOf(stem);
      kinds.push(kindDef(kind, stem.replace(/[_-]+/g, ' ')));
      const key = idCol ?? s.header[0];
      const title = s.header.find((h) => /^(name|full_?name|title|label|company|organi[sz]ation)$/i.test(slug(h)));
      entity = { id: 'row', kind, key: { columns: [key], normalise: 'none' }, label: `{${title ?? key}}`, fields: {}, attributes: [], optional: false };
      // Phones and emails become the shared identifiers a bundle's rows name.
      for (const [f, k, lk] of [['phone', 'phone', 'has_phone'], ['email', 'email', 'has_email']] as const) {
        const c = fields[f];
        if (!c) continue;
        used.add(c.column);
        entities.push({ id: f, kind: k, key: { columns: [c.column], normalise: f }, fields: {}, attributes: [], optional: true });
        links.push({ kind: lk, from: { entity: 'row' }, to: { entity: f }, attributes: [], optional: true });
      }
    }
    entity.attributes = s.header.filter((h) => h && !used.has(h)).map((h) => ({ ...typed(h) }));
    parts.push({ match: file, format: 'auto', headerRow: 1, entities: [entity, ...entities], links });
  }
  const spec: ImportSpec = { ...base, kinds, linkKinds: [], files: parts.length ? parts : [{ match: '*', format: 'auto', headerRow: 1, entities: [], links: [] }] };
  return { style: 'table', spec, files: inferred, notes };
}
