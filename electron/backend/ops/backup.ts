// Backups of a case: taken with SQLite's online backup API into a hidden partial file,
// verified (integrity_check on the copy, counts recorded), then published by rename with
// a sidecar describing it. A kill or a full disk mid-backup leaves a partial file that is
// never listed and is swept away next time; earlier backups are never touched.
// This lives in ops/, not db/ as DESIGN.md sketches: it must also work on a closed or
// damaged case (list, verify, restore), which db/ (connection, migrations) never opens.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';

export const BACKUP_REASONS = ['manual', 'scheduled', 'before-import', 'before-migration', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupCounts {
  nodes: number;
  links: number;
  imports: number;
  lastExportId: string | null;
}

export interface BackupInfo {
  file: string;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
  integrity: string;
  caseName: string | null;
  counts: BackupCounts;
}

export interface RotationPolicy {
  /** Newest backups always kept. */
  keepLast: number;
  /** Besides those, the newest backup of each of the last N days. */
  keepDaily: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { keepLast: 10, keepDaily: 7 };

/** Where a case's backups live unless the analyst chose a folder: beside the case. */
export function defaultBackupDir(casePath: string): string {
  return path.join(path.dirname(casePath), `${path.basename(casePath)}.backups`);
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** Counts and integrity of a case file, read through a fresh read-only connection. */
export function inspectCaseFile(file: string): { integrity: string; counts: BackupCounts; caseName: string | null } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'unknown';
    const one = (sql: string) => (db.prepare(sql).pluck().get() as number | string | null | undefined) ?? null;
    const hasTable = (t: string) => one(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '${t}'`) === 1;
    const counts: BackupCounts = {
      nodes: hasTable('node') ? Number(one('SELECT count(*) FROM node')) : 0,
      links: hasTable('link') ? Number(one('SELECT count(*) FROM link')) : 0,
      imports: hasTable('import') ? Number(one(`SELECT count(*) FROM import WHERE status = 'done'`)) : 0,
      lastExportId: hasTable('import') ? (one(`SELECT export_id FROM import WHERE status = 'done' ORDER BY id DESC LIMIT 1`) as string | null) : null,
    };
    const caseName = hasTable('meta') ? (one(`SELECT value FROM meta WHERE key = 'name'`) as string | null) : null;
    return { integrity, counts, caseName };
  } finally {
    db.close();
  }
}

function removeQuietly(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

/** Removes partial backups a kill or a full disk left behind. */
export function sweepPartials(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) if (name.startsWith('.') && name.includes('.partial')) fs.rmSync(path.join(dir, name), { force: true });
}

function backupPaths(casePath: string, dir: string, reason: BackupReason, now: Date): { final: string; partial: string } {
  fs.mkdirSync(dir, { recursive: true });
  sweepPartials(dir);
  const stem = `${path.basename(casePath).replace(/\.[^.]+$/, '')}-${stamp(now)}-${reason}`;
  let base = stem;
  for (let k = 2; fs.existsSync(path.join(dir, `${base}.crosslink`)); k++) base = `${stem}~${k}`;
  return { final: path.join(dir, `${base}.crosslink`), partial: path.join(dir, `.${base}.crosslink.partial`) };
}

/** Verifies the partial copy and publishes it with its sidecar; on any failure removes it. */
function publish(partial: string, final: string, reason: BackupReason, now: Date): BackupInfo {
  // A backup is one self-contained file: no write-ahead log beside it.
  const conn = new Database(partial, { fileMustExist: true });
  try {
    conn.pragma('journal_mode = DELETE');
  } finally {
    conn.close();
  }
  const seen = inspectCaseFile(partial);
  if (seen.integrity !== 'ok') throw new AppError('io_error', `The backup copy failed its integrity check (${seen.integrity}); it was not kept.`);
  const info: BackupInfo = {
    file: final,
    createdAt: now.toISOString(),
    reason,
    bytes: fs.statSync(partial).size,
    integrity: seen.integrity,
    caseName: seen.caseName,
    counts: seen.counts,
  };
  fs.writeFileSync(`${partial}.json`, JSON.stringify(info, null, 2));
  // Publish: the database first, then its sidecar; listBackups() needs both.
  fs.renameSync(partial, final);
  fs.renameSync(`${partial}.json`, `${final}.json`);
  return info;
}

function failed(err: unknown, partial: string, dir: string): never {
  removeQuietly(partial);
  fs.rmSync(`${partial}.json`, { force: true });
  const code = (err as { code?: string }).code ?? '';
  if (/^(ENOSPC|EFBIG|EDQUOT)$/.test(code) || /^SQLITE_(FULL|IOERR)/.test(code)) {
    throw new AppError('io_error', `Could not write the backup in ${dir}: the disk is full or the file size limit was reached (${code}). Earlier backups are intact.`);
  }
  throw err;
}

/**
 * Backs up the case open on `db` into `dir` with SQLite's online backup API, in one step
 * (one read snapshot: a running import can neither make it inconsistent nor restart it).
 */
export async function createBackup(db: Database.Database, casePath: string, dir: string, reason: BackupReason): Promise<BackupInfo> {
  const now = new Date();
  const { final, partial } = backupPaths(casePath, dir, reason, now);
  try {
    await db.backup(partial, { progress: () => 1 << 30 });
    return publish(partial, final, reason, now);
  } catch (err) {
    return failed(err, partial, dir);
  }
}

/** The same, synchronously (VACUUM INTO), for the backup taken before a migration. */
export function createBackupSync(db: Database.Database, casePath: string, dir: string, reason: BackupReason): BackupInfo {
  const now = new Date();
  const { final, partial } = backupPaths(casePath, dir, reason, now);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    return publish(partial, final, reason, now);
  } catch (err) {
    return failed(err, partial, dir);
  }
}

/** Verified backups in a folder, newest first. A database without its sidecar is not listed. */
export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.crosslink') || name.startsWith('.')) continue;
    const file = path.join(dir, name);
    try {
      const info = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as BackupInfo;
      out.push({ ...info, file });
    } catch {
      /* no sidecar: not a published backup */
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file));
}

/** Re-checks a backup: integrity and the counts recorded when it was taken. */
export function verifyBackup(file: string): { ok: boolean; problem: string | null; info: BackupInfo | null } {
  let info: BackupInfo | null = null;
  try {
    info = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as BackupInfo;
  } catch {
    return { ok: false, problem: `${path.basename(file)} has no description (.json); it is not a verified backup`, info: null };
  }
  try {
    const seen = inspectCaseFile(file);
    if (seen.integrity !== 'ok') return { ok: false, problem: `integrity check: ${seen.integrity}`, info };
    const c = info.counts;
    if (seen.counts.nodes !== c.nodes || seen.counts.links !== c.links || seen.counts.imports !== c.imports) {
      return { ok: false, problem: `counts differ from when it was taken (${seen.counts.nodes} nodes, ${seen.counts.links} links now; ${c.nodes}, ${c.links} then)`, info };
    }
    return { ok: true, problem: null, info };
  } catch (err) {
    return { ok: false, problem: `unreadable: ${(err as Error).message}`, info };
  }
}

/** Keeps the newest `keepLast` and the newest of each of the last `keepDaily` days. */
export function rotateBackups(dir: string, policy: RotationPolicy = DEFAULT_ROTATION, now = new Date()): string[] {
  const all = listBackups(dir);
  const keep = new Set(all.slice(0, policy.keepLast).map((b) => b.file));
  const days = new Set<string>();
  const oldest = now.getTime() - policy.keepDaily * 86_400_000;
  for (const b of all) {
    const day = b.createdAt.slice(0, 10);
    if (Date.parse(b.createdAt) >= oldest && !days.has(day)) {
      days.add(day);
      keep.add(b.file);
    }
  }
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.file)) continue;
    removeQuietly(b.file);
    fs.rmSync(`${b.file}.json`, { force: true });
    removed.push(b.file);
  }
  return removed;
}

/**
 * Puts a verified backup in place of the case file (which must not be open). The current
 * file, if it can still be read at all, is first copied aside so a restore is undoable.
 */
export async function restoreBackup(casePath: string, backupFile: string, dir: string): Promise<{ restored: BackupInfo; savedCurrent: string | null }> {
  const check = verifyBackup(backupFile);
  if (!check.ok || !check.info) throw new AppError('conflict', `Will not restore ${path.basename(backupFile)}: ${check.problem}.`);
  let savedCurrent: string | null = null;
  if (fs.existsSync(casePath)) {
    try {
      const cur = new Database(casePath, { fileMustExist: true });
      try {
        savedCurrent = (await createBackup(cur, casePath, dir, 'before-restore')).file;
      } finally {
        cur.close();
      }
    } catch {
      // A damaged case cannot be backed up through SQLite: keep its bytes as they are.
      fs.mkdirSync(dir, { recursive: true });
      savedCurrent = path.join(dir, `${path.basename(casePath)}.damaged-${stamp(new Date())}`);
      fs.copyFileSync(casePath, savedCurrent);
    }
  }
  const tmp = `${casePath}.restoring`;
  fs.copyFileSync(backupFile, tmp);
  const fd = fs.openSync(tmp, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  for (const f of [`${casePath}-wal`, `${casePath}-shm`, `${casePath}-journal`]) fs.rmSync(f, { force: true });
  fs.renameSync(tmp, casePath);
  return { restored: check.info, savedCurrent };
}
