// What an import did: per file, refused files, rejects by reason, the first rejects, CSV export.
import { api } from '../api/client';
import { saveRejectsCsv } from '../actions/import-actions';
import { canResume, resumeTableImport } from '../actions/table-import-actions';
import { fmtDateTime, fmtInt, fmtSeconds } from '../graph/format';
import { useQuery } from '../hooks/useQuery';
import { closeDialog } from '../state/ui-store';
import { Dialog } from './Dialog';
import { RejectsTable } from './RejectsTable';

export function ImportReportDialog({ importId, note }: { importId: number; note?: string | null }) {
  const q = useQuery(`report ${importId}`, () => api('import.report', { importId, offset: 0, limit: 200 }));
  const r = q.data;
  return (
    <Dialog
      title={r ? `Import report — ${r.exportId}` : 'Import report'}
      onClose={closeDialog}
      size="large"
      testId="import-report"
      footer={
        <>
          <span className="foot-note muted small">{r && r.rowsRejected > 0 ? 'The CSV lists every rejected row with its file, line, column and reason.' : ''}</span>
          {r && r.status === 'rejected' && canResume(r.source) && (
            <button className="btn" data-testid="report-back-to-mapping" onClick={resumeTableImport}>Back to the mapping…</button>
          )}
          <button className="btn" data-testid="report-save-csv" disabled={!r || r.rowsRejected === 0} onClick={() => void saveRejectsCsv(importId)}>
            Save rejects as CSV
          </button>
          <button className="btn btn-primary" onClick={closeDialog}>Close</button>
        </>
      }
    >
      {q.error && <div className="error-box">Could not load the report: {q.error}</div>}
      {!r && !q.error && <div className="muted pad">Loading…</div>}
      {note && <div className="info-box" data-testid="import-note">{note}</div>}
      {r && (
        <>
          {r.files.some((f) => f.refused) && (
            <div className="error-box">
              Refused whole (checksum or format): {r.files.filter((f) => f.refused).map((f) => f.file).join(', ')}. None of their rows were loaded.
            </div>
          )}
          <div className="report-summary">
            <div className="kpi"><span className="kpi-n">{fmtInt(r.rowsLoaded)}</span><span>rows loaded</span></div>
            <div className={`kpi${r.rowsRejected ? ' bad' : ''}`}><span className="kpi-n">{fmtInt(r.rowsRejected)}</span><span>rejected</span></div>
            <div className="kpi"><span className="kpi-n">{fmtInt(r.rowsSkipped)}</span><span>already present</span></div>
            <div className="kpi"><span className="kpi-n">+{fmtInt(r.nodesAdded)}</span><span>nodes</span></div>
            <div className="kpi"><span className="kpi-n">+{fmtInt(r.linksAdded)}</span><span>links</span></div>
          </div>
          <p className="muted small report-meta">
            <span className={`status status-${r.status}`}>{r.status.replace(/_/g, ' ')}</span> · {r.source} · started {fmtDateTime(r.startedAt)} ·{' '}
            {fmtSeconds(r.seconds)} · {fmtInt(r.rowsRead)} rows read
          </p>
          <h3>Files</h3>
          <table className="table">
            <thead>
              <tr><th>File</th><th className="num">Read</th><th className="num">Loaded</th><th className="num">Rejected</th><th className="num">Skipped</th></tr>
            </thead>
            <tbody>
              {r.files.map((f) => (
                <tr key={f.file} className={f.refused ? 'refused' : ''}>
                  <td>
                    <span className="mono">{f.file}</span>
                    {f.refused && <div className="refused-reason">Refused: {f.refused}</div>}
                  </td>
                  <td className="num">{fmtInt(f.rowsRead)}</td>
                  <td className="num">{fmtInt(f.rowsLoaded)}</td>
                  <td className={`num${f.rowsRejected ? ' bad' : ''}`}>{fmtInt(f.rowsRejected)}</td>
                  <td className="num">{fmtInt(f.rowsSkipped)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.rejectsByReason.length > 0 && (
            <>
              <h3>Rejects by reason</h3>
              <ul className="reasons">
                {r.rejectsByReason.map((x) => (
                  <li key={x.reason}><span className="reason-n">{fmtInt(x.count)}</span> {x.reason}</li>
                ))}
              </ul>
              <RejectsTable rejects={r.rejects} total={r.rowsRejected} />
            </>
          )}
        </>
      )}
    </Dialog>
  );
}
