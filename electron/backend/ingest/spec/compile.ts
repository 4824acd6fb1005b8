// A part of a spec against a file's header: every column it names is found once, so rows
// are read by index. A column the header lacks refuses the file, naming the spec field.
import type { EntitySpec, FileSpec, ImportSpec, LinkSpec, ValueSpec } from '../../../../shared/import-spec';
import { clip } from '../rules';

export interface CompiledValue {
  spec: ValueSpec;
  index: number;
  /** `$.files[0].entities[1].fields.dob`: named in the reasons of rejected rows. */
  field: string;
}

export interface CompiledEntity {
  spec: EntitySpec;
  field: string;
  keys: number[];
  space: string;
  kindColumn: number;
  label: Array<string | number>;
  value: CompiledValue | null;
  fields: Map<string, CompiledValue>;
  attributes: Array<CompiledValue & { name: string }>;
  at: CompiledValue | null;
}

export type CompiledEndpoint =
  | { entity: number; field: string }
  | { index: number; column: string; space: string | null; spec: { normalise: ValueSpec['normalise'] }; field: string };

export interface CompiledLink {
  spec: LinkSpec;
  field: string;
  kindColumn: number;
  from: CompiledEndpoint;
  to: CompiledEndpoint;
  at: CompiledValue | null;
  attributes: Array<CompiledValue & { name: string }>;
}

export interface CompiledPart {
  entities: CompiledEntity[];
  links: CompiledLink[];
  agencyColumn: number;
  handlingColumn: number;
}

/** `age:int` -> `age`; `:ID(Person)` -> `ID`. */
export const attributeName = (column: string): string => column.replace(/:[A-Za-z_[\]]+(\(.*\))?$/, '').trim() || column.replace(/^:/, '').replace(/\(.*\)$/, '');

export class SpecMismatch extends Error {}

export function compilePart(spec: ImportSpec, part: FileSpec, partIndex: number, header: string[], file: string): CompiledPart {
  const index = new Map<string, number>();
  header.forEach((h, i) => index.has(h) || index.set(h, i));
  const at = (column: string, field: string): number => {
    const i = index.get(column);
    if (i === undefined) {
      const shown = header.slice(0, 30).map((h) => `'${clip(h, 30)}'`).join(', ');
      throw new SpecMismatch(`${file}: spec field ${field} names column '${clip(column)}', which the header lacks (columns: ${shown}${header.length > 30 ? ', …' : ''}); file refused`);
    }
    return i;
  };
  const base = `$.files[${partIndex}]`;
  const value = (v: ValueSpec, field: string): CompiledValue => ({ spec: v, index: at(v.column, `${field}.column`), field });
  const refs = new Map<string, number>();
  const entities = part.entities.map((e, k): CompiledEntity => {
    const field = `${base}.entities[${k}]`;
    if (refs.has(e.id)) throw new SpecMismatch(`${file}: spec field ${field}.id: '${e.id}' names two entities of this part; file refused`);
    refs.set(e.id, k);
    return {
      spec: e,
      field,
      keys: e.key.columns.map((c, j) => at(c, `${field}.key.columns[${j}]`)),
      space: e.key.space ?? spec.name,
      kindColumn: e.kindFrom ? at(e.kindFrom.column, `${field}.kindFrom.column`) : -1,
      label: e.label ? template(e.label, (c) => at(c, `${field}.label`)) : [],
      value: e.value ? value(e.value, `${field}.value`) : null,
      fields: new Map(Object.entries(e.fields).map(([name, v]) => [name, value(v, `${field}.fields.${name}`)])),
      attributes: e.attributes.map((a, j) => ({ ...value(a, `${field}.attributes[${j}]`), name: a.name ?? attributeName(a.column) })),
      at: e.at ? value(e.at, `${field}.at`) : null,
    };
  });
  const endpoint = (ep: LinkSpec['from'], field: string): CompiledEndpoint => {
    if ('entity' in ep) {
      const k = refs.get(ep.entity);
      if (k === undefined) throw new SpecMismatch(`${file}: spec field ${field}.entity: no entity '${ep.entity}' in this part (entities: ${[...refs.keys()].join(', ') || 'none'}); file refused`);
      return { entity: k, field };
    }
    return { index: at(ep.column, `${field}.column`), column: ep.column, space: ep.space ?? null, spec: { normalise: ep.normalise }, field };
  };
  const links = part.links.map((l, k): CompiledLink => {
    const field = `${base}.links[${k}]`;
    return {
      spec: l,
      field,
      kindColumn: l.kindFrom ? at(l.kindFrom.column, `${field}.kindFrom.column`) : -1,
      from: endpoint(l.from, `${field}.from`),
      to: endpoint(l.to, `${field}.to`),
      at: l.at ? value(l.at, `${field}.at`) : null,
      attributes: l.attributes.map((a, j) => ({ ...value(a, `${field}.attributes[${j}]`), name: a.name ?? attributeName(a.column) })),
    };
  });
  return {
    entities,
    links,
    agencyColumn: spec.source.agencyColumn ? (index.get(spec.source.agencyColumn) ?? -1) : -1,
    handlingColumn: spec.source.handlingColumn ? (index.get(spec.source.handlingColumn) ?? -1) : -1,
  };
}

/** `{Surname}, {Given}` -> ['', 3, ', ', 4]: text and column indexes in turn. */
function template(t: string, col: (c: string) => number): Array<string | number> {
  const out: Array<string | number> = [];
  const re = /\{([^{}]+)\}/g;
  let last = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    out.push(t.slice(last, m.index), col(m[1]));
    last = m.index + m[0].length;
  }
  out.push(t.slice(last));
  return out;
}

export function fillTemplate(parts: ReadonlyArray<string | number>, cells: readonly string[]): string {
  let s = '';
  for (const p of parts) s += typeof p === 'number' ? (cells[p] ?? '').trim() : p;
  return s.replace(/\s+/g, ' ').replace(/^[\s,;·-]+|[\s,;·-]+$/g, '').trim();
}

/** Does a file name match a part's `match` (a name, or `*` and `?`)? */
export function matches(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(name);
}
