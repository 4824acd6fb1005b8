// chart.svg: the board drawn from its saved positions, self-contained (no fonts, images or
// scripts to fetch), so it prints, opens in any viewer and renders to chart.png offline.
import type { BoardState } from '../../../shared/contract';
import { linkKindLabel, nodeKindLabel, type Handling, type LinkKind, type NodeKind } from '../../../shared/model';
import { esc, truncate } from './escape';
import { HANDLING_RING } from './handling';
import { kindLook, type Shape } from './kind-look';
import { pointerLines, pointerSentence } from './words';

export const CHART_WIDTH = 1600;
export const CHART_HEIGHT = 1000;
export const FONT_STACK = "'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

/** Links the analyst was told about rather than saw in a record: drawn dashed, as on the board. */
const DASHED_LINKS = new Set<LinkKind>(['family', 'associate', 'employer', 'cohabitant', 'phone_contact', 'registered_owner', 'possibly_same', 'withheld']);
/** Above this many links their labels would cover the chart. */
const MAX_LINK_LABELS = 40;
/** Above this many nodes only the main kinds keep their label. */
const MAX_NODE_LABELS = 150;
const LEGEND_ROW = 34;
const MAIN_KINDS = new Set<NodeKind>(['person', 'vehicle_entity', 'case', 'lookout', 'pointer']);

const POINTER_FILL = '#f3f4f6';
const POINTER_STROKE = '#6b7280';

type BoardNode = BoardState['nodes'][number];

const n = (v: number): string => String(Math.round(v * 10) / 10);

function shapeMarkup(shape: Shape, x: number, y: number, s: number, attrs: string): string {
  const h = s / 2;
  switch (shape) {
    case 'ellipse':
      return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(h)}" ${attrs}/>`;
    case 'round-rectangle':
      return `<rect x="${n(x - h)}" y="${n(y - h)}" width="${n(s)}" height="${n(s)}" rx="${n(s * 0.22)}" ${attrs}/>`;
    case 'round-diamond':
      return `<path d="M${n(x)} ${n(y - h)}L${n(x + h)} ${n(y)}L${n(x)} ${n(y + h)}L${n(x - h)} ${n(y)}Z" stroke-linejoin="round" ${attrs}/>`;
    case 'round-hexagon': {
      const pts = [0, 1, 2, 3, 4, 5].map((i) => {
        const a = (Math.PI / 3) * i;
        return `${n(x + h * Math.cos(a))},${n(y + h * Math.sin(a))}`;
      });
      return `<polygon points="${pts.join(' ')}" stroke-linejoin="round" ${attrs}/>`;
    }
  }
}

function nodeSize(node: BoardNode, k: number): number {
  return kindLook(node.ref.kind).size * (node.marks?.scale ?? 1) * k;
}

interface Frame {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Model units per output pixel. */
  u: number;
}

/** The viewBox: the nodes with margins, at least a sensible size, in the picture's ratio, with the legend's band below. */
function frame(nodes: BoardNode[], legendRows: number): Frame {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const nd of nodes) {
    const h = nodeSize(nd, 1) / 2;
    x0 = Math.min(x0, nd.pos.x - h);
    x1 = Math.max(x1, nd.pos.x + h);
    y0 = Math.min(y0, nd.pos.y - h);
    y1 = Math.max(y1, nd.pos.y + h);
  }
  if (!nodes.length) [x0, y0, x1, y1] = [0, 0, 0, 0];
  // Labels need room under and beside the outer nodes; a lone node must not fill the picture.
  const w = Math.max(Math.max(x1 - x0, 0) + 300, 900);
  const h = Math.max(Math.max(y1 - y0, 0) + 200, 480);
  const legendPx = legendRows ? legendRows * LEGEND_ROW + 16 : 0;
  const u = Math.max(w / CHART_WIDTH, h / (CHART_HEIGHT - legendPx));
  const cx = (x0 + x1) / 2;
  // Labels hang under the nodes: centre slightly low.
  const cy = (y0 + y1) / 2 + 20 * u;
  const top = cy - ((CHART_HEIGHT - legendPx) * u) / 2;
  return { x: cx - (CHART_WIDTH * u) / 2, y: top, w: CHART_WIDTH * u, h: CHART_HEIGHT * u, u };
}

