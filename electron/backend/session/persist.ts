// Writes a session's Yjs updates to the case in batches (a few a second, one transaction
// each), so a host that crashes loses at most the last fraction of a second.
import * as Y from 'yjs';
import type { CaseStore } from '../db/client';
import type { OpsLog } from '../ops/log';

const FLUSH_MS = 150;

export class SessionPersist {
  private pending = new Map<string, Uint8Array[]>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: CaseStore,
    private readonly sessionId: number,
    private readonly claims: () => Array<{ client: number; participant: string }>,
    private readonly log: OpsLog,
  ) {}

  push(doc: string, update: Uint8Array): void {
    const list = this.pending.get(doc) ?? [];
    list.push(update);
    this.pending.set(doc, list);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = new Map();
    const clients = this.claims();
    if (!batch.size && !clients.length) return this.writing;
    const updates = [...batch].map(([doc, list]) => ({ doc, data: list.length === 1 ? list[0] : Y.mergeUpdates(list) }));
    this.writing = this.writing
      .then(() => this.store.write('session.append', { sessionId: this.sessionId, updates, clients }).done)
      .then(
        () => undefined,
        (e: Error) => this.log.write('error', 'session_persist_failed', { message: e.message }),
      );
    return this.writing;
  }
}
