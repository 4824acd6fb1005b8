// An import job from start to report: progress comes as events, with polling as a fallback
// in case an event is lost (a reconnecting socket, say).
import type { ImportProgress } from '../../../shared/contract';
import type { ImportSpec } from '../../../shared/import-spec';
import { api, client } from '../api/client';
import { invalidateQueries } from '../api/query-cache';
import { jobStore, updateJob } from '../state/job-store';
import { toast, toastError } from '../state/toasts';
import { closeDialog, openDialog } from '../state/ui-store';
import { refreshCase } from './case-actions';

const POLL_MS = 500;

/** A bundle by its path, or with `spec` a table (folder, .zip) through an import spec. True once the job is queued. */
export async function startImport(path: string, opts: { spec?: ImportSpec; acceptRejects?: boolean } = {}): Promise<boolean> {
  let jobId: string;
  try {
    ({ jobId } = await api('import.start', { path, spec: opts.spec, acceptRejects: opts.acceptRejects ?? false }));
  } catch (e) {
    toastError('Could not start the import', e);
    return false;
  }
  closeDialog();
  const queued = jobStore.get().length > 0;
  jobStore.set((jobs) => [...jobs, { jobId, path, progress: null, cancelling: false }]);
  if (queued) toast('info', 'Import queued', `${path} starts when the import before it ends.`);

  let finished = false;
  const onProgress = (p: ImportProgress): void => {
    if (finished || p.jobId !== jobId) return;
    updateJob(jobId, (j) => ({ ...j, progress: p }));
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
  return true;
}

async function finish(p: ImportProgress): Promise<void> {
  jobStore.set((jobs) => jobs.filter((j) => j.jobId !== p.jobId));
  invalidateQueries();
  await refreshCase();
  if (p.state === 'failed') {
    toast('error', 'The import failed', p.error ?? 'No reason was given.');
    return;
  }
  if (p.importId !== null) openDialog({ type: 'report', importId: p.importId, note: p.note });
  else if (p.note) toast('info', p.state === 'cancelled' ? 'Import cancelled' : 'Import finished', p.note);
}

/** Cancels one job (the oldest when none is named): a queued one never starts. */
export async function cancelImport(jobId?: string): Promise<void> {
  const job = jobStore.get().find((j) => (jobId ? j.jobId === jobId : true));
  if (!job || job.cancelling) return;
  updateJob(job.jobId, (j) => ({ ...j, cancelling: true }));
  try {
    await api('import.cancel', { jobId: job.jobId });
  } catch (e) {
    toastError('Could not cancel the import', e);
    updateJob(job.jobId, (j) => ({ ...j, cancelling: false }));
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
