// "How are these connected?": shortest and k shortest paths between two items, and the
// union of shortest paths joining a selected set, on the entity graph under the analyst's rules.
import type Database from 'better-sqlite3';
import type { ConnectResult, ParsedInput, PathResult } from '../../../shared/contract';
import { AppError } from '../errors';
import { PathExplainer } from './analysis/explain';
import { entityGraph, entityOf, type EntityGraph } from './analysis/entity-graph';
import { walkRules } from './analysis/rules';
import { kShortest, Walker, type DensePath } from './analysis/walk';
import { resolveSourceId } from './resolve-id';

const MAX_HUBS_LISTED = 5;

function locate(db: Database.Database, g: EntityGraph, spec: number | string, which: string): number {
  const ref = typeof spec === 'number' ? { id: spec } : resolveSourceId(db, spec);
  const i = ref ? entityOf(g, ref.id) : -1;
  if (i < 0) throw new AppError('not_found', `${which}: nothing in this case is called '${String(spec).slice(0, 80)}' (give a record, crossing, case, lookout, event or person id).`);
  return i;
}

function hubNote(w: Walker, explainer: PathExplainer): PathResult['hubsAvoided'] {
  return [...w.hubsMet].slice(0, MAX_HUBS_LISTED).map((i) => explainer.node(w.g.ids[i]));
}

/** `readers`: the agency bits that must see every step (access/rules.ts); 0 walks everything. */
export function findPaths(db: Database.Database, casePath: string, o: ParsedInput<'graph.path'>, readers = 0): PathResult {
  const started = performance.now();
  const g = entityGraph(db, casePath);
  const s = locate(db, g, o.from, 'from');
  const t = locate(db, g, o.to, 'to');
  const rules = walkRules(g, o, readers);
  const w = new Walker(g, rules);
  let dense: DensePath[];
  let note: string | null = null;
  if (o.timeRespecting) {
    const p = w.timeRespecting(s, t);
    dense = p ? [p] : [];
    if (o.k > 1) note = 'Time-respecting search gives the one path that arrives first; more paths are not searched in this mode.';
  } else {
    dense = kShortest(w, s, t, o.k);
  }
  const explainer = new PathExplainer(db, g);
  const hubsAvoided = hubNote(w, explainer);
  if (s === t) note = 'Both ids stand for the same entity (a record and the person or vehicle it resolved into).';
  else if (!dense.length) {
    note = `No path of at most ${o.maxHops} hops${o.linkKinds?.length ? ' over the chosen link kinds' : ''}${o.since || o.until ? ' in the period' : ''}${o.timeRespecting ? ' in time order' : ''}${hubsAvoided.length ? `, not passing through ${hubsAvoided.length === 1 ? 'a hub' : 'hubs'} (${hubsAvoided.map((h) => h.label).join(', ')})` : ''}.`;
    // Existence is what a pointer may tell: a path through withheld records, never the path.
    if (readers && new Walker(g, { ...rules, readers: 0 }).shortest(s, t)) {
      note += ' A path exists through records held by other agencies that you may not see; ask them.';
    }
  } else if (dense.length < o.k && !o.timeRespecting) {
    note = `Only ${dense.length} distinct path${dense.length === 1 ? '' : 's'} of at most ${o.maxHops} hops${hubsAvoided.length ? ' avoiding hubs' : ''}.`;
  }
  return {
    from: explainer.node(g.ids[s]),
    to: explainer.node(g.ids[t]),
    paths: dense.map((p) => explainer.explain(p)),
    hubsAvoided,
    hubDegree: Number.isFinite(rules.hubDegree) ? rules.hubDegree : null,
    note,
    ms: Math.round(performance.now() - started),
  };
}

/** The union of shortest paths between every pair of the selected items. */
export function connectSet(db: Database.Database, casePath: string, o: ParsedInput<'graph.connect'>, readers = 0): ConnectResult {
  const started = performance.now();
  const g = entityGraph(db, casePath);
  const w = new Walker(g, walkRules(g, o, readers));
  const explainer = new PathExplainer(db, g);
  const items = [...new Set(o.ids)].map((id) => ({ id, i: locate(db, g, id, `node ${id}`) }));
  const nodes = new Map<number, PathResult['from']>();
  const links = new Map<number, ConnectResult['board']['links'][number]>();
  const pairs: ConnectResult['pairs'] = [];
  for (let x = 0; x < items.length; x++) {
    for (let y = x + 1; y < items.length; y++) {
      const p = w.shortest(items[x].i, items[y].i);
      pairs.push({ a: items[x].id, b: items[y].id, length: p ? p.steps.length : null });
      if (!p) continue;
      const e = explainer.explain(p);
      for (const n of e.board.nodes) nodes.set(n.id, n);
      for (const l of e.board.links) links.set(l.id, l);
    }
  }
  for (const it of items) if (!nodes.has(g.ids[it.i])) nodes.set(g.ids[it.i], explainer.node(g.ids[it.i]));
  const missing = pairs.filter((p) => p.length === null).length;
  return {
    board: { nodes: [...nodes.values()], links: [...links.values()] },
    pairs,
    note: missing ? `${missing} of ${pairs.length} pairs have no path of at most ${o.maxHops} hops${w.hubsMet.size ? ' avoiding hubs' : ''}.` : null,
    ms: Math.round(performance.now() - started),
  };
}