interface LegendItem {
  label: string;
  draw: (x: number, y: number, s: number) => string;
}

function legendItems(nodes: BoardNode[]): LegendItem[] {
  const kinds = [...new Set(nodes.map((nd) => nd.ref.kind))].sort((a, b) => nodeKindLabel(a).localeCompare(nodeKindLabel(b)));
  const items: LegendItem[] = kinds.map((kind) => ({
    label: nodeKindLabel(kind),
    draw: (x, y, s) =>
      kind === 'pointer'
        ? shapeMarkup('round-rectangle', x, y, s, `fill="${POINTER_FILL}" stroke="${POINTER_STROKE}" stroke-width="${n(s / 10)}" stroke-dasharray="${n(s / 6)} ${n(s / 10)}"`)
        : shapeMarkup(kindLook(kind).shape, x, y, s, `fill="${kindLook(kind).colour}"`),
  }));
  const rings = (['LES', 'ORCON'] as Handling[]).filter((h) => nodes.some((nd) => nd.ref.handling === h && nd.ref.kind !== 'pointer'));
  for (const h of rings) {
    items.push({ label: `${h} content`, draw: (x, y, s) => `<circle cx="${n(x)}" cy="${n(y)}" r="${n(s / 2)}" fill="#fff" stroke="${HANDLING_RING[h]}" stroke-width="${n(s / 5)}"/>` });
  }
  return items;
}

/** Lays legend items left to right, wrapping; returns the rows' markup builders. */
function legendRows(items: LegendItem[]): LegendItem[][] {
  const rows: LegendItem[][] = [[]];
  let used = 0;
  for (const it of items) {
    const w = 30 + it.label.length * 9.5 + 26;
    if (used + w > CHART_WIDTH - 60 && rows[rows.length - 1].length) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1].push(it);
    used += w;
  }
  return rows;
}

function textAttrs(size: number, u: number, fill = '#111827'): string {
  // A white halo keeps labels readable where they cross links.
  return `font-size="${n(size)}" fill="${fill}" stroke="#ffffff" stroke-width="${n(4 * u)}" stroke-linejoin="round" paint-order="stroke" text-anchor="middle"`;
}

