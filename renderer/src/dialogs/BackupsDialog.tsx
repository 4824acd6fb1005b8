// File > Backups and restore: the case's verified backups (newest first) with what each
// holds, Back up now, Verify, Restore. Also opened when a damaged case was refused at
// open, with the newest good backup preselected.
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/contract';
import { api } from '../api/client';
import { afterRestore } from '../actions/ops-actions';
import { fmtBytes, fmtDateTime } from '../graph/format';
import { toast, toastError } from '../state/toasts';
import { closeDialog } from '../state/ui-store';
import { Dialog } from './Dialog';

const REASON: Record<BackupInfo['reason'], string> = {
  manual: 'by hand',
  scheduled: 'hourly',
  'before-import': 'before an import',
  'before-migration': 'before an upgrade',
  'before-restore': 'before a restore',
};

export function BackupsDialog({ casePath, damaged }: { casePath?: string; damaged?: string }) {
  const [list, setList] = useState<{ dir: string; backups: BackupInfo[] } | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [checks, setChecks] = useState<Record<string, string>>({});
  const [confirm, setConfirm] = useState(false);

  const load = useCallback(async () => {
    try {
      const l = await api('backup.list', casePath ? { casePath } : {});
      setList(l);
      setChosen((c) => c ?? l.backups[0]?.file ?? null);
    } catch (e) {
      toastError('Could not list the backups', e);
    }
  }, [casePath]);
  useEffect(() => void load(), [load]);

  const backUp = async () => {
    setBusy('Backing up and verifying…');
    try {
      const b = await api('backup.create', {});
      toast('success', 'Backup taken and verified', `${b.counts.nodes.toLocaleString('en-US')} nodes, ${fmtBytes(b.bytes)}`);
      await load();
      setChosen(b.file);
    } catch (e) {
      toastError('Backup failed', e);
    } finally {
      setBusy(null);
    }
  };

  const verify = async (file: string) => {
    setBusy('Verifying…');
    try {
      const r = await api('backup.verify', { file });
      setChecks((c) => ({ ...c, [file]: r.ok ? 'verified again: intact' : `damaged: ${r.problem}` }));
    } catch (e) {
      toastError('Could not verify', e);
    } finally {
      setBusy(null);
    }
  };

  const restore = async () => {
    if (!chosen) return;
    setBusy('Restoring…');
    try {
      const r = await api('backup.restore', { file: chosen, ...(casePath ? { casePath } : {}) });
      await afterRestore(r.case, r.restored);
      closeDialog();
    } catch (e) {
      toastError('Restore failed', e);
    } finally {
      setBusy(null);
      setConfirm(false);
    }
  };

  const picked = list?.backups.find((b) => b.file === chosen) ?? null;
  const footer = (
    <>
      {!damaged && <button className="btn" data-testid="backup-now" onClick={() => void backUp()} disabled={!!busy}>Back up now</button>}
      <span className="sb-grow" />
      {busy && <span className="muted small">{busy}</span>}
      {confirm ? (
        <>
          <span className="small">Replace the case with the backup of {picked ? fmtDateTime(picked.createdAt) : ''}? The current state is backed up first.</span>
          <button className="btn" onClick={() => setConfirm(false)}>No</button>
          <button className="btn btn-primary" data-testid="backup-restore-confirm" onClick={() => void restore()} disabled={!!busy}>Restore</button>
        </>
      ) : (
        <button className="btn btn-primary" data-testid="backup-restore" disabled={!chosen || !!busy} onClick={() => setConfirm(true)}>Restore selected…</button>
      )}
      <button className="btn" onClick={closeDialog}>Close</button>
    </>
  );
  return (
    <Dialog title={damaged ? 'This case is damaged' : 'Backups and restore'} onClose={closeDialog} size="large" footer={footer} testId="backups-dialog">
      {damaged && (
        <div className="error-box" data-testid="damaged-note">
          {damaged}
          <div className="small">Nothing was changed. Pick a backup below (the newest is selected) and restore it; the damaged file is kept beside the backups.</div>
        </div>
      )}
      {list && <p className="muted small">Backups are verified (integrity check, counts recorded) before they are listed. Folder: <span className="mono">{list.dir}</span></p>}
      {list && list.backups.length === 0 && <div className="info-box">No backups yet.{damaged ? ' There is nothing to restore from.' : ' Back up now to take the first one.'}</div>}
      {list && list.backups.length > 0 && (
        <div className="table-scroll">
          <table className="table" data-testid="backup-list">
            <thead>
              <tr><th /><th>Taken</th><th>Why</th><th>Holds</th><th>Last bundle</th><th>Size</th><th>Check</th></tr>
            </thead>
            <tbody>
              {list.backups.map((b) => (
                <tr key={b.file} data-testid="backup-row" onClick={() => setChosen(b.file)} className={b.file === chosen ? 'selected' : undefined}>
                  <td><input type="radio" name="backup" checked={b.file === chosen} onChange={() => setChosen(b.file)} aria-label={`Backup of ${b.createdAt}`} /></td>
                  <td>{fmtDateTime(b.createdAt)}</td>
                  <td>{REASON[b.reason]}</td>
                  <td>{b.counts.nodes.toLocaleString('en-US')} nodes · {b.counts.links.toLocaleString('en-US')} links · {b.counts.imports} imports</td>
                  <td className="mono small">{b.counts.lastExportId ?? '—'}</td>
                  <td>{fmtBytes(b.bytes)}</td>
                  <td className="small">
                    {checks[b.file] ?? (b.integrity === 'ok' ? 'intact when taken' : b.integrity)}{' '}
                    <button className="link-btn" onClick={(e) => { e.stopPropagation(); void verify(b.file); }}>verify</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  );
}
