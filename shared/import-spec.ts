// The import spec: how the columns of a table (CSV, TSV, XLSX) or of a graph database's
// node and relationship files become entities and links. A versioned file format
// (crosslink-import-spec v1) with a JSON Schema derived from this type, so an analyst can
// save it, share it, edit it by hand and use it again for the next file of the same shape.
import { z } from 'zod';
import { AGENCY, CUSTOM_KIND, HANDLING, KIND_DEF, LINK_KINDS, NODE_KINDS, type KindIcon } from './model';

const column = z.string().min(1).max(300);
/** A name the spec uses for one entity of a row (links say which entities they join). */
const ref = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'a letter, then letters, digits, _ or - (at most 40)');

/** How a cell is read. Dates and numbers in the formats of other systems are converted. */
export const VALUE_TYPES = ['string', 'int', 'float', 'boolean', 'date', 'datetime'] as const;
export const VALUE_TYPE = z.enum(VALUE_TYPES);
export type ValueType = z.infer<typeof VALUE_TYPE>;

/** Value normalisers: the same ones the bundle import uses, so an imported phone meets the TECS one. */
export const NORMALISERS = ['none', 'trim', 'upper', 'lower', 'name', 'phone', 'email', 'plate', 'vin', 'document'] as const;
export const NORMALISER = z.enum(NORMALISERS);
export type Normaliser = z.infer<typeof NORMALISER>;

export const VALUE = z.object({
  column,
  type: VALUE_TYPE.default('string'),
  /** Dates: tokens YYYY YY MM M DD D HH H mm ss (e.g. `DD/MM/YYYY`, `MM/DD/YYYY HH:mm`), or
   * `iso`, `yyyymmdd`, `excel` (serial day numbers). Numbers: `1,234.5` (default) or `1.234,5`. */
  format: z.string().max(60).optional(),
  normalise: NORMALISER.default('none'),
  /** An empty cell rejects the row (instead of leaving the value unknown). */
  required: z.boolean().default(false),
});
export type ValueSpec = z.infer<typeof VALUE>;

export const ATTRIBUTE_SPEC = VALUE.extend({
  /** The attribute's name on the entity (default: the column name without a `:type` suffix). */
  name: z.string().min(1).max(100).optional(),
});
export type AttributeSpec = z.infer<typeof ATTRIBUTE_SPEC>;

/** Crosslink's own kinds a spec may create: records that take part in resolution and leads
 * (subject = person record, vehicle = vehicle record, case) and shared identifiers that meet the
 * same values from TECS bundles (phone, email, address, document, plate, vin). */
export const MAPPABLE_NODE_KINDS = ['subject', 'vehicle', 'case', 'phone', 'email', 'address', 'document', 'plate', 'vin'] as const;
export const MAPPABLE_NODE_KIND = z.union([z.enum(MAPPABLE_NODE_KINDS), CUSTOM_KIND]);
export type MappableNodeKind = z.infer<typeof MAPPABLE_NODE_KIND>;
/** Link kinds a spec may create: the reported relations and identifier links of the bundle, or custom ones. */
export const MAPPABLE_LINK_KINDS = [
  'family', 'associate', 'employer', 'cohabitant', 'phone_contact', 'registered_owner', 'owned_by', 'case_names',
  'has_phone', 'has_email', 'has_address', 'has_document', 'has_plate', 'has_vin',
] as const;
export const MAPPABLE_LINK_KIND = z.union([z.enum(MAPPABLE_LINK_KINDS), CUSTOM_KIND]);
export type MappableLinkKind = z.infer<typeof MAPPABLE_LINK_KIND>;

// The built-in lists above must stay inside the model's.
MAPPABLE_NODE_KINDS.forEach((k) => (NODE_KINDS as readonly string[]).includes(k) || fail(k));
MAPPABLE_LINK_KINDS.forEach((k) => (LINK_KINDS as readonly string[]).includes(k) || fail(k));
function fail(k: string): never {
  throw new Error(`import-spec: ${k} is not a kind of the model`);
}

