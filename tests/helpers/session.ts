// Session participants for tests and the bench: real TLS, real WebSockets, real Yjs docs
// speaking the y-websocket protocol to the host, the way a second workstation would.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Backend } from '../../electron/backend/api';
import { joinSession, parseJoinLink, pinnedWebSocket } from '../../electron/backend/session/pinned';
import type { SessionStatus } from '../../shared/session-schemas';
import { call } from './case';

export interface TestParticipant {
  name: string;
  agency: 'CBP' | 'ICE' | 'USCIS';
  token: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Every frame the participant's socket received, as bytes (to search for what must not be there). */
  frames: Buffer[];
  closes: Array<{ code: number; reason: string }>;
}

/** Knocks with the join link; the host (backend) admits from its lobby. */
export async function admit(host: Backend, status: SessionStatus, name: string, agency: TestParticipant['agency']): Promise<string> {
  const link = parseJoinLink(status.joinUrl);
  const token = joinSession(link, { name, agency }, { pollMs: 50, timeoutMs: 20_000 });
  for (let i = 0; i < 200; i++) {
    const s = await call(host, 'session.status', {});
    const k = s?.lobby.find((x) => x.name === name);
    if (k) {
      await call(host, 'session.admit', { ticket: k.ticket });
      return token;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${name} never reached the lobby`);
}

export function connect(status: SessionStatus, name: string, agency: TestParticipant['agency'], token: string, doc = new Y.Doc()): TestParticipant {
  const link = parseJoinLink(status.joinUrl);
  const frames: Buffer[] = [];
  const closes: TestParticipant['closes'] = [];
  const Base = pinnedWebSocket(link.fingerprint, token);
  class Recording extends (Base as unknown as typeof WebSocket) {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      this.on('message', (d: Buffer) => frames.push(Buffer.from(d)));
      this.on('close', (code: number, reason: Buffer) => closes.push({ code, reason: reason.toString() }));
    }
  }
  const provider = new WebsocketProvider(`${link.origin.replace(/^https/, 'wss')}/session/yjs`, String(status.id), doc, {
    WebSocketPolyfill: Recording as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  return { name, agency, token, doc, provider, frames, closes };
}

export async function until(what: string, ok: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

export const synced = (p: TestParticipant): Promise<void> => until(`${p.name} synced`, () => p.provider.synced);
