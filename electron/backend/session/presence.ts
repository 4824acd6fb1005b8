// Who is where: each participant's selection, pointer and viewport (Yjs awareness). The host
// keeps one awareness per agency and copies each participant's state into all of them, with
// the selection cut to what that agency may see and the name and agency the host admitted.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AGENCY, type Agency } from '../../../shared/model';
import { SESSION_LIMITS, SESSION_PRESENCE, type SessionPresence } from '../../../shared/session-schemas';
import type { Member } from './check';
import type { VisibilityCache } from './visibility';

export interface PresenceConn {
  member: Member;
  /** Awareness client ids this connection speaks for. */
  clients: Set<number>;
  send(frame: Uint8Array): void;
}

const MSG_AWARENESS = 1;

function frame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_AWARENESS);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export class Presence {
  private readonly byAgency = new Map<Agency, Awareness>();
  private readonly conns = new Map<Agency, Set<PresenceConn>>();

  constructor(
    private readonly vis: VisibilityCache,
    private readonly claim: (client: number, member: Member) => boolean,
  ) {
    for (const agency of AGENCY.options) {
      const aw = new Awareness(new Y.Doc());
      aw.setLocalState(null);
      aw.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
        const changed = [...added, ...updated, ...removed];
        const f = frame(encodeAwarenessUpdate(aw, changed));
        for (const c of this.conns.get(agency) ?? []) c.send(f);
      });
      this.byAgency.set(agency, aw);
      this.conns.set(agency, new Set());
    }
  }

  join(conn: PresenceConn): void {
    this.conns.get(conn.member.agency)!.add(conn);
    const aw = this.byAgency.get(conn.member.agency)!;
    const states = [...aw.getStates().keys()];
    if (states.length) conn.send(frame(encodeAwarenessUpdate(aw, states)));
  }

  leave(conn: PresenceConn): void {
    this.conns.get(conn.member.agency)!.delete(conn);
    if (!conn.clients.size) return;
    for (const aw of this.byAgency.values()) removeAwarenessStates(aw, [...conn.clients], 'left');
  }

  /** Every state, for a participant who asks (queryAwareness). */
  all(agency: Agency): Uint8Array {
    const aw = this.byAgency.get(agency)!;
    return frame(encodeAwarenessUpdate(aw, [...aw.getStates().keys()]));
  }

  private shownTo(agency: Agency, state: SessionPresence): SessionPresence {
    const selection = state.selection?.filter((t) => {
      const [kind, raw] = t.split(':');
      const id = Number(raw);
      if (kind === 'node') return this.vis.node(id, agency) > 0;
      if (kind === 'link') return this.vis.link(id, agency) !== 'hidden';
      return this.vis.lead(id, agency);
    });
    return { ...state, ...(selection ? { selection } : {}) };
  }

  /** Null, or why the update was refused. */
  receive(conn: PresenceConn, update: Uint8Array): string | null {
    const d = decoding.createDecoder(update);
    const n = decoding.readVarUint(d);
    if (n > 2 * SESSION_LIMITS.participants) return 'too many awareness states in one update';
    for (let i = 0; i < n; i++) {
      const client = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const json = decoding.readVarString(d);
      // Standard y-websocket clients pass on every state they hear, others' included: those
      // are ignored (the host relays each participant's state from its own connection only).
      if (!this.claim(client, conn.member)) continue;
      conn.clients.add(client);
      let state: SessionPresence | null = null;
      if (json !== 'null') {
        let raw: unknown;
        try {
          raw = JSON.parse(json);
        } catch {
          return 'awareness state is not JSON';
        }
        const parsed = SESSION_PRESENCE.safeParse(raw);
        if (!parsed.success) return `bad awareness state: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
        const m = conn.member;
        state = { ...parsed.data, user: { id: m.id, name: m.name, agency: m.agency, colour: m.colour } };
      }
      for (const [agency, aw] of this.byAgency) {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, client);
        encoding.writeVarUint(e, clock);
        encoding.writeVarString(e, JSON.stringify(state ? this.shownTo(agency, state) : null));
        applyAwarenessUpdate(aw, encoding.toUint8Array(e), conn);
      }
    }
    return null;
  }

  destroy(): void {
    for (const aw of this.byAgency.values()) aw.destroy();
  }
}
