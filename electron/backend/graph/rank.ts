// "Who matters in the whole case?": degree, betweenness or PageRank over the case's entity
// graph (records folded into their persons and vehicles), optionally only between the kinds
// and over the link kinds named, and only through what the profile may see. The graph is the
// analysis worker's CSR (entity-graph.ts); betweenness and PageRank are graphology's.
import type Database from 'better-sqlite3';
import Graph from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import type { ParsedInput, RankResult } from '../../../shared/contract';
import type { NodeKind } from '../../../shared/model';
import { entityGraph, type EntityGraph } from './analysis/entity-graph';
import { getNode, toNodeRef } from './rows';

/** Exact betweenness visits every adjacency entry once per source, twice (O(n·m)); above this
 * many visits (about 10 s here, measured: 30 ns a visit on 54k entities) it is estimated from
 * sampled sources instead. */
export const BETWEENNESS_WORK = 3e8;

export function rankEntities(db: Database.Database, casePath: string, a: ParsedInput<'graph.rank'>, readers: number): Omit<RankResult, 'top'> & { top: Array<{ id: number; score: number }> } {
  const started = performance.now();
  const g = entityGraph(db, casePath);
  const kinds = a.kinds?.length ? new Set<string>(a.kinds) : null;
  const linkOk = new Uint8Array(256).fill(a.linkKinds?.length ? 0 : 1);
  for (const k of a.linkKinds ?? []) {
    const code = g.linkCodes.get(k);
    if (code !== undefined) linkOk[code] = 1;
  }
  // Which entities take part: representatives with a link, of the kinds named, visible to the profile.
  const kindOf = new Map<number, NodeKind>();
  if (kinds) {
    for (const [id, k] of db.prepare(`SELECT id, kind FROM node WHERE kind IN (${[...kinds].map(() => '?').join(',')})`).raw(true).iterate(...kinds) as Iterable<[number, NodeKind]>) kindOf.set(id, k);
  }
  const visible = (i: number) => !readers || (g.nodeMask[i] & readers) === readers;
  const inSet = new Uint8Array(g.n);
  for (let i = 0; i < g.n; i++) {
    if (g.rep[i] !== i || g.off[i + 1] === g.off[i] || !visible(i)) continue;
    if (kinds && !kindOf.has(g.ids[i])) continue;
    inSet[i] = 1;
  }
  const usable = (p: number) => linkOk[g.adjKind[p]] === 1 && inSet[g.adj[p]] === 1 && (!readers || (g.adjMask[p] & readers) === readers);
  let nodes = 0;
  let links = 0;
  let note: string | null = null;
  const scores: Array<{ id: number; score: number }> = [];
  if (a.metric === 'degree') {
    for (let i = 0; i < g.n; i++) {
      if (!inSet[i]) continue;
      let d = 0;
      for (let p = g.off[i]; p < g.off[i + 1]; p++) if (usable(p)) d++;
      if (!d) continue;
      nodes++;
      links += d;
      scores.push({ id: g.ids[i], score: d });
    }
    links /= 2;
  } else if (a.metric === 'betweenness') {
    const sub = simpleSubgraph(g, inSet, usable);
    nodes = sub.n;
    links = sub.adj.length / 2;
    const perSource = 2 * sub.adj.length + nodes;
    const sources = nodes * perSource <= BETWEENNESS_WORK ? null : sampleSources(nodes, Math.max(100, Math.floor(BETWEENNESS_WORK / perSource)));
    const bc = brandes(sub, sources);
    if (sources) note = `estimated from ${sources.length.toLocaleString('en-US')} of ${nodes.toLocaleString('en-US')} entities as sources (sampled Brandes, scaled); exact on smaller graphs`;
    for (let k = 0; k < nodes; k++) scores.push({ id: g.ids[sub.index[k]], score: bc[k] });
  } else {
    // graphology's PageRank on a simple undirected graph of the entities in the set.
    const gr = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    for (let i = 0; i < g.n; i++) {
      if (!inSet[i]) continue;
      for (let p = g.off[i]; p < g.off[i + 1]; p++) {
        const j = g.adj[p];
        if (j <= i || !usable(p)) continue;
        gr.mergeEdge(String(g.ids[i]), String(g.ids[j]));
      }
    }
    nodes = gr.order;
    links = gr.size;
    const m: Record<string, number> = nodes ? pagerank(gr, { getEdgeWeight: null }) : {};
    for (const [id, score] of Object.entries(m)) scores.push({ id: Number(id), score });
  }
  scores.sort((x, y) => y.score - x.score || x.id - y.id);
  return { metric: a.metric, nodes, links, top: scores.slice(0, a.top), ms: Math.round(performance.now() - started), note };
}

