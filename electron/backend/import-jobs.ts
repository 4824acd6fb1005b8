// Import jobs of the window: bundles and spec imports run one after the other (the case has
// one writer), each with its progress, cancel, the backup before it, and after it who is who,
// who travels together and what is new (resolution, co-travel, the detectors).
import path from 'node:path';
import type { CallName, EventName, EventPayload, ImportProgress, Output, ParsedInput } from '../../shared/contract';
import type { Agency } from '../../shared/model';
import type { ImportSpec } from '../../shared/import-spec';
import type { CaseStore } from './db/client';
import { AppError, toCallError } from './errors';
import type { ImportOutcome, ImportProgressInfo } from './ingest/import-bundle';
import type { SpecImportOutcome } from './ingest/spec/import-table';
import type { OpsLog } from './ops/log';
import { inferSpec } from './ingest/spec/infer';
import { loadSpecFile, saveSpecFile } from './ingest/spec/spec-file';

/** Above this many identity-bearing records the automatic run is skipped (it would hold the
 * writer for minutes); the analyst starts it (crosslink resolution run). */
const AUTO_RESOLVE_MAX = Number(process.env.CROSSLINK_AUTO_RESOLVE_MAX ?? 300_000);

type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface ImportJobHost {
  log: OpsLog;
  emit: Emit;
  /** The backup taken before an import into a case that holds data. */
  backup(): Promise<unknown>;
  autoResolve(): boolean;
  prewarm(store: CaseStore): void;
}

const rowsWord = (n: number | undefined): string => (n === undefined ? 'Some rows' : `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`);

interface Job {
  progress: ImportProgress;
  callId: number | null;
  cancelRequested: boolean;
  /** Resolves when cancel is asked, so a queued job stops waiting at once. */
  cancelled: Promise<void>;
  cancel(): void;
  done: Promise<void>;
  resolutionNote?: string;
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private seq = 0;
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly host: ImportJobHost) {}

  running(): boolean {
    return [...this.jobs.values()].some((j) => j.progress.state === 'running');
  }

  progress(jobId: string): ImportProgress {
    return { ...this.job(jobId).progress };
  }

  /** Resolves when the job ends. */
  async wait(jobId: string): Promise<ImportProgress> {
    const job = this.job(jobId);
    await job.done;
    return { ...job.progress };
  }

  /** Cancels a job: a queued one never starts, a running one is taken back out. */
  async cancel(jobId: string, store: CaseStore | null): Promise<boolean> {
    const job = this.jobs.get(jobId);
    if (!job || job.progress.state !== 'running') return false;
    this.stop(job, store);
    await job.done;
    const final: ImportProgress = job.progress;
    return final.state === 'cancelled';
  }

  async cancelAll(store: CaseStore | null): Promise<void> {
    for (const job of this.jobs.values()) if (job.progress.state === 'running') this.stop(job, store);
    await Promise.all([...this.jobs.values()].map((j) => j.done));
  }

  private stop(job: Job, store: CaseStore | null): void {
    job.cancelRequested = true;
    job.cancel();
    if (job.callId !== null) store?.cancel(job.callId);
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not_found', `No import job ${jobId}.`);
    return job;
  }

  start(store: CaseStore, location: string, spec?: ImportSpec, acceptRejects = false): string {
    const jobId = `job-${++this.seq}`;
    const started = Date.now();
    const progress: ImportProgress = {
      jobId, state: 'running', file: null, rowsRead: 0, rowsTotal: null, rowsPerSecond: 0, etaSeconds: null,
      phase: 'queued', error: null, importId: null, note: null,
    };
    let cancel = () => {};
    const cancelled = new Promise<void>((r) => (cancel = r));
    const job: Job = { progress, callId: null, cancelRequested: false, cancelled, cancel: () => cancel(), done: Promise.resolve() };
    // Imports run one after the other (the case has one writer); each waits for the one before.
    const previous = this.tail;
    let release = () => {};
    this.tail = new Promise<void>((r) => (release = r));
    const run = async (): Promise<ImportOutcome> => {
      await Promise.race([previous, cancelled]);
      if (job.cancelRequested) return { importId: null, status: 'cancelled' };
      progress.phase = 'starting';
      // A case with data is backed up before every import.
      const before = await store.query('graph.stats', undefined);
      if (before.nodes.length && !(await store.query('import.loaded', { path: path.resolve(location) }))) {
        progress.phase = 'backing up';
        this.host.emit('import.progress', { ...progress });
        await this.host.backup();
      }
      if (job.cancelRequested) return { importId: null, status: 'cancelled' };
      const call = store.write('import.run', { path: path.resolve(location), spec, acceptRejects }, (p) => {
        const info = p as ImportProgressInfo;
        const elapsed = Math.max(0.001, (Date.now() - started) / 1000);
        const frac = info.bytesTotal ? info.bytesDone / info.bytesTotal : 0;
        Object.assign(progress, {
          file: info.file,
          phase: info.phase,
          rowsRead: info.rowsRead,
          rowsTotal: info.rowsTotal,
          rowsPerSecond: Math.round(info.rowsRead / elapsed),
          etaSeconds: frac > 0.01 ? Math.max(0, (elapsed * (1 - frac)) / frac) : null,
        });
        this.host.emit('import.progress', { ...progress });
      });
      job.callId = call.id;
      const outcome = await call.done;
      if (outcome.status === 'done' && this.host.autoResolve()) await this.afterImport(store, progress, job);
      if (outcome.status === 'done') this.host.prewarm(store);
      return outcome;
    };
    if (this.running()) progress.phase = 'queued';
    const runAndRelease = () => run().finally(() => release());
    job.done = runAndRelease().then(
      (outcome: ImportOutcome) => {
        progress.state = outcome.status === 'cancelled' ? 'cancelled' : 'done';
        progress.importId = outcome.importId;
        progress.etaSeconds = 0;
        progress.phase = 'finished';
        progress.note =
          job.resolutionNote ??
          (outcome.status === 'already_loaded'
            ? (outcome as Partial<SpecImportOutcome>).viaSpec
              ? 'These files were already imported with this spec; nothing was added.'
              : 'This bundle (same export_id) is already in the case; nothing was added.'
            : outcome.status === 'rejected'
              ? `${rowsWord((outcome as SpecImportOutcome).wouldReject)} would be rejected, so nothing was kept. Review them in the report, then import again accepting them.`
            : outcome.status === 'cancelled'
              ? 'Import cancelled; the case is as it was before the import.'
              : null);
        this.host.log.write('info', 'import_finished', { status: outcome.status, importId: outcome.importId, rows: progress.rowsRead, seconds: (Date.now() - started) / 1000 });
        this.host.emit('import.progress', { ...progress });
      },
      (err) => {
        progress.state = 'failed';
        progress.error = toCallError(err).message;
        this.host.log.write('error', 'import_failed', { code: toCallError(err).code, message: progress.error });
        this.host.emit('import.progress', { ...progress });
      },
    );
    this.jobs.set(jobId, job);
    return jobId;
  }

  /** After an import: who is who (skipped on very large cases, said in the note), who
   * travels together, and what is new and worth a look. A failure of one step is logged
   * and does not undo the import. */
  private async afterImport(store: CaseStore, progress: ImportProgress, job: Job): Promise<void> {
    const step = async (phase: string, event: string, fn: () => Promise<Record<string, string | number | boolean | null>>) => {
      progress.phase = phase;
      this.host.emit('import.progress', { ...progress });
      try {
        this.host.log.write('info', event, await fn());
      } catch (err) {
        this.host.log.write('error', `${event}_failed`, { code: toCallError(err).code, message: toCallError(err).message });
      }
    };
    const records = await store.query('resolution.recordCount', undefined);
    if (records > AUTO_RESOLVE_MAX) {
      job.resolutionNote = `Resolution was not run automatically: ${records.toLocaleString('en-US')} records are more than ${AUTO_RESOLVE_MAX.toLocaleString('en-US')}; run it with crosslink resolution run.`;
      this.host.log.write('warn', 'resolution_skipped', { records });
    } else {
      await step('resolving', 'resolution', async () => {
        const r = await store.write('resolution.run', { incremental: true }).done;
        return { records: r.records, persons: r.persons, seconds: r.seconds, incremental: r.incremental };
      });
    }
    // Who travels together, with the analyst's last settings (or the defaults).
    await step('co-travel', 'cotravel', async () => {
      const last = (await store.query('cotravel.list', { minCount: 1, limit: 1 })).lastRun;
      const c = await store.write('cotravel.run', { minCount: last?.minCount ?? 2, windowMinutes: last?.windowMinutes ?? 5 }).done;
      return { pairs: c.pairs, seconds: c.seconds };
    });
    await step('leads', 'leads', async () => {
      const r = await runLeads(store, this.host.emit);
      return { leads: r.leads, added: r.added, reopened: r.reopened, seconds: r.seconds };
    });
  }
}

