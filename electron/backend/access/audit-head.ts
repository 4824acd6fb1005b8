// The newest audit entry this workstation has written for each case, kept outside the case
// file. A hash chain shows an entry edited, moved or removed from the middle, but not the
// newest ones cut off the end: the remembered head does.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuditHead } from './audit';

export class AuditHeads {
  constructor(private readonly dir: string) {}

  private file(casePath: string): string {
    return path.join(this.dir, `${crypto.createHash('sha256').update(path.resolve(casePath)).digest('hex').slice(0, 32)}.json`);
  }

  /** `caseCreatedAt` tells this case from another made later at the same path. */
  remember(casePath: string, head: AuditHead, caseCreatedAt: string): void {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const tmp = `${this.file(casePath)}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ case: path.resolve(casePath), caseCreatedAt, ...head, at: new Date().toISOString() }));
      fs.renameSync(tmp, this.file(casePath));
    } catch {
      /* a read-only home: the chain alone still guards the middle */
    }
  }

  recall(casePath: string, caseCreatedAt: string): AuditHead | null {
    try {
      const v = JSON.parse(fs.readFileSync(this.file(casePath), 'utf8')) as { entries?: unknown; hash?: unknown; caseCreatedAt?: unknown };
      if (v.caseCreatedAt !== caseCreatedAt) return null; // another case now lives at this path
      return typeof v.entries === 'number' && typeof v.hash === 'string' ? { entries: v.entries, hash: v.hash } : null;
    } catch {
      return null;
    }
  }
}
