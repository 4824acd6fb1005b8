// A first spec for any other table: one entity a row (a person or vehicle record when the
// columns look like one), phones and emails as the shared identifiers, the rest as attributes
// with the types their first rows suggest.
import path from 'node:path';
import { RECORD_FIELDS, type EntitySpec, type FileSpec, type ImportSpec, type LinkSpec, type ValueSpec } from '../../../../shared/import-spec';
import { customKindOf, type KindDef } from '../../../../shared/model';
import { guessFields, guessType, kindDef, slug, val } from './guess';
import type { Base, Inference, InferredFile } from './infer-types';
import { formatOf, readTable, type TableSource } from './tables';

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

export async function inferTables(src: TableSource, base: Base, files: string[], rows: number): Promise<Inference> {
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
