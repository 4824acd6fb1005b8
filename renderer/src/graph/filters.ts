// Which board elements the analyst's filters hide: by entity kind, link kind, handling,
// agency and period. Pure, so the canvas, the overlay and the tests share one answer.
import type { Agency, Handling, LinkKind, NodeKind } from '../../../shared/model';
import type { GraphState } from './types';

export interface FilterSpec {
  hideNodeKinds: NodeKind[];
  hideLinkKinds: LinkKind[];
  hideHandling: Handling[];
  /** Show only elements entered by these agencies (all when empty). */
  agencies: Agency[];
  /** Dated links outside this window are hidden; undated links always stay. */
  since: string | null;
  until: string | null;
}

export const NO_FILTERS: FilterSpec = { hideNodeKinds: [], hideLinkKinds: [], hideHandling: [], agencies: [], since: null, until: null };

export interface Hidden {
  nodes: ReadonlySet<number>;
  links: ReadonlySet<number>;
}

export const NOTHING_HIDDEN: Hidden = { nodes: new Set(), links: new Set() };

export function isFilterActive(f: FilterSpec): boolean {
  return !!(f.hideNodeKinds.length || f.hideLinkKinds.length || f.hideHandling.length || f.agencies.length || f.since || f.until);
}

/** Is a link date inside the window? Bounds are compared at their own precision, so `until` 2025-12-31 keeps the whole day. */
export function inPeriod(at: string | null, since: string | null, until: string | null): boolean {
  if (!at) return true;
  if (since && at.slice(0, since.length) < since) return false;
  if (until && at.slice(0, until.length) > until) return false;
  return true;
}

/**
 * The nodes and links the filters hide. `agenciesOf` tells which agencies entered a node
 * (unknown or none: the agency filter leaves it alone, e.g. a phone number).
 * A node whose every link falls outside the period is hidden with them, so a period
 * filter takes crossings outside it off the board rather than leaving them floating.
 */
export function hiddenBy(graph: GraphState, f: FilterSpec, agenciesOf?: (nodeId: number) => readonly Agency[] | undefined): Hidden {
  if (!isFilterActive(f)) return NOTHING_HIDDEN;
  const kinds = new Set(f.hideNodeKinds);
  const linkKinds = new Set(f.hideLinkKinds);
  const handling = new Set(f.hideHandling);
  const agencies = new Set(f.agencies);
  const nodes = new Set<number>();
  for (const [id, n] of graph.nodes) {
    if (kinds.has(n.ref.kind) || handling.has(n.ref.handling)) nodes.add(id);
    else if (agencies.size) {
      const a = agenciesOf?.(id);
      if (a && a.length && !a.some((x) => agencies.has(x))) nodes.add(id);
    }
  }
  const links = new Set<number>();
  const periodOnly = new Map<number, boolean>();
  const periodSet = !!(f.since || f.until);
  for (const [id, l] of graph.links) {
    const { ref } = l;
    const outOfPeriod = !inPeriod(ref.at, f.since, f.until);
    if (linkKinds.has(ref.kind) || handling.has(ref.handling) || nodes.has(ref.source) || nodes.has(ref.target) || outOfPeriod) links.add(id);
    if (!periodSet) continue;
    // Tracks, per node, whether all of its links are hidden by the period alone.
    for (const end of [ref.source, ref.target]) {
      const prev = periodOnly.get(end);
      periodOnly.set(end, (prev ?? true) && outOfPeriod);
    }
  }
  for (const [id, allOut] of periodOnly) if (allOut) nodes.add(id);
  return { nodes, links };
}

/** One line for the overlay: "hiding Port of entry, LES; 2025-10-01 – 2025-12-31". */
export function describeFilters(f: FilterSpec, nodeKindLabel: (k: NodeKind) => string, linkKindLabel: (k: LinkKind) => string): string {
  const parts: string[] = [];
  const hidden = [...f.hideNodeKinds.map(nodeKindLabel), ...f.hideLinkKinds.map((k) => `“${linkKindLabel(k)}” links`), ...f.hideHandling];
  if (hidden.length) parts.push(`hiding ${hidden.join(', ')}`);
  if (f.agencies.length) parts.push(`only ${f.agencies.join(', ')}`);
  if (f.since || f.until) parts.push(`${f.since ?? '…'} – ${f.until ?? '…'}`);
  return parts.join('; ');
}
