import { fmtInt } from '../graph/format';
import { boardStore } from '../graph/graph-store';
import { useStore } from '../hooks/useStore';
import { caseStore } from '../state/case-store';
import { jobStore } from '../state/job-store';
import { uiStore } from '../state/ui-store';
import { sessionStore } from '../session/session-store';

export function StatusBar() {
  const { info, app } = useStore(caseStore);
  const graph = useStore(boardStore, (b) => b.graph);
  const jobs = useStore(jobStore);
  const job = jobs[0] ?? null;
  const busy = useStore(uiStore, (u) => u.busy);
  const p = job?.progress;
  const session = useStore(sessionStore, (s) => s.role);
  const board = useStore(sessionStore, (s) => s.board);
  return (
    <footer className="statusbar" data-testid="status-bar">
      {session === 'participant' ? (
        <span>Review session “{board}” · Canvas: {fmtInt(graph.nodes.size)} nodes · {fmtInt(graph.links.size)} links</span>
      ) : (
        <span className="sb-path" title={info?.path}>{info ? info.path : 'No case open'}</span>
      )}
      {session === 'host' && <span className="sb-session">Hosting review “{board}”</span>}
      {info && (
        <span>
          Case: {fmtInt(info.counts.nodes)} nodes · {fmtInt(info.counts.links)} links
        </span>
      )}
      {info && (
        <span>
          Canvas: {fmtInt(graph.nodes.size)} nodes · {fmtInt(graph.links.size)} links
        </span>
      )}
      <span className="sb-grow" />
      {busy && <span className="sb-busy">{busy}</span>}
      {job && (
        <span className="sb-job">
          Importing… {fmtInt(p?.rowsRead ?? 0)}{p?.rowsTotal ? ` / ${fmtInt(p.rowsTotal)}` : ''} rows{jobs.length > 1 ? ` (+${jobs.length - 1} queued)` : ''}
          {p?.rowsTotal ? <span className="mini-bar"><span style={{ width: `${Math.min(100, (100 * p.rowsRead) / p.rowsTotal)}%` }} /></span> : null}
        </span>
      )}
      {app && <span className="muted">v{app.version} · {app.host}</span>}
    </footer>
  );
}
