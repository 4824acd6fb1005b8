// A board as the main thread finds it: the newest good copy, the case's or its crash
// journal's, before it is filtered for the profile that asked.
import { BOARD_STATE, type BoardState } from '../../../shared/contract';
import type { CaseStore } from '../db/client';
import { readJournal } from '../ops/board-journal';

export interface BoardCopy {
  name: string;
  state: BoardState;
  savedAt: string;
  from: 'journal' | 'case';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Both copies are checked against the contract: a bad one is ignored, never shown. */
export async function boardSource(store: CaseStore, id: number): Promise<BoardCopy | null> {
  const row = await store.query('board.load', { id });
  const name = row?.name ?? (await store.query('board.name', { id }));
  const fromCase = row ? BOARD_STATE.safeParse(safeJson(row.state)) : null;
  const journal = readJournal(store.path, id);
  const fromJournal = journal ? BOARD_STATE.safeParse(journal.state) : null;
  if (journal && fromJournal?.success && (!row || !fromCase?.success || journal.savedAt > row.savedAt)) {
    return { name, state: fromJournal.data, savedAt: journal.savedAt, from: 'journal' };
  }
  if (!row || !fromCase?.success) return null;
  return { name, state: fromCase.data, savedAt: row.savedAt, from: 'case' };
}

/** A board saved by an analyst who sees some of its nodes as pointers keeps the marks and refs
 * another agency's analyst left on them (the saver never received them): no one's work is
 * lost because someone else may not read it. */
export async function keepWithheldMarks(store: CaseStore, id: number, state: BoardState): Promise<BoardState> {
  if (!state.nodes.some((n) => n.ref.kind === 'pointer')) return state;
  const before = await boardSource(store, id);
  if (!before) return state;
  const stored = new Map(before.state.nodes.map((n) => [n.ref.id, n]));
  return {
    ...state,
    nodes: state.nodes.map((n) => {
      const old = n.ref.kind === 'pointer' ? stored.get(n.ref.id) : undefined;
      if (!old) return n;
      // The stored ref too: the pointer's label was for the saver's eyes only.
      return { ...n, ref: old.ref, marks: old.marks?.note ? { ...n.marks, note: old.marks.note } : n.marks };
    }),
  };
}
