// Keeps the live canvas in step with the Analyse menu: metric sizes and community colours,
// filters, and the highlighted path, re-applied in one batch whenever the board or the
// analysis changes. Scores are asked again (debounced) when the shown board changes.
import type { Core } from 'cytoscape';
import { missingAgencies, applyFilters, refreshMetrics } from '../../actions/analysis-actions';
import { hiddenBy, isFilterActive } from '../../graph/filters';
import { boardStore } from '../../graph/graph-store';
import type { GraphState } from '../../graph/types';
import { communityColours, metricSizes } from '../../graph/metric-style';
import { analysisStore, metricActive, resetAnalysis, setHighlight } from '../../state/analysis-store';
import { caseStore } from '../../state/case-store';
import { onCy } from '../canvas/cy-registry';
import { mountAnalysisOverlay } from './mount-overlay';

const CLASSES = 'an-sized an-coloured an-hidden an-faded an-path';

let painted = false;

export function paint(cy: Core): void {
  const { graph } = boardStore.get();
  const a = analysisStore.get();
  const active = !!a.highlight || metricActive(a.metric) || isFilterActive(a.filters);
  // Nothing to show and nothing shown: leave a big board alone.
  if (!active && !painted) return;
  painted = active;
  const hidden = hiddenBy(graph, a.filters, (id) => a.agencies.get(id));
  const scores = a.metric.result?.scores ?? [];
  const sizes = a.metric.sizeBy ? metricSizes(scores, a.metric.sizeBy) : null;
  const colours = a.metric.colourByCommunity ? communityColours(scores) : null;
  const hl = a.highlight;
  const hlNodes = new Set(hl?.nodes);
  const hlLinks = new Set(hl?.links);
  cy.batch(() => {
    cy.elements().removeClass(CLASSES);
    cy.nodes('[nodeId]').forEach((n) => {
      const id = n.data('nodeId') as number;
      if (hidden.nodes.has(id)) n.addClass('an-hidden');
      const size = sizes?.get(id);
      if (size !== undefined) n.data('anSize', size).addClass('an-sized');
      const colour = colours?.get(id);
      if (colour) n.data('anColour', colour).addClass('an-coloured');
      if (hl) n.addClass(hlNodes.has(id) ? 'an-path' : 'an-faded');
    });
    cy.edges().forEach((e) => {
      const id = e.data('linkId') as number;
      if (hidden.links.has(id)) e.addClass('an-hidden');
      if (hl) e.addClass(hlLinks.has(id) ? 'an-path' : 'an-faded');
    });
  });
}

let metricTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleMetrics(): void {
  clearTimeout(metricTimer);
  metricTimer = setTimeout(() => void refreshMetrics(), 400);
}

let started = false;

/** Starts once; safe to call from several places. */
export function startAnalysisCanvas(): void {
  if (started) return;
  started = true;
  let cy: Core | null = null;
  let unmount: (() => void) | null = null;
  const repaint = () => cy && !cy.destroyed() && paint(cy);
  const clearOnBackground = (e: { target: unknown }) => {
    if (cy && e.target === cy && analysisStore.get().highlight) setHighlight(null);
  };
  onCy((next) => {
    if (cy && !cy.destroyed()) cy.off('tap', clearOnBackground);
    unmount?.();
    unmount = null;
    cy = next;
    if (!cy) return;
    cy.on('tap', clearOnBackground);
    const host = cy.container()?.parentElement;
    if (host) unmount = mountAnalysisOverlay(host);
    repaint();
  });
  boardStore.subscribe((next, prev) => {
    if (next.graph === prev.graph) return;
    const a = analysisStore.get();
    // Elements of a highlight that left the board are dropped from it.
    if (a.highlight && !a.highlight.nodes.some((id) => next.graph.nodes.has(id))) setHighlight(null);
    // Only nodes moved (a drag, a layout): nothing the analysis shows has changed.
    if (sameElements(prev.graph, next.graph)) return;
    // GraphCanvas applies the board first (it subscribed first); paint after it.
    queueMicrotask(repaint);
    if (metricActive(a.metric)) scheduleMetrics();
    if (missingAgencies().length) void applyFilters(a.filters);
  });
  analysisStore.subscribe((next, prev) => {
    repaint();
    if (next.filters !== prev.filters && metricActive(next.metric)) scheduleMetrics();
  });
  caseStore.subscribe((next, prev) => {
    if (next.info?.path !== prev.info?.path) resetAnalysis();
  });
}

/** The same nodes and links (wherever they are). */
function sameElements(a: GraphState, b: GraphState): boolean {
  if (a.nodes.size !== b.nodes.size || a.links.size !== b.links.size) return false;
  for (const id of b.nodes.keys()) if (!a.nodes.has(id)) return false;
  for (const id of b.links.keys()) if (!a.links.has(id)) return false;
  return true;
}
