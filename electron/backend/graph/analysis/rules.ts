// From the analyst's path options to walk rules: allowed link kinds, the period, hubs.
import type { ParsedInput } from '../../../../shared/contract';
import { degreeOf, NODE_CODE, toLocalMinutes, type EntityGraph } from './entity-graph';
import type { WalkRules } from './walk';

type Options = Pick<ParsedInput<'graph.path'>, 'maxHops' | 'linkKinds' | 'avoidLinkKinds' | 'avoidHubs' | 'hubDegree' | 'since' | 'until'>;

/** Below this many links nothing is called a hub, whatever the case's degrees. */
export const MIN_HUB_DEGREE = 100;
const defaults = new WeakMap<EntityGraph, number>();

/** The case's default hub threshold: the 99.9th percentile of entity degrees, at least MIN_HUB_DEGREE. */
export function defaultHubDegree(g: EntityGraph): number {
  let d = defaults.get(g);
  if (d !== undefined) return d;
  const degs: number[] = [];
  for (let i = 0; i < g.n; i++) if (g.rep[i] === i && degreeOf(g, i) > 0) degs.push(degreeOf(g, i));
  degs.sort((x, y) => x - y);
  d = Math.max(MIN_HUB_DEGREE, degs.length ? degs[Math.floor(0.999 * (degs.length - 1))] + 1 : MIN_HUB_DEGREE);
  defaults.set(g, d);
  return d;
}

export function walkRules(g: EntityGraph, o: Options, readers = 0): WalkRules {
  const kindOk = new Uint8Array(256);
  const only = o.linkKinds?.length ? new Set<string>(o.linkKinds) : null;
  const avoid = new Set<string>(o.avoidLinkKinds ?? []);
  for (const [k, code] of g.linkCodes) if ((!only || only.has(k)) && !avoid.has(k)) kindOk[code] = 1;
  const hubKind = new Uint8Array(256);
  if (o.avoidHubs) hubKind[NODE_CODE.get('port')!] = 1;
  const since = o.since ? toLocalMinutes(o.since) : -Infinity;
  const untilRaw = o.until ? toLocalMinutes(o.until) : Infinity;
  // A bare date as the end means the whole of that day.
  const until = o.until && o.until.length === 10 ? untilRaw + 24 * 60 - 1 : untilRaw;
  return {
    kindOk,
    since,
    until,
    hubKind,
    hubDegree: o.avoidHubs ? (o.hubDegree ?? defaultHubDegree(g)) : Infinity,
    maxHops: o.maxHops,
    readers,
  };
}
