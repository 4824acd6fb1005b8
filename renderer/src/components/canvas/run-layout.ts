// Runs a board layout in a Web Worker; if the host cannot start one, on this thread.
// One layout at a time: a new request stops the one still running.
import { computeLayout, type LayoutInput, type LayoutOutput } from '../../graph/layout';

type Answer = { ok: true; positions: LayoutOutput } | { ok: false; error: string };

/** Thrown to the caller whose layout a newer request replaced. */
export class LayoutSuperseded extends Error {
  constructor() {
    super('a newer layout replaced this one');
  }
}

let running: { worker: Worker; reject: (e: Error) => void } | null = null;

/** The worker could not start here once (a file:// page, say): stop trying. */
let noWorkers = false;

function inWorker(input: LayoutInput): Promise<LayoutOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
    const mine = { worker, reject };
    running = mine;
    const done = () => {
      worker.terminate();
      if (running === mine) running = null;
    };
    worker.onmessage = (e: MessageEvent<Answer>) => {
      done();
      if (e.data.ok) resolve(e.data.positions);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      done();
      noWorkers = true;
      reject(new Error(e.message || 'the layout worker failed to start'));
    };
    worker.postMessage(input);
  });
}

/** Stops the layout in progress, if any; its caller gets LayoutSuperseded. */
export function cancelLayout(): void {
  if (!running) return;
  running.worker.terminate();
  running.reject(new LayoutSuperseded());
  running = null;
}

export async function runLayout(input: LayoutInput): Promise<LayoutOutput> {
  cancelLayout();
  if (noWorkers) return computeLayout(input);
  try {
    return await inWorker(input);
  } catch (e) {
    if (e instanceof LayoutSuperseded || !noWorkers) throw e;
    // Some hosts refuse module workers: lay out here instead.
    return computeLayout(input);
  }
}
