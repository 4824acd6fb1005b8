// Leads in the sidebar: the badge counts the leads nobody looked at yet; the top few open
// the inbox on themselves.
import { LEAD_KIND_LABEL } from '../../../../shared/contract';
import { openInbox } from '../../actions/leads-actions';
import { scoreBand } from '../../dialogs/leads/inbox-model';
import { useStore } from '../../hooks/useStore';
import { caseStore } from '../../state/case-store';
import { leadsStore } from '../../state/leads-store';

export function LeadsList() {
  const info = useStore(caseStore, (c) => c.info);
  const { unseen, top, total, loaded } = useStore(leadsStore);
  if (!info) return null;
  return (
    <section className="side-section" data-testid="leads-list">
      <h2>
        <button className="side-title-btn" onClick={() => openInbox()} title="Open the leads inbox (Ctrl+Shift+L)">Leads</button>
        {unseen > 0 ? (
          <button className="lead-badge" data-testid="leads-badge" onClick={() => openInbox()} title={`${unseen} new: nobody has looked at them yet`}>{unseen}</button>
        ) : (
          <span className="count-pill" data-testid="leads-count">{total}</span>
        )}
        <button className="link-btn" data-testid="leads-open-inbox" onClick={() => openInbox()}>Inbox</button>
      </h2>
      {loaded && !top.length && <p className="muted small">No open leads. Detectors run after every import.</p>}
      <ul className="side-leads">
        {top.map((l) => (
          <li key={l.id}>
            <button className={`side-lead${l.status === 'new' ? ' unseen' : ''}`} data-testid="lead-side-row" onClick={() => openInbox(l.id)} title={l.summary}>
              <span className={`lead-score-dot band-${scoreBand(l.score)}`}>{Math.round(l.score)}</span>
              <span className="side-lead-text">
                <span className="side-lead-title">{l.title}</span>
                <span className="muted small">{LEAD_KIND_LABEL[l.kind]}{l.status !== 'new' ? ` · ${l.status}` : ''}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
