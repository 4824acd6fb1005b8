// Computes a whole-board layout on a headless Cytoscape: no DOM, so it runs in a Web Worker
// (and in Node for tests). The canvas then moves its nodes to the answer.
import cytoscape from 'cytoscape';
import type { Pos } from './types';

export interface LayoutInput {
  nodes: Array<{ id: number; x: number; y: number; size: number }>;
  links: Array<{ source: number; target: number }>;
}

export type LayoutOutput = Array<[number, Pos]>;

/** Above this many nodes cose gets slow (it is quadratic); a concentric layout by degree instead. */
export const COSE_MAX_NODES = 1500;

export function computeLayout(input: LayoutInput): LayoutOutput {
  const ids = new Set(input.nodes.map((n) => n.id));
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
    elements: [
      ...input.nodes.map((n) => ({ group: 'nodes' as const, data: { id: `n${n.id}`, size: n.size }, position: { x: n.x, y: n.y } })),
      ...input.links
        .filter((l) => ids.has(l.source) && ids.has(l.target))
        .map((l, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: `n${l.source}`, target: `n${l.target}` } })),
    ],
  });
  const options = input.nodes.length <= COSE_MAX_NODES
    ? { name: 'cose', animate: false, randomize: false, fit: false, idealEdgeLength: () => 110, nodeRepulsion: () => 12000, nodeOverlap: 20, numIter: 1500, componentSpacing: 120 }
    : { name: 'concentric', animate: false, fit: false, minNodeSpacing: 30, concentric: (n: { degree(b: boolean): number }) => n.degree(false), levelWidth: () => 2 };
  cy.layout(options as cytoscape.LayoutOptions).run();
  const out: LayoutOutput = cy.nodes().map((n) => {
    const p = n.position();
    return [Number(n.id().slice(1)), { x: Math.round(p.x), y: Math.round(p.y) }];
  });
  cy.destroy();
  return out;
}
