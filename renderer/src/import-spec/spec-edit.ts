// Edits of an import spec as pure functions: each takes the spec and returns the next one,
// so the wizard can run the preview after every edit and tests need no browser.
import type { EntitySpec, FileSpec, ImportSpec, LinkSpec } from '../../../shared/import-spec';
import type { Agency, Handling, KindDef } from '../../../shared/model';

export type Source = ImportSpec['source'];

export function setName(spec: ImportSpec, name: string): ImportSpec {
  return { ...spec, name };
}

/** Default agency and handling, and the optional columns that override them row by row. */
export function setSource(spec: ImportSpec, patch: { agency?: Agency; handling?: Handling; agencyColumn?: string | null; handlingColumn?: string | null; timezone?: string }): ImportSpec {
  const source: Source = { ...spec.source };
  if (patch.agency) source.agency = patch.agency;
  if (patch.handling) source.handling = patch.handling;
  if (patch.timezone !== undefined) source.timezone = patch.timezone;
  for (const k of ['agencyColumn', 'handlingColumn'] as const) {
    if (patch[k] === undefined) continue;
    if (patch[k]) source[k] = patch[k];
    else delete source[k];
  }
  return { ...spec, source };
}

export function updatePart(spec: ImportSpec, p: number, fn: (part: FileSpec) => FileSpec): ImportSpec {
  return { ...spec, files: spec.files.map((f, i) => (i === p ? fn(f) : f)) };
}

export function updateEntity(spec: ImportSpec, p: number, e: number, fn: (entity: EntitySpec) => EntitySpec): ImportSpec {
  return updatePart(spec, p, (part) => ({ ...part, entities: part.entities.map((x, i) => (i === e ? fn(x) : x)) }));
}

export function updateLink(spec: ImportSpec, p: number, l: number, fn: (link: LinkSpec) => LinkSpec): ImportSpec {
  return updatePart(spec, p, (part) => ({ ...part, links: part.links.map((x, i) => (i === l ? fn(x) : x)) }));
}

/** Which files a part reads and how: a name or pattern, the header's row, the CSV separator, the sheet. */
export function setPartOptions(part: FileSpec, patch: { match?: string; headerRow?: number; delimiter?: string | null; sheet?: string | null }): FileSpec {
  const next = { ...part };
  if (patch.match !== undefined) next.match = patch.match;
  if (patch.headerRow !== undefined) next.headerRow = Math.max(1, Math.min(1000, Math.round(patch.headerRow) || 1));
  for (const k of ['delimiter', 'sheet'] as const) {
    if (patch[k] === undefined) continue;
    if (patch[k]) next[k] = patch[k]!;
    else delete next[k];
  }
  return next;
}

/** An id for a new entity of a part, unique within it: `phone`, `phone2`… */
export function freshEntityId(part: FileSpec, base: string): string {
  const stem = (base.replace(/^x\./, '').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[^A-Za-z]+/, '') || 'entity').slice(0, 36);
  const taken = new Set(part.entities.map((e) => e.id));
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}${i}`)) return `${stem}${i}`;
}

/** Takes an entity out, with the links of the part that join it. */
export function removeEntity(part: FileSpec, e: number): FileSpec {
  const id = part.entities[e]?.id;
  const joins = (l: LinkSpec) => ('entity' in l.from && l.from.entity === id) || ('entity' in l.to && l.to.entity === id);
  return { ...part, entities: part.entities.filter((_, i) => i !== e), links: part.links.filter((l) => !joins(l)) };
}

export function removeLink(part: FileSpec, l: number): FileSpec {
  return { ...part, links: part.links.filter((_, i) => i !== l) };
}

/** Adds or replaces a custom kind's look (label, colour, icon) in the spec. */
export function upsertKindDef(spec: ImportSpec, def: KindDef, link: boolean): ImportSpec {
  const list = link ? spec.linkKinds : spec.kinds;
  const next = list.some((d) => d.kind === def.kind) ? list.map((d) => (d.kind === def.kind ? def : d)) : [...list, def];
  return link ? { ...spec, linkKinds: next } : { ...spec, kinds: next };
}
