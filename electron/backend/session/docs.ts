// The documents of a review session. The master document holds the whole session and never
// leaves the host. Each agency has its own view document: the master filtered to the ids
// that agency may see. Participants sync with their agency's view only, so nothing another
// agency may not see is ever in a document sent to them. Edits arriving on a view are checked
// (see check.ts), copied into the master, and the master's changes projected into every view.
import * as Y from 'yjs';
import { AGENCY, type Agency } from '../../../shared/model';
import { SESSION_MAPS, SESSION_TEXT, type SessionMap } from '../../../shared/session-schemas';
import { checkChanges, type Changes, type Member } from './check';
import type { VisibilityCache } from './visibility';

/** Origin of the host's own writes into a view (projections from the master). */
export const RELAY = 'relay';
/** Origin of writes that were already applied to the view's shadow (checked client updates). */
export interface ClientOrigin {
  member: Member;
  conn: unknown;
}

export type DocName = 'master' | Agency;

interface View {
  agency: Agency;
  doc: Y.Doc;
  /** A copy the next client update is tried on first, so a refused one never reaches the view. */
  shadow: Y.Doc;
  collecting: Changes | null;
  queue: Promise<unknown>;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

const emptyChanges = (): Changes => ({ maps: new Map(), textBad: null, textChanged: false });

export class SessionDocs {
  readonly master = new Y.Doc();
  private readonly views = new Map<Agency, View>();
  /** Yjs client id -> the participant who introduced it; nobody may write as another. */
  readonly owners = new Map<number, string>();
  private readonly claims: Array<{ client: number; participant: string }> = [];

  constructor(
    private readonly vis: VisibilityCache,
    private readonly persist: (doc: DocName, update: Uint8Array) => void,
    stored: Record<string, Uint8Array[]> = {},
  ) {
    for (const u of stored.master ?? []) Y.applyUpdate(this.master, u);
    for (const agency of AGENCY.options) {
      const doc = new Y.Doc();
      for (const u of stored[agency] ?? []) Y.applyUpdate(doc, u);
      const view: View = { agency, doc, shadow: new Y.Doc(), collecting: null, queue: Promise.resolve() };
      this.views.set(agency, view);
      this.resetShadow(view);
      doc.on('update', (u: Uint8Array, origin: unknown) => {
        // A checked client update is in the shadow already; everything else is copied in.
        if (!(typeof origin === 'object' && origin && 'member' in origin)) Y.applyUpdate(view.shadow, u);
        this.persist(agency, u);
      });
      this.watchView(view);
    }
    this.master.on('update', (u: Uint8Array) => this.persist('master', u));
    this.watchMaster();
  }

  /** Every id the master mentions, to ask about before the first projection. */
  mentioned(): { nodes: number[]; links: number[]; targets: string[] } {
    const m = this.master;
    const targets = [
      ...[...m.getMap('comments').values()].map((c) => String((c as { target?: unknown }).target ?? '')),
      ...m.getMap('verdicts').keys(),
    ];
    return { nodes: [...m.getMap('nodes').keys()].map(Number), links: [...m.getMap('links').keys()].map(Number), targets };
  }

  /** Makes every view match the master (after a load, or a first seed). */
  projectAll(): void {
    for (const view of this.views.values()) {
      view.doc.transact(() => {
        for (const name of SESSION_MAPS) {
          const keys = new Set([...this.master.getMap(name).keys(), ...view.doc.getMap(name).keys()]);
          for (const key of keys) this.project(view, name, key);
        }
        const vt = view.doc.getText(SESSION_TEXT);
        const mt = this.master.getText(SESSION_TEXT).toString();
        if (vt.toString() !== mt) {
          vt.delete(0, vt.length);
          vt.insert(0, mt);
        }
      }, RELAY);
    }
  }

  view(agency: Agency): Y.Doc {
    return this.views.get(agency)!.doc;
  }

  /** Writes of the host itself (seeding, the host's own settings) go to the master. */
  writeMaster(fn: (m: Y.Doc) => void): void {
    this.master.transact(() => fn(this.master), 'host');
  }

  /** Claims made since the last call, to persist with the updates. */
  takeClaims(): Array<{ client: number; participant: string }> {
    return this.claims.splice(0);
  }

  /** Lets a participant speak for a Yjs client id nobody else has used. */
  claim(client: number, member: Member): boolean {
    if (this.hostClients().has(client)) return false;
    const owner = this.owners.get(client);
    if (owner) return owner === member.id;
    this.owners.set(client, member.id);
    this.claims.push({ client, participant: member.id });
    return true;
  }

  private hostClients(): Set<number> {
    const ids = new Set([this.master.clientID]);
    for (const v of this.views.values()) ids.add(v.doc.clientID).add(v.shadow.clientID);
    return ids;
  }

  /** Checks a participant's update against what their agency may see and do, then applies it
   * to their view (and through it the master). Resolves to null, or why it was refused. */
  receive(member: Member, update: Uint8Array, conn: unknown): Promise<string | null> {
    const view = this.views.get(member.agency)!;
    const run = view.queue.then(() => this.check(view, member, update, conn));
    view.queue = run.catch(() => null);
    return run.catch((e: Error) => `update refused: ${e.message}`);
  }

