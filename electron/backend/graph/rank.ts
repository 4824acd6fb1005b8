// "Who matters in the whole case?": degree, betweenness or PageRank over the case's entity
// graph (records folded into their persons and vehicles), optionally only between the kinds
// and over the link kinds named, and only through what the profile may see. The graph is the
// analysis worker's CSR (entity-graph.ts); betweenness and PageRank are graphology's.
import type Database from 'better-sqlite3';
import Graph from 'graphology';
import betweenness from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import type { ParsedInput, RankResult } from '../../../shared/contract';
import type { NodeKind } from '../../../shared/model';
import { AppError } from '../errors';
import { entityGraph } from './analysis/entity-graph';
import { getNode, toNodeRef } from './rows';

/** Exact betweenness costs O(n·m): above this many entities, narrow the question first. */
export const RANK_BETWEENNESS_MAX = 100_000;

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
  } else {
    // graphology for the algorithms: a simple undirected graph of the entities in the set.
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
    if (a.metric === 'betweenness' && nodes > RANK_BETWEENNESS_MAX) {
      throw new AppError(
        'invalid_input',
        `Betweenness over ${nodes.toLocaleString('en-US')} entities is too slow to compute exactly (the limit is ${RANK_BETWEENNESS_MAX.toLocaleString('en-US')}); name the kinds or link kinds to rank.`,
      );
    }
    const m: Record<string, number> = a.metric === 'betweenness' ? betweenness(gr, { normalized: false }) : nodes ? pagerank(gr, { getEdgeWeight: null }) : {};
    for (const [id, score] of Object.entries(m)) scores.push({ id: Number(id), score });
  }
  scores.sort((x, y) => y.score - x.score || x.id - y.id);
  return { metric: a.metric, nodes, links, top: scores.slice(0, a.top), ms: Math.round(performance.now() - started) };
}

/** The ranked entities as node refs (labels and kinds), before the profile's redaction. */
export function rankRefs(db: Database.Database, top: Array<{ id: number; score: number }>): Array<{ ref: ReturnType<typeof toNodeRef>; score: number }> {
  return top.map((t) => ({ ref: toNodeRef(db, getNode(db, t.id)), score: t.score }));
}
