// The board and its undo history in one store; every change goes through here.
import { createStore } from '../state/store';
import { EMPTY_GRAPH, withPositions } from './state';
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

/** Positions after a drag or a layout; not an undoable step. */
export function recordPositions(moved: ReadonlyMap<number, Pos>): void {
  boardStore.set((b) => {
    const graph = withPositions(b.graph, moved);
    return graph === b.graph ? b : { ...b, graph };
  });
}