  private claimCheck(view: View, member: Member, update: Uint8Array): string | null {
    let meta: { to: Map<number, number> };
    try {
      meta = Y.parseUpdateMeta(update);
    } catch {
      return 'malformed update';
    }
    const sv = Y.decodeStateVector(Y.encodeStateVector(view.doc));
    const reserved = this.hostClients();
    const fresh: number[] = [];
    for (const [client, to] of meta.to) {
      if (to <= (sv.get(client) ?? 0)) continue;
      const owner = this.owners.get(client);
      if (reserved.has(client) || (owner && owner !== member.id)) return 'update writes as another participant';
      if (!owner) fresh.push(client);
    }
    for (const client of fresh) {
      this.owners.set(client, member.id);
      this.claims.push({ client, participant: member.id });
    }
    return null;
  }

  private async check(view: View, member: Member, update: Uint8Array, conn: unknown): Promise<string | null> {
    const refused = this.claimCheck(view, member, update);
    if (refused) return refused;
    const changes = emptyChanges();
    view.collecting = changes;
    try {
      Y.applyUpdate(view.shadow, update, 'check');
    } catch {
      view.collecting = null;
      this.resetShadow(view);
      return 'malformed update';
    } finally {
      view.collecting = null;
    }
    const problem = await checkChanges(view.shadow, changes, member, this.vis);
    if (problem) {
      this.resetShadow(view);
      return problem;
    }
    const origin: ClientOrigin = { member, conn };
    Y.applyUpdate(view.doc, update, origin);
    return null;
  }

  private resetShadow(view: View): void {
    view.shadow.destroy();
    const shadow = new Y.Doc();
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(view.doc));
    for (const name of SESSION_MAPS) {
      shadow.getMap(name).observe((ev) => {
        const c = view.collecting;
        if (!c) return;
        const keys = c.maps.get(name) ?? new Map();
        c.maps.set(name, keys);
        for (const [key, ch] of ev.changes.keys) {
          const before = keys.get(key);
          keys.set(key, before ? { action: before.action === 'add' ? (ch.action === 'delete' ? 'delete' : 'add') : ch.action, old: before.old } : { action: ch.action, old: ch.oldValue });
        }
      });
    }
    shadow.getText(SESSION_TEXT).observe((ev) => {
      const c = view.collecting;
      if (!c) return;
      c.textChanged = true;
      for (const op of ev.delta) {
        if ((op.insert !== undefined && typeof op.insert !== 'string') || op.attributes) c.textBad = 'minutes may hold plain text only';
      }
    });
    view.shadow = shadow;
  }

  /** A view's own changes (a checked client update) go to the master. */
  private watchView(view: View): void {
    for (const name of SESSION_MAPS) {
      const vm = view.doc.getMap(name);
      vm.observe((ev, tr) => {
        if (tr.origin === RELAY) return;
        this.master.transact(() => {
          const mm = this.master.getMap(name);
          for (const key of ev.keysChanged) {
            const v = vm.get(key);
            if (v === undefined) {
              mm.delete(key);
              if (name === 'nodes') this.dropLinksOf(Number(key));
            } else if (!same(mm.get(key), v)) mm.set(key, v);
          }
        }, view);
      });
    }
    view.doc.getText(SESSION_TEXT).observe((ev, tr) => {
      if (tr.origin === RELAY) return;
      const delta = ev.delta;
      this.master.transact(() => this.master.getText(SESSION_TEXT).applyDelta(delta), view);
    });
  }

  private dropLinksOf(nodeId: number): void {
    const links = this.master.getMap('links');
    for (const [key, v] of links.entries()) {
      const l = v as { s: number; t: number };
      if (l.s === nodeId || l.t === nodeId) links.delete(key);
    }
  }

  /** The master's changes, filtered, into every view (idempotent for the view they came from). */
  private watchMaster(): void {
    for (const name of SESSION_MAPS) {
      this.master.getMap(name).observe((ev) => {
        for (const view of this.views.values()) {
          view.doc.transact(() => {
            for (const key of ev.keysChanged) this.project(view, name, key);
          }, RELAY);
        }
      });
    }
    this.master.getText(SESSION_TEXT).observe((ev, tr) => {
      const delta = ev.delta;
      for (const view of this.views.values()) {
        if (tr.origin === view) continue;
        view.doc.transact(() => view.doc.getText(SESSION_TEXT).applyDelta(delta), RELAY);
      }
    });
  }

  private shows(agency: Agency, name: SessionMap, key: string, value: unknown): boolean {
    switch (name) {
      case 'nodes':
        return this.vis.node(Number(key), agency) > 0;
      case 'links':
        return this.vis.link(Number(key), agency) !== 'hidden';
      case 'comments':
        return this.vis.target(String((value as { target?: unknown }).target) as never, agency);
      case 'verdicts':
        return this.vis.target(key as never, agency);
      case 'meta':
        return true;
    }
  }

  private project(view: View, name: SessionMap, key: string): void {
    const value = this.master.getMap(name).get(key);
    const vm = view.doc.getMap(name);
    if (value === undefined || !this.shows(view.agency, name, key, value)) {
      if (vm.has(key)) vm.delete(key);
    } else if (!same(vm.get(key), value)) vm.set(key, value);
  }

  destroy(): void {
    for (const v of this.views.values()) {
      v.doc.destroy();
      v.shadow.destroy();
    }
    this.master.destroy();
  }
}
