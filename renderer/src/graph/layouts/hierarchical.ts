// Hierarchical: a breadth-first tree from the roots (the selection, or the best-linked node
// of each connected part), one row per hop. Children sit under their parent's place in the
// row above, which keeps crossings down; very wide rows wrap.
import type { Pos } from '../types';
import { adjacency, cellOf, type LayoutInput } from './types';

export function hierarchicalLayout(input: LayoutInput): Pos[] {
  const n = input.nodes.length;
  const { index, neighbours } = adjacency(input);
  const cell = cellOf(input.nodes);
  const out: Pos[] = new Array(n);
  const depth = new Int32Array(n).fill(-1);
  const chosen = new Set((input.roots ?? []).map((id) => index.get(id)).filter((i): i is number => i !== undefined));

  const parts: number[][][] = [];
  const loners: number[] = [];
  for (const members of components(neighbours).sort((a, b) => b.length - a.length)) {
    if (members.length === 1) {
      loners.push(members[0]);
      continue;
    }
    const picked = members.filter((i) => chosen.has(i));
    const busiest = members.reduce((best, i) => (neighbours[i].length > neighbours[best].length ? i : best));
    parts.push(breadthFirst(picked.length ? picked : [busiest], neighbours, depth));
  }

  let left = 0;
  for (const rows of parts) {
    const wrap = Math.max(24, Math.ceil(Math.sqrt(rows.reduce((s, r) => s + r.length, 0)) * 2.5));
    let y = 0;
    let width = 0;
    for (const row of rows) {
      for (let k = 0; k < row.length; k += wrap) {
        const chunk = row.slice(k, k + wrap);
        chunk.forEach((i, j) => (out[i] = { x: left + j * cell.w, y }));
        width = Math.max(width, chunk.length);
        y += k + wrap < row.length ? cell.h : cell.h * 1.8;
      }
    }
    // Centre each row over the widest one.
    for (const row of rows) {
      for (let k = 0; k < row.length; k += wrap) {
        const len = Math.min(wrap, row.length - k);
        const shift = ((width - len) * cell.w) / 2;
        for (let j = k; j < k + len; j++) out[row[j]] = { x: out[row[j]].x + shift, y: out[row[j]].y };
      }
    }
    left += (width + 1) * cell.w;
  }
  const cols = Math.max(1, Math.ceil(Math.sqrt(loners.length)));
  loners.forEach((i, k) => (out[i] = { x: left + (k % cols) * cell.w, y: Math.floor(k / cols) * cell.h }));
  return out;
}

/** Rows of node indexes, each row ordered by the place of its parent in the row above. */
function breadthFirst(roots: number[], neighbours: number[][], depth: Int32Array): number[][] {
  const rows: number[][] = [roots];
  for (const r of roots) depth[r] = 0;
  while (true) {
    const next: number[] = [];
    for (const p of rows[rows.length - 1]) {
      for (const c of neighbours[p]) {
        if (depth[c] >= 0) continue;
        depth[c] = rows.length;
        next.push(c);
      }
    }
    if (!next.length) return rows;
    rows.push(next);
  }
}

/** Connected parts, as lists of node indexes. */
function components(neighbours: number[][]): number[][] {
  const seen = new Uint8Array(neighbours.length);
  const out: number[][] = [];
  for (let s = 0; s < neighbours.length; s++) {
    if (seen[s]) continue;
    seen[s] = 1;
    const members = [s];
    for (let k = 0; k < members.length; k++) {
      for (const w of neighbours[members[k]]) {
        if (!seen[w]) {
          seen[w] = 1;
          members.push(w);
        }
      }
    }
    out.push(members);
  }
  return out;
}
