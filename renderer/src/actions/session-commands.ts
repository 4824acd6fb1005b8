// The Session menu: host a review of the open board, the session panel, follow the presenter,
// present. Its items are listed in SESSION_MENU.
import type { AppCommand } from '../command-types';
import { isPresenting, setPresenting } from '../session/host-actions';
import { isHosting, isLive, isParticipant, patchSession, sessionStore } from '../session/session-store';
import { caseStore } from '../state/case-store';
import { toast } from '../state/toasts';
import { openDialog } from '../state/ui-store';

const live = (): boolean => isLive();

function toggleFollow(): void {
  const s = sessionStore.get();
  const follow = !s.follow;
  patchSession({ follow });
  if (follow && !s.presenter) toast('info', 'Nobody is presenting yet', 'Your view follows the presenter as soon as the host starts presenting.');
}

export const SESSION_COMMANDS: AppCommand[] = [
  {
    id: 'session.host', label: 'Host review…', keys: [],
    run: () => openDialog({ type: 'session', name: 'host' }),
    enabled: () => !isParticipant() && (!!caseStore.get().info || isHosting()),
    describe: () => (isHosting() ? 'Lobby and participants…' : 'Host review…'),
  },
  {
    id: 'session.panel', label: 'Session panel', keys: ['Ctrl+Alt+S'], enabled: live,
    run: () => patchSession({ panel: !sessionStore.get().panel }),
    describe: () => (sessionStore.get().panel ? 'Hide session panel' : 'Session panel'),
  },
  {
    id: 'session.follow', label: 'Follow presenter', keys: ['Ctrl+Shift+F'], run: toggleFollow,
    enabled: () => live() && !isPresenting(),
    describe: () => (sessionStore.get().follow ? 'Stop following presenter' : 'Follow presenter'),
  },
  {
    id: 'session.present', label: 'Present (others follow me)', keys: ['Ctrl+Alt+P'],
    run: () => setPresenting(!isPresenting()),
    enabled: () => live() && isHosting(),
    describe: () => (isPresenting() ? 'Stop presenting' : 'Present (others follow me)'),
  },
];

export const SESSION_MENU: string[] = ['session.host', '-', 'session.panel', 'session.follow', 'session.present'];

/** What a participant's window offers: reading the shared board, never the host's case. */
const PARTICIPANT_ALLOWED = [/^edit\./, /^view\.(search|fit|relayout|layout\.|clear)/, /^session\.(panel|follow)$/, /^help\.(shortcuts|about)$/];

export function allowedHere(id: string): boolean {
  return !isParticipant() || PARTICIPANT_ALLOWED.some((r) => r.test(id));
}
