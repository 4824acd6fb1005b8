// The kinds an analyst may map a table to, as the wizard names them: Crosslink's records
// (which take part in resolution and leads), the shared identifiers, and the case's own
// custom kinds. Pickers, hints and the preview all read their words from here.
import {
  MAPPABLE_LINK_KINDS, MAPPABLE_NODE_KINDS, RECORD_FIELDS, type MappableLinkKind, type MappableNodeKind, type RecordKind,
} from '../../../shared/import-spec';
import { LINK_KIND_LABEL, humaniseKind, isCustomKind, type KindDef } from '../../../shared/model';

type BuiltinMappable = (typeof MAPPABLE_NODE_KINDS)[number];
type BuiltinMappableLink = (typeof MAPPABLE_LINK_KINDS)[number];

export const RECORD_KINDS: readonly RecordKind[] = ['subject', 'vehicle', 'case'];
export const isRecordKind = (k: string): k is RecordKind => (RECORD_KINDS as readonly string[]).includes(k);
/** Phones, emails, addresses…: the same value from a TECS bundle is the same node. */
export const isIdentifierKind = (k: string): boolean => !isRecordKind(k) && !isCustomKind(k);

const NODE_LABEL: Record<BuiltinMappable, string> = {
  // The window calls these Subject record, Vehicle record, Case: the picker says both.
  subject: 'Person record (subject)',
  vehicle: 'Vehicle record',
  case: 'Case',
  phone: 'Phone',
  email: 'Email',
  address: 'Address',
  document: 'Document',
  plate: 'Plate',
  vin: 'VIN',
};

/** What choosing a kind means, in one sentence under the picker. */
export function kindHint(kind: string): string {
  if (kind === 'subject') return 'A TECS person record: searched, resolved into persons and read by the leads. Map its fields below.';
  if (kind === 'vehicle') return 'A TECS vehicle record: resolved into vehicles by VIN and plate. Map its fields below.';
  if (kind === 'case') return 'A case record: map its title, status and dates below.';
  if (isCustomKind(kind)) return 'A kind of your own, drawn with its label, colour and icon; its columns are kept as attributes.';
  return 'A shared identifier: the same value in a TECS bundle or another import is the same node.';
}

const byKind = (defs: readonly KindDef[]) => new Map(defs.map((d) => [d.kind, d]));

export function nodeKindLabel(kind: string, defs: readonly KindDef[] = []): string {
  if (isCustomKind(kind)) return byKind(defs).get(kind)?.label ?? humaniseKind(kind);
  return NODE_LABEL[kind as BuiltinMappable] ?? humaniseKind(kind);
}

export function linkKindLabel(kind: string, defs: readonly KindDef[] = []): string {
  if (isCustomKind(kind)) return byKind(defs).get(kind)?.label ?? humaniseKind(kind).toLowerCase();
  const l = LINK_KIND_LABEL[kind as BuiltinMappableLink] ?? kind;
  // "has phone" reads better in a picker than the canvas's terse "phone".
  return kind.startsWith('has_') ? `has ${l}` : l;
}

export interface KindChoice {
  value: string;
  label: string;
  group: string;
}

/** The kinds of one picker: built-ins first, then the custom kinds the spec and the case know. */
export function nodeKindChoices(defs: readonly KindDef[]): KindChoice[] {
  const out: KindChoice[] = MAPPABLE_NODE_KINDS.map((k) => ({ value: k, label: NODE_LABEL[k], group: isRecordKind(k) ? 'Crosslink records' : 'Identifiers' }));
  for (const d of uniqueDefs(defs)) out.push({ value: d.kind, label: d.label, group: 'Custom kinds' });
  return out;
}

export function linkKindChoices(defs: readonly KindDef[]): KindChoice[] {
  const out: KindChoice[] = MAPPABLE_LINK_KINDS.map((k) => ({ value: k, label: linkKindLabel(k), group: k.startsWith('has_') ? 'Identifier links' : 'Relations' }));
  for (const d of uniqueDefs(defs)) out.push({ value: d.kind, label: d.label, group: 'Custom link kinds' });
  return out;
}

function uniqueDefs(defs: readonly KindDef[]): KindDef[] {
  const seen = new Set<string>();
  return defs.filter((d) => !seen.has(d.kind) && !!seen.add(d.kind)).sort((a, b) => a.label.localeCompare(b.label));
}

/** The spec's own kind definitions win over the case's (the spec is what will be written). */
export function mergeDefs(specDefs: readonly KindDef[], caseDefs: readonly KindDef[]): KindDef[] {
  const own = new Set(specDefs.map((d) => d.kind));
  return [...specDefs, ...caseDefs.filter((d) => !own.has(d.kind))];
}

export const isMappableNodeKind = (k: string): k is MappableNodeKind => isCustomKind(k) || (MAPPABLE_NODE_KINDS as readonly string[]).includes(k);
export const isMappableLinkKind = (k: string): k is MappableLinkKind => isCustomKind(k) || (MAPPABLE_LINK_KINDS as readonly string[]).includes(k);

const FIELD_LABEL: Record<string, string> = {
  last_name: 'Last name', first_name: 'First name', middle_name: 'Middle name', aka: 'Also known as', dob: 'Date of birth', sex: 'Sex',
  nationality: 'Nationality', doc_type: 'Document type', doc_number: 'Document number', doc_country: 'Document country',
  address: 'Address', city: 'City', region: 'Region / state', postal_code: 'Postal code', country: 'Country', phone: 'Phone', email: 'Email',
  entered_at: 'Entered at', vin: 'VIN', plate: 'Plate', plate_region: 'Plate region', make: 'Make', model: 'Model', year: 'Year',
  color: 'Colour', owner_record_id: 'Owner record id', opened_at: 'Opened at', closed_at: 'Closed at', status: 'Status',
  category: 'Category', title: 'Title', summary: 'Summary', office: 'Office',
};

export const fieldLabel = (name: string): string => FIELD_LABEL[name] ?? humaniseKind(name);

/** Fields read as dates (the loaders want them so); every other field is text. */
export const isDateField = (name: string): boolean => name === 'dob' || name.endsWith('_at');

/** The TECS fields an entity may fill: those of every record kind it can become. */
export function recordFieldsOf(kinds: readonly string[]): string[] {
  const out: string[] = [];
  for (const k of kinds) if (isRecordKind(k)) for (const f of RECORD_FIELDS[k]) if (!out.includes(f)) out.push(f);
  return out;
}

/** The normaliser that makes an identifier's key meet the same value elsewhere. */
export function keyNormaliserFor(kind: string): 'phone' | 'email' | 'plate' | 'vin' | 'document' | 'none' {
  return kind === 'phone' || kind === 'email' || kind === 'plate' || kind === 'vin' || kind === 'document' ? kind : 'none';
}

/** The identifier link a record takes to an identifier kind (has_phone…), if there is one. */
export function identifierLink(kind: string): MappableLinkKind | null {
  const k = `has_${kind}`;
  return (MAPPABLE_LINK_KINDS as readonly string[]).includes(k) ? (k as MappableLinkKind) : null;
}
