// The import jobs: the running one with rows, speed, ETA and file; those queued behind
// it; each with its own Cancel.
import { cancelImport } from '../actions/import-actions';
import { fmtInt, fmtSeconds } from '../graph/format';
import { baseName } from '../graph/paths';
import { useStore } from '../hooks/useStore';
import { jobStore, type Job } from '../state/job-store';

function JobCard({ job, waiting }: { job: Job; waiting: boolean }) {
  const p = job.progress;
  const frac = p?.rowsTotal ? Math.min(1, p.rowsRead / p.rowsTotal) : null;
  return (
    <div className="import-progress" data-testid="import-progress" role="status">
      <div className="ip-head">
        <strong>{waiting ? 'Queued' : 'Importing'} {baseName(job.path)}</strong>
        <span className="muted small">{waiting ? 'waits for the import before it' : (p?.phase ?? 'starting')}</span>
      </div>
      {!waiting && (
        <>
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
        </>
      )}
      <div className="ip-actions">
        <button className="btn btn-danger-outline" data-testid="import-cancel" onClick={() => void cancelImport(job.jobId)} disabled={job.cancelling}>
          {job.cancelling ? 'Cancelling…' : waiting ? 'Remove from queue' : 'Cancel import'}
        </button>
      </div>
    </div>
  );
}

export function ImportProgress() {
  const jobs = useStore(jobStore);
  if (!jobs.length) return null;
  // The backend says 'queued' while a job waits for the case's writer.
  return (
    <div className="import-jobs" data-testid="import-jobs">
      {jobs.map((j, i) => (
        <JobCard key={j.jobId} job={j} waiting={(j.progress?.phase ?? (i === 0 ? 'starting' : 'queued')) === 'queued'} />
      ))}
    </div>
  );
}
