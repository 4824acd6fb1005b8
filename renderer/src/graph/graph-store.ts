// The board and its undo history in one store; every change goes through here.
import { createStore } from '../state/store';
import { EMPTY_GRAPH } from './state';
import { moveCommand } from './marks';
import { EMPTY_HISTORY, perform, redo, undo } from './history';
import type { Command, GraphState, History, Pos } from './types';

export interface Board {
  graph: GraphState;
  history: History;
}

export const boardStore = createStore<Board>({ graph: EMPTY_GRAPH, history: EMPTY_HISTORY });

export function runCommand(cmd: Command | null): boolean {
  if (!cmd) return false;
  boardStore.set((b) => {
    const step = perform(b.history, b.graph, cmd);
    return { graph: step.state, history: step.history };
  });
  return true;
}

export function undoBoard(): boolean {
  const b = boardStore.get();
  const step = undo(b.history, b.graph);
  if (step) boardStore.set({ graph: step.state, history: step.history });
  return !!step;
}

export function redoBoard(): boolean {
  const b = boardStore.get();
  const step = redo(b.history, b.graph);
  if (step) boardStore.set({ graph: step.state, history: step.history });
  return !!step;
}

/** A new case: nothing from the old one may stay on the board or in the history. */
export function resetBoard(): void {
  boardStore.set({ graph: EMPTY_GRAPH, history: EMPTY_HISTORY });
}

/** Positions after a drag or a layout: one undoable step (pinned nodes do not move). */
export function recordPositions(moved: ReadonlyMap<number, Pos>, label?: string): boolean {
  return runCommand(moveCommand(boardStore.get().graph, moved, label));
}

/** Puts a saved board on the canvas with a fresh history (switching boards, reopening a case). */
export function replaceBoard(graph: GraphState): void {
  boardStore.set({ graph, history: EMPTY_HISTORY });
}

/** The board as changed by others (a review session): shown as it is, with no undo step of
 * its own; the analyst's own steps stay undoable. */
export function showGraph(graph: GraphState): void {
  boardStore.set((b) => (b.graph === graph ? b : { ...b, graph }));
}
