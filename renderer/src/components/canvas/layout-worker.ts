// Web Worker: lays out the board off the UI thread.
import { computeLayout, type LayoutInput } from '../../graph/layout';

self.onmessage = (e: MessageEvent<LayoutInput>) => {
  try {
    const t = performance.now();
    const positions = computeLayout(e.data);
    self.postMessage({ ok: true, positions, ms: performance.now() - t });
  } catch (err) {
    self.postMessage({ ok: false, error: (err as Error).message });
  }
};
