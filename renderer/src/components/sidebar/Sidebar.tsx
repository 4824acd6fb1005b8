import { useStore } from '../../hooks/useStore';
import { caseStore } from '../../state/case-store';
import { CaseSummary } from './CaseSummary';
import { ImportsList } from './ImportsList';
import { BoardsList } from './BoardsList';
import { LeadsList } from './LeadsList';
import { sessionStore } from '../../session/session-store';
import { SessionSidebar } from '../session/SessionSidebar';

export function Sidebar() {
  const { info, ready } = useStore(caseStore);
  const participant = useStore(sessionStore, (s) => s.role === 'participant');
  if (participant) {
    return (
      <aside className="sidebar">
        <SessionSidebar />
      </aside>
    );
  }
  return (
    <aside className="sidebar">
      {ready && !info && (
        <section className="side-section">
          <h2>Case</h2>
          <p className="muted small">No case open. Use File › New case… or File › Open case…</p>
        </section>
      )}
      <CaseSummary />
      <BoardsList />
      <LeadsList />
      <ImportsList />
    </aside>
  );
}