/** Runs the detectors and tells the window what is new (toast and badge). */
export async function runLeads(store: CaseStore, emit: Emit): Promise<Output<'leads.run'>> {
  const { run, watches } = await store.write('leads.runAndWatch', undefined).done;
  const list = await store.query('leads.list', { limit: 1, offset: 0, status: ['new'] });
  // Only what this run brought (added or reopened), not what was already waiting.
  const top = await store.query('leads.fresh', { at: run.at });
  emit('leads.updated', { added: run.added, reopened: run.reopened, unseen: list.unseen, top, watches });
  return run;
}

type ImportCall = Extract<CallName, `import.${string}` | `spec.${string}` | 'kinds.list'>;
export type ImportHandlers = { [N in ImportCall]: (input: ParsedInput<N>) => Promise<Output<N>> };

/** The contract's import calls: jobs, reports, and import specs (preview, inference, files, kinds). */
export function importHandlers(jobs: () => ImportJobs, store: () => CaseStore, current: () => CaseStore | null, agency: () => Agency): ImportHandlers {
  return {
  'import.start': async (i) => ({ jobId: jobs().start(store(), i.path, i.spec, i.acceptRejects) }),
  'import.preview': async (i) => store().write('import.preview', { ...i, path: path.resolve(i.path) }).done,
  // Inference reads only the files: without a case it runs here (crosslink spec infer).
  'import.infer': async (i) =>
    current() ? current()!.query('import.infer', { ...i, path: path.resolve(i.path) }) : inferSpec(path.resolve(i.path), { name: i.name, agency: agency() }),
  'spec.save': async (i) => saveSpecFile(i.path, i.spec),
  'spec.load': async (i) => loadSpecFile(i.path),
  'kinds.list': async () => store().query('kinds.list', undefined),
  'import.progress': async (i) => jobs().progress(i.jobId),
  'import.cancel': async (i) => ({ cancelled: await jobs().cancel(i.jobId, current()) }),
  'import.list': async () => store().query('import.list', undefined),
  'import.report': async (i) => store().query('import.report', i),
  'import.rejectsCsv': async (i) => store().query('import.rejectsCsv', i),
  };
}
