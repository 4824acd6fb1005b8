// Edits of one link of a spec part: its kind (or the kinds a type column maps to), its two
// ends (an entity of the same row, or a key column naming an entity of this import or the
// case), its date and its attributes.
import type { Endpoint, FileSpec, LinkSpec, MappableLinkKind, ValueType } from '../../../shared/import-spec';
import { customKindOf } from '../../../shared/model';
import { identifierLink } from './kind-catalog';

/** An end as the value of a <select>: `entity:person` or `column:Owner ref`. */
export const encodeEndpoint = (ep: Endpoint): string => ('entity' in ep ? `entity:${ep.entity}` : `column:${ep.column}`);

export function decodeEndpoint(value: string, before: Endpoint): Endpoint {
  if (value.startsWith('entity:')) return { entity: value.slice(7) };
  const column = value.slice(7);
  // A key column keeps the id space it named before (a graph export's `:END_ID(Phone)`).
  return 'column' in before ? { ...before, column } : { column, normalise: 'none' };
}

/** A link between the part's first two entities, of the kind their kinds suggest. */
export function addLink(part: FileSpec, header: readonly string[]): FileSpec {
  const [a, b] = part.entities;
  let link: LinkSpec;
  if (a && b) {
    link = { kind: identifierLink(b.kind) ?? 'associate', from: { entity: a.id }, to: { entity: b.id }, attributes: [], optional: true };
  } else if (a) {
    const col = header.find((h) => !a.key.columns.includes(h)) ?? header[0] ?? a.key.columns[0];
    link = { kind: 'associate', from: { entity: a.id }, to: { column: col, normalise: 'none' }, attributes: [], optional: true };
  } else {
    link = { kind: 'associate', from: { column: header[0] ?? 'id', normalise: 'none' }, to: { column: header[1] ?? header[0] ?? 'id', normalise: 'none' }, attributes: [], optional: false };
  }
  return { ...part, links: [...part.links, link] };
}

export const setLinkKind = (l: LinkSpec, kind: MappableLinkKind): LinkSpec => ({ ...l, kind });

export function setEndpoint(l: LinkSpec, end: 'from' | 'to', value: string): LinkSpec {
  return { ...l, [end]: decodeEndpoint(value, l[end]) };
}

/** The link's date: a column read as a date (its format kept when the column stays). */
export function setLinkAt(l: LinkSpec, column: string | null): LinkSpec {
  const next = { ...l };
  if (!column) delete next.at;
  else next.at = l.at?.column === column ? l.at : { column, type: 'date', format: 'iso', normalise: 'none', required: false };
  return next;
}

export function setLinkAtFormat(l: LinkSpec, patch: { type?: ValueType; format?: string }): LinkSpec {
  if (!l.at) return l;
  const at = { ...l.at, ...patch };
  if ('format' in patch && !patch.format) delete at.format;
  return { ...l, at };
}

export const setLinkOptional = (l: LinkSpec, optional: boolean): LinkSpec => ({ ...l, optional });

/** What one value of the type column (a graph export's `:TYPE`) becomes; its own custom kind is the default. */
export function setTypeKind(l: LinkSpec, type: string, kind: MappableLinkKind): LinkSpec {
  if (!l.kindFrom) return l;
  const map = { ...l.kindFrom.map };
  if (kind === customKindOf(type)) delete map[type];
  else map[type] = kind;
  return { ...l, kindFrom: { ...l.kindFrom, map } };
}

/** The kind a type column's value makes: its mapping, else a custom kind of that name. */
export const typeKind = (l: LinkSpec, type: string): MappableLinkKind => l.kindFrom?.map[type] ?? customKindOf(type);

export function toggleLinkAttribute(l: LinkSpec, column: string): LinkSpec {
  const has = l.attributes.some((a) => a.column === column);
  return { ...l, attributes: has ? l.attributes.filter((a) => a.column !== column) : [...l.attributes, { column, type: 'string', normalise: 'none', required: false }] };
}
