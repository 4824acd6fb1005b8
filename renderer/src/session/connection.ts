// The shared document of a review session over the y-websocket protocol, on the origin this
// window came from: the session server for participants, the loopback browser host for the
// host's own window. Mirrors the document's comments, verdicts and settings into the stores.
import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { SessionComment, SessionSelf, SessionVerdict } from '../../../shared/session-schemas';
import { createStore } from '../state/store';
import { commentsStore, patchSession, sessionStore, verdictsStore, type LinkState } from './session-store';

export interface Live {
  doc: Y.Doc;
  provider: WebsocketProvider;
  self: SessionSelf;
}

export const liveStore = createStore<Live | null>(null);

/** Close codes of the host (electron/backend/session/yjs-conn.ts). */
export const CLOSED = { removed: 4010, ended: 4011 } as const;

export function yjsServerUrl(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/session/yjs`;
}

/** Where this window reaches the document: on its own origin (a participant's window, the
 * browser host's), or, for the desktop host window served from a file, at the session
 * server's TLS port with the host's token (its certificate is trusted by the main process). */
export function yjsEndpoint(self: Pick<SessionSelf, 'hostYjs'>, desktop: boolean, loc: Pick<Location, 'protocol' | 'host'> = location): { url: string; params: Record<string, string> } | null {
  if (!desktop) return { url: yjsServerUrl(loc), params: {} };
  return self.hostYjs ? { url: self.hostYjs.url, params: { token: self.hostYjs.token } } : null;
}

const MSG_AWARENESS = 1;
const MSG_QUERY_AWARENESS = 3;

const final = (l: LinkState): boolean => l === 'ended' || l === 'removed' || l === 'refused';

/** What a close from the host means for this window. Other codes of 4000-4999: the host
 * refused something this window sent; reconnecting would send it again, so the window stops
 * and says so. Anything else (1006 a dropped line, 1012 the host restarting): reconnect. */
export function closeMeaning(code: number): LinkState | null {
  if (code === CLOSED.removed) return 'removed';
  if (code === CLOSED.ended) return 'ended';
  if (code >= 4000 && code < 5000) return 'refused';
  return null;
}

/** y-websocket relays every awareness change it sees, others' states too; the host refuses a
 * window that speaks for another participant and closes its socket. Send this window's own
 * state only, also when the host asks for all states. */
function speakOnlyForSelf(provider: WebsocketProvider): void {
  const own = provider.doc.clientID;
  const send = provider._awarenessUpdateHandler;
  const mine = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if ([...added, ...updated, ...removed].includes(own)) send({ added: [], updated: [own], removed: [] }, origin);
  };
  provider.awareness.off('update', send);
  provider.awareness.on('update', mine);
  // destroy() unregisters the handler by this name.
  provider._awarenessUpdateHandler = mine;
  provider.messageHandlers[MSG_QUERY_AWARENESS] = (encoder) => {
    encoding.writeVarUint(encoder, MSG_AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(provider.awareness, [own]));
  };
}

export function openConnection(self: SessionSelf): Live {
  const at = yjsEndpoint(self, !!window.crosslink);
  if (!at) throw new Error('This window cannot reach the session’s document.');
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(at.url, String(self.sessionId), doc, {
    params: at.params,
    disableBc: true,
    maxBackoffTime: 2500,
    shouldReconnect: (ev) => closeMeaning(ev.code) === null,
    connect: false,
  });
  speakOnlyForSelf(provider);
  provider.connect();
  provider.on('status', ({ status }) => {
    const cur = sessionStore.get().link;
    if (final(cur)) return;
    if (status === 'connected') patchSession({ link: 'online' });
    else patchSession({ link: cur === 'connecting' || cur === 'off' ? 'connecting' : 'offline' });
  });
  provider.on('closed', ({ code, reason }) => {
    const link = closeMeaning(code);
    if (link) patchSession({ link, reason });
  });
  const meta = doc.getMap('meta');
  meta.observe(() => {
    const endedAt = meta.get('endedAt');
    patchSession({
      presenter: (meta.get('presenter') as string | null | undefined) ?? null,
      board: (meta.get('board') as string | undefined) ?? sessionStore.get().board,
      ...(endedAt && !final(sessionStore.get().link) ? { link: 'ended' as const, reason: 'the host ended the session' } : {}),
    });
  });
  const comments = doc.getMap<SessionComment>('comments');
  comments.observe(() => commentsStore.set(new Map(comments.entries())));
  const verdicts = doc.getMap<SessionVerdict>('verdicts');
  verdicts.observe(() => verdictsStore.set(new Map(verdicts.entries())));
  const live = { doc, provider, self };
  liveStore.set(live);
  return live;
}

/** Stops syncing; what was shown (comments, verdicts) stays in the stores. */
export function closeConnection(): void {
  const live = liveStore.get();
  if (!live) return;
  liveStore.set(null);
  live.provider.destroy();
  live.doc.destroy();
}
