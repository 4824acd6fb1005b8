// The undo/redo stack as pure functions over (history, board state).
import { applyCommand, invertCommand } from './commands';
import type { Command, GraphState, History } from './types';

export const EMPTY_HISTORY: History = { past: [], future: [] };
export const MAX_HISTORY = 200;

export interface Step {
  history: History;
  state: GraphState;
}

/** Applies a new command: it joins the past and the redo future is dropped. */
export function perform(history: History, state: GraphState, cmd: Command, max = MAX_HISTORY): Step {
  return { history: { past: [...history.past, cmd].slice(-max), future: [] }, state: applyCommand(state, cmd) };
}

export function undo(history: History, state: GraphState): Step | null {
  const cmd = history.past.at(-1);
  if (!cmd) return null;
  return {
    history: { past: history.past.slice(0, -1), future: [...history.future, cmd] },
    state: applyCommand(state, invertCommand(cmd)),
  };
}

export function redo(history: History, state: GraphState): Step | null {
  const cmd = history.future.at(-1);
  if (!cmd) return null;
  return {
    history: { past: [...history.past, cmd], future: history.future.slice(0, -1) },
    state: applyCommand(state, cmd),
  };
}

export const undoLabel = (h: History): string | null => h.past.at(-1)?.label ?? null;
export const redoLabel = (h: History): string | null => h.future.at(-1)?.label ?? null;
