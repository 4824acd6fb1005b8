// One participant's Yjs connection (the y-websocket protocol): sync with their agency's view,
// awareness through the presence relay. Every frame is size- and rate-limited; a frame that
// cannot be read, or an update that is refused, closes this connection and nothing else.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { SESSION_LIMITS } from '../../../shared/session-schemas';
import type { Member } from './check';
import type { ClientOrigin, SessionDocs } from './docs';
import type { Presence, PresenceConn } from './presence';

const MSG_SYNC = 0;
const MSG_AWARENESS = 1;
const MSG_QUERY_AWARENESS = 3;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;
/** Close codes a client can tell apart (4000-4999 are the application's). `stopped` is the
 * standard "service restart": the host went away and will resume, so clients reconnect. */
export const CLOSE = { malformed: 4000, refused: 4003, flood: 4008, removed: 4010, ended: 4011, stopped: 1012 } as const;

function syncFrame(kind: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_SYNC);
  encoding.writeVarUint(e, kind);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export class YConn implements PresenceConn {
  readonly clients = new Set<number>();
  private tokens: number = SESSION_LIMITS.burst;
  private last = Date.now();
  private closed = false;
  private readonly doc: Y.Doc;
  private readonly onUpdate = (u: Uint8Array, origin: unknown) => {
    if ((origin as ClientOrigin | null)?.conn === this) return;
    this.send(syncFrame(UPDATE, u));
  };

  constructor(
    private readonly ws: WebSocket,
    readonly member: Member,
    private readonly docs: SessionDocs,
    private readonly presence: Presence,
    private readonly onRefused: (member: Member, reason: string) => void,
  ) {
    this.doc = docs.view(member.agency);
    this.doc.on('update', this.onUpdate);
    ws.on('message', (data: Buffer, isBinary: boolean) => this.onMessage(data, isBinary));
    ws.on('close', () => this.dispose());
    ws.on('error', () => this.close(CLOSE.malformed, 'broken frame'));
    this.send(syncFrame(STEP1, Y.encodeStateVector(this.doc)));
    presence.join(this);
  }

  send(frame: Uint8Array): void {
    if (!this.closed && this.ws.readyState === this.ws.OPEN) this.ws.send(frame);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.ws.close(code, reason.slice(0, 120));
    this.dispose();
    // A client that ignores the close handshake is cut off.
    setTimeout(() => this.ws.terminate(), 2000).unref();
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.doc.off('update', this.onUpdate);
    this.presence.leave(this);
  }

  /** A token bucket: a burst is fine, a sustained flood closes the connection. */
  private allow(): boolean {
    const now = Date.now();
    this.tokens = Math.min(SESSION_LIMITS.burst, this.tokens + ((now - this.last) / 1000) * SESSION_LIMITS.framesPerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private refuse(code: number, reason: string): void {
    this.onRefused(this.member, reason);
    this.close(code, reason);
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    if (!this.allow()) return this.refuse(CLOSE.flood, 'too many messages');
    if (!isBinary) return this.refuse(CLOSE.malformed, 'frames are binary');
    try {
      const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      const type = decoding.readVarUint(d);
      if (type === MSG_SYNC) {
        const kind = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (kind === STEP1) return this.send(syncFrame(STEP2, Y.encodeStateAsUpdate(this.doc, payload)));
        if (kind !== STEP2 && kind !== UPDATE) return this.refuse(CLOSE.malformed, 'unknown sync message');
        void this.docs.receive(this.member, payload, this).then((reason) => {
          if (reason) this.refuse(CLOSE.refused, reason);
        });
        return;
      }
      if (type === MSG_AWARENESS) {
        const reason = this.presence.receive(this, decoding.readVarUint8Array(d));
        if (reason) this.refuse(CLOSE.refused, reason);
        return;
      }
      if (type === MSG_QUERY_AWARENESS) return this.send(this.presence.all(this.member.agency));
      this.refuse(CLOSE.malformed, 'unknown message type');
    } catch {
      this.refuse(CLOSE.malformed, 'unreadable frame');
    }
  }
}
