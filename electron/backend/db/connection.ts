import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { createBackupSync, defaultBackupDir } from '../ops/backup';
import { migrate } from './migrate';

export interface OpenOptions {
  /** Create the file when missing (File > New case). */
  create?: boolean;
  readonly?: boolean;
  /** Skip the integrity check at open (workers after the first already checked). */
  skipCheck?: boolean;
  /** Where the backup before a migration goes (default: beside the case). */
  backupDir?: string;
}

function damaged(path: string, detail: string): AppError {
  return new AppError('damaged', `The case file ${path} is damaged (${detail.replace(/\s+/g, ' ').slice(0, 300)}). It was not opened; restore the newest good backup (File > Backups and restore…, or crosslink backup restore --db FILE).`);
}

const SQLITE_MAGIC = 'SQLite format 3\0';

function assertLooksLikeSqlite(path: string): void {
  const fd = fs.openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    if (n === 0) return; // an empty file is a new database
    if (n < 16 || buf.toString('latin1') !== SQLITE_MAGIC) {
      throw new AppError('bad_bundle', `${path} is not a Crosslink case (not an SQLite database).`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Opens a case file with the pragmas every connection uses; the writer also migrates. */
export function openCase(path: string, opts: OpenOptions = {}): Database.Database {
  const exists = fs.existsSync(path);
  if (!exists && !opts.create) throw new AppError('not_found', `No case file at ${path}.`);
  if (exists && opts.create) throw new AppError('conflict', `A file already exists at ${path}; open it instead.`);
  if (exists) assertLooksLikeSqlite(path);
  const db = new Database(path, { readonly: !!opts.readonly, fileMustExist: !opts.create });
  try {
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db, () => createBackupSync(db, path, opts.backupDir ?? defaultBackupDir(path), 'before-migration'));
      // A damaged case is never opened silently (quick_check: structure, not every index row).
      if (exists && !opts.skipCheck) {
        const problems = db.pragma('quick_check(5)', { simple: false }) as Array<{ quick_check: string }>;
        if (problems.length !== 1 || problems[0].quick_check !== 'ok') throw damaged(path, problems.map((p) => p.quick_check).join('; '));
      }
    }
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (err) {
    db.close();
    const code = (err as { code?: string }).code ?? '';
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) throw damaged(path, String((err as Error).message));
    throw err;
  }
}
