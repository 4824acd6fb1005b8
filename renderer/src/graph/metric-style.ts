// Scores from the backend -> node sizes and community colours. Pure: the canvas binder
// applies the maps, the overlay draws the legend from the same numbers.
import type { Metric, MetricsResult } from '../../../shared/contract';

export type Score = MetricsResult['scores'][number];

export const METRIC_LABEL: Record<Metric, string> = {
  degree: 'Degree (links on the board)',
  betweenness: 'Betweenness (brokers between groups)',
  pagerank: 'PageRank (linked to the well linked)',
};

export const METRIC_SHORT: Record<Metric, string> = { degree: 'degree', betweenness: 'betweenness', pagerank: 'PageRank' };

export interface SizeRange {
  min: number;
  max: number;
}

export const DEFAULT_SIZES: SizeRange = { min: 28, max: 84 };

/**
 * A size per node: the square root of the score's place between the lowest and highest
 * score, so the area (what the eye compares) grows with the score. Equal scores: all small.
 */
export function metricSizes(scores: readonly Score[], metric: Metric, range: SizeRange = DEFAULT_SIZES): Map<number, number> {
  const out = new Map<number, number>();
  if (!scores.length) return out;
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of scores) {
    lo = Math.min(lo, s[metric]);
    hi = Math.max(hi, s[metric]);
  }
  const span = hi - lo;
  for (const s of scores) {
    const t = span > 0 ? Math.sqrt((s[metric] - lo) / span) : 0;
    out.set(s.id, Math.round(range.min + t * (range.max - range.min)));
  }
  return out;
}

/** Distinct colours that stay readable under white labels and next to the kind colours. */
export const COMMUNITY_PALETTE = [
  '#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4',
  '#f032e6', '#9a6324', '#469990', '#bfef45', '#800000', '#000075',
];
/** Communities beyond the palette, and nodes alone in theirs. */
export const OTHER_COMMUNITY = '#94a3b8';

export interface CommunityLegend {
  community: number;
  colour: string;
  size: number;
}

/** Communities by size (largest first, ties by number); the largest get the palette. */
export function communityLegend(scores: readonly Score[]): CommunityLegend[] {
  const sizes = new Map<number, number>();
  for (const s of scores) sizes.set(s.community, (sizes.get(s.community) ?? 0) + 1);
  let next = 0;
  return [...sizes]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([community, size]) => ({
      community,
      size,
      colour: size > 1 && next < COMMUNITY_PALETTE.length ? COMMUNITY_PALETTE[next++] : OTHER_COMMUNITY,
    }));
}

export function communityColours(scores: readonly Score[]): Map<number, string> {
  const colourOf = new Map(communityLegend(scores).map((c) => [c.community, c.colour]));
  return new Map(scores.map((s) => [s.id, colourOf.get(s.community) ?? OTHER_COMMUNITY]));
}

/** The nodes with the highest scores, best first (ties by id, so the list is stable). */
export function topByMetric(scores: readonly Score[], metric: Metric, n = 10): Score[] {
  return [...scores].sort((a, b) => b[metric] - a[metric] || a.id - b.id).slice(0, n);
}

export function fmtScore(metric: Metric, v: number): string {
  if (metric === 'degree') return String(Math.round(v));
  if (metric === 'pagerank') return v.toFixed(4);
  // Normalised betweenness lies in 0..1; raw counts can run into the thousands.
  return v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(v >= 10 ? 1 : v >= 1 ? 2 : 3);
}

/** What the metric request covers, so a board change can tell whether the scores are stale. */
export function boardSignature(nodes: readonly number[], links: readonly (readonly [number, number])[]): string {
  return `${[...nodes].sort((a, b) => a - b).join(',')}|${links.map(([a, b]) => (a < b ? `${a}-${b}` : `${b}-${a}`)).sort().join(',')}`;
}
