// Requests to the canvas from menus, shortcuts and actions. The canvas component is the
// only listener; it owns `cy`.
import type { LayoutName } from '../graph/layouts/types';

export type CanvasRequest =
  | { type: 'fit' }
  /** Lay the whole board out again (force-directed when `layout` is absent); pinned nodes stay. */
  | { type: 'relayout'; layout?: LayoutName }
  /** Select these nodes and bring them (and `context`) into view. */
  | { type: 'focus'; select: number[]; context?: number[] }
  | { type: 'flash'; nodeId: number; on: boolean };

type Listener = (r: CanvasRequest) => void;
const listeners = new Set<Listener>();

export function requestCanvas(r: CanvasRequest): void {
  for (const l of listeners) l(r);
}

export function onCanvasRequest(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
