// A participant's window (served by the host's session server): who they are in the session,
// then the shared board. Nothing of a case is asked for: a participant may only read.
import type { SessionSelf } from '../../../shared/session-schemas';
import { api } from '../api/client';
import { errorMessage } from '../state/toasts';
import { joinLive } from './live-session';
import { patchSession } from './session-store';

export async function startParticipant(): Promise<void> {
  let self: SessionSelf;
  try {
    self = await api('session.self', {});
  } catch (e) {
    patchSession({ role: 'participant', link: 'removed', reason: errorMessage(e) });
    return;
  }
  patchSession({ role: 'participant', self, board: self.board, link: 'connecting', reason: '' });
  joinLive(self);
}
