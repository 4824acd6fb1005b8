import { fmtInt } from '../../graph/format';
import { useStore } from '../../hooks/useStore';
import { commentCounts } from '../../session/discussion';
import { commentsStore, isParticipant, patchSession, sessionStore } from '../../session/session-store';
import { caseStore } from '../../state/case-store';
import { uiStore } from '../../state/ui-store';
import { SessionPanel } from '../session/SessionPanel';
import { LinkDetails } from './LinkDetails';
import { NodeDetails } from './NodeDetails';

export function DetailsPanel() {
  const sel = useStore(uiStore, (u) => u.selection);
  // A desktop host window runs its session without its live document ('off'): no session tab.
  const inSession = useStore(sessionStore, (s) => s.role !== null && s.link !== 'off');
  const showSession = useStore(sessionStore, (s) => s.role !== null && s.link !== 'off' && s.panel);
  const count = sel.nodes.length + sel.links.length;
  return (
    <aside className="details" data-testid="details-panel">
      {inSession ? (
        <SessionTabs session={showSession} />
      ) : (
        <div className="panel-title">
          Details
          {count > 1 && <span className="muted small">{fmtInt(sel.nodes.length)} nodes, {fmtInt(sel.links.length)} links selected</span>}
        </div>
      )}
      {showSession ? <SessionPanel /> : <DetailsBody />}
    </aside>
  );
}

function DetailsBody() {
  const sel = useStore(uiStore, (u) => u.selection);
  const canRead = useStore(caseStore, (c) => !!c.info) || isParticipant();
  return (
    <div className="details-body">
      {sel.focus?.type === 'node' && <NodeDetails key={`n${sel.focus.id}`} id={sel.focus.id} />}
      {sel.focus?.type === 'link' && <LinkDetails key={`l${sel.focus.id}`} id={sel.focus.id} />}
      {!sel.focus && (
        <div className="details-empty">
          <p><strong>Nothing selected.</strong></p>
          {canRead ? (
            <ul className="hints">
              <li>Search (Ctrl+K) and pick a result to put it on the canvas.</li>
              <li>Click a node or link to see its attributes and where each value came from.</li>
              <li>Double-click a node to add its neighbours.</li>
            </ul>
          ) : (
            <p className="muted small">Open or create a case to begin.</p>
          )}
        </div>
      )}
    </div>
  );
}

/** In a review session the right side holds the details and the session panel, as tabs. */
function SessionTabs({ session }: { session: boolean }) {
  const focus = useStore(uiStore, (u) => u.selection.focus);
  const comments = useStore(commentsStore);
  const n = focus ? (commentCounts(comments).get(`${focus.type}:${focus.id}`) ?? 0) : 0;
  return (
    <div className="panel-tabs" role="tablist">
      <button role="tab" aria-selected={!session} className={!session ? 'on' : ''} data-testid="tab-details" onClick={() => patchSession({ panel: false })}>
        Details
      </button>
      <button role="tab" aria-selected={session} className={session ? 'on' : ''} data-testid="tab-session" onClick={() => patchSession({ panel: true })}>
        Session {n > 0 && <span className="count-pill" title="Comments on the selected element">{n}</span>}
      </button>
    </div>
  );
}
