// Computes a whole-board layout from plain data: no DOM, so it runs in a Web Worker (and in
// Node for tests). The canvas then moves its nodes to the answer. Pinned (`fixed`) nodes
// stay exactly where they are whatever the layout.
import { concentricLayout } from './layouts/concentric';
import { forceLayout } from './layouts/force';
import { gridLayout } from './layouts/grid';
import { hierarchicalLayout } from './layouts/hierarchical';
import { removeOverlaps } from './layouts/overlap';
import { timeLayout } from './layouts/time';
import type { LayoutInput, LayoutName, LayoutOutput } from './layouts/types';
import { centroid } from './state';
import type { Pos } from './types';

export type { LayoutInput, LayoutName, LayoutOutput } from './layouts/types';

const LAYOUT: Record<LayoutName, (input: LayoutInput) => Pos[]> = {
  force: forceLayout,
  concentric: concentricLayout,
  hierarchical: hierarchicalLayout,
  grid: gridLayout,
  time: timeLayout,
};

export function computeLayout(input: LayoutInput): LayoutOutput {
  const nodes = input.nodes;
  if (!nodes.length) return [];
  const name = input.layout ?? 'force';
  const layout = LAYOUT[name];
  if (!layout) throw new Error(`unknown layout: ${String(name)}`);
  // Lay out around the origin, then put the result back where the board was.
  const here = centroid(nodes);
  const local: LayoutInput = { ...input, nodes: nodes.map((n) => ({ ...n, x: n.x - here.x, y: n.y - here.y })) };
  const pos = layout(local);
  const anyFixed = nodes.some((n) => n.fixed);
  // Force-directed already works in board space around the pins; the others are centred.
  const shift = name === 'force' && anyFixed ? { x: 0, y: 0 } : centroid(pos.filter((_, i) => !nodes[i].fixed));
  const placed = pos.map((p, i) => (nodes[i].fixed ? { x: nodes[i].x, y: nodes[i].y } : { x: p.x - shift.x + here.x, y: p.y - shift.y + here.y }));
  if (name === 'force' || anyFixed) removeOverlaps(nodes, placed);
  return placed.map((p, i) => [nodes[i].id, { x: Math.round(p.x), y: Math.round(p.y) }]);
}
