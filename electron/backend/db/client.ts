// The main thread's handle on a case: a writer worker for imports and changes, a reader
// worker for queries (WAL lets it read while an import writes).
import { caller } from '../access/caller';
import type { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import { spawnWorker } from '../util/spawn-worker';
import type { OpArgs, OpName, OpResult } from './ops';
import type { FromWorker, WorkerInit } from './protocol';
import type { Agency } from '../../../shared/model';

const WORKER_ENTRY = new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

interface Pending {
  resolve(v: unknown): void;
  reject(e: unknown): void;
  onProgress?: (p: unknown) => void;
}

export interface Call<T> {
  id: number;
  done: Promise<T>;
}

class DbWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending & { op: string }>();
  private nextId = 1;
  readonly ready: Promise<void>;
  private closed = false;

  constructor(
    init: WorkerInit,
    private readonly onDone?: (op: string, ms: number, plan: string[] | undefined) => void,
  ) {
    this.worker = spawnWorker(WORKER_ENTRY, init as unknown as Record<string, unknown>);
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (m: FromWorker) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'fatal') reject(new AppError(m.error.code, m.error.message));
        else this.onMessage(m);
      });
      this.worker.on('error', (e) => {
        reject(e);
        this.failAll(e);
      });
      this.worker.on('exit', () => {
        if (!this.closed) this.failAll(new AppError('internal', 'The database worker stopped unexpectedly.'));
      });
    });
  }

  private failAll(e: unknown): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'progress') this.pending.get(m.id)?.onProgress?.(m.payload);
    else if (m.type === 'result') {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      this.onDone?.(p.op, m.ms, m.plan);
      if (m.ok) p.resolve(m.value);
      else p.reject(new AppError(m.error.code, m.error.message));
    }
  }

  call<N extends OpName>(op: N, args: OpArgs<N>, onProgress?: (p: unknown) => void, as: Agency = 'ICE'): Call<OpResult<N>> {
    const id = this.nextId++;
    const done = new Promise<OpResult<N>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress, op });
    });
    this.worker.postMessage({ type: 'call', id, op, args, as });
    return { id, done };
  }

  cancel(id: number): void {
    this.worker.postMessage({ type: 'cancel', id });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const closed = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ type: 'close' });
    const timeout = setTimeout(() => void this.worker.terminate(), 10_000);
    await closed;
    clearTimeout(timeout);
  }
}

type Role = 'writer' | 'reader' | 'analyst';

export class CaseStore {
  private analyst: DbWorker | null = null;
  private closing = false;

  private constructor(
    readonly path: string,
    private readonly writer: DbWorker,
    private readonly reader: DbWorker,
    private readonly onDone?: (role: Role, op: string, ms: number, plan: string[] | undefined) => void,
  ) {}

  static async open(
    path: string,
    create = false,
    opts: { backupDir?: string; onDone?: (role: Role, op: string, ms: number, plan: string[] | undefined) => void } = {},
  ): Promise<CaseStore> {
    const writer = new DbWorker({ path, role: 'writer', create, backupDir: opts.backupDir }, (op, ms, plan) => opts.onDone?.('writer', op, ms, plan));
    try {
      await writer.ready;
    } catch (e) {
      await writer.close().catch(() => {});
      throw e;
    }
    const reader = new DbWorker({ path, role: 'reader', create: false }, (op, ms, plan) => opts.onDone?.('reader', op, ms, plan));
    try {
      await reader.ready;
    } catch (e) {
      await Promise.all([writer.close(), reader.close()]).catch(() => {});
      throw e;
    }
    return new CaseStore(path, writer, reader, opts.onDone);
  }

  /** The agency every answer is filtered for (the case's profile, or the host's --as). */
  actingAs: Agency = 'ICE';

  query<N extends OpName>(op: N, args: OpArgs<N>, as: Agency = caller()?.agency ?? this.actingAs): Promise<OpResult<N>> {
    return this.reader.call(op, args, undefined, as).done;
  }

  /** Graph algorithms (paths over the whole case) in their own worker, started on first use,
   * so that building the in-memory graph never delays a search or a details panel. */
  async analyse<N extends OpName>(op: N, args: OpArgs<N>, as: Agency = caller()?.agency ?? this.actingAs): Promise<OpResult<N>> {
    if (this.closing) throw new AppError('no_case', 'The case is closing.');
    if (!this.analyst) {
      const w = new DbWorker({ path: this.path, role: 'analyst', create: false }, (o, ms, plan) => this.onDone?.('analyst', o, ms, plan));
      this.analyst = w;
      try {
        await w.ready;
      } catch (e) {
        this.analyst = null;
        await w.close().catch(() => {});
        throw e;
      }
    }
    await this.analyst.ready;
    return this.analyst.call(op, args, undefined, as).done;
  }

  /** The writer's own answer (for example its heap size), queued behind its work. */
  askWriter<N extends OpName>(op: N, args: OpArgs<N>): Promise<OpResult<N>> {
    return this.writer.call(op, args, undefined, caller()?.agency ?? this.actingAs).done;
  }

  write<N extends OpName>(op: N, args: OpArgs<N>, onProgress?: (p: unknown) => void, as: Agency = caller()?.agency ?? this.actingAs): Call<OpResult<N>> {
    return this.writer.call(op, args, onProgress, as);
  }

  cancel(id: number): void {
    this.writer.cancel(id);
  }

  /** Reader first, then the writer: the last connection to close folds the WAL into the
   * case file, so a closed case is one self-contained file (a read-only one cannot). */
  async close(): Promise<void> {
    this.closing = true;
    await this.analyst?.close();
    await this.reader.close();
    await this.writer.close();
  }
}
