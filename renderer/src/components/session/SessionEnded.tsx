// A participant's window when the session is over for them: ended by the host, removed, or
// (never expected) refused by the host. Said plainly, over everything.
import { useStore } from '../../hooks/useStore';
import { sessionStore } from '../../session/session-store';

const TITLE = {
  ended: 'The host ended the session',
  removed: 'You were removed from the session',
  refused: 'This window lost the session',
} as const;

export function SessionEnded() {
  const s = useStore(sessionStore);
  if (s.role !== 'participant' || !(s.link in TITLE)) return null;
  const link = s.link as keyof typeof TITLE;
  const notAdmitted = link === 'removed' && !s.self;
  return (
    <div className="overlay session-ended" data-testid="session-ended" role="alertdialog" aria-labelledby="session-ended-title">
      <div className="dialog dialog-small">
        <header className="dialog-head"><h2 id="session-ended-title">{notAdmitted ? 'Not in this review session' : TITLE[link]}</h2></header>
        <div className="dialog-body">
          {link === 'ended' && <p>The review of “{s.board}” is over. The board stays on your screen as it was; nothing more is shared. You can close this window.</p>}
          {link === 'removed' && <p>{notAdmitted ? s.reason : 'The host took you out of the review. Nothing more is shared with this window; you can close it.'}</p>}
          {link === 'refused' && (
            <>
              <p>The host refused something this window sent ({s.reason || 'no reason given'}). Reload to join again.</p>
              <button className="btn btn-primary" onClick={() => location.reload()}>Reload</button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
