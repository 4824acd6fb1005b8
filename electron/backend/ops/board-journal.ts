// The working board's crash journal: a small file beside the case, replaced atomically
// (write, fsync, rename) at most about once a second. It is written by the main thread, so
// a long import holding the case's writer never delays it; the board is also saved into
// the case itself through the writer. On open the newer of the two wins.
// A departure from DESIGN.md's 'database in a worker': this file is written by the main
// thread on purpose, so that a long import holding the writer never delays it.
import fs from 'node:fs';
import path from 'node:path';
import type { BoardState } from '../../../shared/contract';

/** Board 1 (the working board) keeps the original file name; other boards get their own. */
export const journalPath = (casePath: string, boardId = 1): string =>
  boardId === 1 ? `${casePath}.board-journal` : `${casePath}.board-${boardId}.journal`;

/** Every board journal of a case (to drop them when the case is restored from a backup). */
export function removeJournals(casePath: string): void {
  const dir = path.dirname(casePath);
  const base = path.basename(casePath);
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (n === `${base}.board-journal` || (n.startsWith(`${base}.board-`) && n.endsWith('.journal'))) fs.rmSync(path.join(dir, n), { force: true });
  }
}

export interface Journaled {
  state: BoardState;
  savedAt: string;
}

export function writeJournal(casePath: string, entry: Journaled, boardId = 1): void {
  const file = journalPath(casePath, boardId);
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(entry));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** The journal, or null when there is none or it cannot be read (a torn write is never renamed in). */
export function readJournal(casePath: string, boardId = 1): Journaled | null {
  try {
    const j = JSON.parse(fs.readFileSync(journalPath(casePath, boardId), 'utf8')) as Journaled;
    return j && j.state && typeof j.savedAt === 'string' ? j : null;
  } catch {
    return null;
  }
}
