// What each column of a table is to one entity of the spec: part of its key, and one use
// (a TECS field, an attribute, the identifier's value, its date on the timeline, or nothing).
// The wizard edits an entity column by column, as i2's import specifications do; these are
// the pure rules of that table.
import type { AttributeSpec, EntitySpec, ValueSpec } from '../../../shared/import-spec';
import { isDateField, isIdentifierKind, isRecordKind, recordFieldsOf } from './kind-catalog';

export type ColumnRole =
  | { type: 'none' }
  | { type: 'attribute' }
  | { type: 'field'; name: string }
  | { type: 'value' }
  | { type: 'at' };

export interface ColumnUse {
  column: string;
  key: boolean;
  /** Named by the label template (`{Surname}`). */
  inLabel: boolean;
  /** The column says which kind each row is (a graph export's `:LABEL`). */
  kindFrom: boolean;
  role: ColumnRole;
  /** How the cell is read for that use (type, format, normaliser); null when unused. */
  value: ValueSpec | null;
}

/** The kinds an entity can be on a row: its own, and those its label column maps to. */
export function entityKinds(e: EntitySpec): string[] {
  const out = [e.kind as string];
  for (const k of Object.values(e.kindFrom?.map ?? {})) if (!out.includes(k)) out.push(k);
  return out;
}

export const hasRecordKind = (e: EntitySpec): boolean => entityKinds(e).some(isRecordKind);
export const hasIdentifierKind = (e: EntitySpec): boolean => entityKinds(e).some(isIdentifierKind);

export function labelColumns(template: string | undefined): string[] {
  return [...(template ?? '').matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);
}

/** The one use a column has in an entity (the first, if a hand-written spec gives it several). */
export function roleOf(e: EntitySpec, column: string): { role: ColumnRole; value: ValueSpec | null } {
  if (hasRecordKind(e)) {
    const f = Object.entries(e.fields).find(([, v]) => v.column === column);
    if (f) return { role: { type: 'field', name: f[0] }, value: f[1] };
  }
  if (e.value?.column === column) return { role: { type: 'value' }, value: e.value };
  if (e.at?.column === column) return { role: { type: 'at' }, value: e.at };
  const a = e.attributes.find((x) => x.column === column);
  if (a) return { role: { type: 'attribute' }, value: a };
  return { role: { type: 'none' }, value: null };
}

export function columnUses(e: EntitySpec, header: readonly string[]): ColumnUse[] {
  const inLabel = new Set(labelColumns(e.label));
  return header.map((column) => ({
    column,
    key: e.key.columns.includes(column),
    inLabel: inLabel.has(column),
    kindFrom: e.kindFrom?.column === column,
    ...roleOf(e, column),
  }));
}

/** Roles as the value of a <select>: `none`, `attribute`, `value`, `at`, `field:dob`. */
export const encodeRole = (r: ColumnRole): string => (r.type === 'field' ? `field:${r.name}` : r.type);
export function decodeRole(s: string): ColumnRole {
  if (s.startsWith('field:')) return { type: 'field', name: s.slice(6) };
  if (s === 'attribute' || s === 'value' || s === 'at') return { type: s };
  return { type: 'none' };
}

export function roleChoices(e: EntitySpec): Array<{ value: string; label: string }> {
  const out = [
    { value: 'none', label: 'Not imported' },
    { value: 'attribute', label: 'Attribute' },
  ];
  if (hasIdentifierKind(e)) out.push({ value: 'value', label: 'Value (the identifier itself)' });
  out.push({ value: 'at', label: 'Date on the timeline' });
  return out;
}

/** The TECS fields offered for an entity, for the picker's own group. */
export const fieldChoices = (e: EntitySpec): string[] => recordFieldsOf(entityKinds(e));

const isDateType = (v: ValueSpec | null): v is ValueSpec => !!v && (v.type === 'date' || v.type === 'datetime');

