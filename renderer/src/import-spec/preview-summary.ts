// What a preview (import.preview) says, arranged for the wizard: counts by kind, the rejects
// of each row of the grid, the kinds and link kinds as a small schema, and one headline.
import type { SpecPreviewResult } from '../../../shared/spec-schemas';
import { NODE_KIND_LABEL, type BuiltinNodeKind } from '../../../shared/model';
import { plural } from '../graph/format';

export type Preview = SpecPreviewResult;
export type PreviewReject = Preview['rejects'][number];

export interface KindCount {
  kind: string;
  label: string;
  count: number;
  /** How many the case does not hold yet. */
  fresh: number;
}

/** A kind's label: the spec's own for its custom kinds (the case does not know them yet), else the preview's. */
export type KindLabeller = (kind: string, fromPreview: string) => string;
const asPreviewSays: KindLabeller = (_k, l) => l;

/** Entities by kind, most first (of the entities the preview lists). */
export function kindCounts(p: Preview, labelOf: KindLabeller = asPreviewSays): KindCount[] {
  const m = new Map<string, KindCount>();
  for (const e of p.entities) {
    const c = m.get(e.kind) ?? { kind: e.kind, label: labelOf(e.kind, e.kindLabel), count: 0, fresh: 0 };
    c.count++;
    if (e.isNew) c.fresh++;
    m.set(e.kind, c);
  }
  return [...m.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

export function linkCounts(p: Preview, label: (kind: string) => string): Array<{ kind: string; label: string; count: number }> {
  const m = new Map<string, number>();
  for (const l of p.links) m.set(l.kind, (m.get(l.kind) ?? 0) + 1);
  return [...m].map(([kind, count]) => ({ kind, label: label(kind), count })).sort((a, b) => b.count - a.count);
}

/** Rejects by file and line, for the grid's red rows. */
export function rejectsByLine(p: Preview | null, file: string): Map<number, PreviewReject[]> {
  const m = new Map<number, PreviewReject[]>();
  for (const r of p?.rejects ?? []) {
    if (r.file !== file) continue;
    const list = m.get(r.line) ?? [];
    list.push(r);
    m.set(r.line, list);
  }
  return m;
}

/**
 * The columns each entity of a part is rejected for: a reason that names its spec field
 * (`$.files[0].entities[1]…`) counts for that entity only, any other for every entity.
 */
export function badColumnsByEntity(p: Preview | null, part: number, files: readonly string[], entities: number): Array<Set<string>> {
  const out = Array.from({ length: entities }, () => new Set<string>());
  for (const r of p?.rejects ?? []) {
    if (!r.column || !files.includes(r.file)) continue;
    const m = /^\$\.files\[(\d+)\]\.entities\[(\d+)\]/.exec(r.reason);
    if (m && +m[1] !== part) continue;
    if (m) out[+m[2]]?.add(r.column);
    else out.forEach((s) => s.add(r.column!));
  }
  return out;
}

/** A reject's reason without the spec path it starts with (the table has its own column for where). */
export function shortReason(reason: string): string {
  return reason.replace(/^\$\.[^:]*:\s*/, '');
}

export interface SchemaNode {
  kind: string;
  label: string;
  count: number;
}

export interface SchemaEdge {
  from: string;
  to: string;
  kind: string;
  count: number;
}

const IDENTIFIER_OF: Record<string, BuiltinNodeKind | undefined> = {
  has_phone: 'phone', has_email: 'email', has_address: 'address', has_document: 'document', has_plate: 'plate', has_vin: 'vin',
};

/**
 * A record's phones, emails, documents and addresses (its fields) are not listed among the
 * preview's entities, but an identifier link says what its far end is: they are found from the links.
 */
export function derivedIdentifiers(p: Preview): Map<BuiltinNodeKind, Set<number>> {
  const listed = new Set(p.entities.map((e) => e.id));
  const derived = new Map<BuiltinNodeKind, Set<number>>();
  for (const l of p.links) {
    const k = IDENTIFIER_OF[l.kind];
    if (!k || listed.has(l.target)) continue;
    derived.set(k, (derived.get(k) ?? new Set()).add(l.target));
  }
  return derived;
}

const derivedTotal = (p: Preview): number => [...derivedIdentifiers(p).values()].reduce((n, s) => n + s.size, 0);

/** Kinds as nodes, link kinds between them as edges: the shape of what the import makes. */
export function schemaOf(p: Preview, labelOf: KindLabeller = asPreviewSays): { nodes: SchemaNode[]; edges: SchemaEdge[] } {
  const kindOf = new Map(p.entities.map((e) => [e.id, e.kind as string]));
  const nodes = kindCounts(p, labelOf).map(({ kind, label, count }) => ({ kind, label, count }));
  for (const [kind, ids] of derivedIdentifiers(p)) {
    const n = nodes.find((x) => x.kind === kind);
    if (n) n.count += ids.size;
    else nodes.push({ kind, label: NODE_KIND_LABEL[kind as BuiltinNodeKind], count: ids.size });
  }
  const edges = new Map<string, SchemaEdge>();
  for (const l of p.links) {
    const from = kindOf.get(l.source);
    const to = kindOf.get(l.target) ?? (IDENTIFIER_OF[l.kind] as string | undefined);
    // An end the preview does not list (an entity of the case) is left out of the sketch.
    if (!from || !to) continue;
    const k = `${from}|${l.kind}|${to}`;
    const e = edges.get(k) ?? { from, to, kind: l.kind, count: 0 };
    e.count++;
    edges.set(k, e);
  }
  return { nodes, edges: [...edges.values()] };
}

/** Did the preview read every row of its files, or only the first `limit` of some? */
export const readWhole = (p: Preview, limit: number): boolean => p.files.every((f) => f.rowsRead < limit);

/** "First 100 rows: 98 entities, 3 links, 2 rejected rows". */
export function headline(p: Preview, limit: number): string {
  const rows = readWhole(p, limit) ? plural(p.counts.rows, 'row') : `First ${plural(limit, 'row')}${p.files.length > 1 ? ' of each file' : ''}`;
  const parts = [plural(p.counts.entities + derivedTotal(p), 'entity', 'entities'), plural(p.counts.links, 'link')];
  if (p.counts.rejects) parts.push(plural(p.counts.rejects, 'rejected row'));
  return `${rows}: ${parts.join(', ')}`;
}

/** Files the spec reads that the import would refuse whole, with why. */
export const refusedFiles = (p: Preview): Array<{ file: string; reason: string }> =>
  p.files.filter((f) => f.refused).map((f) => ({ file: f.file, reason: f.refused! }));
