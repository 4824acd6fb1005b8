// Shown instead of drawing when a node has more neighbours than the canvas should take at once.
import type { NeighbourSummary } from '../../../shared/contract';
import { linkKindLabel, type NodeRef } from '../../../shared/model';
import { EXPAND_LIMIT, expandNode } from '../actions/graph-actions';
import { KindIcon } from '../components/KindIcon';
import { fmtInt } from '../graph/format';
import { kindLook } from '../icons/kinds';
import { closeDialog } from '../state/ui-store';
import { Dialog } from './Dialog';
import { PeriodChart } from './PeriodChart';

export function SummaryDialog({ center, summary }: { center: NodeRef; summary: NeighbourSummary }) {
  const run = (opts: Parameters<typeof expandNode>[1]) => {
    closeDialog();
    void expandNode(center.id, opts);
  };
  return (
    <Dialog
      title={`This ${kindLook(center.kind).noun} has ${fmtInt(summary.total)} neighbours`}
      onClose={closeDialog}
      size="large"
      testId="summary-dialog"
      footer={
        <>
          <span className="foot-note muted small">Drawing more than {EXPAND_LIMIT} at once makes the chart unreadable.</span>
          <button className="btn" onClick={closeDialog}>Cancel</button>
          <button className="btn btn-primary" data-testid="summary-draw-first" onClick={() => run({ force: true })}>
            Draw first {EXPAND_LIMIT} anyway
          </button>
        </>
      }
    >
      <div className="summary-center">
        <KindIcon kind={center.kind} size={32} />
        <div>
          <div className="dlabel">{center.label}</div>
          <div className="muted small mono">{center.sourceId}</div>
        </div>
      </div>
      <div className="summary-grid">
        <div>
          <h3>By kind</h3>
          <table className="table">
            <tbody>
              {summary.byKind.map((k) => (
                <tr key={k.kind}>
                  <td><KindIcon kind={k.kind} size={18} /> {kindLook(k.kind).label}</td>
                  <td className="num">{fmtInt(k.count)}</td>
                  <td className="num">
                    <button
                      className="btn btn-small"
                      data-testid={`summary-add-${k.kind}`}
                      disabled={k.count > EXPAND_LIMIT}
                      title={k.count > EXPAND_LIMIT ? `More than ${EXPAND_LIMIT}` : undefined}
                      onClick={() => run({ kinds: [k.kind], force: true })}
                    >
                      {k.count > EXPAND_LIMIT ? 'Too many' : `Add only these ${fmtInt(k.count)}`}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>By link</h3>
          <ul className="chips">
            {summary.byLinkKind.map((l) => (
              <li key={l.kind} className="chip">{linkKindLabel(l.kind)} <strong>{fmtInt(l.count)}</strong></li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Over time</h3>
          <PeriodChart periods={summary.byPeriod} />
        </div>
      </div>
    </Dialog>
  );
}
