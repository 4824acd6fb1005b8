// The key to metric styling: what the node size means (smallest and largest score) and
// which colour is which community.
import { communityLegend, fmtScore, METRIC_SHORT } from '../../graph/metric-style';
import type { MetricStyling } from '../../state/analysis-store';

export function MetricKey({ metric }: { metric: MetricStyling }) {
  const r = metric.result;
  const scores = r?.scores ?? [];
  if (!r) return <div className="small muted">{metric.loading ? 'Computing metrics…' : 'No scores yet.'}</div>;
  const m = metric.sizeBy;
  const values = m ? scores.map((s) => s[m]) : [];
  const legend = metric.colourByCommunity ? communityLegend(scores) : [];
  const shown = legend.filter((c) => c.size > 1).slice(0, 8);
  const rest = legend.length - shown.length;
  return (
    <div className="an-metric-key">
      {m && (
        <div className="an-size-key" data-testid="size-key">
          <span className="an-card-title">Size = {METRIC_SHORT[m]}</span>
          <span className="an-size-scale" aria-hidden="true">
            <span className="an-dot" style={{ width: 8, height: 8 }} />
            <span className="an-dot" style={{ width: 14, height: 14 }} />
            <span className="an-dot" style={{ width: 22, height: 22 }} />
          </span>
          <span className="small muted">
            {fmtScore(m, Math.min(...values))} → {fmtScore(m, Math.max(...values))}
          </span>
        </div>
      )}
      {metric.colourByCommunity && (
        <div data-testid="community-key">
          <div className="an-card-title an-wrap">
            Colour = community · {r.communities} found{r.modularity ? `, modularity ${r.modularity.toFixed(2)}` : ''}
          </div>
          <ul className="an-communities">
            {shown.map((c, i) => (
              <li key={c.community} title={`Community ${i + 1}: ${c.size} nodes`}>
                <span className="an-swatch" style={{ background: c.colour }} />
                {c.size}
              </li>
            ))}
            {rest > 0 && (
              <li title="Smaller communities and lone nodes">
                <span className="an-swatch" style={{ background: '#94a3b8' }} />
                {rest} other{rest === 1 ? '' : 's'}
              </li>
            )}
          </ul>
        </div>
      )}
      {metric.loading && <div className="small muted">Updating…</div>}
    </div>
  );
}
