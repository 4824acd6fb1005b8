// The operations log: JSON lines, rotated by size, and free of record content. Only what
// the code itself says goes in (event names, counts, durations, error codes); any text that
// could carry a value (a message naming an id, a name, a number) is scrubbed first, so a
// log is safe to send to support.
import fs from 'node:fs';
import path from 'node:path';

export interface LogEntry {
  at: string;
  level: 'info' | 'warn' | 'error';
  event: string;
  [field: string]: string | number | boolean | null;
}

/** Removes quoted text, e-mail-like and long digit runs, and paths' file names. */
export function scrub(text: string): string {
  return text
    .replace(/'[^']*'|"[^"]*"|`[^`]*`/g, '‹…›')
    .replace(/\S+@\S+/g, '‹…›')
    .replace(/(\/|\\)[^\s/\\]+(?=\s|$|[.,;)])/g, '$1‹…›')
    .replace(/\d{3,}/g, '#')
    .slice(0, 300);
}

export class OpsLog {
  private readonly file: string;
  private readonly recent: LogEntry[] = [];

  constructor(
    dir: string,
    private readonly maxBytes = 1_000_000,
    private readonly keep = 5,
  ) {
    this.file = path.join(dir, 'crosslink.log');
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch {
      /* logging must never break the workstation */
    }
  }

  get path(): string {
    return this.file;
  }

  write(level: LogEntry['level'], event: string, fields: Record<string, string | number | boolean | null> = {}): void {
    const clean: Record<string, string | number | boolean | null> = {};
    for (const [k, v] of Object.entries(fields)) clean[k] = typeof v === 'string' ? scrub(v) : v;
    const entry: LogEntry = { at: new Date().toISOString(), level, event, ...clean };
    this.recent.push(entry);
    if (this.recent.length > 200) this.recent.shift();
    try {
      this.rotateIfNeeded();
      fs.appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    } catch {
      /* a full disk must not turn a log line into a failure */
    }
  }

  /** The newest entries, for the diagnostic report. */
  tail(n = 50, level?: LogEntry['level']): LogEntry[] {
    return this.recent.filter((e) => !level || e.level === level).slice(-n);
  }

  private rotateIfNeeded(): void {
    let size = 0;
    try {
      size = fs.statSync(this.file).size;
    } catch {
      return;
    }
    if (size < this.maxBytes) return;
    for (let i = this.keep - 1; i >= 1; i--) {
      const from = `${this.file}.${i}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${this.file}.${i + 1}`);
    }
    fs.renameSync(this.file, `${this.file}.1`);
    fs.rmSync(`${this.file}.${this.keep + 1}`, { force: true });
  }
}