/** The TECS fields a spec may fill for Crosslink's own record kinds (as in tecs-export-format.md). */
export const RECORD_FIELDS = {
  subject: [
    'last_name', 'first_name', 'middle_name', 'aka', 'dob', 'sex', 'nationality', 'doc_type', 'doc_number', 'doc_country',
    'address', 'city', 'region', 'postal_code', 'country', 'phone', 'email', 'entered_at',
  ],
  vehicle: ['vin', 'plate', 'plate_region', 'make', 'model', 'year', 'color', 'owner_record_id', 'entered_at'],
  case: ['opened_at', 'closed_at', 'status', 'category', 'title', 'summary', 'office'],
} as const;
export type RecordKind = keyof typeof RECORD_FIELDS;

export const ENTITY_SPEC = z.object({
  id: ref,
  kind: MAPPABLE_NODE_KIND,
  /** The kind read from a column (a graph export's `:LABEL`): value -> kind; `kind` when no value matches. */
  kindFrom: z.object({ column, map: z.record(z.string().max(200), MAPPABLE_NODE_KIND) }).optional(),
  /** The entity's identity in its source: rows with the same key are one entity, and links name it by this key. */
  key: z.object({
    columns: z.array(column).min(1).max(8),
    normalise: NORMALISER.default('none'),
    /** Keys live in this id space (a graph export's `:ID(Person)`); default the spec's name. */
    space: z.string().min(1).max(100).optional(),
  }),
  /** The shown label: `{column}` placeholders, e.g. `{Surname}, {Given names}`; default the key. */
  label: z.string().max(300).optional(),
  /** For identifier kinds (phone, email...): the column holding the value, when it is not the key. */
  value: VALUE.optional(),
  /** For subject, vehicle and case: the TECS fields, each read from a column. */
  fields: z.record(z.string(), VALUE).default({}),
  attributes: z.array(ATTRIBUTE_SPEC).max(300).default([]),
  /** When the entity was recorded (its date on the timeline). */
  at: VALUE.optional(),
  /** A row whose key cells are empty makes no entity here (instead of being rejected). */
  optional: z.boolean().default(false),
});
export type EntitySpec = z.infer<typeof ENTITY_SPEC>;

/** One end of a link: an entity of the same row, or a key naming an entity of this import (or an earlier one). */
export const ENDPOINT = z.union([
  z.object({ entity: ref }),
  z.object({ column, space: z.string().min(1).max(100).optional(), normalise: NORMALISER.default('none') }),
]);
export type Endpoint = z.infer<typeof ENDPOINT>;

export const LINK_SPEC = z.object({
  kind: MAPPABLE_LINK_KIND,
  /** The kind read from a column (a graph export's `:TYPE`): value -> kind; otherwise a custom kind of that name. */
  kindFrom: z.object({ column, map: z.record(z.string().max(200), MAPPABLE_LINK_KIND).default({}) }).optional(),
  from: ENDPOINT,
  to: ENDPOINT,
  at: VALUE.optional(),
  attributes: z.array(ATTRIBUTE_SPEC).max(300).default([]),
  /** A row with an empty end makes no link (instead of being rejected). */
  optional: z.boolean().default(false),
});
export type LinkSpec = z.infer<typeof LINK_SPEC>;

export const TABLE_FORMATS = ['auto', 'csv', 'tsv', 'xlsx'] as const;

export const FILE_SPEC = z.object({
  /** Which files of a folder or zip this part reads: a name, or a pattern with `*` and `?`. */
  match: z.string().min(1).max(300).default('*'),
  format: z.enum(TABLE_FORMATS).default('auto'),
  /** CSV only: the separator (default `,`; TSV uses a tab). */
  delimiter: z.string().length(1).optional(),
  /** XLSX only: the worksheet (default the first). */
  sheet: z.string().max(100).optional(),
  /** The header's line (row) number; rows above it are skipped. */
  headerRow: z.number().int().min(1).max(1000).default(1),
  /** Column names when the file has no header row of its own (a graph export's separate header file). */
  header: z.array(column).max(2000).optional(),
  entities: z.array(ENTITY_SPEC).max(50).default([]),
  links: z.array(LINK_SPEC).max(50).default([]),
});
export type FileSpec = z.infer<typeof FILE_SPEC>;

