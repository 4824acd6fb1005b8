import type Database from 'better-sqlite3';
import { AppError } from '../errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index';

/** Brings a case file to the latest schema; refuses a file written by a newer Crosslink. */
export function migrate(db: Database.Database, beforeMigrating?: (from: number) => void): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > LATEST_VERSION) {
    throw new AppError(
      'db_too_new',
      `This case was written by a newer Crosslink (schema ${from}; this version knows up to ${LATEST_VERSION}). Update Crosslink to open it.`,
    );
  }
  // A case with data that needs a newer schema is backed up first.
  if (from > 0 && from < LATEST_VERSION) beforeMigrating?.(from);
  for (const m of MIGRATIONS) {
    if (m.version <= from) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to: LATEST_VERSION };
}
