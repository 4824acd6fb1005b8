// A resolved person's records with the evidence that put each one there, and what the
// analyst can do about it: take a record out (it becomes a person of its own), which is a
// decision in the case, undoable from the toast's follow-up or the review dialog.
import type { Attribute } from '../../../../shared/model';
import { api } from '../../api/client';
import { invalidateQueries } from '../../api/query-cache';
import { refreshCase } from '../../actions/case-actions';
import { toast, toastError } from '../../state/toasts';

const RECORD = /^(subject record|crossing) (\S+)$/;

async function takeOut(recordId: string): Promise<void> {
  try {
    const r = await api('resolution.decide', { action: 'alone', a: recordId, note: 'taken out from the details panel' });
    invalidateQueries();
    await refreshCase();
    toast('success', `${recordId} taken out`, `It is now a person of its own (decision #${r.decisionId}; undo with crosslink resolution undo --id ${r.decisionId}).`);
  } catch (e) {
    toastError('Could not take the record out', e);
  }
}

export function EntityRecords({ attributes }: { attributes: Attribute[] }) {
  const records = attributes.map((a) => ({ a, m: RECORD.exec(a.name) })).filter((x) => x.m);
  if (records.length < 2) return null;
  return (
    <section className="dsec" data-testid="entity-records">
      <h3>Records <span className="count-pill">{records.length}</span></h3>
      <ul className="entity-records">
        {records.map(({ a, m }) => (
          <li key={a.name}>
            <div className="small"><span className="mono">{m![2]}</span> {a.value.split(' — ')[0]}</div>
            <div className="muted small">{a.value.split(' — ')[1] ?? ''}</div>
            <button className="link-btn" data-testid="take-out" onClick={() => void takeOut(m![2])}>Not this person: take out</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