interface Subgraph {
  n: number;
  /** Local index -> dense index of the entity graph. */
  index: Int32Array;
  off: Int32Array;
  adj: Int32Array;
}

/** The entities of the set with a usable link, and one edge per linked pair (parallel links count once). */
function simpleSubgraph(g: EntityGraph, inSet: Uint8Array, usable: (p: number) => boolean): Subgraph {
  const local = new Int32Array(g.n).fill(-1);
  const index: number[] = [];
  const pairs: number[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < g.n; i++) {
    if (!inSet[i]) continue;
    seen.clear();
    for (let p = g.off[i]; p < g.off[i + 1]; p++) {
      const j = g.adj[p];
      if (j === i || !usable(p) || seen.has(j)) continue;
      seen.add(j);
      if (local[i] < 0) local[i] = index.push(i) - 1;
      if (local[j] < 0) local[j] = index.push(j) - 1;
      if (i < j) pairs.push(local[i], local[j]);
    }
  }
  const n = index.length;
  const off = new Int32Array(n + 1);
  for (const v of pairs) off[v + 1]++;
  for (let k = 0; k < n; k++) off[k + 1] += off[k];
  const fill = off.slice(0, n);
  const adj = new Int32Array(pairs.length);
  for (let e = 0; e < pairs.length; e += 2) {
    adj[fill[pairs[e]]++] = pairs[e + 1];
    adj[fill[pairs[e + 1]]++] = pairs[e];
  }
  return { n, index: Int32Array.from(index), off, adj };
}

/** Evenly spread sources, the same every time (a ranking must not change between two asks). */
function sampleSources(n: number, k: number): Int32Array | null {
  if (k >= n) return null;
  const out = new Int32Array(k);
  for (let s = 0; s < k; s++) out[s] = Math.floor(((s + 0.5) * n) / k);
  return out;
}

/**
 * Brandes' betweenness on an unweighted undirected graph, over typed arrays (graphology's
 * version keeps a map per node and was 10x slower here). With sampled sources the sums are
 * scaled by n / sources. Pairs are counted once, as NetworkX and graphology do.
 */
export function brandes(sub: Subgraph, sources: Int32Array | null): Float64Array {
  const { n, off, adj } = sub;
  const bc = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  const count = sources ? sources.length : n;
  for (let c = 0; c < count; c++) {
    const s = sources ? sources[c] : c;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head++];
      const dv = dist[v] + 1;
      for (let p = off[v]; p < off[v + 1]; p++) {
        const w = adj[p];
        if (dist[w] < 0) {
          dist[w] = dv;
          order[tail++] = w;
        }
        if (dist[w] === dv) sigma[w] += sigma[v];
      }
    }
    for (let k = tail - 1; k > 0; k--) {
      const w = order[k];
      const dw = dist[w] - 1;
      const share = (1 + delta[w]) / sigma[w];
      for (let p = off[w]; p < off[w + 1]; p++) {
        const v = adj[p];
        if (dist[v] === dw) delta[v] += sigma[v] * share;
      }
      bc[w] += delta[w];
    }
    for (let k = 0; k < tail; k++) {
      const v = order[k];
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  const scale = (sources ? n / sources.length : 1) / 2;
  for (let k = 0; k < n; k++) bc[k] *= scale;
  return bc;
}

/** The ranked entities as node refs (labels and kinds), before the profile's redaction. */
export function rankRefs(db: Database.Database, top: Array<{ id: number; score: number }>): Array<{ ref: ReturnType<typeof toNodeRef>; score: number }> {
  return top.map((t) => ({ ref: toNodeRef(db, getNode(db, t.id)), score: t.score }));
}
