// The leads inbox as plain data: which statuses show, what a key does, where the
// selection goes when a lead leaves the list, and what the notification says.
import { LEAD_KIND_LABEL, LEAD_KINDS, type EventPayload, type LeadKind, type LeadStatus } from '../../../../shared/contract';
import type { Provenance } from '../../../../shared/model';
import type { KeyEventLike } from '../../keys';
import { plural, truncate } from '../../graph/format';

/** What the inbox shows until the analyst asks for dismissed leads too. */
export const DEFAULT_STATUSES: LeadStatus[] = ['new', 'reviewed', 'escalated'];
export const STATUS_ORDER: LeadStatus[] = ['new', 'reviewed', 'escalated', 'dismissed'];
export const STATUS_LABEL: Record<LeadStatus, string> = { new: 'New', reviewed: 'Reviewed', escalated: 'Escalated', dismissed: 'Dismissed' };

export function toggled<T>(list: readonly T[], v: T, order: readonly T[]): T[] {
  const set = new Set(list);
  if (set.has(v)) set.delete(v);
  else set.add(v);
  return order.filter((x) => set.has(x));
}

export interface KindOption {
  kind: LeadKind;
  label: string;
  count: number;
}

/** The kind filter: every kind that has leads, most first, then the kinds picked with none. */
export function kindOptions(byKind: ReadonlyArray<{ kind: LeadKind; count: number }>, picked: readonly LeadKind[] = []): KindOption[] {
  const counts = new Map(byKind.map((k) => [k.kind, k.count]));
  return LEAD_KINDS.filter((k) => (counts.get(k) ?? 0) > 0 || picked.includes(k))
    .map((kind) => ({ kind, label: LEAD_KIND_LABEL[kind], count: counts.get(kind) ?? 0 }))
    .sort((a, b) => b.count - a.count || LEAD_KINDS.indexOf(a.kind) - LEAD_KINDS.indexOf(b.kind));
}

export type InboxAction = { type: 'move'; delta: number } | { type: 'mark'; status: 'reviewed' | 'escalated' } | { type: 'dismiss' } | { type: 'open' };

/** Keys of the inbox (plain letters, no modifiers): ↑/↓ move, R reviewed, D dismiss, X escalate, O or Enter open. */
export function inboxKeyAction(e: KeyEventLike): InboxAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'ArrowDown':
    case 'j':
      return { type: 'move', delta: 1 };
    case 'ArrowUp':
    case 'k':
      return { type: 'move', delta: -1 };
    case 'PageDown':
      return { type: 'move', delta: 10 };
    case 'PageUp':
      return { type: 'move', delta: -10 };
    case 'Enter':
      return { type: 'open' };
  }
  switch (e.key.toLowerCase()) {
    case 'r':
      return { type: 'mark', status: 'reviewed' };
    case 'x':
      return { type: 'mark', status: 'escalated' };
    case 'd':
      return { type: 'dismiss' };
    case 'o':
      return { type: 'open' };
  }
  return null;
}

/** The id `delta` rows away from `current`, kept inside the list; the first when none is selected. */
export function moveSelection(ids: readonly number[], current: number | null, delta: number): number | null {
  if (!ids.length) return null;
  const at = current == null ? -1 : ids.indexOf(current);
  if (at < 0) return ids[0];
  return ids[Math.min(ids.length - 1, Math.max(0, at + delta))];
}

/**
 * After a lead is marked: the lead to select next. It stays selected when it is still
 * shown; otherwise the one that took its place (or the one before, at the end).
 */
export function nextAfterMark(ids: readonly number[], marked: number, stillShown: boolean): number | null {
  if (stillShown) return marked;
  const at = ids.indexOf(marked);
  const rest = ids.filter((id) => id !== marked);
  if (!rest.length) return null;
  return rest[Math.min(Math.max(at, 0), rest.length - 1)];
}

/** "TECS-EXP-20251207-R7 · crossings.csv:1117" */
export const sourceText = (p: Pick<Provenance, 'exportId' | 'file' | 'line'>): string => `${p.exportId} · ${p.file}:${p.line}`;

export type ScoreBand = 'high' | 'mid' | 'low';
export const scoreBand = (score: number): ScoreBand => (score >= 75 ? 'high' : score >= 50 ? 'mid' : 'low');

export interface Notice {
  title: string;
  message: string;
}

/** The toast after an import's detectors ran: only what is new, none when nothing is. */
export function leadsNotice(p: Pick<EventPayload<'leads.updated'>, 'added' | 'reopened' | 'top'>, max = 3): Notice | null {
  if (p.added + p.reopened <= 0) return null;
  const parts = [];
  if (p.added) parts.push(plural(p.added, 'new lead'));
  if (p.reopened) parts.push(`${plural(p.reopened, 'lead')} back with new evidence`);
  const top = p.top.slice(0, max).map((t) => `${truncate(t.title, 70)} (${Math.round(t.score)})`);
  const more = p.added + p.reopened - top.length;
  const list = top.length ? `${top.join('; ')}${more > 0 ? `; and ${more} more` : ''}. ` : '';
  return { title: parts.join(', '), message: `${list}Open the inbox from Leads in the sidebar (Ctrl+Shift+L).` };
}

/** A board named after its lead, within the 200 characters a board name may have. */
export const leadBoardName = (lead: { id: number; title: string }): string => `Lead ${lead.id}: ${truncate(lead.title, 80)}`;
