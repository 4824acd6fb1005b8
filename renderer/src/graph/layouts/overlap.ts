// Pushes apart nodes that still overlap after a layout: a few passes over a grid of buckets,
// so it costs about O(n) per pass. Pinned nodes never move; the other one takes the whole step.
import type { Pos } from '../types';

export interface Body {
  size: number;
  fixed?: boolean;
}

export function removeOverlaps(bodies: Body[], pos: Pos[], opts: { gap?: number; passes?: number } = {}): void {
  const gap = opts.gap ?? 14;
  const passes = opts.passes ?? 6;
  const n = bodies.length;
  if (n < 2) return;
  const cell = bodies.reduce((m, b) => Math.max(m, b.size), 1) + gap;
  for (let pass = 0; pass < passes; pass++) {
    const buckets = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const key = `${Math.floor(pos[i].x / cell)},${Math.floor(pos[i].y / cell)}`;
      const b = buckets.get(key);
      if (b) b.push(i);
      else buckets.set(key, [i]);
    }
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const cx = Math.floor(pos[i].x / cell);
      const cy = Math.floor(pos[i].y / cell);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const j of buckets.get(`${cx + dx},${cy + dy}`) ?? []) {
            if (j <= i) continue;
            moved += separate(i, j, bodies, pos, gap);
          }
        }
      }
    }
    if (!moved) return;
  }
}

function separate(i: number, j: number, bodies: Body[], pos: Pos[], gap: number): number {
  const min = (bodies[i].size + bodies[j].size) / 2 + gap;
  let dx = pos[j].x - pos[i].x;
  let dy = pos[j].y - pos[i].y;
  let d = Math.hypot(dx, dy);
  if (d >= min) return 0;
  const fi = !!bodies[i].fixed;
  const fj = !!bodies[j].fixed;
  if (fi && fj) return 0;
  if (d < 1e-6) {
    // Coincident: split along an angle that depends on the pair, so stacks fan out.
    const a = ((i * 7919 + j * 104729) % 360) * (Math.PI / 180);
    dx = Math.cos(a);
    dy = Math.sin(a);
    d = 1;
  }
  const push = min - d;
  const ux = dx / d;
  const uy = dy / d;
  const si = fi ? 0 : fj ? 1 : 0.5;
  const sj = fj ? 0 : fi ? 1 : 0.5;
  pos[i] = { x: pos[i].x - ux * push * si, y: pos[i].y - uy * push * si };
  pos[j] = { x: pos[j].x + ux * push * sj, y: pos[j].y + uy * push * sj };
  return 1;
}
