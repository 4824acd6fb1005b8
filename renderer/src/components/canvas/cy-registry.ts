// The live Cytoscape instance for modules that style or filter the canvas (metrics,
// filters, timeline brushing, board marks). GraphCanvas sets it; others subscribe.
import type { Core } from 'cytoscape';

type Listener = (cy: Core | null) => void;
let current: Core | null = null;
const listeners = new Set<Listener>();

export function setCy(cy: Core | null): void {
  current = cy;
  for (const l of listeners) l(cy);
}

export const getCy = (): Core | null => current;

/** Calls `l` now with the current instance and whenever it changes; returns the unsubscribe. */
export function onCy(l: Listener): () => void {
  listeners.add(l);
  l(current);
  return () => listeners.delete(l);
}
