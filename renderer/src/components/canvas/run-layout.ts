// Runs a board layout in a Web Worker; if the host cannot start one, on this thread.
import { computeLayout, type LayoutInput, type LayoutOutput } from '../../graph/layout';

type Answer = { ok: true; positions: LayoutOutput } | { ok: false; error: string };

function inWorker(input: LayoutInput): Promise<LayoutOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
    const done = () => worker.terminate();
    worker.onmessage = (e: MessageEvent<Answer>) => {
      done();
      if (e.data.ok) resolve(e.data.positions);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      done();
      reject(new Error(e.message || 'the layout worker failed to start'));
    };
    worker.postMessage(input);
  });
}

export async function runLayout(input: LayoutInput): Promise<LayoutOutput> {
  try {
    return await inWorker(input);
  } catch {
    // Some hosts (a file:// page, say) refuse module workers: lay out here instead.
    return computeLayout(input);
  }
}
