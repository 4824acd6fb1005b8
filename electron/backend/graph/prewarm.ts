// On a large case, builds the in-memory graph for paths in the background (the analysis
// worker), so the analyst's first path question does not wait for it.
import type { CaseStore } from '../db/client';
import type { OpsLog } from '../ops/log';

/** Cases with fewer links build their path graph in well under a second: no need to prepare it. */
const PREWARM_MIN_LINKS = 200_000;

export function prewarmGraph(store: CaseStore, log: OpsLog): void {
  void (async () => {
    const st = await store.query('graph.stats', undefined);
    const links = st.links.reduce((a, l) => a + l.count, 0);
    if (links < PREWARM_MIN_LINKS) return;
    const g = await store.analyse('graph.warm', undefined);
    log.write('info', 'graph_ready', { nodes: g.nodes, links: g.links, ms: g.ms });
  })().catch(() => {});
}
