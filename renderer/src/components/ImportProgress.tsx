// The running import: rows, speed, ETA, current file, Cancel.
import { cancelImport } from '../actions/import-actions';
import { fmtInt, fmtSeconds } from '../graph/format';
import { baseName } from '../graph/paths';
import { useStore } from '../hooks/useStore';
import { jobStore } from '../state/job-store';

export function ImportProgress() {
  const job = useStore(jobStore);
  if (!job) return null;
  const p = job.progress;
  const frac = p?.rowsTotal ? Math.min(1, p.rowsRead / p.rowsTotal) : null;
  return (
    <div className="import-progress" data-testid="import-progress" role="status">
      <div className="ip-head">
        <strong>Importing {baseName(job.path)}</strong>
        <span className="muted small">{p?.phase ?? 'starting'}</span>
      </div>
      <div className={`bar${frac === null ? ' indeterminate' : ''}`}>
        <div className="bar-fill" style={{ width: frac === null ? undefined : `${(frac * 100).toFixed(1)}%` }} />
      </div>
      <div className="ip-stats">
        <span>
          <strong>{fmtInt(p?.rowsRead ?? 0)}</strong>
          {p?.rowsTotal ? ` of ${fmtInt(p.rowsTotal)}` : ''} rows
        </span>
        <span>{fmtInt(p?.rowsPerSecond ?? 0)} rows/s</span>
        <span>ETA {fmtSeconds(p?.etaSeconds ?? null)}</span>
      </div>
      <div className="ip-file muted small" title={p?.file ?? ''}>{p?.file ? `Reading ${p.file}` : 'Preparing…'}</div>
      <div className="ip-actions">
        <button className="btn btn-danger-outline" data-testid="import-cancel" onClick={() => void cancelImport()} disabled={job.cancelling}>
          {job.cancelling ? 'Cancelling…' : 'Cancel import'}
        </button>
      </div>
    </div>
  );
}
