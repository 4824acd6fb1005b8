// The working board's crash journal: a small file beside the case, replaced atomically
// (write, fsync, rename) at most about once a second. It is written by the main thread, so
// a long import holding the case's writer never delays it; the board is also saved into
// the case itself through the writer. On open the newer of the two wins.
// A departure from DESIGN.md's 'database in a worker': this file is written by the main
// thread on purpose, so that a long import holding the writer never delays it.
import fs from 'node:fs';
import type { BoardState } from '../../../shared/contract';

export const journalPath = (casePath: string): string => `${casePath}.board-journal`;

export interface Journaled {
  state: BoardState;
  savedAt: string;
}

export function writeJournal(casePath: string, entry: Journaled): void {
  const file = journalPath(casePath);
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
export function readJournal(casePath: string): Journaled | null {
  try {
    const j = JSON.parse(fs.readFileSync(journalPath(casePath), 'utf8')) as Journaled;
    return j && j.state && typeof j.savedAt === 'string' ? j : null;
  } catch {
    return null;
  }
}
