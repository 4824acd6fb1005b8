// File > Audit trail…: who did what in this case, newest first, with filters, paging and a
// check that no entry was edited, deleted or moved since it was written.
import { useState } from 'react';
import { api } from '../../api/client';
import { useDebounced } from '../../hooks/useDebounced';
import { errorMessage } from '../../state/toasts';
import { closeDialog } from '../../state/ui-store';
import { Dialog } from '../Dialog';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { ChainVerdict } from './ChainVerdict';
import { countText, isFiltered, NO_FILTER, verdict as toVerdict, type AuditFilter, type Verdict } from './audit-model';
import { useAuditPages } from './useAuditPages';

export function AuditDialog() {
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  // Typing in the text boxes asks once the analyst pauses; the action select asks at once.
  const who = useDebounced(filter.who, 250);
  const q = useDebounced(filter.q, 250);
  const applied: AuditFilter = { action: filter.action, who, q };
  const pages = useAuditPages(applied);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [checking, setChecking] = useState(false);
  const [verifyError, setVerifyError] = useState<string | null>(null);

  const verify = async () => {
    setChecking(true);
    setVerifyError(null);
    try {
      setVerdict(toVerdict(await api('audit.verify', {})));
      pages.reload();
    } catch (e) {
      setVerifyError(errorMessage(e));
    } finally {
      setChecking(false);
    }
  };

  const { entries, total } = pages;
  const footer = (
    <>
      <span className="foot-note small muted">Entries are never changed or removed; each carries a SHA-256 hash of the one before it.</span>
      <button className="btn" onClick={() => void verify()} disabled={checking} data-testid="audit-verify">Verify chain</button>
      <button className="btn btn-primary" onClick={closeDialog}>Close</button>
    </>
  );

  return (
    <Dialog title="Audit trail" onClose={closeDialog} size="large" footer={footer} testId="audit-dialog">
      <AuditFilters filter={filter} onChange={setFilter} />
      <ChainVerdict verdict={verdict} checking={checking} error={verifyError} />
      {pages.error && <div className="error-box">{pages.error}</div>}
      <p className="small muted audit-count" data-testid="audit-count">
        {total === null ? 'Loading…' : countText(entries.length, total, isFiltered(applied))}
      </p>
      {total === 0 && <div className="info-box">{isFiltered(applied) ? 'No entries match these filters.' : 'Nothing has been recorded in this case yet.'}</div>}
      {entries.length > 0 && (
        <div className="audit-scroll">
          <AuditTable entries={entries} badId={verdict?.badId ?? null} />
        </div>
      )}
      {total !== null && total > entries.length && (
        <div className="audit-more">
          <button className="btn btn-small" onClick={pages.loadMore} disabled={pages.loading} data-testid="audit-more">
            {pages.loading ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </Dialog>
  );
}
