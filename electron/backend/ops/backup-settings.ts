// Where and how often a case is backed up, and how many backups are kept: the options of the
// backend, else the environment (CROSSLINK_BACKUP_*), else the defaults.
import type { RotationPolicy } from './backup';

export interface BackupSettings extends RotationPolicy {
  /** A folder for every case's backups (one subfolder per case); default beside each case. */
  dir: string | null;
  /** Minutes between automatic backups while a case is open; 0 turns them off. */
  intervalMinutes: number;
}

function envNumber(name: string, dflt: number): number {
  const n = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(n) && n >= 0 ? n : dflt;
}

export function backupSettings(over: Partial<BackupSettings> = {}): BackupSettings {
  return {
    dir: over.dir ?? process.env.CROSSLINK_BACKUP_DIR ?? null,
    intervalMinutes: over.intervalMinutes ?? envNumber('CROSSLINK_BACKUP_INTERVAL_MIN', 60),
    keepLast: over.keepLast ?? envNumber('CROSSLINK_BACKUP_KEEP', 10),
    keepDaily: over.keepDaily ?? envNumber('CROSSLINK_BACKUP_KEEP_DAYS', 7),
  };
}
