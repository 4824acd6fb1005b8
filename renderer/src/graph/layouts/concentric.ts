// Concentric: the best-linked node at the centre, then rings of falling degree, each ring
// holding as many nodes as fit around it.
import type { Pos } from '../types';
import { adjacency, cellOf, type LayoutInput } from './types';

export function concentricLayout(input: LayoutInput): Pos[] {
  const { neighbours } = adjacency(input);
  const order = input.nodes.map((_, i) => i).sort((a, b) => neighbours[b].length - neighbours[a].length || input.nodes[a].id - input.nodes[b].id);
  const step = cellOf(input.nodes).w;
  const out: Pos[] = new Array(input.nodes.length);
  let k = 0;
  let ring = 0;
  while (k < order.length) {
    const radius = ring * step;
    const capacity = ring === 0 ? 1 : Math.floor((2 * Math.PI * radius) / step);
    const count = Math.min(capacity, order.length - k);
    // Turn each ring a little so spokes do not line up.
    const turn = ring * 0.5;
    for (let j = 0; j < count; j++) {
      const a = turn + (2 * Math.PI * j) / count;
      out[order[k + j]] = { x: radius * Math.cos(a), y: radius * Math.sin(a) };
    }
    k += count;
    ring++;
  }
  return out;
}
