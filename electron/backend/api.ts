// Implements the contract: every call's input is parsed with its zod schema here, whatever
// transport carried it, and every answer is { ok, value } or { ok: false, error }.
import path from 'node:path';
import {
  contract, type CallName, type EventName, type EventPayload, type ImportProgress, type Output, type ParsedInput, type Result,
} from '../../shared/contract';
import { CaseStore } from './db/client';
import { AppError, toCallError } from './errors';
import { listDir } from './fs-browse';
import type { ImportOutcome, ImportProgressInfo } from './ingest/import-bundle';

export interface BackendOptions {
  host: 'electron' | 'web' | 'cli';
  version: string;
  /** A case opened at start (the bundled demo), if any. */
  demoCase?: string | null;
  /** Where the file dialogs start. */
  homeDir?: string;
  /** Validate answers against the contract too (tests, development). */
  checkOutput?: boolean;
}

type Handlers = { [N in CallName]: (input: ParsedInput<N>) => Promise<Output<N>> };

interface Job {
  progress: ImportProgress;
  callId: number;
  done: Promise<void>;
}

export class Backend {
  private store: CaseStore | null = null;
  private readonly jobs = new Map<string, Job>();
  private readonly listeners = new Set<(name: EventName, payload: unknown) => void>();
  private jobSeq = 0;

  constructor(private readonly opts: BackendOptions) {}

  /** The single entry point of both transports. */
  async handle(name: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!Object.hasOwn(contract, name)) {
      return { ok: false, error: { code: 'unknown_call', message: `Unknown call '${String(name).slice(0, 80)}'.` } };
    }
    const spec = contract[name as CallName];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: { code: 'invalid_input', message: `${name}: ${issue.path.join('.') || 'input'}: ${issue.message}` } };
    }
    try {
      const handler = this.handlers[name as CallName] as (i: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      if (this.opts.checkOutput) spec.output.parse(value);
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: toCallError(err) };
    }
  }

  on(listener: (name: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(name, payload);
  }

  private requireStore(): CaseStore {
    if (!this.store) throw new AppError('no_case', 'No case is open. Use File > New case or File > Open case.');
    return this.store;
  }

  async openCase(file: string, create: boolean, name?: string): Promise<Output<'case.open'>> {
    const resolved = path.resolve(file);
    if (this.jobs.size && [...this.jobs.values()].some((j) => j.progress.state === 'running')) {
      throw new AppError('conflict', 'An import is running; wait for it or cancel it before switching cases.');
    }
    const next = await CaseStore.open(resolved, create);
    const old = this.store;
    this.store = next;
    await old?.close();
    if (create) {
      return next.write('case.init', { name: name?.trim() || path.basename(resolved).replace(/\.[^.]+$/, '') }).done;
    }
    const recovered = await next.write('case.recover', undefined).done;
    const info = await next.query('case.info', undefined);
    info.notices = recovered.map(
      (r) => `Import #${r.importId} (${r.exportId}) was interrupted before it finished; its partial rows were removed. Import the bundle again.`,
    );
    return info;
  }

  private startImport(location: string): string {
    const store = this.requireStore();
    const jobId = `job-${++this.jobSeq}`;
    const started = Date.now();
    const progress: ImportProgress = {
      jobId, state: 'running', file: null, rowsRead: 0, rowsTotal: null, rowsPerSecond: 0, etaSeconds: null,
      phase: 'queued', error: null, importId: null, note: null,
    };
    const call = store.write('import.run', { path: path.resolve(location) }, (p) => {
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
      this.emit('import.progress', { ...progress });
    });
    const done = call.done.then(
      (outcome: ImportOutcome) => {
        progress.state = outcome.status === 'cancelled' ? 'cancelled' : 'done';
        progress.importId = outcome.importId;
        progress.etaSeconds = 0;
        progress.phase = 'finished';
        progress.note =
          outcome.status === 'already_loaded'
            ? 'This bundle (same export_id) is already in the case; nothing was added.'
            : outcome.status === 'cancelled'
              ? 'Import cancelled; the case is as it was before the import.'
              : null;
        this.emit('import.progress', { ...progress });
      },
      (err) => {
        progress.state = 'failed';
        progress.error = toCallError(err).message;
        this.emit('import.progress', { ...progress });
      },
    );
    this.jobs.set(jobId, { progress, callId: call.id, done });
    return jobId;
  }

  /** For the CLI and tests: resolves when the job ends. */
  async waitForJob(jobId: string): Promise<ImportProgress> {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not_found', `No import job ${jobId}.`);
    await job.done;
    return { ...job.progress };
  }

  private readonly handlers: Handlers = {
    'app.info': async () => ({ version: this.opts.version, host: this.opts.host, demoCase: this.opts.demoCase ?? null }),
    'case.create': async (i) => this.openCase(i.path, true, i.name),
    'case.open': async (i) => this.openCase(i.path, false),
    'case.current': async () => (this.store ? this.store.query('case.info', undefined) : null),
    'case.close': async () => {
      const had = !!this.store;
      await this.store?.close();
      this.store = null;
      return { closed: had };
    },
    'fs.list': async (i) => listDir(i.path, this.opts.homeDir ?? ''),
    'import.start': async (i) => ({ jobId: this.startImport(i.path) }),
    'import.progress': async (i) => {
      const job = this.jobs.get(i.jobId);
      if (!job) throw new AppError('not_found', `No import job ${i.jobId}.`);
      return { ...job.progress };
    },
    'import.cancel': async (i) => {
      const job = this.jobs.get(i.jobId);
      if (!job || job.progress.state !== 'running') return { cancelled: false };
      this.requireStore().cancel(job.callId);
      await job.done;
      const final: ImportProgress = job.progress;
      return { cancelled: final.state === 'cancelled' };
    },
    'import.list': async () => this.requireStore().query('import.list', undefined),
    'import.report': async (i) => this.requireStore().query('import.report', i),
    'import.rejectsCsv': async (i) => this.requireStore().query('import.rejectsCsv', i),
    'search': async (i) => this.requireStore().query('search', i),
    'graph.stats': async () => this.requireStore().query('graph.stats', undefined),
    'graph.node': async (i) => this.requireStore().query('graph.node', i),
    'graph.link': async (i) => this.requireStore().query('graph.link', i),
    'graph.resolveId': async (i) => this.requireStore().query('graph.resolveId', i),
    'graph.expand': async (i) => this.requireStore().query('graph.expand', i),
  };

  async close(): Promise<void> {
    for (const job of this.jobs.values()) {
      if (job.progress.state === 'running') this.store?.cancel(job.callId);
    }
    await Promise.all([...this.jobs.values()].map((j) => j.done));
    await this.store?.close();
    this.store = null;
  }
}
