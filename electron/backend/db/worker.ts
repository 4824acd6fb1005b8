// A DB worker: owns one connection to the case and runs named operations on it, one at a
// time, so long imports and heavy queries never block the window or the host.
import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { toCallError } from '../errors';
import { openCase } from './connection';
import { OPS, type OpContext } from './ops';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';

const init = workerData as WorkerInit;
const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);
const cancelled = new Set<number>();
let db: Database.Database | null = null;
let queue: Promise<void> = Promise.resolve();

try {
  db = openCase(init.path, { create: init.create, readonly: init.role === 'reader' });
  post({ type: 'ready' });
} catch (err) {
  post({ type: 'fatal', error: toCallError(err) });
}

async function run(id: number, op: string, args: unknown): Promise<void> {
  const started = performance.now();
  const fn = (OPS as Record<string, (c: OpContext, a: unknown) => unknown>)[op];
  try {
    if (!db) throw new Error('case is not open');
    if (!fn) throw new Error(`unknown operation ${op}`);
    const ctx: OpContext = {
      db,
      path: init.path,
      progress: (payload) => post({ type: 'progress', id, payload }),
      isCancelled: () => cancelled.has(id),
    };
    const value = await fn(ctx, args);
    post({ type: 'result', id, ok: true, value, ms: performance.now() - started });
  } catch (err) {
    post({ type: 'result', id, ok: false, error: toCallError(err), ms: performance.now() - started });
  } finally {
    cancelled.delete(id);
  }
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'cancel') cancelled.add(msg.id);
  else if (msg.type === 'call') queue = queue.then(() => run(msg.id, msg.op, msg.args));
  else if (msg.type === 'close') {
    queue = queue.then(() => {
      db?.close();
      db = null;
      post({ type: 'closed' });
      port.close();
    });
  }
});
