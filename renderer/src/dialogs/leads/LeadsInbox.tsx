// The leads inbox: every open lead ranked by score, filtered by kind and status, with the
// selected one in full on the right. Keys: ↑/↓ move, R reviewed, D dismiss, X escalate,
// O or Enter open on a new board.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lead, LeadKind, LeadStatus, Output } from '../../../../shared/contract';
import { markLead, openLeadOnBoard, openTrends, runDetectors } from '../../actions/leads-actions';
import { api } from '../../api/client';
import { fmtDateTime, plural } from '../../graph/format';
import { isTypingTarget } from '../../keys';
import { errorMessage } from '../../state/toasts';
import { closeDialog } from '../../state/ui-store';
import { Dialog } from '../Dialog';
import { InboxFilters } from './InboxFilters';
import { LeadDetails } from './LeadDetails';
import { LeadRow } from './LeadRow';
import { DEFAULT_STATUSES, STATUS_ORDER, inboxKeyAction, kindOptions, moveSelection, nextAfterMark, toggled, type InboxAction } from './inbox-model';
import { LEAD_KINDS } from '../../../../shared/contract';

const PAGE = 300;

export interface InboxData {
  leadId?: number;
}

export function LeadsInbox({ data }: { data?: InboxData }) {
  const [kinds, setKinds] = useState<LeadKind[]>([]);
  const [statuses, setStatuses] = useState<LeadStatus[]>(DEFAULT_STATUSES);
  const [list, setList] = useState<Output<'leads.list'> | null>(null);
  const [selected, setSelected] = useState<number | null>(data?.leadId ?? null);
  const [dismissing, setDismissing] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rows = useRef(new Map<number, HTMLLIElement>());

  const load = useCallback(async () => {
    try {
      const r = await api('leads.list', { kinds: kinds.length ? kinds : undefined, status: statuses.length ? statuses : undefined, limit: PAGE, offset: 0 });
      setList(r);
      setError(null);
      setSelected((cur) => (cur != null && r.leads.some((l) => l.id === cur) ? cur : (r.leads[0]?.id ?? null)));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [kinds, statuses]);
  useEffect(() => void load(), [load]);

  const leads = list?.leads ?? [];
  const ids = leads.map((l) => l.id);
  const lead = leads.find((l) => l.id === selected) ?? null;

  useEffect(() => {
    if (selected != null) rows.current.get(selected)?.scrollIntoView({ block: 'nearest' });
    setDismissing(false);
  }, [selected]);

  const mark = async (l: Lead, status: LeadStatus, reason?: string) => {
    setBusy(`Marking “${l.title}” ${status}…`);
    const done = await markLead(l.id, status, reason);
    setBusy(null);
    setDismissing(false);
    if (!done) return;
    const shown = statuses.includes(done.status);
    setSelected(nextAfterMark(ids, l.id, shown));
    setList((cur) => cur && { ...cur, leads: shown ? cur.leads.map((x) => (x.id === l.id ? done : x)) : cur.leads.filter((x) => x.id !== l.id) });
    void load(); // counts by kind and the badge
  };

  const open = async (l: Lead) => {
    setBusy(`Opening “${l.title}” on a new board…`);
    await openLeadOnBoard(l.id);
    setBusy(null);
  };

  const act = (a: InboxAction) => {
    if (a.type === 'move') return setSelected(moveSelection(ids, selected, a.delta));
    if (!lead || busy) return;
    if (a.type === 'mark') void mark(lead, a.status);
    else if (a.type === 'dismiss') setDismissing(true);
    else void open(lead);
  };
  const actRef = useRef(act);
  actRef.current = act;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      // Enter on a focused button is that button's click.
      if ((e.key === 'Enter' || e.key === ' ') && (e.target as HTMLElement | null)?.closest?.('button')) return;
      const a = inboxKeyAction(e);
      if (!a) return;
      e.preventDefault();
      actRef.current(a);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const pickKind = (k: LeadKind | null) => setKinds((cur) => (k === null ? [] : toggled(cur, k, LEAD_KINDS)));
  const pickStatus = (s: LeadStatus) => setStatuses((cur) => toggled(cur, s, STATUS_ORDER));
  const run = list?.lastRun;

  const footer = (
    <>
      <span className="foot-note small muted lead-keys" data-testid="lead-busy">
        {busy ?? <><kbd>↑</kbd><kbd>↓</kbd> move · <kbd>R</kbd> reviewed · <kbd>D</kbd> dismiss · <kbd>X</kbd> escalate · <kbd>O</kbd> open on a new board</>}
      </span>
      <button className="btn" disabled={!lead || !!busy} onClick={() => lead && void mark(lead, 'reviewed')} data-testid="lead-reviewed">Reviewed <kbd>R</kbd></button>
      <button className="btn btn-danger-outline" disabled={!lead || !!busy} onClick={() => setDismissing(true)} data-testid="lead-dismiss">Dismiss… <kbd>D</kbd></button>
      <button className="btn" disabled={!lead || !!busy} onClick={() => lead && void mark(lead, 'escalated')} data-testid="lead-escalate">Escalate <kbd>X</kbd></button>
      <button className="btn btn-primary" disabled={!lead || !!busy} onClick={() => lead && void open(lead)} data-testid="lead-open-board">Open on a new board <kbd>O</kbd></button>
    </>
  );

  return (
    <Dialog title="Leads inbox" onClose={closeDialog} size="large" footer={footer} testId="leads-inbox">
      <div className="lead-bar">
        <span className="small muted" data-testid="lead-last-run">
          {run ? `Detectors last ran ${fmtDateTime(run.at)}: ${plural(run.leads, 'lead')}, ${run.added} new, ${run.reopened} back with new evidence.` : 'The detectors have not run on this case yet.'}
        </span>
        <button className="link-btn" onClick={() => void runDetectors().then(load)}>Run detectors now</button>
        <button className="link-btn" onClick={openTrends}>Trends…</button>
      </div>
      <InboxFilters kinds={kindOptions(list?.byKind ?? [], kinds)} pickedKinds={kinds} statuses={statuses} onKind={pickKind} onStatus={pickStatus} />
      {error && <div className="error-box">{error}</div>}
      <div className="lead-panes">
        <div className="lead-list-pane">
          <p className="small muted lead-count" data-testid="lead-total">
            {list ? `${plural(list.total, 'lead')}${list.total > leads.length ? `, the ${leads.length} highest shown` : ''} · ${list.unseen} new` : 'Loading…'}
          </p>
          {list && !leads.length && <div className="info-box">No leads with these filters. {statuses.includes('dismissed') ? '' : 'Dismissed leads are hidden; tick Dismissed to see them.'}</div>}
          <ul className="lead-list" role="listbox" aria-label="Leads, highest score first" tabIndex={0} data-testid="lead-list">
            {leads.map((l) => (
              <LeadRow key={l.id} lead={l} selected={l.id === selected} onSelect={() => setSelected(l.id)} onOpen={() => void open(l)}
                ref={(el) => { if (el) rows.current.set(l.id, el); else rows.current.delete(l.id); }} />
            ))}
          </ul>
        </div>
        <div className="lead-detail-pane">
          {lead ? (
            <LeadDetails key={lead.id} lead={lead} dismissing={dismissing} onDismiss={(reason) => void mark(lead, 'dismissed', reason)} onCancelDismiss={() => setDismissing(false)} />
          ) : (
            <p className="muted">Select a lead to see why it is one, its entities and the rows behind it.</p>
          )}
        </div>
      </div>
    </Dialog>
  );
}
