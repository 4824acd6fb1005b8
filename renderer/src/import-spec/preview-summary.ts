// What a preview (import.preview) says, arranged for the wizard: counts by kind, the rejects
// of each row of the grid, the kinds and link kinds as a small schema, and one headline.
import type { SpecPreviewResult } from '../../../shared/spec-schemas';
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

/** Entities by kind, most first (of the entities the preview lists). */
export function kindCounts(p: Preview): KindCount[] {
  const m = new Map<string, KindCount>();
  for (const e of p.entities) {
    const c = m.get(e.kind) ?? { kind: e.kind, label: e.kindLabel, count: 0, fresh: 0 };
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

/** Kinds as nodes, link kinds between them as edges: the shape of what the import makes. */
export function schemaOf(p: Preview): { nodes: SchemaNode[]; edges: SchemaEdge[] } {
  const kindOf = new Map(p.entities.map((e) => [e.id, e.kind]));
  const nodes = kindCounts(p).map(({ kind, label, count }) => ({ kind, label, count }));
  const edges = new Map<string, SchemaEdge>();
  for (const l of p.links) {
    const from = kindOf.get(l.source);
    const to = kindOf.get(l.target);
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
  const parts = [plural(p.counts.entities, 'entity', 'entities'), plural(p.counts.links, 'link')];
  if (p.counts.rejects) parts.push(plural(p.counts.rejects, 'rejected row'));
  return `${rows}: ${parts.join(', ')}`;
}

/** Files the spec reads that the import would refuse whole, with why. */
export const refusedFiles = (p: Preview): Array<{ file: string; reason: string }> =>
  p.files.filter((f) => f.refused).map((f) => ({ file: f.file, reason: f.refused! }));