export const IMPORT_SPEC = z.object({
  type: z.literal('crosslink-import-spec'),
  version: z.literal(1),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(4000).optional(),
  /** Who entered these rows and who may see them, unless a column says otherwise row by row. */
  source: z.object({
    agency: AGENCY,
    handling: HANDLING.default('SHARED'),
    agencyColumn: column.optional(),
    handlingColumn: column.optional(),
    /** The offset of times written without one (`-06:00`); default UTC. */
    timezone: z.string().regex(/^(Z|[+-]\d{2}:\d{2})$/).default('Z'),
  }),
  /** How the custom kinds of this spec are shown (label, colour, icon). */
  kinds: z.array(KIND_DEF).max(500).default([]),
  linkKinds: z.array(KIND_DEF).max(500).default([]),
  files: z.array(FILE_SPEC).min(1).max(100),
});
export type ImportSpec = z.infer<typeof IMPORT_SPEC>;
export type ImportSpecInput = z.input<typeof IMPORT_SPEC>;

/** `$.files[0].entities[1].key.columns[0]` for a zod issue path. */
export function specPath(path: ReadonlyArray<PropertyKey>): string {
  return `$${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
}

/** Parses a spec; a problem is named by its JSON path. */
export function parseSpec(value: unknown): { ok: true; spec: ImportSpec } | { ok: false; problems: string[] } {
  const r = IMPORT_SPEC.safeParse(value);
  if (r.success) return { ok: true, spec: r.data };
  return { ok: false, problems: r.error.issues.slice(0, 20).map((i) => `${specPath(i.path)}: ${i.message}`) };
}

/** An icon for a custom kind from its name (Person, Company, Account...); `tag` when nothing fits. */
export function guessIcon(label: string): KindIcon {
  const l = label.toLowerCase();
  const rules: Array<[RegExp, KindIcon]> = [
    [/person|people|suspect|subject|individual|officer|agent|witness|victim|driver|passenger|traveller|traveler|user|contact|member/, 'person'],
    [/vehicle|car|truck|van|boat|vessel|aircraft|plane/, 'vehicle'],
    [/phone|mobile|cell|msisdn|imei|sim/, 'phone'],
    [/e-?mail/, 'email'],
    [/address|residence|house|premises/, 'address'],
    [/passport|document|visa|licen[cs]e|permit|\bid\b/, 'document'],
    [/case|investigation|incident|report|seizure/, 'case'],
    [/company|organi[sz]ation|business|firm|employer|group|gang|cartel|agency|org\b/, 'organisation'],
    [/account|bank|card|wallet|iban/, 'account'],
    [/transaction|payment|transfer|money|wire|remittance|invoice/, 'money'],
    [/location|place|city|site|port|airport|border|country|region|warehouse/, 'location'],
    [/device|computer|ip\b|ip_|laptop|router|host|server|website|domain|url/, 'device'],
    [/flag|alert|lookout|watch|warrant/, 'flag'],
  ];
  return rules.find(([re]) => re.test(l))?.[1] ?? 'tag';
}

/** Colours given to custom kinds in turn (readable under white labels). */
export const KIND_COLOURS = ['#b45309', '#0f766e', '#7e22ce', '#be123c', '#1d4ed8', '#4d7c0f', '#a21caf', '#0369a1', '#92400e', '#334155'] as const;

/** The same colour for a kind every time, when nobody chose one. */
export function defaultKindColour(kind: string): string {
  let h = 0;
  for (let i = 0; i < kind.length; i++) h = (h * 31 + kind.charCodeAt(i)) >>> 0;
  return KIND_COLOURS[h % KIND_COLOURS.length];
}
