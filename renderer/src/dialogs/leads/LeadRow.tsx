// One lead in the inbox list: score bar, kind chip, title, summary on one line.
import { forwardRef } from 'react';
import { LEAD_KIND_LABEL, type Lead } from '../../../../shared/contract';
import { STATUS_LABEL, scoreBand } from './inbox-model';

interface Props {
  lead: Lead;
  selected: boolean;
  onSelect(): void;
  onOpen(): void;
}

export const LeadRow = forwardRef<HTMLLIElement, Props>(function LeadRow({ lead, selected, onSelect, onOpen }, ref) {
  const score = Math.round(lead.score);
  return (
    <li ref={ref} role="option" aria-selected={selected} className={`lead-row${selected ? ' selected' : ''} st-${lead.status}`} data-testid="lead-row" data-lead-id={lead.id}
      onClick={onSelect} onDoubleClick={onOpen}>
      <div className="lead-score" title={`Score ${score} of 100`}>
        <span className="lead-score-n">{score}</span>
        <span className="lead-score-bar"><span className={`band-${scoreBand(lead.score)}`} style={{ width: `${Math.max(4, Math.min(100, lead.score))}%` }} /></span>
      </div>
      <div className="lead-main">
        <div className="lead-top">
          <span className={`kind-chip kind-${lead.kind}`}>{LEAD_KIND_LABEL[lead.kind]}</span>
          {lead.status !== 'new' && <span className={`lead-status st-${lead.status}`}>{STATUS_LABEL[lead.status]}</span>}
          {lead.whatsNew && <span className="lead-status st-news" title={lead.whatsNew}>New evidence</span>}
          <span className="lead-title">{lead.title}</span>
        </div>
        <div className="lead-summary">{lead.summary}</div>
      </div>
    </li>
  );
});
