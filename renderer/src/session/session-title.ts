// The window title of a session participant: which review, and who they are in it.
import type { SessionParticipant } from '../../../shared/session-schemas';

export function sessionTitle(board: string, me: Pick<SessionParticipant, 'name' | 'agency'> | null | undefined): string {
  const who = me ? ` — you are ${me.name} (${me.agency})` : '';
  return `Review session: ${board || 'board'}${who}`;
}
