// Keeps the working board safe: every change is saved within half a second (to a journal
// the backend writes at once, and into the case), and a case opened again, after a crash
// or a kill, comes back with its board and a note saying what was restored.
import type { BoardState } from '../../../shared/contract';
import { api } from '../api/client';
import { boardStore } from '../graph/graph-store';
import { EMPTY_HISTORY } from '../graph/history';
import type { GraphState } from '../graph/types';
import { requestCanvas } from '../state/canvas-bus';
import { toast } from '../state/toasts';

const DELAY_MS = 500;
let enabled = false;
let lastSaved: GraphState | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let generation = 0;

export function toBoardState(g: GraphState): BoardState {
  return {
    nodes: [...g.nodes.values()].map((n) => ({ ref: n.ref, pos: { x: Math.round(n.pos.x * 10) / 10, y: Math.round(n.pos.y * 10) / 10 } })),
    links: [...g.links.values()].map((l) => l.ref),
  };
}

export function fromBoardState(s: BoardState): GraphState {
  const nodes = new Map(s.nodes.map((n) => [n.ref.id, { ref: n.ref, pos: n.pos }]));
  const links = new Map(s.links.filter((l) => nodes.has(l.source) && nodes.has(l.target)).map((l) => [l.id, { ref: l }]));
  return { nodes, links };
}

async function flush(gen: number): Promise<void> {
  timer = null;
  const g = boardStore.get().graph;
  if (!enabled || gen !== generation || g === lastSaved) return;
  lastSaved = g;
  try {
    await api('board.save', { state: toBoardState(g) });
  } catch {
    lastSaved = null; // try again on the next change
  }
}

boardStore.subscribe((next, prev) => {
  if (!enabled || next.graph === prev.graph || timer) return;
  const gen = generation;
  timer = setTimeout(() => void flush(gen), DELAY_MS);
});

/** Stops saving (the case is changing): nothing of one case's board reaches another. */
export function suspendBoardJournal(): void {
  enabled = false;
  generation++;
  if (timer) clearTimeout(timer);
  timer = null;
  lastSaved = null;
}

/** Loads the open case's board (from the newer of the journal and the case) and resumes saving. */
export async function loadBoard(): Promise<void> {
  suspendBoardJournal();
  const gen = generation;
  try {
    const saved = await api('board.load', {});
    if (gen !== generation) return;
    if (saved && saved.state.nodes.length) {
      boardStore.set({ graph: fromBoardState(saved.state), history: EMPTY_HISTORY });
      // Show all of it once the canvas has drawn it.
      setTimeout(() => requestCanvas({ type: 'fit' }), 250);
      const when = new Date(saved.savedAt).toLocaleTimeString();
      toast('info', 'Restored your board', `${saved.state.nodes.length} nodes and ${saved.state.links.length} links as of ${when}.`);
    }
  } catch {
    /* no case, or an older backend: start with an empty board */
  }
  if (gen !== generation) return;
  lastSaved = boardStore.get().graph;
  enabled = true;
}
