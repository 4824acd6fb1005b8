// A first spec for a graph database's export in the neo4j-admin CSV convention: a node file's
// header has `:ID(Space)` and `:LABEL` and typed columns (`age:int`); a relationship file has
// `:START_ID`, `:END_ID` and `:TYPE`. Each label becomes a kind, each type a link kind, and the
// `:ID` values the source ids links name. Files are read whole for their labels and types.
import path from 'node:path';
import type { AttributeSpec, EntitySpec, FileSpec, ImportSpec, LinkSpec, ValueType } from '../../../../shared/import-spec';
import { customKindOf, type KindDef } from '../../../../shared/model';
import { attributeName } from './compile';
import { attr, guessFields, kindDef, val } from './guess';
import type { Base, Heads, Inference, InferredFile } from './infer-types';
import { formatOf, readTable, type TableSource } from './tables';

export const NEO_ID = /^([^:]*):ID(?:\(([^)]*)\))?$/;
export const NEO_START = /^:START_ID(?:\(([^)]*)\))?$/;
const NEO_END = /^:END_ID(?:\(([^)]*)\))?$/;
const MAX_VALUES = 500;

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

export async function inferGraph(src: TableSource, base: Base, heads: Heads, headerFiles: Map<string, string[]>): Promise<Inference> {
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