export function chartSvg(board: BoardState): string {
  const nodes = board.nodes;
  const items = legendItems(nodes);
  const rows = nodes.length ? legendRows(items) : [];
  const f = frame(nodes, rows.length);
  const u = f.u;
  // Labels stay about 20 px high in the 1600 px picture (7 pt once printed in the brief).
  const font = 20 * u;
  // On wide boards nodes grow with the labels, or they would vanish next to them.
  const k = Math.max(1, u / 1.25);
  const byId = new Map(nodes.map((nd) => [nd.ref.id, nd]));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="${n(f.x)} ${n(f.y)} ${n(f.w)} ${n(f.h)}" font-family="${esc(FONT_STACK)}">`,
    `<rect x="${n(f.x)}" y="${n(f.y)}" width="${n(f.w)}" height="${n(f.h)}" fill="#ffffff"/>`,
  );
  if (!nodes.length) {
    out.push(`<text x="${n(f.x + f.w / 2)}" y="${n(f.y + f.h / 2)}" ${textAttrs(font * 1.4, u, '#6b7280')}>No entities on the board</text>`, '</svg>');
    return out.join('\n');
  }

  const showLinkLabels = board.links.length <= MAX_LINK_LABELS;
  out.push('<g id="links">');
  const linkLabels: string[] = [];
  for (const l of board.links) {
    const a = byId.get(l.source);
    const b = byId.get(l.target);
    if (!a || !b) continue;
    const colour = l.marks?.colour ?? '#94a3b8';
    const dash = DASHED_LINKS.has(l.kind) ? ` stroke-dasharray="${n(10 * u)} ${n(7 * u)}"` : '';
    const label = l.label || linkKindLabel(l.kind);
    out.push(
      `<line x1="${n(a.pos.x)}" y1="${n(a.pos.y)}" x2="${n(b.pos.x)}" y2="${n(b.pos.y)}" stroke="${esc(colour)}" stroke-width="${n(2.5 * Math.max(u, 0.6))}"${dash}><title>${esc(label)}</title></line>`,
    );
    if (showLinkLabels && label) {
      const mx = (a.pos.x + b.pos.x) / 2;
      const my = (a.pos.y + b.pos.y) / 2;
      linkLabels.push(`<text x="${n(mx)}" y="${n(my + font * 0.3)}" ${textAttrs(font * 0.8, u, '#475569')}>${esc(truncate(label, 30))}</text>`);
    }
  }
  out.push('</g>', '<g id="link-labels">', ...linkLabels, '</g>', '<g id="nodes">');

  const labelAll = nodes.length <= MAX_NODE_LABELS;
  for (const nd of nodes) {
    const { ref, pos } = nd;
    const s = nodeSize(nd, k);
    const look = kindLook(ref.kind);
    const parts: string[] = [];
    let lines: Array<{ text: string; fill: string; italic?: boolean }>;
    if (ref.kind === 'pointer') {
      parts.push(shapeMarkup('round-rectangle', pos.x, pos.y, s, `fill="${POINTER_FILL}" stroke="${POINTER_STROKE}" stroke-width="${n(2.5 * k)}" stroke-dasharray="${n(6 * k)} ${n(4 * k)}"`));
      parts.push(`<text x="${n(pos.x)}" y="${n(pos.y + s * 0.16)}" font-size="${n(s * 0.45)}" font-weight="bold" fill="${POINTER_STROKE}" text-anchor="middle">?</text>`);
      const [a, b] = pointerLines(ref);
      lines = [{ text: a, fill: '#374151', italic: true }, ...(b ? [{ text: b, fill: '#374151', italic: true }] : [])];
    } else {
      const ringColour = HANDLING_RING[ref.handling];
      const ring = ringColour ? ` stroke="${ringColour}" stroke-width="${n(s * 0.12)}"` : '';
      parts.push(shapeMarkup(look.shape, pos.x, pos.y, s, `fill="${esc(nd.marks?.colour ?? look.colour)}"${ring}`));
      lines = [{ text: ref.label, fill: '#111827' }];
      // Partly withheld: say so under the name, as the pointer would.
      if (ref.pointer && ref.pointer.withheld > 0) lines.push({ text: `+ ${pointerLines(ref)[0]}`, fill: '#6b7280', italic: true });
    }
    const full = ref.kind === 'pointer' ? pointerSentence(ref) : `${ref.label} (${nodeKindLabel(ref.kind)})`;
    if (labelAll || MAIN_KINDS.has(ref.kind)) {
      lines.forEach((line, i) => {
        const y = pos.y + s / 2 + font * (1.1 + i * 1.15);
        parts.push(`<text x="${n(pos.x)}" y="${n(y)}" ${textAttrs(font * (i ? 0.85 : 1), u, line.fill)}${line.italic ? ' font-style="italic"' : ''}>${esc(truncate(line.text, 34))}</text>`);
      });
    }
    out.push(`<g><title>${esc(full)}</title>${parts.join('')}</g>`);
  }
  out.push('</g>');

  // Legend along the bottom, in picture pixels scaled to the frame.
  out.push('<g id="legend">');
  const rowH = LEGEND_ROW * u;
  let y = f.y + f.h - rows.length * rowH - 8 * u;
  for (const row of rows) {
    let x = f.x + 30 * u;
    for (const it of row) {
      out.push(it.draw(x + 10 * u, y + rowH / 2, 20 * u));
      out.push(`<text x="${n(x + 28 * u)}" y="${n(y + rowH / 2 + 6 * u)}" font-size="${n(17 * u)}" fill="#374151">${esc(it.label)}</text>`);
      x += (30 + it.label.length * 9.5 + 26) * u;
    }
    y += rowH;
  }
  out.push('</g>', '</svg>');
  return out.join('\n');
}
