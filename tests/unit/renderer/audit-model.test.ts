import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/contract';
import { AUDIT_ACTIONS } from '../../../shared/contract';
import { ACTION_LABEL, ACTION_OPTIONS, AUDIT_PAGE, auditTime, countText, filterKey, isFiltered, mergePage, NO_FILTER, pageInput, verdict } from '../../../renderer/src/dialogs/audit/audit-model';

const e = (id: number): AuditEntry => ({ id, at: '2025-12-01T08:00:05.123Z', who: 'R. Ortega (ICE)', agency: 'ICE', action: 'search', target: 'garcia', detail: '3 hits', hash: 'h' });

describe('audit viewer model', () => {
  it('names every action, sorted for the select', () => {
    expect(Object.keys(ACTION_LABEL).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(ACTION_OPTIONS.map((o) => o.label)).toEqual([...ACTION_OPTIONS.map((o) => o.label)].sort((a, b) => a.localeCompare(b)));
  });

  it('leaves blank filters out of the call and keys filters by what they ask', () => {
    expect(pageInput(NO_FILTER, 0)).toEqual({ limit: AUDIT_PAGE, offset: 0, action: undefined, who: undefined, q: undefined });
    expect(pageInput({ action: 'view', who: ' kim ', q: ' ICE-S-1 ' }, 200)).toEqual({ limit: AUDIT_PAGE, offset: 200, action: 'view', who: 'kim', q: 'ICE-S-1' });
    expect(filterKey({ action: '', who: ' ', q: '' })).toBe(filterKey(NO_FILTER));
    expect(isFiltered({ action: '', who: '', q: 'x' })).toBe(true);
    expect(isFiltered({ action: '', who: '  ', q: '' })).toBe(false);
  });

  it('shows times to the second', () => {
    expect(auditTime('2025-12-01T08:00:05.123Z')).toBe('2025-12-01 08:00:05');
    expect(auditTime('not a time')).toBe('not a time');
  });

  it('appends a page without repeating entries that shifted down', () => {
    expect(mergePage([e(10), e(9)], [e(9), e(8)]).map((x) => x.id)).toEqual([10, 9, 8]);
  });

  it('counts what is shown', () => {
    expect(countText(100, 1234, false)).toBe('1,234 entries, the newest 100 shown');
    expect(countText(1, 1, false)).toBe('1 entry');
    expect(countText(3, 3, true)).toBe('3 matching entries');
  });

  it('words the chain check', () => {
    expect(verdict({ ok: true, entries: 57, firstBad: null })).toEqual({ tone: 'ok', text: 'Intact: 57 entries', badId: null });
    expect(verdict({ ok: false, entries: 57, firstBad: { id: 12, reason: 'an entry before #12 was deleted' } })).toEqual({
      tone: 'bad', text: 'Broken at entry #12: an entry before #12 was deleted', badId: 12,
    });
  });
});
