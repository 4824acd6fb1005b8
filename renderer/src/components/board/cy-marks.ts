// Marks changed in place (pin, note, colour, size) on the canvas. The canvas applies moves
// itself and may skip node updates whose entity did not change, so marks are applied here.
import type { Core, NodeSingular } from 'cytoscape';
import { nodeData } from '../../graph/elements';
import { cyNodeId } from '../../graph/state';
import type { CanvasNode, GraphState } from '../../graph/types';

export function applyNodeMarks(cy: Core, n: CanvasNode): void {
  const el = cy.getElementById(cyNodeId(n.ref.id)) as NodeSingular;
  if (el.empty()) return;
  el.data(nodeData(n));
  if (n.marks?.pinned) el.lock();
  else el.unlock();
}

export function syncMarks(cy: Core, prev: GraphState, next: GraphState): void {
  if (prev.nodes === next.nodes) return;
  cy.batch(() => {
    for (const [id, n] of next.nodes) {
      const old = prev.nodes.get(id);
      if (old && old !== n && old.marks !== n.marks) applyNodeMarks(cy, n);
    }
  });
}
