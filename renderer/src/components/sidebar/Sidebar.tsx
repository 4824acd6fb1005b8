import { useStore } from '../../hooks/useStore';
import { caseStore } from '../../state/case-store';
import { CaseSummary } from './CaseSummary';
import { ImportsList } from './ImportsList';
import { BoardsList } from './BoardsList';
import { LeadsList } from './LeadsList';

export function Sidebar() {
  const { info, ready } = useStore(caseStore);
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
