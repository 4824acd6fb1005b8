// Force-directed: ForceAtlas2 (Barnes-Hut above a few hundred nodes), run synchronously
// (the caller is a Web Worker), from the current positions so the picture stays familiar.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { Pos } from '../types';
import type { LayoutInput } from './types';

/** Pixels per ForceAtlas2 unit: with these settings neighbours settle about 100 px apart, room for labels. */
const PX_PER_UNIT = 5;

/** Fewer sweeps for bigger boards: Barnes-Hut costs about n log n per sweep. */
export function forceIterations(n: number): number {
  return Math.max(100, Math.min(600, Math.round(10000 / Math.sqrt(Math.max(n, 1)))));
}

/** A small deterministic offset per node: coincident nodes get apart, runs repeat exactly. */
function jitter(id: number): Pos {
  const h = Math.sin(id * 12.9898) * 43758.5453;
  const a = (h - Math.floor(h)) * Math.PI * 2;
  return { x: Math.cos(a), y: Math.sin(a) };
}

export function forceLayout(input: LayoutInput): Pos[] {
  const n = input.nodes.length;
  const g = new Graph({ type: 'undirected', allowSelfLoops: false });
  input.nodes.forEach((node, i) => {
    const j = jitter(node.id);
    g.addNode(String(i), {
      x: node.fixed ? node.x / PX_PER_UNIT : node.x / PX_PER_UNIT + j.x,
      y: node.fixed ? node.y / PX_PER_UNIT : node.y / PX_PER_UNIT + j.y,
      size: node.size / PX_PER_UNIT,
      fixed: !!node.fixed,
    });
  });
  const index = new Map(input.nodes.map((node, i) => [node.id, String(i)]));
  for (const l of input.links) {
    const a = index.get(l.source);
    const b = index.get(l.target);
    if (a === undefined || b === undefined || a === b) continue;
    // Several links between the same two nodes pull harder, as one heavier edge.
    if (g.hasEdge(a, b)) g.updateEdgeAttribute(a, b, 'weight', (w: number | undefined) => (w ?? 1) + 1);
    else g.addEdge(a, b, { weight: 1 });
  }
  forceAtlas2.assign(g, {
    iterations: forceIterations(n),
    getEdgeWeight: 'weight',
    settings: {
      ...forceAtlas2.inferSettings(n),
      barnesHutOptimize: n > 300,
      barnesHutTheta: 1.2,
      // Keeps hubs from crushing their many leaves into a ball.
      outboundAttractionDistribution: true,
    },
  });
  return input.nodes.map((_, i) => {
    const a = g.getNodeAttributes(String(i));
    return { x: a.x * PX_PER_UNIT, y: a.y * PX_PER_UNIT };
  });
}
