// What the Analyse menu has done to the canvas: metric sizing and community colours, the
// active filters, and the highlighted path. The canvas binder reads it; nothing here
// knows about Cytoscape or React.
import type { Metric, MetricsResult } from '../../../shared/contract';
import type { Agency } from '../../../shared/model';
import { NO_FILTERS, type FilterSpec } from '../graph/filters';
import { createStore } from './store';

export interface MetricStyling {
  sizeBy: Metric | null;
  colourByCommunity: boolean;
  result: MetricsResult | null;
  /** The board (boardSignature) the result was computed for. */
  computedFor: string | null;
  loading: boolean;
}

export interface Highlight {
  nodes: number[];
  links: number[];
  label: string;
}

export interface Analysis {
  metric: MetricStyling;
  filters: FilterSpec;
  /** Agencies that entered each node, read from the backend when the agency filter needs them. */
  agencies: ReadonlyMap<number, Agency[]>;
  highlight: Highlight | null;
}

export const NO_METRIC: MetricStyling = { sizeBy: null, colourByCommunity: false, result: null, computedFor: null, loading: false };

export const analysisStore = createStore<Analysis>({ metric: NO_METRIC, filters: NO_FILTERS, agencies: new Map(), highlight: null });

export const metricActive = (m: MetricStyling): boolean => m.sizeBy !== null || m.colourByCommunity;

export function setMetricStyling(patch: Partial<MetricStyling>): void {
  analysisStore.set((a) => ({ ...a, metric: { ...a.metric, ...patch } }));
}

export function clearMetricStyling(): void {
  analysisStore.set((a) => ({ ...a, metric: NO_METRIC }));
}

export function setFilters(filters: FilterSpec): void {
  analysisStore.set((a) => ({ ...a, filters }));
}

export function clearFilters(): void {
  analysisStore.set((a) => ({ ...a, filters: NO_FILTERS }));
}

export function rememberAgencies(found: ReadonlyMap<number, Agency[]>): void {
  if (!found.size) return;
  analysisStore.set((a) => ({ ...a, agencies: new Map([...a.agencies, ...found]) }));
}

export function setHighlight(highlight: Highlight | null): void {
  analysisStore.set((a) => (a.highlight === highlight ? a : { ...a, highlight }));
}

/** Another case: nothing of the old one's analysis may stay. */
export function resetAnalysis(): void {
  analysisStore.set({ metric: NO_METRIC, filters: NO_FILTERS, agencies: new Map(), highlight: null });
}
