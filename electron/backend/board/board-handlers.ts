// The contract's board calls: boards in the case, and the crash journal beside it that every
// save writes first (it never waits behind an import in the writer).
import fs from 'node:fs';
import type { CallName, Output, ParsedInput } from '../../../shared/contract';
import type { CaseStore } from '../db/client';
import { toCallError } from '../errors';
import { journalPath, writeJournal } from '../ops/board-journal';
import type { OpsLog } from '../ops/log';
import { boardSource, keepWithheldMarks } from './board-source';

type BoardCall = Extract<CallName, `board.${string}`>;
export type BoardHandlers = { [N in BoardCall]: (input: ParsedInput<N>) => Promise<Output<N>> };

export function boardHandlers(caseStore: () => CaseStore, log: () => OpsLog): BoardHandlers {
  return {
  'board.list': async () => caseStore().query('board.list', undefined),
  'board.create': async (i) => {
    const state = i.state ?? { nodes: [], links: [] };
    return caseStore().write('board.create', { name: i.name, state: JSON.stringify(state), nodes: state.nodes.length, links: state.links.length, savedAt: new Date().toISOString() }).done;
  },
  'board.rename': async (i) => caseStore().write('board.rename', i).done,
  'board.delete': async (i) => {
    const store = caseStore();
    const deleted = await store.write('board.delete', i).done;
    fs.rmSync(journalPath(store.path, i.id), { force: true });
    return { deleted };
  },
  'board.save': async (i) => {
    const store = caseStore();
    const savedAt = new Date().toISOString();
    if (i.id !== 1) await store.query('board.load', { id: i.id }); // an unknown board is an error, not a stray journal
    const state = await keepWithheldMarks(store, i.id, i.state);
    // The journal first (never waits for an import), then the case (queued in the writer).
    writeJournal(store.path, { state, savedAt }, i.id);
    store.write('board.save', { id: i.id, state: JSON.stringify(state), nodes: i.state.nodes.length, links: i.state.links.length, savedAt }).done.catch((err) => {
      log().write('warn', 'board_save_deferred', { code: toCallError(err).code });
    });
    return { savedAt };
  },
  'board.load': async (i) => {
    const store = caseStore();
    const b = await boardSource(store, i.id);
    return b && { id: i.id, name: b.name, state: await store.query('board.redact', { state: b.state }), savedAt: b.savedAt, from: b.from };
  },
  };
}
