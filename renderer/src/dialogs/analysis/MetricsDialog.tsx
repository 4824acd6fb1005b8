// Analyse > Size by metric / Colour by community: who matters on this board. The backend
// scores the board as shown; the canvas sizes nodes by the chosen metric and colours them
// by community, and keeps doing so as the board changes.
import { useState } from 'react';
import { METRIC, type Metric } from '../../../../shared/contract';
import { styleByMetric } from '../../actions/analysis-actions';
import { NodeChip } from '../../components/analysis/NodeChip';
import { boardStore } from '../../graph/graph-store';
import { communityColours, fmtScore, METRIC_LABEL, topByMetric } from '../../graph/metric-style';
import { useStore } from '../../hooks/useStore';
import { analysisStore } from '../../state/analysis-store';
import { requestCanvas } from '../../state/canvas-bus';
import { closeDialog } from '../../state/ui-store';
import { Dialog } from '../Dialog';

export function MetricsDialog() {
  const metric = useStore(analysisStore, (a) => a.metric);
  const nodes = useStore(boardStore, (b) => b.graph.nodes);
  const [sizeBy, setSizeBy] = useState<Metric | null>(metric.sizeBy ?? 'betweenness');
  const [colour, setColour] = useState(metric.sizeBy || metric.colourByCommunity ? metric.colourByCommunity : true);
  const shownMetric = metric.sizeBy ?? sizeBy ?? 'degree';
  const scores = metric.result?.scores ?? [];
  const top = topByMetric(scores.filter((s) => nodes.has(s.id)), shownMetric, 10);
  const colours = communityColours(scores);

  const footer = (
    <>
      <span className="foot-note small muted">
        {metric.loading ? 'Computing…' : metric.result ? `${scores.length} nodes scored in ${Math.round(metric.result.ms)} ms` : `Scores the ${nodes.size} nodes on the board`}
      </span>
      <button className="btn" onClick={closeDialog}>Close</button>
      <button className="btn btn-primary" data-testid="metrics-apply" disabled={!sizeBy && !colour} onClick={() => void styleByMetric(sizeBy, colour)}>Apply</button>
    </>
  );
  return (
    <Dialog title="Who matters on this board?" onClose={closeDialog} footer={footer} testId="metrics-dialog">
      <h3>Size nodes by</h3>
      <div className="an-radios">
        {METRIC.options.map((m) => (
          <label key={m} className="an-check">
            <input type="radio" name="sizeBy" checked={sizeBy === m} onChange={() => setSizeBy(m)} data-testid={`metric-${m}`} /> {METRIC_LABEL[m]}
          </label>
        ))}
        <label className="an-check"><input type="radio" name="sizeBy" checked={sizeBy === null} onChange={() => setSizeBy(null)} /> Keep sizes by kind</label>
      </div>
      <h3>Colour</h3>
      <label className="an-check">
        <input type="checkbox" checked={colour} onChange={(e) => setColour(e.target.checked)} data-testid="metric-community" /> Colour by community (Louvain: groups more linked inside than out)
      </label>
      {top.length > 0 && (
        <>
          <h3>Highest {shownMetric}</h3>
          <table className="table an-top" data-testid="metric-top">
            <tbody>
              {top.map((s, i) => {
                const n = nodes.get(s.id)!.ref;
                return (
                  <tr key={s.id} onClick={() => requestCanvas({ type: 'focus', select: [s.id] })} title="Select on the canvas">
                    <td className="num muted">{i + 1}</td>
                    <td><NodeChip node={n} /></td>
                    <td className="num">{fmtScore(shownMetric, s[shownMetric])}</td>
                    <td><span className="an-swatch" style={{ background: colours.get(s.id) }} title={`Community ${s.community}`} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </Dialog>
  );
}
