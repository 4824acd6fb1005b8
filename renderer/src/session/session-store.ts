// What this window knows of the review session it hosts or takes part in. Plain stores, so
// the menus, the panels and the canvas read them synchronously and tests need no React.
import type { SessionComment, SessionSelf, SessionStatus, SessionVerdict } from '../../../shared/session-schemas';
import { createStore } from '../state/store';
import type { Peer } from './peers';

export type SessionRole = 'host' | 'participant';
/** The shared document's connection: ended and removed are final, refused needs a reload. */
export type LinkState = 'off' | 'connecting' | 'online' | 'offline' | 'ended' | 'removed' | 'refused';

export interface SessionView {
  /** Null: no session in this window. */
  role: SessionRole | null;
  /** The host's view of its session: join link, lobby, participants. */
  status: SessionStatus | null;
  /** This window's identity in the session. */
  self: SessionSelf | null;
  link: LinkState;
  /** Why the connection ended or was refused, in the host's words. */
  reason: string;
  /** Session settings the host writes (meta). */
  board: string;
  presenter: string | null;
  /** The right side shows the session panel instead of the details. */
  panel: boolean;
  /** Apply the presenter's pan and zoom to this canvas. */
  follow: boolean;
}

export const NO_SESSION: SessionView = {
  role: null, status: null, self: null, link: 'off', reason: '', board: '', presenter: null, panel: false, follow: false,
};

export const sessionStore = createStore<SessionView>(NO_SESSION);
export const commentsStore = createStore<ReadonlyMap<string, SessionComment>>(new Map());
export const verdictsStore = createStore<ReadonlyMap<string, SessionVerdict>>(new Map());
export const peersStore = createStore<readonly Peer[]>([]);

export const patchSession = (p: Partial<SessionView>): void => sessionStore.set((s) => ({ ...s, ...p }));

export const isParticipant = (): boolean => sessionStore.get().role === 'participant';
export const isHosting = (): boolean => sessionStore.get().role === 'host';
/** A session is bound to this window's canvas (hosting or taking part). */
export const inSession = (): boolean => sessionStore.get().role !== null;
/** The shared document is (or is being) reached: the session commands make sense. */
export const isLive = (s: SessionView = sessionStore.get()): boolean => s.role !== null && ['connecting', 'online', 'offline'].includes(s.link);
