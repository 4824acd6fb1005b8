// Test helpers over the real backend: a real SQLite file in a temp dir, real workers.
import path from 'node:path';
import Database from 'better-sqlite3';
import { Backend } from '../../electron/backend/api';
import type { CallName, ImportProgress, ImportReport, Input, Output } from '../../shared/contract';
import { tmpDir } from '../fixtures/bundle-builder';

export async function call<N extends CallName>(b: Backend, name: N, input: Input<N>): Promise<Output<N>> {
  const r = await b.handle(name, input);
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code}: ${r.error.message}`);
  return r.value as Output<N>;
}

export async function newCase(opts: { autoResolve?: boolean } = {}): Promise<{ backend: Backend; file: string; dir: string }> {
  const dir = tmpDir();
  const file = path.join(dir, 'case.crosslink');
  const backend = new Backend({ host: 'cli', version: 'test', checkOutput: true, autoResolve: opts.autoResolve });
  await call(backend, 'case.create', { path: file, name: 'Test case' });
  return { backend, file, dir };
}

export async function runImport(b: Backend, bundle: string): Promise<{ progress: ImportProgress; report: ImportReport | null }> {
  const { jobId } = await call(b, 'import.start', { path: bundle });
  const progress = await b.waitForJob(jobId);
  const report = progress.importId ? await call(b, 'import.report', { importId: progress.importId, limit: 1000 }) : null;
  return { progress, report };
}

/** Counts read straight from the case file with a separate connection. */
export function countsOf(file: string): { nodes: Record<string, number>; links: Record<string, number>; integrity: string } {
  const db = new Database(file, { readonly: true });
  try {
    const nodes = Object.fromEntries((db.prepare('SELECT kind, count(*) c FROM node GROUP BY kind').all() as Array<{ kind: string; c: number }>).map((r) => [r.kind, r.c]));
    const links = Object.fromEntries((db.prepare('SELECT kind, count(*) c FROM link GROUP BY kind').all() as Array<{ kind: string; c: number }>).map((r) => [r.kind, r.c]));
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    return { nodes, links, integrity };
  } finally {
    db.close();
  }
}
