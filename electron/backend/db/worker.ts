// A DB worker: owns one connection to the case and runs named operations on it, one at a
// time, so long imports and heavy queries never block the window or the host.
import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { toCallError } from '../errors';
import { openCase } from './connection';
import { OPS, type OpContext } from './ops';
import { Access } from '../access/access';
import type { Agency } from '../../../shared/model';
import { SLOW_MS, type FromWorker, type ToWorker, type WorkerInit } from './protocol';

const init = workerData as WorkerInit;
const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);
const cancelled = new Set<number>();
let db: Database.Database | null = null;
let queue: Promise<void> = Promise.resolve();

try {
  db = openCase(init.path, { create: init.create, readonly: init.role !== 'writer', skipCheck: init.role !== 'writer', backupDir: init.backupDir });
  watchStatements(db);
  post({ type: 'ready' });
} catch (err) {
  post({ type: 'fatal', error: toCallError(err) });
}

// The SQL each operation prepares, so a slow one can report its query plans (health panel).
let prepared: string[] = [];
function watchStatements(conn: Database.Database): void {
  const prepare = conn.prepare.bind(conn);
  conn.prepare = ((sql: string) => {
    if (prepared.length < 20 && !prepared.includes(sql)) prepared.push(sql);
    return prepare(sql);
  }) as typeof conn.prepare;
}

function plansOf(sqls: string[]): string[] {
  const out: string[] = [];
  for (const sql of sqls) {
    if (!/^\s*(SELECT|WITH)\b/i.test(sql)) continue;
    try {
      const rows = db!.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>;
      out.push(`${sql.replace(/\s+/g, ' ').slice(0, 160)} => ${rows.map((r) => r.detail).join('; ')}`);
    } catch {
      /* statements needing a temp table or similar: no plan */
    }
  }
  return out;
}

async function run(id: number, op: string, args: unknown, as: Agency): Promise<void> {
  const started = performance.now();
  prepared = [];
  const fn = (OPS as Record<string, (c: OpContext, a: unknown) => unknown>)[op];
  try {
    if (!db) throw new Error('case is not open');
    if (!fn) throw new Error(`unknown operation ${op}`);
    const conn = db;
    let access: Access | null = null;
    const ctx: OpContext = {
      db,
      path: init.path,
      as,
      get access() {
        return (access ??= new Access(conn, as));
      },
      progress: (payload) => post({ type: 'progress', id, payload }),
      isCancelled: () => cancelled.has(id),
    };
    const value = await fn(ctx, args);
    const ms = performance.now() - started;
    post({ type: 'result', id, ok: true, value, ms, plan: ms > SLOW_MS && init.role !== 'writer' ? plansOf(prepared) : undefined });
  } catch (err) {
    post({ type: 'result', id, ok: false, error: toCallError(err), ms: performance.now() - started });
  } finally {
    cancelled.delete(id);
  }
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'cancel') cancelled.add(msg.id);
  else if (msg.type === 'call') queue = queue.then(() => run(msg.id, msg.op, msg.args, msg.as));
  else if (msg.type === 'close') {
    queue = queue.then(() => {
      db?.close();
      db = null;
      post({ type: 'closed' });
      port.close();
    });
  }
});
