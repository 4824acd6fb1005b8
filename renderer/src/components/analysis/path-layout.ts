// Where the nodes of a path go when it is added to the board: along a line between the
// ends already on the board (or stepping right from one end), the records a step passes
// through next to the node they belong to. Existing nodes never move.
import { placeAround, placeOne } from '../../graph/placement';
import type { Pos } from '../../graph/types';

export const STEP = 170;

const lerp = (a: Pos, b: Pos, t: number): Pos => ({ x: Math.round(a.x + (b.x - a.x) * t), y: Math.round(a.y + (b.y - a.y) * t) });

/**
 * Positions for the nodes of `chain` (in path order) and `extra` (other nodes of the
 * path's slice, placed next to a neighbour through `links`) that `existing` lacks.
 */
export function placePath(
  existing: ReadonlyMap<number, Pos>,
  chain: readonly number[],
  extra: readonly number[] = [],
  links: readonly { source: number; target: number }[] = [],
): Map<number, Pos> {
  const out = new Map<number, Pos>();
  const taken: Pos[] = [...existing.values()];
  const put = (id: number, want: Pos) => {
    const p = placeOne(taken, want);
    out.set(id, p);
    taken.push(p);
  };
  const at = (id: number): Pos | undefined => existing.get(id) ?? out.get(id);
  const anchors = chain.map((id, i) => (existing.has(id) ? i : -1)).filter((i) => i >= 0);

  if (!anchors.length) {
    // Nothing of the path on the board: a row starting from a free spot.
    const start = placeOne(taken);
    chain.forEach((id, i) => put(id, { x: start.x + i * STEP, y: start.y }));
  } else {
    const first = anchors[0];
    const last = anchors[anchors.length - 1];
    for (let i = first - 1; i >= 0; i--) put(chain[i], { x: at(chain[i + 1])!.x - STEP, y: at(chain[i + 1])!.y });
    for (let a = 0; a + 1 < anchors.length; a++) {
      const [i, j] = [anchors[a], anchors[a + 1]];
      const [pi, pj] = [existing.get(chain[i])!, existing.get(chain[j])!];
      // Ends too close for the steps between them: the steps bow out on an arc.
      const d = Math.hypot(pj.x - pi.x, pj.y - pi.y);
      const need = STEP * (j - i);
      const bulge = d < need * 0.8 ? Math.sqrt(need * need - d * d) / 2 : 0;
      const normal = d > 0 ? { x: -(pj.y - pi.y) / d, y: (pj.x - pi.x) / d } : { x: 0, y: -1 };
      for (let m = i + 1; m < j; m++) {
        const t = (m - i) / (j - i);
        const p = lerp(pi, pj, t);
        const off = bulge * Math.sin(Math.PI * t);
        put(chain[m], { x: Math.round(p.x + normal.x * off), y: Math.round(p.y + normal.y * off) });
      }
    }
    for (let i = last + 1; i < chain.length; i++) put(chain[i], { x: at(chain[i - 1])!.x + STEP, y: at(chain[i - 1])!.y });
  }

  // Records and other extras: near the first placed node they link to; unlinked ones near the middle.
  const pending = extra.filter((id) => !existing.has(id) && !out.has(id));
  for (let round = 0; round < 4 && pending.length; round++) {
    for (let k = pending.length - 1; k >= 0; k--) {
      const id = pending[k];
      const l = links.find((x) => (x.source === id && at(x.target)) || (x.target === id && at(x.source)));
      if (!l) continue;
      const near = at(l.source === id ? l.target : l.source)!;
      const p = placeAround(near, taken, 1, { radius: 110, spacing: 95 })[0];
      out.set(id, p);
      taken.push(p);
      pending.splice(k, 1);
    }
  }
  for (const id of pending) put(id, placeOne(taken));
  return out;
}
