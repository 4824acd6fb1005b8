// What changed between two board states, for the canvas to apply in one batch.
import type { CanvasLink, CanvasNode, GraphState } from './types';

export interface GraphDiff {
  addNodes: CanvasNode[];
  updateNodes: CanvasNode[];
  removeNodes: number[];
  addLinks: CanvasLink[];
  removeLinks: number[];
}

export function diffGraph(prev: GraphState, next: GraphState): GraphDiff {
  const d: GraphDiff = { addNodes: [], updateNodes: [], removeNodes: [], addLinks: [], removeLinks: [] };
  if (prev === next) return d;
  if (prev.nodes !== next.nodes) {
    for (const [id, n] of next.nodes) {
      const old = prev.nodes.get(id);
      if (!old) d.addNodes.push(n);
      else if (old !== n) d.updateNodes.push(n);
    }
    for (const id of prev.nodes.keys()) if (!next.nodes.has(id)) d.removeNodes.push(id);
  }
  if (prev.links !== next.links) {
    for (const [id, l] of next.links) {
      const old = prev.links.get(id);
      if (!old) d.addLinks.push(l);
      else if (old !== l) {
        d.removeLinks.push(id);
        d.addLinks.push(l);
      }
    }
    for (const id of prev.links.keys()) if (!next.links.has(id)) d.removeLinks.push(id);
  }
  return d;
}

export const isEmptyDiff = (d: GraphDiff): boolean =>
  !d.addNodes.length && !d.updateNodes.length && !d.removeNodes.length && !d.addLinks.length && !d.removeLinks.length;
