import { Worker, type Transferable } from 'node:worker_threads';

/** Starts a worker from a module URL, whether it is TypeScript source or a built .js file. */
export function spawnWorker(entry: URL, workerData: Record<string, unknown>, transferList: Transferable[] = []): Worker {
  if (entry.pathname.endsWith('.ts')) {
    const boot = new URL('./ts-worker-boot.mjs', import.meta.url);
    return new Worker(boot, { workerData: { ...workerData, __entry: entry.href }, transferList });
  }
  return new Worker(entry, { workerData, transferList });
}
