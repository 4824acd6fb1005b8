// "Who matters in this network?": degree, betweenness, PageRank and Louvain communities of
// a board (or any set of nodes and links), with graphology's algorithms.
import Graph from 'graphology';
import betweenness from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import louvain from 'graphology-communities-louvain';
import type { MetricsResult } from '../../../shared/contract';

/** Above this many nodes exact betweenness (O(n·m)) is skipped and reported as 0. */
export const BETWEENNESS_MAX_NODES = 20_000;

export function boardMetrics(nodeIds: number[], links: Array<[number, number]>): MetricsResult {
  const started = performance.now();
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of nodeIds) g.mergeNode(String(id));
  for (const [a, b] of links) {
    if (a === b || !g.hasNode(String(a)) || !g.hasNode(String(b))) continue;
    g.mergeEdge(String(a), String(b));
  }
  const btw: Record<string, number> = g.order && g.order <= BETWEENNESS_MAX_NODES ? betweenness(g, { normalized: true }) : {};
  const pr: Record<string, number> = g.size ? pagerank(g, { getEdgeWeight: null }) : Object.fromEntries(g.nodes().map((n) => [n, g.order ? 1 / g.order : 0]));
  let communities: Record<string, number> = {};
  let count = 0;
  let modularity = 0;
  if (g.size) {
    const d = louvain.detailed(g, { getEdgeWeight: null, randomWalk: false });
    communities = d.communities;
    count = d.count;
    modularity = d.modularity;
  } else {
    g.forEachNode((n, _a) => (communities[n] = count++));
  }
  return {
    scores: g.mapNodes((n) => ({
      id: Number(n),
      degree: g.degree(n),
      betweenness: btw[n] ?? 0,
      pagerank: pr[n] ?? 0,
      community: communities[n] ?? 0,
    })),
    communities: count,
    modularity,
    ms: Math.round(performance.now() - started),
  };
}
