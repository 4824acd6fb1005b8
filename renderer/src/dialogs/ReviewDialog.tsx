// View > Review possible matches: one pair of persons the resolver was unsure about at a
// time, with the evidence; Y = the same person, N = not the same, S = skip, C = show both
// on the canvas. Each answer is a decision in the case (undoable from the decision log).
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract';
import { api } from '../api/client';
import { invalidateQueries } from '../api/query-cache';
import { refreshCase } from '../actions/case-actions';
import { addToCanvas } from '../actions/graph-actions';
import { toast, toastError } from '../state/toasts';
import { closeDialog } from '../state/ui-store';
import { Dialog } from './Dialog';

type Item = Output<'resolution.queue'>[number];

export function ReviewDialog() {
  const [items, setItems] = useState<Item[] | null>(null);
  const [at, setAt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [undo, setUndo] = useState<{ id: number; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setItems(await api('resolution.queue', { limit: 200 }));
      setAt(0);
    } catch (e) {
      toastError('Could not read the possible matches', e);
      setItems([]);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const item = items?.[at] ?? null;
  const answer = useCallback(
    async (action: 'same' | 'not_same') => {
      if (!item || busy) return;
      setBusy(true);
      try {
        const r = await api('resolution.decide', { action, a: item.recordA, b: item.recordB });
        setUndo({ id: r.decisionId, text: `${action === 'same' ? 'Joined' : 'Kept apart'}: ${item.a.label.split(' · ')[0]} / ${item.b.label.split(' · ')[0]}` });
        invalidateQueries();
        await refreshCase();
        await load();
      } catch (e) {
        toastError('Could not record the decision', e);
      } finally {
        setBusy(false);
      }
    },
    [item, busy, load],
  );

  const undoLast = async () => {
    if (!undo) return;
    setBusy(true);
    try {
      await api('resolution.undo', { decisionId: undo.id });
      toast('info', 'Decision undone', undo.text);
      setUndo(null);
      invalidateQueries();
      await refreshCase();
      await load();
    } catch (e) {
      toastError('Could not undo', e);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.ctrlKey || e.metaKey || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k === 'y') void answer('same');
      else if (k === 'n') void answer('not_same');
      else if (k === 's' || e.key === 'ArrowRight') setAt((x) => Math.min((items?.length ?? 1) - 1, x + 1));
      else if (e.key === 'ArrowLeft') setAt((x) => Math.max(0, x - 1));
      else if (k === 'c' && item) {
        void addToCanvas(item.a).then(() => addToCanvas(item.b));
        closeDialog();
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [answer, item, items]);

  const footer = (
    <>
      {undo && <button className="btn" data-testid="review-undo" onClick={() => void undoLast()} disabled={busy}>Undo “{undo.text}”</button>}
      <span className="sb-grow" />
      <button className="btn" onClick={() => setAt((x) => Math.min((items?.length ?? 1) - 1, x + 1))} disabled={!item}>Skip <kbd>S</kbd></button>
      <button className="btn" data-testid="review-not-same" onClick={() => void answer('not_same')} disabled={!item || busy}>Not the same <kbd>N</kbd></button>
      <button className="btn btn-primary" data-testid="review-same" onClick={() => void answer('same')} disabled={!item || busy}>Same person <kbd>Y</kbd></button>
    </>
  );
  return (
    <Dialog title="Review possible matches" onClose={closeDialog} size="large" footer={footer} testId="review-dialog">
      {!items && <p className="muted">Reading…</p>}
      {items && items.length === 0 && <div className="info-box">No possible matches left to review.</div>}
      {item && (
        <>
          <p className="muted small" data-testid="review-position">
            Pair {at + 1} of {items!.length} · match probability {(item.probability * 100).toFixed(0)} % · <kbd>←</kbd>/<kbd>→</kbd> to move, <kbd>C</kbd> to show both on the canvas
          </p>
          <div className="summary-grid">
            {[item.a, item.b].map((p, i) => (
              <div key={p.id} className="kpi" data-testid="review-person">
                <div className="kpi-n">{p.label.split(' · ')[0]}</div>
                <div className="small">{p.label.split(' · ')[1] ?? ''} · {p.sourceId}</div>
                <div className="muted small mono">{i === 0 ? item.recordA : item.recordB}</div>
              </div>
            ))}
          </div>
          <h3>Evidence</h3>
          <ul data-testid="review-evidence">
            {item.evidence.split('; ').map((e) => <li key={e}>{e}</li>)}
          </ul>
        </>
      )}
    </Dialog>
  );
}
