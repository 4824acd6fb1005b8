// Where new nodes go: on rings around their parent, in free slots, so existing nodes never move.
import type { Pos } from './types';

export interface RingOptions {
  /** Radius of the first ring. */
  radius?: number;
  /** Distance between neighbouring slots and between rings. */
  spacing?: number;
  /** Slots closer than this to an existing node are skipped. */
  clearance?: number;
}

const dist2 = (a: Pos, b: Pos): number => (a.x - b.x) ** 2 + (a.y - b.y) ** 2;

/**
 * `count` positions on concentric rings around `center`, skipping slots near `existing`.
 * Deterministic: the same inputs give the same positions.
 */
export function placeAround(center: Pos, existing: readonly Pos[], count: number, opts: RingOptions = {}): Pos[] {
  const spacing = opts.spacing ?? 88;
  const clearance = opts.clearance ?? spacing * 0.7;
  const c2 = clearance * clearance;
  const out: Pos[] = [];
  const taken: Pos[] = [...existing];
  let radius = opts.radius ?? 150;
  for (let ring = 0; out.length < count && ring < 500; ring++, radius += spacing) {
    const slots = Math.max(6, Math.floor((2 * Math.PI * radius) / spacing));
    // Offset every other ring by half a slot so rings do not line up into spokes.
    const offset = (ring % 2) * (Math.PI / slots) - Math.PI / 2;
    for (let s = 0; s < slots && out.length < count; s++) {
      const a = offset + (2 * Math.PI * s) / slots;
      const p = { x: Math.round(center.x + radius * Math.cos(a)), y: Math.round(center.y + radius * Math.sin(a)) };
      if (taken.some((t) => dist2(t, p) < c2)) continue;
      out.push(p);
      taken.push(p);
    }
  }
  return out;
}

/** A free spot for one node: the origin on an empty board, else the first free slot near the middle. */
export function placeOne(existing: readonly Pos[], near?: Pos): Pos {
  if (!existing.length) return near ?? { x: 0, y: 0 };
  const mid = near ?? {
    x: existing.reduce((s, p) => s + p.x, 0) / existing.length,
    y: existing.reduce((s, p) => s + p.y, 0) / existing.length,
  };
  return placeAround(mid, existing, 1, { radius: 0 })[0];
}
