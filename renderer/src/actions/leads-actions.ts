// Leads in the window: the sidebar summary kept fresh (case opened, detectors ran, a lead
// marked), the notification after every import, verdicts, and a lead opened on a board.
import type { Lead, LeadStatus } from '../../../shared/contract';
import { api, client } from '../api/client';
import { invalidateQueries } from '../api/query-cache';
import { evidenceBoardState } from '../graph/evidence-board';
import { plural } from '../graph/format';
import { leadBoardName, leadsNotice } from '../dialogs/leads/inbox-model';
import { requestCanvas } from '../state/canvas-bus';
import { caseStore } from '../state/case-store';
import { EMPTY_LEADS, leadsStore } from '../state/leads-store';
import { toast, toastError } from '../state/toasts';
import { closeDialog, openDialog } from '../state/ui-store';
import { switchBoard } from './board-journal';

const SIDEBAR_TOP = 4;

export async function refreshLeads(): Promise<void> {
  if (!caseStore.get().info) {
    leadsStore.set(EMPTY_LEADS);
    return;
  }
  try {
    const r = await api('leads.list', { limit: SIDEBAR_TOP, offset: 0 });
    leadsStore.set({ unseen: r.unseen, top: r.leads, total: r.total, lastRun: r.lastRun, loaded: true });
  } catch {
    // An older backend or a case closing under us: the sidebar just shows nothing.
    leadsStore.set(EMPTY_LEADS);
  }
}

caseStore.subscribe((next, prev) => {
  if (next.info?.path !== prev.info?.path) void refreshLeads();
});

// After every import's detectors: a toast of what is new, and the badge.
client.on('leads.updated', (p) => {
  leadsStore.set((s) => ({ ...s, unseen: p.unseen }));
  const notice = leadsNotice(p);
  if (notice) toast('info', notice.title, notice.message);
  for (const w of p.watches.slice(0, 2)) toast('info', `Watch “${w.label}”`, w.news.slice(0, 2).join(' '));
  void refreshLeads();
});

export const openInbox = (leadId?: number): void => openDialog({ type: 'leads', name: 'inbox', data: leadId ? { leadId } : undefined });
export const openTrends = (): void => openDialog({ type: 'leads', name: 'trends' });

/** Records the analyst's verdict; null (with a toast) when it failed. */
export async function markLead(id: number, status: LeadStatus, reason?: string): Promise<Lead | null> {
  try {
    const lead = await api('leads.mark', { id, status, ...(reason ? { reason } : {}) });
    void refreshLeads();
    return lead;
  } catch (e) {
    toastError('Could not mark the lead', e);
    return null;
  }
}

export async function runDetectors(): Promise<void> {
  try {
    const r = await api('leads.run', {});
    invalidateQueries();
    await refreshLeads();
    // The leads.updated event brings the toast when something is new.
    if (!r.added && !r.reopened) toast('info', 'Nothing new', `${plural(r.leads, 'lead')} found, none new since the last run.`);
  } catch (e) {
    toastError('Could not run the detectors', e);
  }
}

/** The lead's evidence on a new board named after it, laid out, as the open board. */
export async function openLeadOnBoard(id: number): Promise<boolean> {
  try {
    const lead = await api('leads.get', { id });
    const state = evidenceBoardState(lead.evidence, lead.entities.map((e) => e.id));
    const made = await api('board.create', { name: leadBoardName(lead), state });
    closeDialog();
    await switchBoard(made.id, { quiet: true });
    requestCanvas({ type: 'relayout' });
    toast('success', `Opened on board “${made.name}”`, `${plural(state.nodes.length, 'node')} and ${plural(state.links.length, 'link')} of evidence; the working board is in the sidebar.`);
    return true;
  } catch (e) {
    toastError('Could not open the lead on a board', e);
    return false;
  }
}
