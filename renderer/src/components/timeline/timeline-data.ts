// Asks the backend for the events of the board's nodes while the timeline is shown, again
// whenever the nodes on the board change (not when they only move).
import { api } from '../../api/client';
import { boardStore } from '../../graph/graph-store';
import { errorMessage } from '../../state/toasts';
import { timelineStore } from '../../state/timeline-store';

const DELAY_MS = 250;
let timer: ReturnType<typeof setTimeout> | null = null;
let asked = 0;

const boardKey = (): { ids: number[]; key: string } => {
  const ids = [...boardStore.get().graph.nodes.keys()].sort((a, b) => a - b);
  return { ids, key: ids.join(',') };
};

async function load(): Promise<void> {
  timer = null;
  const t = timelineStore.get();
  if (!t.visible) return;
  const { ids, key } = boardKey();
  if (key === t.key && !t.error) return;
  if (!ids.length) {
    timelineStore.set((v) => ({ ...v, items: [], truncated: false, key, loading: false, error: null, brush: null }));
    return;
  }
  const mine = ++asked;
  timelineStore.set((v) => ({ ...v, loading: true }));
  try {
    const res = await api('graph.timeline', { ids });
    if (mine !== asked) return;
    timelineStore.set((v) => ({ ...v, items: res.items, truncated: res.truncated, key, loading: false, error: null }));
  } catch (e) {
    if (mine !== asked) return;
    timelineStore.set((v) => ({ ...v, loading: false, key, error: errorMessage(e) }));
  }
}

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void load(), DELAY_MS);
}

/** Starts following the board; returns the stop. */
export function followBoard(): () => void {
  const offBoard = boardStore.subscribe((next, prev) => {
    if (next.graph.nodes.size !== prev.graph.nodes.size || boardKey().key !== timelineStore.get().key) schedule();
  });
  const offShown = timelineStore.subscribe((next, prev) => {
    if (next.visible && !prev.visible) schedule();
  });
  schedule();
  return () => {
    offBoard();
    offShown();
    if (timer) clearTimeout(timer);
  };
}
