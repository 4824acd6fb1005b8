// Top right of the canvas: what the Analyse menu is doing to it — sized by a metric,
// coloured by community, filtered, a path highlighted — each with its key and a way out.
import { linkKindLabel, nodeKindLabel } from '../../../../shared/model';
import { openDialog } from '../../state/ui-store';
import { useStore } from '../../hooks/useStore';
import { boardStore } from '../../graph/graph-store';
import { describeFilters, hiddenBy, isFilterActive } from '../../graph/filters';
import { analysisStore, clearFilters, clearMetricStyling, setHighlight } from '../../state/analysis-store';
import { MetricKey } from './MetricKey';

export function AnalysisOverlay() {
  const a = useStore(analysisStore);
  const graph = useStore(boardStore, (b) => b.graph);
  const filtered = isFilterActive(a.filters);
  const metric = a.metric.sizeBy !== null || a.metric.colourByCommunity;
  if (!graph.nodes.size || (!filtered && !metric && !a.highlight)) return null;
  const hidden = filtered ? hiddenBy(graph, a.filters, (id) => a.agencies.get(id)) : null;
  return (
    <div className="an-overlay" data-testid="analysis-overlay">
      {a.highlight && (
        <section className="an-card an-path-card" data-testid="path-highlight">
          <div className="an-card-head">
            <span className="an-swatch-path" aria-hidden="true" />
            <span className="an-card-title an-wrap" title={a.highlight.label}>{a.highlight.label}</span>
            <button className="link-btn" onClick={() => setHighlight(null)} title="Stop highlighting (or click the background)">Clear</button>
          </div>
        </section>
      )}
      {metric && (
        <section className="an-card" data-testid="metric-key">
          <MetricKey metric={a.metric} />
          <div className="an-card-actions">
            <button className="link-btn" onClick={() => openDialog({ type: 'analysis', name: 'metrics' })}>Change…</button>
            <button className="link-btn" data-testid="metric-clear" onClick={clearMetricStyling}>Clear</button>
          </div>
        </section>
      )}
      {filtered && hidden && (
        <section className="an-card" data-testid="filter-key">
          <div className="an-card-head">
            <span className="an-card-title">Filtered: {hidden.nodes.size} of {graph.nodes.size} nodes hidden</span>
          </div>
          <div className="small muted">{describeFilters(a.filters, (k) => nodeKindLabel(k), (k) => linkKindLabel(k))}</div>
          <div className="an-card-actions">
            <button className="link-btn" onClick={() => openDialog({ type: 'analysis', name: 'filters' })}>Edit…</button>
            <button className="link-btn" data-testid="filter-clear" onClick={clearFilters}>Clear</button>
          </div>
        </section>
      )}
    </div>
  );
}
