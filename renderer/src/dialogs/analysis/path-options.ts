// The Find paths form as plain data, and how it becomes a graph.path call.
import type { Input } from '../../../../shared/contract';
import type { LinkKind, NodeRef } from '../../../../shared/model';

export interface PathForm {
  k: number;
  maxHops: number;
  avoidHubs: boolean;
  /** Hubs the analyst allowed after a search met them. */
  allowed: NodeRef[];
  avoidLinkKinds: LinkKind[];
  since: string;
  until: string;
  timeRespecting: boolean;
}

export const DEFAULT_PATH_FORM: PathForm = { k: 5, maxHops: 6, avoidHubs: true, allowed: [], avoidLinkKinds: [], since: '', until: '', timeRespecting: false };

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, Math.round(Number.isFinite(v) ? v : lo)));

/**
 * The call for a form. Allowing a port means passing through ports at all (they are hubs by
 * kind); allowing another hub raises the hub threshold just above its number of links.
 */
export function pathInput(from: NodeRef, to: NodeRef, f: PathForm): Input<'graph.path'> {
  const allowPorts = f.allowed.some((n) => n.kind === 'port');
  const hubDegree = f.allowed.filter((n) => n.kind !== 'port').reduce((m, n) => Math.max(m, n.degree + 1), 0);
  return {
    from: from.id,
    to: to.id,
    k: clamp(f.k, 1, 20),
    maxHops: clamp(f.maxHops, 1, 12),
    avoidHubs: f.avoidHubs && !allowPorts,
    ...(hubDegree > 1 && f.avoidHubs ? { hubDegree: Math.min(hubDegree, 10_000_000) } : {}),
    ...(f.avoidLinkKinds.length ? { avoidLinkKinds: f.avoidLinkKinds } : {}),
    ...(f.since ? { since: f.since } : {}),
    ...(f.until ? { until: f.until } : {}),
    timeRespecting: f.timeRespecting,
  };
}
