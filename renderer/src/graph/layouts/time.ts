// Time-ordered: x is a node's time, the earliest dated link it has on the board; each kind
// gets a band of rows, and nodes too close in time to sit side by side take the next row.
// Undated nodes stand in a column at the left, grouped by kind the same way.
import { NODE_KINDS } from '../../../../shared/model';
import type { Pos } from '../types';
import { cellOf, type LayoutInput } from './types';

/** Width of the time axis per dated node, so a busy board gets a longer axis. */
const PX_PER_DATED_NODE = 30;

export function nodeTimes(input: LayoutInput): Map<number, number> {
  const times = new Map<number, number>();
  for (const l of input.links) {
    if (!l.at) continue;
    const t = Date.parse(l.at);
    if (Number.isNaN(t)) continue;
    for (const id of [l.source, l.target]) {
      const prev = times.get(id);
      if (prev === undefined || t < prev) times.set(id, t);
    }
  }
  return times;
}

export function timeLayout(input: LayoutInput): Pos[] {
  const n = input.nodes.length;
  const cell = cellOf(input.nodes);
  const times = nodeTimes(input);
  const dated = input.nodes.map((_, i) => i).filter((i) => times.has(input.nodes[i].id));
  const tOf = (i: number) => times.get(input.nodes[i].id)!;
  const t0 = dated.reduce((m, i) => Math.min(m, tOf(i)), Infinity);
  const t1 = dated.reduce((m, i) => Math.max(m, tOf(i)), -Infinity);
  const width = Math.max(1200, dated.length * PX_PER_DATED_NODE);
  const xOf = (i: number) => (t1 > t0 ? ((tOf(i) - t0) / (t1 - t0)) * width : width / 2);

  // Nodes of each kind, in time order; undated ones first (they go in the left column).
  const kindRank = (k: string | undefined) => {
    const r = (NODE_KINDS as readonly string[]).indexOf(k ?? '');
    return r < 0 ? NODE_KINDS.length : r;
  };
  const bands = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = kindRank(input.nodes[i].kind);
    const band = bands.get(r);
    if (band) band.push(i);
    else bands.set(r, [i]);
  }
  const out: Pos[] = new Array(n);
  const undatedCols = Math.max(1, Math.ceil((n - dated.length) / 40));
  const left = -(undatedCols + 1) * cell.w;
  let top = 0;
  for (const rank of [...bands.keys()].sort((a, b) => a - b)) {
    const members = bands.get(rank)!;
    const undated = members.filter((i) => !times.has(input.nodes[i].id));
    const timed = members.filter((i) => times.has(input.nodes[i].id)).sort((a, b) => tOf(a) - tOf(b));
    // Rows fill greedily: a node takes the first row whose last node is a cell to its left.
    const rowEnds: number[] = [];
    for (const i of timed) {
      const x = xOf(i);
      let row = rowEnds.findIndex((end) => end <= x - cell.w);
      if (row < 0) {
        row = rowEnds.length;
        rowEnds.push(x);
      } else rowEnds[row] = x;
      out[i] = { x, y: top + row * cell.h };
    }
    const undatedRows = Math.ceil(undated.length / undatedCols);
    undated.forEach((i, k) => (out[i] = { x: left + (k % undatedCols) * cell.w, y: top + Math.floor(k / undatedCols) * cell.h }));
    top += (Math.max(rowEnds.length, undatedRows, 1) + 0.6) * cell.h;
  }
  return out;
}
