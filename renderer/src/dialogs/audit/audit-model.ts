// The audit viewer as plain data: action names, times, the filters' key, the page counts
// and the verdict of a chain check, in the words the dialog shows.
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry, type Output } from '../../../../shared/contract';
import { fmtInt, plural } from '../../graph/format';

export const AUDIT_PAGE = 100;

export const ACTION_LABEL: Record<AuditAction, string> = {
  'case.open': 'Open case',
  search: 'Search',
  view: 'View',
  expand: 'Expand',
  path: 'Paths',
  connect: 'Connect',
  import: 'Import',
  export: 'Export',
  brief: 'Brief',
  resolution: 'Resolution',
  lead: 'Lead',
  board: 'Board',
  watch: 'Watch',
  profile: 'Profile',
  session: 'Review session',
};

export const ACTION_OPTIONS: Array<{ value: AuditAction; label: string }> = AUDIT_ACTIONS.map((a) => ({ value: a, label: ACTION_LABEL[a] })).sort((x, y) =>
  x.label.localeCompare(y.label),
);

export interface AuditFilter {
  action: AuditAction | '';
  who: string;
  q: string;
}

export const NO_FILTER: AuditFilter = { action: '', who: '', q: '' };

/** The call's input for one page; blank filters are left out. */
export function pageInput(f: AuditFilter, offset: number) {
  return {
    limit: AUDIT_PAGE,
    offset,
    action: f.action || undefined,
    who: f.who.trim() || undefined,
    q: f.q.trim() || undefined,
  };
}

export const filterKey = (f: AuditFilter): string => JSON.stringify([f.action, f.who.trim(), f.q.trim()]);

export const isFiltered = (f: AuditFilter): boolean => filterKey(f) !== filterKey(NO_FILTER);

/** '2025-12-01T08:00:05.123Z' -> '2025-12-01 08:00:05' (the trail is written in UTC). */
export function auditTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

/** Appends a page, dropping entries already shown (new entries shift the offsets meanwhile). */
export function mergePage(shown: AuditEntry[], page: AuditEntry[]): AuditEntry[] {
  const have = new Set(shown.map((e) => e.id));
  return [...shown, ...page.filter((e) => !have.has(e.id))];
}

export function countText(shown: number, total: number, filtered: boolean): string {
  const what = filtered ? `${plural(total, 'matching entry', 'matching entries')}` : plural(total, 'entry', 'entries');
  return total > shown ? `${what}, the newest ${fmtInt(shown)} shown` : what;
}

export type Verdict = { tone: 'ok' | 'bad'; text: string; badId: number | null };

export function verdict(r: Output<'audit.verify'>): Verdict {
  if (r.ok || !r.firstBad) return { tone: 'ok', text: `Intact: ${plural(r.entries, 'entry', 'entries')}`, badId: null };
  return { tone: 'bad', text: `Broken at entry #${r.firstBad.id}: ${r.firstBad.reason}`, badId: r.firstBad.id };
}
