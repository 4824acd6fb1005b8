// Mounts the analysis overlay over the canvas area. The canvas binder calls it when the
// canvas appears, so the Analyse menu needs no slot in CanvasArea.
import { createRoot } from 'react-dom/client';
import { AnalysisOverlay } from './AnalysisOverlay';

export function mountAnalysisOverlay(host: HTMLElement): () => void {
  const el = document.createElement('div');
  el.className = 'an-overlay-host';
  host.appendChild(el);
  const root = createRoot(el);
  root.render(<AnalysisOverlay />);
  return () => {
    // Unmounting during React's own commit warns; let it finish first.
    queueMicrotask(() => {
      root.unmount();
      el.remove();
    });
  };
}
