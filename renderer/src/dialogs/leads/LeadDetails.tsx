// The selected lead in full: why it is a lead, what is new, its entities (click to put one
// on the canvas) and the source rows behind it. Dismissing asks for a reason here.
import { useState } from 'react';
import { LEAD_KIND_LABEL, type Lead } from '../../../../shared/contract';
import type { NodeRef } from '../../../../shared/model';
import { addToCanvas } from '../../actions/graph-actions';
import { NodeChip } from '../../components/analysis/NodeChip';
import { HandlingBadge } from '../../components/HandlingBadge';
import { fmtDate, plural } from '../../graph/format';
import { closeDialog } from '../../state/ui-store';
import { STATUS_LABEL, scoreBand, sourceText } from './inbox-model';

interface Props {
  lead: Lead;
  dismissing: boolean;
  onDismiss(reason: string): void;
  onCancelDismiss(): void;
}

function putOnCanvas(ref: NodeRef): void {
  closeDialog();
  void addToCanvas(ref);
}

export function LeadDetails({ lead, dismissing, onDismiss, onCancelDismiss }: Props) {
  return (
    <div className="lead-details" data-testid="lead-details">
      <div className="lead-top">
        <span className={`kind-chip kind-${lead.kind}`}>{LEAD_KIND_LABEL[lead.kind]}</span>
        <span className={`lead-status st-${lead.status}`}>{STATUS_LABEL[lead.status]}</span>
        <span className={`lead-score-big band-${scoreBand(lead.score)}`} title="Score of 100: how much it deserves a look">{Math.round(lead.score)}</span>
      </div>
      <div className="lead-d-title" data-testid="lead-title">{lead.title}</div>
      <p className="muted small">First seen {fmtDate(lead.firstSeen)}{lead.lastSeen !== lead.firstSeen ? ` · still there ${fmtDate(lead.lastSeen)}` : ''}</p>
      {dismissing && <DismissForm onDismiss={onDismiss} onCancel={onCancelDismiss} />}
      {lead.whatsNew && (
        <div className="lead-news" data-testid="lead-whats-new">
          <b>What is new.</b> {lead.whatsNew}
          {lead.reason && <div className="small">Earlier verdict: “{lead.reason}”</div>}
        </div>
      )}
      {!lead.whatsNew && lead.reason && (
        <div className="lead-verdict small" data-testid="lead-reason">{STATUS_LABEL[lead.status]}: “{lead.reason}”</div>
      )}
      <p className="lead-d-summary">{lead.summary}</p>
      <h4>Entities <span className="muted">· click one to put it on the canvas</span></h4>
      <ul className="chips lead-entities">
        {lead.entities.map((e) => (
          <li key={e.id}>
            <button className="chip-btn" data-testid="lead-entity" data-node-id={e.id} title={`Put “${e.label}” on the canvas`} onClick={() => putOnCanvas(e)}>
              <NodeChip node={e} max={34} short />
            </button>
          </li>
        ))}
      </ul>
      <h4>Source rows <span className="muted">· {plural(lead.sources.length, 'row')}{lead.sources.length >= 10 ? ', the first ones' : ''}</span></h4>
      <table className="table lead-sources" data-testid="lead-sources">
        <thead><tr><th>Export · file:line</th><th>Agency</th><th>Handling</th></tr></thead>
        <tbody>
          {lead.sources.map((s, i) => (
            <tr key={i}>
              <td className="mono">{sourceText(s)}</td>
              <td>{s.agency ?? '—'}</td>
              <td><HandlingBadge handling={s.handling} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DismissForm({ onDismiss, onCancel }: { onDismiss(reason: string): void; onCancel(): void }) {
  const [reason, setReason] = useState('');
  const ok = reason.trim().length > 0;
  return (
    <form className="lead-dismiss" data-testid="lead-dismiss-form" onSubmit={(e) => { e.preventDefault(); if (ok) onDismiss(reason.trim()); }}>
      <label htmlFor="lead-dismiss-reason"><b>Why dismiss it?</b> <span className="muted small">It stays dismissed unless new evidence arrives.</span></label>
      <input id="lead-dismiss-reason" autoFocus maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. known commuter, family travel, already in case ICE-C-…" data-testid="lead-dismiss-reason" />
      <div className="lead-dismiss-btns">
        <button type="button" className="btn btn-small" onClick={onCancel}>Cancel</button>
        <button type="submit" className="btn btn-small btn-danger-outline" disabled={!ok} data-testid="lead-dismiss-confirm">Dismiss</button>
      </div>
    </form>
  );
}
