// Connected components of the entity graph (every link kind, hubs included): how many
// separate networks the case holds and how big the largest is.
import type { EntityGraph } from './entity-graph';

export interface Components {
  count: number;
  largest: number;
  /** Component number per dense index (-1 for records folded into an entity). */
  of: Int32Array;
}

export function components(g: EntityGraph): Components {
  const of = new Int32Array(g.n).fill(-1);
  const queue = new Int32Array(g.n);
  let count = 0;
  let largest = 0;
  for (let s = 0; s < g.n; s++) {
    if (of[s] !== -1 || g.rep[s] !== s) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    of[s] = count;
    while (head < tail) {
      const u = queue[head++];
      for (let p = g.off[u], end = g.off[u + 1]; p < end; p++) {
        const v = g.adj[p];
        if (of[v] === -1) {
          of[v] = count;
          queue[tail++] = v;
        }
      }
    }
    if (tail > largest) largest = tail;
    count++;
  }
  return { count, largest, of };
}
