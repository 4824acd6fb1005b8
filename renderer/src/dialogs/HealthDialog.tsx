// View > Health: the case, its backups, the disk, memory, event-loop lag and slow
// operations, refreshed every few seconds; warnings first. Copy diagnostic report.
import { useEffect, useState } from 'react';
import type { Health } from '../../../shared/contract';
import { api } from '../api/client';
import { copyDiagnostics } from '../actions/ops-actions';
import { fmtBytes, fmtDateTime } from '../graph/format';
import { toastError } from '../state/toasts';
import { closeDialog, openDialog } from '../state/ui-store';
import { Dialog } from './Dialog';

function Kpi({ label, value, sub, warn }: { label: string; value: string; sub?: string; warn?: boolean }) {
  return (
    <div className={`kpi${warn ? ' kpi-warn' : ''}`} data-testid="health-kpi">
      <div className="kpi-n">{value}</div>
      <div className="small">{label}</div>
      {sub && <div className="muted small">{sub}</div>}
    </div>
  );
}

export function HealthDialog() {
  const [h, setH] = useState<Health | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () =>
      api('ops.health', {})
        .then((v) => alive && setH(v))
        .catch((e) => alive && toastError('Could not read the health figures', e));
    void load();
    const t = setInterval(load, 5000);
    return () => {
      alive = false;
      clearInterval(t);
    };
  }, []);
  const age = h?.lastBackup ? (h.lastBackup.ageHours < 1 ? `${Math.round(h.lastBackup.ageHours * 60)} min ago` : `${h.lastBackup.ageHours.toFixed(1)} h ago`) : 'never';
  const footer = (
    <>
      <button className="btn" data-testid="copy-diagnostics" onClick={() => void copyDiagnostics()}>Copy diagnostic report</button>
      <button className="btn" onClick={() => openDialog({ type: 'backups' })}>Backups…</button>
      <span className="sb-grow" />
      <button className="btn btn-primary" onClick={closeDialog}>Close</button>
    </>
  );
  return (
    <Dialog title="Health" onClose={closeDialog} size="large" footer={footer} testId="health-dialog">
      {!h && <p className="muted">Reading…</p>}
      {h && (
        <>
          {h.warnings.map((w) => (
            <div key={w.text} className={w.level === 'error' ? 'error-box' : 'info-box'} data-testid="health-warning">{w.text}</div>
          ))}
          <div className="summary-grid">
            <Kpi label="Case size" value={fmtBytes(h.caseBytes)} sub={`${h.nodes.toLocaleString('en-US')} nodes · ${h.links.toLocaleString('en-US')} links`} />
            <Kpi label="Last import" value={h.lastImport ? h.lastImport.status : 'none'} sub={h.lastImport ? `${fmtDateTime(h.lastImport.finishedAt)} · ${h.lastImport.rowsLoaded.toLocaleString('en-US')} rows, ${h.lastImport.rowsRejected.toLocaleString('en-US')} rejected` : undefined} />
            <Kpi label="Last good backup" value={age} sub={h.lastBackup ? fmtDateTime(h.lastBackup.createdAt) : 'File > Backups > Back up now'} warn={!h.lastBackup || h.lastBackup.ageHours > 24} />
            <Kpi label="Free disk" value={h.freeDiskBytes === null ? '?' : fmtBytes(h.freeDiskBytes)} warn={h.freeDiskBytes !== null && h.freeDiskBytes < 2 * 1024 ** 3} />
            <Kpi label="Memory" value={fmtBytes(h.memory.rssBytes)} sub={h.memory.workers.map((w) => `${w.role} ${fmtBytes(w.heapUsedBytes)}`).join(' · ')} />
            <Kpi label="Event-loop lag (p99)" value={`${h.eventLoopLagMs.p99} ms`} sub={`p50 ${h.eventLoopLagMs.p50} ms · max ${h.eventLoopLagMs.max} ms`} warn={h.eventLoopLagMs.p99 > 200} />
          </div>
          <h3>Slow operations (over 100 ms)</h3>
          {h.slowQueries.length === 0 ? (
            <p className="muted small">None since the workstation started.</p>
          ) : (
            <div className="table-scroll">
              <table className="table" data-testid="slow-queries">
                <thead><tr><th>When</th><th>Operation</th><th>ms</th><th>Query plan</th></tr></thead>
                <tbody>
                  {h.slowQueries.map((q) => (
                    <tr key={`${q.at}${q.op}`}>
                      <td>{fmtDateTime(q.at)}</td>
                      <td className="mono">{q.op}</td>
                      <td>{q.ms}</td>
                      <td className="mono small">{q.plan.join('\n') || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Dialog>
  );
}
