// Grid: rows and columns about as wide as a screen is, grouped by kind, busiest first.
import type { Pos } from '../types';
import { adjacency, cellOf, type LayoutInput } from './types';

export function gridLayout(input: LayoutInput): Pos[] {
  const { neighbours } = adjacency(input);
  const n = input.nodes.length;
  const kind = (i: number) => input.nodes[i].kind ?? '';
  const order = input.nodes.map((_, i) => i).sort((a, b) =>
    kind(a).localeCompare(kind(b)) || neighbours[b].length - neighbours[a].length || input.nodes[a].id - input.nodes[b].id);
  const cell = cellOf(input.nodes);
  const cols = Math.max(1, Math.ceil(Math.sqrt((n * 1.6 * cell.h) / cell.w)));
  const out: Pos[] = new Array(n);
  order.forEach((i, k) => {
    out[i] = { x: (k % cols) * cell.w, y: Math.floor(k / cols) * cell.h };
  });
  return out;
}
