// The Analyse menu: paths, co-travel, metrics, filters. Its items are listed in
// ANALYSIS_MENU (ids of these commands, '-' for a separator).
import type { AppCommand } from '../command-types';
import { startAnalysisCanvas } from '../components/analysis/canvas-analysis';
import { isFilterActive } from '../graph/filters';
import { boardStore } from '../graph/graph-store';
import { analysisStore, clearFilters, clearMetricStyling, metricActive } from '../state/analysis-store';
import { caseStore } from '../state/case-store';
import { openDialog, uiStore } from '../state/ui-store';
import { connectSelected } from './analysis-actions';

// The canvas follows the analysis state from the start (sizes, colours, filters, highlight).
startAnalysisCanvas();

const hasCase = (): boolean => !!caseStore.get().info;
const hasNodes = (): boolean => boardStore.get().graph.nodes.size > 0;

/** Find paths, with the ends taken from the selection (or from `fromId` to another selected node). */
export function openPathDialog(fromId?: number): void {
  const { graph } = boardStore.get();
  const selected = uiStore.get().selection.nodes;
  const ids = fromId === undefined ? selected.slice(0, 2) : [fromId, ...selected.filter((id) => id !== fromId).slice(0, 1)];
  const [from, to] = ids.map((id) => graph.nodes.get(id)?.ref ?? null);
  openDialog({ type: 'analysis', name: 'paths', data: { from: from ?? null, to: to ?? null } });
}

export function openCotravel(personId?: number): void {
  const ref = personId !== undefined ? boardStore.get().graph.nodes.get(personId)?.ref : undefined;
  openDialog({ type: 'analysis', name: 'cotravel', data: ref ? { personId: ref.id, personLabel: ref.label } : undefined });
}

export const ANALYSIS_COMMANDS: AppCommand[] = [
  { id: 'analyse.paths', label: 'Find paths…', keys: ['Ctrl+Shift+P'], run: () => openPathDialog(), enabled: hasCase },
  {
    id: 'analyse.connect', label: 'Connect selected', keys: ['Ctrl+Shift+C'], run: () => void connectSelected(),
    enabled: () => uiStore.get().selection.nodes.length >= 2,
  },
  { id: 'analyse.cotravel', label: 'Who travels together…', keys: [], run: () => openCotravel(), enabled: hasCase },
  { id: 'analyse.metrics', label: 'Size by metric / colour by community…', keys: ['Ctrl+Shift+M'], run: () => openDialog({ type: 'analysis', name: 'metrics' }), enabled: hasNodes },
  { id: 'analyse.clearMetrics', label: 'Clear metric styling', keys: [], run: clearMetricStyling, enabled: () => metricActive(analysisStore.get().metric) },
  { id: 'analyse.filters', label: 'Filters…', keys: ['Ctrl+Shift+F'], run: () => openDialog({ type: 'analysis', name: 'filters' }), enabled: hasNodes },
  { id: 'analyse.clearFilters', label: 'Clear filters', keys: [], run: clearFilters, enabled: () => isFilterActive(analysisStore.get().filters) },
];

export const ANALYSIS_MENU: string[] = [
  'analyse.paths', 'analyse.connect', 'analyse.cotravel', '-', 'analyse.metrics', 'analyse.clearMetrics', '-', 'analyse.filters', 'analyse.clearFilters',
];
