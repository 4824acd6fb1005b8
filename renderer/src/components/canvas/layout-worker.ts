// Web Worker: lays out the board off the UI thread.
import { computeLayout, type LayoutInput } from '../../graph/layout';

self.onmessage = (e: MessageEvent<LayoutInput>) => {
  try {
    self.postMessage({ ok: true, positions: computeLayout(e.data) });
  } catch (err) {
    self.postMessage({ ok: false, error: (err as Error).message });
  }
};
