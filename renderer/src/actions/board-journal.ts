// Keeps the open board safe: every change is saved within half a second (to a journal
// the backend writes at once, and into the case), and a case opened again, after a crash
// or a kill, comes back with its board and a note saying what was restored. Switching
// boards saves the one being left first.
import { api } from '../api/client';
import { getCy, onCy } from '../components/canvas/cy-registry';
import { boardStore, replaceBoard } from '../graph/graph-store';
import type { GraphState } from '../graph/types';
import { requestCanvas } from '../state/canvas-bus';
import { createStore } from '../state/store';
import { toast } from '../state/toasts';
import { fromBoardState, toBoardState, type Viewport } from '../graph/marks-format';

export { fromBoardState, toBoardState } from '../graph/marks-format';

const DELAY_MS = 500;
/** The board on the canvas: its number in the case and its name. */
export const currentBoard = createStore<{ id: number; name: string }>({ id: 1, name: 'Working board' });

let enabled = false;
let lastSaved: { graph: GraphState; viewport: string } | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let generation = 0;

const viewportNow = (): Viewport | undefined => {
  const cy = getCy();
  if (!cy || cy.destroyed()) return undefined;
  const p = cy.pan();
  return { zoom: Math.round(cy.zoom() * 1e4) / 1e4, x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
};

/** Saves the open board now if it changed since the last save. */
async function flush(gen: number): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const graph = boardStore.get().graph;
  const viewport = viewportNow();
  const vp = JSON.stringify(viewport ?? null);
  if (!enabled || gen !== generation || (lastSaved?.graph === graph && lastSaved.viewport === vp)) return;
  lastSaved = { graph, viewport: vp };
  try {
    await api('board.save', { id: currentBoard.get().id, state: toBoardState(graph, viewport) });
  } catch {
    lastSaved = null; // try again on the next change
  }
}

function schedule(): void {
  if (!enabled || timer) return;
  const gen = generation;
  timer = setTimeout(() => void flush(gen), DELAY_MS);
}

boardStore.subscribe((next, prev) => {
  if (next.graph !== prev.graph) schedule();
});
// Panning and zooming is part of the board too (the same picture after a restart).
onCy((cy) => cy?.on('viewport', schedule));

/** Saves what is pending at once (before switching boards or closing). */
export async function flushBoard(): Promise<void> {
  if (enabled) await flush(generation);
}

/**
 * Saves the open board now, changed or not, and says so by failing: for callers (a briefing
 * package) that make the backend read the board right after and must not read an older one.
 */
export async function saveBoardNow(): Promise<{ id: number; name: string }> {
  if (!enabled) throw new Error('The board is still loading; try again in a moment.');
  if (timer) clearTimeout(timer);
  timer = null;
  const graph = boardStore.get().graph;
  const viewport = viewportNow();
  const board = currentBoard.get();
  await api('board.save', { id: board.id, state: toBoardState(graph, viewport) });
  lastSaved = { graph, viewport: JSON.stringify(viewport ?? null) };
  return board;
}

/** Stops saving (the case or the board is changing): nothing of one board reaches another. */
export function suspendBoardJournal(): void {
  enabled = false;
  generation++;
  if (timer) clearTimeout(timer);
  timer = null;
  lastSaved = null;
}

const rememberKey = (): string => `crosslink.board.${location.pathname}`;

/**
 * Loads a board of the open case (by default the one open last, else the working board)
 * from the newer of the journal and the case, and resumes saving into it.
 */
export async function loadBoard(id?: number, opts: { quiet?: boolean } = {}): Promise<boolean> {
  suspendBoardJournal();
  const gen = generation;
  const remembered = Number(safeStorage()?.getItem(rememberKey()) ?? '1') || 1;
  let want = id ?? remembered;
  let ok = true;
  try {
    const saved = await api('board.load', { id: want }).catch((e: unknown) => {
      if (id != null || want === 1) throw e;
      want = 1; // the remembered board was deleted
      return api('board.load', { id: 1 });
    });
    if (gen !== generation) return false;
    currentBoard.set({ id: want, name: saved?.name ?? 'Working board' });
    safeStorage()?.setItem(rememberKey(), String(want));
    const state = saved?.state ?? { nodes: [], links: [] };
    replaceBoard(fromBoardState(state));
    if (state.viewport) {
      const vp = state.viewport;
      // After the canvas has drawn the board (and anything that fits on load has run).
      setTimeout(() => getCy()?.viewport({ zoom: vp.zoom, pan: { x: vp.x, y: vp.y } }), 250);
    } else if (state.nodes.length) setTimeout(() => requestCanvas({ type: 'fit' }), 250);
    if (saved && state.nodes.length && !opts.quiet) {
      const when = new Date(saved.savedAt).toLocaleTimeString();
      toast('info', id == null ? 'Restored your board' : `Opened board “${saved.name}”`, `${state.nodes.length} nodes and ${state.links.length} links as of ${when}.`);
    }
  } catch {
    ok = false; // no case, or an older backend: start with an empty board
  }
  if (gen !== generation) return false;
  lastSaved = { graph: boardStore.get().graph, viewport: JSON.stringify(viewportNow() ?? null) };
  enabled = true;
  return ok;
}

/** Saves the board being left, then opens another. */
export async function switchBoard(id: number, opts: { quiet?: boolean } = {}): Promise<boolean> {
  await flushBoard();
  return loadBoard(id, opts);
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
