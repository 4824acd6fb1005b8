// An import job from start to report: progress comes as events, with polling as a fallback
// in case an event is lost (a reconnecting socket, say).
import type { ImportProgress } from '../../../shared/contract';
import { api, client } from '../api/client';
import { invalidateQueries } from '../api/query-cache';
import { jobStore } from '../state/job-store';
import { toast, toastError } from '../state/toasts';
import { closeDialog, openDialog } from '../state/ui-store';
import { refreshCase } from './case-actions';

const POLL_MS = 500;

export async function startImport(path: string): Promise<void> {
  if (jobStore.get()) {
    toast('error', 'An import is already running', 'Wait for it to finish or cancel it first.');
    return;
  }
  let jobId: string;
  try {
    ({ jobId } = await api('import.start', { path }));
  } catch (e) {
    toastError('Could not start the import', e);
    return;
  }
  closeDialog();
  jobStore.set({ jobId, path, progress: null, cancelling: false });

  let finished = false;
  const onProgress = (p: ImportProgress): void => {
    if (finished || p.jobId !== jobId) return;
    jobStore.set((j) => (j && j.jobId === jobId ? { ...j, progress: p } : j));
    if (p.state !== 'running') {
      finished = true;
      off();
      clearInterval(timer);
      void finish(p);
    }
  };
  const off = client.on('import.progress', onProgress);
  const timer = setInterval(async () => {
    const r = await client.call('import.progress', { jobId });
    if (r.ok) onProgress(r.value);
  }, POLL_MS);
}

async function finish(p: ImportProgress): Promise<void> {
  jobStore.set(null);
  invalidateQueries();
  await refreshCase();
  if (p.state === 'failed') {
    toast('error', 'The import failed', p.error ?? 'No reason was given.');
    return;
  }
  if (p.importId !== null) openDialog({ type: 'report', importId: p.importId, note: p.note });
  else if (p.note) toast('info', p.state === 'cancelled' ? 'Import cancelled' : 'Import finished', p.note);
}

export async function cancelImport(): Promise<void> {
  const job = jobStore.get();
  if (!job || job.cancelling) return;
  jobStore.set({ ...job, cancelling: true });
  try {
    await api('import.cancel', { jobId: job.jobId });
  } catch (e) {
    toastError('Could not cancel the import', e);
    jobStore.set((j) => (j ? { ...j, cancelling: false } : j));
  }
}

/** Saves the rejects of an import as a CSV file through the browser's download. */
export async function saveRejectsCsv(importId: number): Promise<void> {
  try {
    const { filename, csv } = await api('import.rejectsCsv', { importId });
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (e) {
    toastError('Could not save the rejects', e);
  }
}
