import { beginImport, openCase } from '../actions/case-actions';
import { beginTableImport } from '../actions/table-import-actions';
import { useStore } from '../hooks/useStore';
import { caseStore } from '../state/case-store';
import { openDialog } from '../state/ui-store';

export function EmptyState() {
  const { ready, app } = useStore(caseStore);
  if (!ready) return <div className="empty-state muted">Connecting to Crosslink…</div>;
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-card">
        <h1>No case open</h1>
        <p>
          A case is one file that holds the bundles you import and everything found in them. Create one, open an
          existing one, or import a TECS export bundle — or a spreadsheet or graph export of your own — to start.
        </p>
        <div className="empty-actions">
          <button className="btn btn-primary btn-large" onClick={() => openDialog({ type: 'newCase' })}>New case…</button>
          <button className="btn btn-large" onClick={() => openDialog({ type: 'file', mode: 'open' })}>Open case…</button>
          <button className="btn btn-large" onClick={beginImport}>Import bundle…</button>
          <button className="btn btn-large" data-testid="empty-import-table" onClick={beginTableImport}>Import table…</button>
        </div>
        {app?.demoCase && (
          <div className="empty-demo">
            <button className="link-btn" onClick={() => void openCase(app.demoCase!)}>Open demo case</button>
            <span className="muted small"> — a synthetic El Paso bundle to try the tool</span>
          </div>
        )}
      </div>
    </div>
  );
}