/** A date use: the date type and format the column was read with, else ISO dates. */
function dateRead(column: string, before: ValueSpec | null): ValueSpec {
  return isDateType(before)
    ? { column, type: before.type, ...(before.format ? { format: before.format } : {}), normalise: 'none', required: false }
    : { column, type: 'date', format: 'iso', normalise: 'none', required: false };
}

/** A text use (fields, identifier values): only the normaliser carries over. */
const textRead = (column: string, before: ValueSpec | null): ValueSpec => ({ column, type: 'string', normalise: before?.normalise ?? 'none', required: false });

function withoutColumn(e: EntitySpec, column: string): EntitySpec {
  return {
    ...e,
    fields: Object.fromEntries(Object.entries(e.fields).filter(([, v]) => v.column !== column)),
    attributes: e.attributes.filter((a) => a.column !== column),
    value: e.value?.column === column ? undefined : e.value,
    at: e.at?.column === column ? undefined : e.at,
  };
}

/** Gives a column one use in the entity; what it read before (a date format, say) carries over where it fits. */
export function setColumnRole(e: EntitySpec, column: string, role: ColumnRole): EntitySpec {
  const before = roleOf(e, column).value;
  const next = withoutColumn(e, column);
  if (next.value === undefined) delete next.value;
  if (next.at === undefined) delete next.at;
  switch (role.type) {
    case 'none':
      return next;
    case 'attribute': {
      const old = e.attributes.find((a) => a.column === column);
      // An attribute keeps every way the column was read (a typed date, a number format).
      const a: AttributeSpec = before ? { ...before, column } : { column, type: 'string', normalise: 'none', required: false };
      if (old?.name) a.name = old.name;
      return { ...next, attributes: [...next.attributes, a] };
    }
    case 'field':
      // A field is filled from one column: the column that filled it before gives it up.
      return { ...next, fields: { ...next.fields, [role.name]: isDateField(role.name) ? dateRead(column, before) : textRead(column, before) } };
    case 'value':
      return { ...next, value: textRead(column, before) };
    case 'at':
      return { ...next, at: dateRead(column, before) };
  }
}

/** Changes how the column is read for its use (type, date or number format, normaliser, required). */
export function setColumnValue(e: EntitySpec, column: string, patch: Partial<Pick<ValueSpec, 'type' | 'format' | 'normalise' | 'required'>>): EntitySpec {
  const apply = <V extends ValueSpec>(v: V): V => {
    const out = { ...v, ...patch };
    if (patch.type === 'string' || patch.type === 'boolean') delete out.format;
    if ('format' in patch && !patch.format) delete out.format;
    return out;
  };
  const { role } = roleOf(e, column);
  switch (role.type) {
    case 'field':
      return { ...e, fields: { ...e.fields, [role.name]: apply(e.fields[role.name]) } };
    case 'value':
      return { ...e, value: apply(e.value!) };
    case 'at':
      return { ...e, at: apply(e.at!) };
    case 'attribute':
      return { ...e, attributes: e.attributes.map((a) => (a.column === column ? apply(a) : a)) };
    case 'none':
      return e;
  }
}

/** Adds the column to the entity's identity, or takes it out (the order is the header's). */
export function toggleKeyColumn(e: EntitySpec, column: string, header: readonly string[]): EntitySpec {
  const has = e.key.columns.includes(column);
  const cols = has ? e.key.columns.filter((c) => c !== column) : [...e.key.columns, column];
  const order = (c: string) => { const i = header.indexOf(c); return i < 0 ? header.length : i; };
  return { ...e, key: { ...e.key, columns: [...cols].sort((a, b) => order(a) - order(b)) } };
}

/** `{Surname}, {Given names}` gains `{column}` at its end (with a space). */
export function addToLabel(template: string | undefined, column: string): string {
  const t = (template ?? '').trimEnd();
  return t ? `${t} {${column}}` : `{${column}}`;
}
