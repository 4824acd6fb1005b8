// Load spec…, Save spec…, the acceptance of rejected rows, and Import.
import { acceptRejects, closeTableImport, importTable, openSpecPanel } from '../../actions/table-import-actions';
import type { Gate } from '../../import-spec/import-gate';

export function WizardFooter({ gate, specFile }: { gate: Gate; specFile: string | null }) {
  const note = gate.reason || (specFile ? `Spec file: ${specFile}` : '');
  return (
    <>
      <button className="btn" data-testid="spec-load" onClick={() => openSpecPanel('load')}>Load spec…</button>
      <button className="btn" data-testid="spec-save" onClick={() => openSpecPanel('save')}>Save spec…</button>
      <span className="foot-note muted small" data-testid="import-gate-reason" title={note}>{note}</span>
      {gate.acceptLabel && (
        <label className={`check itw-accept${gate.accepted ? ' accepted' : ''}`}>
          <input type="checkbox" data-testid="accept-rejects" checked={gate.accepted} onChange={(e) => acceptRejects(e.target.checked)} />
          {gate.acceptLabel}
        </label>
      )}
      <button className="btn" onClick={closeTableImport}>Cancel</button>
      <button className="btn btn-primary" data-testid="import-table-start" disabled={!gate.enabled} onClick={() => void importTable()}>Import</button>
    </>
  );
}
