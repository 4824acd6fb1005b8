// One file part of a spec as the wizard shows it: the columns it reads (from the preview, or
// from what inference saw), the rows of the grid, what each column is used for, and a line
// for the list of parts.
import type { FileSpec, ImportSpec } from '../../../shared/import-spec';
import type { SpecInference, SpecPreviewResult } from '../../../shared/spec-schemas';
import type { KindDef } from '../../../shared/model';
import { plural } from '../graph/format';
import { columnUses, hasRecordKind } from './column-roles';
import { fieldLabel, linkKindLabel, nodeKindLabel } from './kind-catalog';

type PreviewFile = SpecPreviewResult['files'][number];

/** The files of the newest preview that this part read. */
export const partFiles = (p: number, preview: SpecPreviewResult | null): PreviewFile[] => preview?.files.filter((f) => f.part === p) ?? [];

/** The part's columns: as the preview read them, else as inference saw them, else as the spec names them. */
export function partHeader(spec: ImportSpec, p: number, preview: SpecPreviewResult | null, inference: SpecInference | null): string[] {
  const read = partFiles(p, preview).find((f) => f.header.length);
  if (read) return read.header;
  const part = spec.files[p];
  if (!part) return [];
  if (part.header?.length) return part.header;
  const seen = inference?.files.find((f) => f.file === part.match && f.role !== 'header');
  if (seen?.header.length) return seen.header;
  return namedColumns(part);
}

/** Every column the part names, in the order it names them. */
export function namedColumns(part: FileSpec): string[] {
  const out: string[] = [];
  const add = (c: string | undefined) => c && !out.includes(c) && out.push(c);
  for (const e of part.entities) {
    e.key.columns.forEach(add);
    add(e.kindFrom?.column);
    add(e.value?.column);
    Object.values(e.fields).forEach((v) => add(v.column));
    e.attributes.forEach((a) => add(a.column));
    add(e.at?.column);
  }
  for (const l of part.links) {
    add(l.kindFrom?.column);
    for (const ep of [l.from, l.to]) if ('column' in ep) add(ep.column);
    add(l.at?.column);
    l.attributes.forEach((a) => add(a.column));
  }
  return out;
}

/** Short words under each column of the grid: what the part makes of it. */
export function columnBadges(part: FileSpec, header: readonly string[]): string[][] {
  const out = header.map(() => [] as string[]);
  for (const e of part.entities) {
    const many = part.entities.length > 1;
    columnUses(e, header).forEach((u, i) => {
      const who = many ? ` (${e.id})` : '';
      if (u.key) out[i].push(`key${who}`);
      if (u.kindFrom) out[i].push(`kind${who}`);
      if (u.role.type === 'field' && hasRecordKind(e)) out[i].push(fieldLabel(u.role.name));
      else if (u.role.type === 'attribute') out[i].push('attribute');
      else if (u.role.type === 'value') out[i].push(`value${who}`);
      else if (u.role.type === 'at') out[i].push('date');
    });
  }
  for (const l of part.links) {
    header.forEach((h, i) => {
      if (('column' in l.from && l.from.column === h) || ('column' in l.to && l.to.column === h)) out[i].push('link end');
      if (l.kindFrom?.column === h) out[i].push('link kind');
      if (l.at?.column === h) out[i].push('link date');
      if (l.attributes.some((a) => a.column === h)) out[i].push('link attribute');
    });
  }
  return out.map((xs) => [...new Set(xs)]);
}

/** "Person record, Phone · has phone" for the list of parts. */
export function partSummary(part: FileSpec, defs: readonly KindDef[]): string {
  const kinds = part.entities.map((e) => {
    if (!e.kindFrom) return nodeKindLabel(e.kind, defs);
    const mapped = [...new Set(Object.values(e.kindFrom.map))];
    return mapped.length ? mapped.map((k) => nodeKindLabel(k, defs)).join(', ') : 'kinds by label';
  });
  const links = part.links.map((l) => (l.kindFrom ? 'links by type' : linkKindLabel(l.kind, defs)));
  const a = kinds.length ? kinds.join(', ') : 'no entity';
  return links.length ? `${a} · ${links.join(', ')}` : a;
}

/** The labels (node files) or types (relationship files) inference counted in this part's file. */
export function partValues(part: FileSpec, inference: SpecInference | null): Array<{ value: string; count: number }> {
  const found = inference?.files.find((f) => f.file === part.match)?.values ?? [];
  const mapped = [...part.entities.flatMap((e) => Object.keys(e.kindFrom?.map ?? {})), ...part.links.flatMap((l) => Object.keys(l.kindFrom?.map ?? {}))];
  const out = [...found];
  for (const v of mapped) if (!out.some((x) => x.value === v)) out.push({ value: v, count: 0 });
  return out;
}

/** "100 rows read" / "refused" for a part's file tab. */
export function fileNote(f: PreviewFile): string {
  return f.refused ? 'refused' : plural(f.rowsRead, 'row');
}
