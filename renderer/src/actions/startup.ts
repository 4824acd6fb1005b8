// What the window does first. A participant's window (served by a review session's host)
// joins the session and asks nothing of a case; the analyst's own window reads its case and
// rebinds to a review session it still hosts.
import { api } from '../api/client';
import { resumeHosting, watchHostedSession } from '../session/host-actions';
import { startParticipant } from '../session/participant';
import { patchSession } from '../session/session-store';
import { caseStore } from '../state/case-store';
import { refreshCase } from './case-actions';

export async function startApp(): Promise<void> {
  let app;
  try {
    app = await api('app.info', {});
  } catch {
    // Served over TLS by a session server but not admitted: the join link is the way in.
    if (location.protocol === 'https:' && !window.crosslink) {
      caseStore.set((c) => ({ ...c, ready: true }));
      patchSession({ role: 'participant', link: 'removed', reason: 'This window is not admitted to the review session. Open the join link the host gave you.' });
      return;
    }
    await refreshCase();
    return;
  }
  caseStore.set((c) => ({ ...c, app }));
  if (app.host === 'session') {
    caseStore.set((c) => ({ ...c, ready: true }));
    await startParticipant();
    return;
  }
  watchHostedSession();
  await refreshCase();
  if (caseStore.get().info) await resumeHosting();
}
