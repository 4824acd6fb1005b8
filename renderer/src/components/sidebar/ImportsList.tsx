import { beginImport } from '../../actions/case-actions';
import { fmtDateTime, fmtInt, importTitle } from '../../graph/format';
import { useStore } from '../../hooks/useStore';
import { caseStore } from '../../state/case-store';
import { openDialog } from '../../state/ui-store';

export function ImportsList() {
  const { info, imports } = useStore(caseStore);
  if (!info) return null;
  return (
    <section className="side-section">
      <h2>
        Imports <span className="count-pill">{imports.length}</span>
        <button className="link-btn" onClick={beginImport} title="Import bundle… (Ctrl+I)">+ Import</button>
      </h2>
      {!imports.length && <p className="muted small">No bundle imported yet.</p>}
      <ul className="imports">
        {[...imports].reverse().map((im) => (
          <li key={im.importId}>
            <button className="import-row" onClick={() => openDialog({ type: 'report', importId: im.importId })} title="Open the import report">
              <div className="import-top">
                <span className="import-id mono" title={im.exportId}>{importTitle(im)}</span>
                <span className={`status status-${im.status}`}>{im.status.replace(/_/g, ' ')}</span>
              </div>
              <div className="import-sub muted small">
                {fmtDateTime(im.startedAt)} · {fmtInt(im.rowsLoaded)} loaded
                {im.rowsRejected > 0 && <span className="rej"> · {fmtInt(im.rowsRejected)} rejected</span>}
              </div>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
