// Analyse > Who travels together: persons who crossed in the same event, or at the same
// port within N minutes, at least k times. The backend stores each pair as a derived
// "travelled with" link; the pairs can be put on the board.
import { useCallback, useEffect, useState } from 'react';
import type { CotravelPair, CotravelRun, Output } from '../../../../shared/contract';
import { addCotravelPairs } from '../../actions/analysis-actions';
import { api } from '../../api/client';
import { invalidateQueries } from '../../api/query-cache';
import { NodeChip } from '../../components/analysis/NodeChip';
import { fmtDate, fmtInt, plural } from '../../graph/format';
import { errorMessage } from '../../state/toasts';
import { closeDialog } from '../../state/ui-store';
import { Dialog } from '../Dialog';

export interface CotravelDialogData {
  personId?: number;
  personLabel?: string;
}

const runText = (r: CotravelRun): string =>
  `${plural(r.pairs, 'pair')} among ${plural(r.persons, 'person')} from ${fmtInt(r.crossings)} crossings ` +
  `(${fmtInt(r.sameEventPairs)} same event, ${fmtInt(r.windowPairs)} same port within ${r.windowMinutes} min), at least ${r.minCount}×`;

export function CotravelDialog({ data }: { data?: CotravelDialogData }) {
  const [minCount, setMinCount] = useState(2);
  const [windowMinutes, setWindow] = useState(5);
  const [list, setList] = useState<Output<'cotravel.list'> | null>(null);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const personId = data?.personId;

  const load = useCallback(async (min: number) => {
    try {
      setList(await api('cotravel.list', { minCount: min, limit: 200, ...(personId ? { personId } : {}) }));
      setPicked(new Set());
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [personId]);
  useEffect(() => void load(1), [load]);

  const run = async () => {
    setBusy('Finding who travels together…');
    setError(null);
    try {
      await api('cotravel.run', { minCount, windowMinutes });
      invalidateQueries();
      await load(minCount);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const pairs = list?.pairs ?? [];
  const toggle = (id: number) => setPicked((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const add = (ps: CotravelPair[]) => {
    addCotravelPairs(ps);
    closeDialog();
  };

  const footer = (
    <>
      <span className="foot-note small muted" data-testid="cotravel-status">{busy ?? (list?.lastRun ? `Last run: ${runText(list.lastRun)}` : 'Not run on this case yet')}</span>
      <button className="btn" data-testid="cotravel-add" disabled={!picked.size} onClick={() => add(pairs.filter((p) => picked.has(p.linkId)))}>
        Add {picked.size || ''} to board
      </button>
      <button className="btn" data-testid="cotravel-add-top" disabled={!pairs.length} onClick={() => add(pairs.slice(0, 20))}>Add top {Math.min(20, pairs.length) || ''}</button>
      <button className="btn btn-primary" data-testid="cotravel-run" disabled={!!busy} onClick={() => void run()}>Run</button>
    </>
  );
  return (
    <Dialog title={personId ? `Who travels with ${data?.personLabel ?? 'this person'}?` : 'Who travels together?'} onClose={closeDialog} size="large" footer={footer} testId="cotravel-dialog">
      <div className="an-options an-inline">
        <label>At least <input type="number" min={1} max={1000} value={minCount} onChange={(e) => setMinCount(Math.max(1, Number(e.target.value) || 1))} data-testid="cotravel-min" /> times</label>
        <label>Same port within <input type="number" min={0} max={240} value={windowMinutes} onChange={(e) => setWindow(Math.min(240, Math.max(0, Number(e.target.value) || 0)))} /> minutes</label>
        <span className="small muted">0 minutes: only persons in the same crossing event.</span>
      </div>
      {error && <div className="error-box">{error}</div>}
      {list && !pairs.length && (
        <div className="info-box">{list.lastRun ? 'No pairs travel together that often.' : 'Press Run to find who travels together.'}</div>
      )}
      {pairs.length > 0 && (
        <>
          <p className="small muted" data-testid="cotravel-total">{plural(list!.total, 'pair')}{list!.total > pairs.length ? `, the ${pairs.length} most frequent shown` : ''}</p>
          <div className="table-scroll an-cotravel">
            <table className="table">
              <thead><tr><th /><th>Person</th><th>Person</th><th>Times</th><th>Same event</th><th>First – last</th><th>Port</th></tr></thead>
              <tbody>
                {pairs.map((p) => (
                  <tr key={p.linkId} data-testid="cotravel-pair" onClick={() => toggle(p.linkId)} className={picked.has(p.linkId) ? 'selected' : ''}>
                    <td><input type="checkbox" checked={picked.has(p.linkId)} onChange={() => toggle(p.linkId)} onClick={(e) => e.stopPropagation()} aria-label="Pick this pair" /></td>
                    <td><NodeChip node={p.a} max={24} short /></td>
                    <td><NodeChip node={p.b} max={24} short /></td>
                    <td className="num"><b>{p.count}</b></td>
                    <td className="num">{p.sameEvent}</td>
                    <td className="nowrap">{fmtDate(p.first)} – {fmtDate(p.last)}</td>
                    <td className="small">{p.ports.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Dialog>
  );
}
