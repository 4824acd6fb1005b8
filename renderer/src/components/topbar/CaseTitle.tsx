// The case in the window's title bar: its name, its analyst, and a warning badge when the
// answers are filtered for another agency than the case's (a host started with --as). In a
// session participant's window: the review and who they are in it.
import { useEffect } from 'react';
import { profileText, viewingAs, windowTitle } from '../../access/profile-text';
import { useStore } from '../../hooks/useStore';
import { sessionStore } from '../../session/session-store';
import { sessionTitle } from '../../session/session-title';
import { caseStore } from '../../state/case-store';

export function CaseTitle() {
  const role = useStore(sessionStore, (s) => s.role);
  return role === 'participant' ? <ParticipantTitle /> : <OwnCaseTitle hosting={role === 'host'} />;
}

function ParticipantTitle() {
  const board = useStore(sessionStore, (s) => s.board || s.self?.board || '');
  const me = useStore(sessionStore, (s) => s.self?.participant);
  const title = sessionTitle(board, me);
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <div className="case-title session-title" title={title} data-testid="case-title">
      <span className="case-label">Review session:</span>
      <span className="case-name">{board}</span>
      {me && <span className="case-profile">— you are {me.name} ({me.agency})</span>}
    </div>
  );
}

function OwnCaseTitle({ hosting }: { hosting: boolean }) {
  const info = useStore(caseStore, (c) => c.info);
  const title = windowTitle(info);
  useEffect(() => {
    document.title = title;
  }, [title]);
  if (!info) return <div className="case-title none">No case open</div>;
  const as = viewingAs(info);
  return (
    <>
      <div className="case-title" title={`${title}\n${info.path}`} data-testid="case-title">
        <span className="case-label">Case</span>
        <span className="case-name">{info.name}</span>
        <span className="case-profile">({profileText(info.profile)})</span>
      </div>
      {as && (
        <span
          className="viewing-as"
          data-testid="viewing-as"
          title={`Every answer is filtered for a ${as} analyst: what ${as} may not see is withheld or shown as a pointer. The case belongs to ${profileText(info.profile)}.`}
        >
          Viewing as {as}
        </span>
      )}
      {hosting && <span className="hosting-badge" data-testid="hosting-badge" title="A review session of this board is running; Session › Lobby and participants…">Live review</span>}
    </>
  );
}
