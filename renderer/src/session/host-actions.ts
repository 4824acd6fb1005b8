// The host analyst's side of a review session: start it on the open board, admit or turn
// away who knocks, remove someone, present, end it. While it runs the board lives in the
// session (the backend writes it back to the case), so the board journal stands aside.
import type { SessionStatus } from '../../../shared/session-schemas';
import { api, client } from '../api/client';
import { currentBoard, flushBoard, loadBoard, suspendBoardJournal } from '../actions/board-journal';
import { toast, toastError } from '../state/toasts';
import { uiStore } from '../state/ui-store';
import { liveStore, yjsEndpoint } from './connection';
import { joinLive, leaveLive } from './live-session';
import { NO_SESSION, commentsStore, isHosting, patchSession, sessionStore, verdictsStore } from './session-store';

/** Tickets already in the lobby, so only a new knock is announced. */
let known = new Set<string>();

/** Starts a review of the open board, or resumes an interrupted one (`boardId`): a resumed
 * session keeps its port and join link. */
export async function startHosting(opts: { port: number; bind: string; boardId?: number }): Promise<void> {
  await flushBoard();
  const status = await api('session.host', { boardId: opts.boardId ?? currentBoard.get().id, port: opts.port, bind: opts.bind });
  await attachHost(status);
}

/** The desktop window has no HTTP origin of its own: it joins its session's document at the
 * session server, when the backend gives it the address and a token (session.self hostYjs). */
export const hostJoinsLive = (self = sessionStore.get().self): boolean => !!self && !!yjsEndpoint(self, !!window.crosslink);

/** Binds this window to the session it hosts (just started, or found running at start-up). */
export async function attachHost(status: SessionStatus): Promise<void> {
  suspendBoardJournal();
  if (currentBoard.get().id !== status.boardId) currentBoard.set({ id: status.boardId, name: status.board });
  const self = await api('session.self', {});
  known = new Set(status.lobby.map((k) => k.ticket));
  const live = hostJoinsLive(self);
  patchSession({ role: 'host', status, self, board: status.board, link: live ? 'connecting' : 'off', reason: '' });
  if (live) joinLive(self);
}

/** At start-up: a session this host still serves (the window was reloaded). */
export async function resumeHosting(): Promise<void> {
  try {
    const status = await api('session.status', {});
    if (status) {
      await attachHost(status);
      return;
    }
    // A session the host stopped or crashed out of: offer to resume it.
    const [gone] = await api('session.interrupted', {});
    if (gone) toast('info', `The review of “${gone.board}” was interrupted`, 'Session › Host review… resumes it, with the same join link.');
  } catch {
    // no case open, or an older backend: nothing to resume
  }
}

function onChanged(status: SessionStatus | null): void {
  if (!isHosting()) return;
  if (!status) {
    void detachHost('The review session stopped');
    return;
  }
  const dialogOpen = uiStore.get().dialog?.type === 'session';
  for (const k of status.lobby) {
    if (!known.has(k.ticket) && !dialogOpen) toast('info', `${k.name} (${k.agency}) asks to join`, 'Session › Host review… to admit or turn them away.');
  }
  known = new Set(status.lobby.map((k) => k.ticket));
  patchSession({ status });
}

let watching = false;
/** Lobby and participant changes pushed by the backend (browser host and Electron alike). */
export function watchHostedSession(): void {
  if (watching) return;
  watching = true;
  client.on('session.changed', onChanged);
}

/** Leaves the session's document and gives the board back to the journal. */
async function detachHost(message: string | null): Promise<void> {
  const boardId = sessionStore.get().status?.boardId ?? currentBoard.get().id;
  leaveLive();
  sessionStore.set(NO_SESSION);
  commentsStore.set(new Map());
  verdictsStore.set(new Map());
  known = new Set();
  await loadBoard(boardId, { quiet: true });
  if (message) toast('info', message, 'The board as the session left it is saved in the case.');
}

export async function endSession(): Promise<boolean> {
  try {
    await api('session.end', {});
  } catch (e) {
    toastError('Could not end the session', e);
    return false;
  }
  await detachHost('Review session ended');
  return true;
}

async function withStatus(what: string, fn: () => Promise<SessionStatus>): Promise<void> {
  try {
    patchSession({ status: await fn() });
  } catch (e) {
    toastError(what, e);
  }
}

export const admit = (ticket: string) => withStatus('Could not admit', () => api('session.admit', { ticket }));
export const deny = (ticket: string) => withStatus('Could not turn them away', () => api('session.deny', { ticket }));
export const removeParticipant = (participant: string) => withStatus('Could not remove them', () => api('session.remove', { participant }));

/** Everyone following the presenter sees what the host sees. Only the host writes meta. */
export function setPresenting(on: boolean): void {
  const live = liveStore.get();
  if (!live || !isHosting()) return;
  live.doc.getMap('meta').set('presenter', on ? live.self.participant.id : null);
}

export const isPresenting = (): boolean => {
  const s = sessionStore.get();
  return !!s.presenter && s.presenter === s.self?.participant.id;
};
