// The main thread's side of the audit trail: entries are batched and written by the writer
// worker (behind an import if one runs; closing the case writes what is pending), the end of
// the trail is remembered outside the case, and an end found cut off is written into it.
import path from 'node:path';
import type { AuditAction, Output } from '../../../shared/contract';
import type { Agency } from '../../../shared/model';
import type { CaseStore } from '../db/client';
import { toCallError } from '../errors';
import { scrub, type OpsLog } from '../ops/log';
import type { AuditInput } from './audit';
import { AuditHeads } from './audit-head';

const TAMPERED = 'TAMPERED: ';

export class AuditSink {
  private queue: AuditInput[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly heads: AuditHeads;
  /** Tells the open case from another made later at the same path. */
  caseCreatedAt: string | null = null;

  constructor(
    dataDir: string,
    private readonly log: OpsLog,
    private readonly store: () => CaseStore | null,
  ) {
    this.heads = new AuditHeads(path.join(dataDir, 'audit-heads'));
  }

  note(who: string, agency: Agency, action: AuditAction, target: string, detail: string): void {
    if (!this.store()) return;
    this.queue.push({ at: new Date().toISOString(), who, agency, action, target: scrub(target), detail: scrub(detail) });
    this.timer ??= setTimeout(() => void this.flush(), 50);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const store = this.store();
    const entries = this.queue.splice(0);
    if (!store || !entries.length) return;
    try {
      const head = await store.write('audit.append', { entries }).done;
      if (this.caseCreatedAt) this.heads.remember(store.path, head, this.caseCreatedAt);
    } catch (err) {
      this.log.write('error', 'audit_write_failed', { code: toCallError(err).code, message: toCallError(err).message, entries: entries.length });
    }
  }

  /** Compares the trail's end with the one this workstation last wrote: entries cut off the
   * end leave no break in the chain, so the finding is written into the trail itself. */
  async checkTail(store: CaseStore, who: string, agency: Agency): Promise<string | null> {
    const head = this.caseCreatedAt ? this.heads.recall(store.path, this.caseCreatedAt) : null;
    if (!head || head.entries === 0) return null;
    const now = await store.query('audit.head', undefined);
    const at = now.entries >= head.entries ? await store.query('audit.hashAt', { id: head.entries }) : null;
    if (now.entries >= head.entries && at === head.hash) return null;
    const cut = head.entries - now.entries;
    const reason =
      cut > 0
        ? `the newest ${cut} entr${cut === 1 ? 'y was' : 'ies were'} removed: this workstation wrote ${head.entries} entries to this case, it held ${now.entries} when opened`
        : `entry #${head.entries} is not the one this workstation wrote last`;
    this.log.write('error', 'audit_tampered', { reason });
    this.note(who, agency, 'case.open', 'audit trail', `${TAMPERED}${reason}`);
    return reason;
  }

  /** The chain checked entry by entry, then for an end found cut off when the case was opened. */
  async verify(store: CaseStore): Promise<Output<'audit.verify'>> {
    await this.flush();
    const v = await store.query('audit.verify', undefined);
    const mark = v.ok ? await store.query('audit.tampered', undefined) : null;
    return mark ? { ok: false, entries: v.entries, firstBad: { id: mark.id, reason: mark.detail.slice(TAMPERED.length) } } : v;
  }
}
