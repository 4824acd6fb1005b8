// entities.csv and links.csv, for officers who open them in a spreadsheet: RFC 4180 quoting,
// CRLF, a UTF-8 byte-order mark (Excel otherwise misreads accented names), and no formulas.
import { linkKindLabel, nodeKindLabel, type Attribute, type NodeRef } from '../../../shared/model';
import type { BriefModel } from './model';
import { citation, entityName, pointerSentence } from './words';

type Cell = string | number | null | undefined;

// A spreadsheet runs a cell starting with = + - @ (or a tab or CR before them) as a formula,
// even behind spaces or invisible direction marks: such cells get a leading apostrophe.
const FORMULA = /^[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]*[=+\-@\t\r]/;

export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'number' ? String(v) : v;
  if (typeof v === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csv(header: string[], rows: Cell[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

type Row = { ref: NodeRef; pos: { x: number; y: number } | null; attributes: Attribute[] };

/** Every entity of the package: the board's nodes, then key entities not on the board. */
function allEntities(m: BriefModel): Row[] {
  const attrs = new Map(m.entities.map((e) => [e.ref.id, e.attributes]));
  const out: Row[] = m.board.nodes.map((nd) => ({ ref: nd.ref, pos: nd.pos, attributes: attrs.get(nd.ref.id) ?? [] }));
  const onBoard = new Set(out.map((r) => r.ref.id));
  for (const e of m.entities) if (!onBoard.has(e.ref.id)) out.push({ ref: e.ref, pos: null, attributes: e.attributes });
  return out;
}

export function entitiesCsv(m: BriefModel): string {
  const rows = allEntities(m).map(({ ref, pos, attributes }) => [
    ref.id,
    ref.kind,
    nodeKindLabel(ref.kind),
    entityName(ref),
    ref.sourceId,
    ref.handling,
    ref.pointer ? pointerSentence(ref) : '',
    attributes.map((a) => `${a.name}: ${a.value} [${a.handling}; ${citation(a.provenance)}]`).join('; '),
    pos ? Math.round(pos.x * 10) / 10 : null,
    pos ? Math.round(pos.y * 10) / 10 : null,
  ]);
  return csv(['id', 'kind', 'kind_label', 'label', 'source_id', 'handling', 'withheld', 'attributes', 'x', 'y'], rows);
}

export function linksCsv(m: BriefModel): string {
  const labels = new Map<number, string>();
  for (const e of m.entities) labels.set(e.ref.id, entityName(e.ref));
  for (const nd of m.board.nodes) labels.set(nd.ref.id, entityName(nd.ref));
  const rows = m.links.map((l) => [l.id, l.kind, linkKindLabel(l.kind), l.source, labels.get(l.source) ?? '', l.target, labels.get(l.target) ?? '', l.label, l.at, l.handling]);
  return csv(['id', 'kind', 'kind_label', 'source', 'source_label', 'target', 'target_label', 'label', 'at', 'handling'], rows);
}
