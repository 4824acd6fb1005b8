import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATUSES, inboxKeyAction, kindOptions, leadBoardName, leadsNotice, moveSelection, nextAfterMark, scoreBand, sourceText, STATUS_ORDER, toggled,
} from '../../../renderer/src/dialogs/leads/inbox-model';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; shiftKey: boolean; metaKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('leads inbox model', () => {
  it('hides dismissed leads by default and toggles statuses in a stable order', () => {
    expect(DEFAULT_STATUSES).not.toContain('dismissed');
    expect(toggled(DEFAULT_STATUSES, 'dismissed', STATUS_ORDER)).toEqual(['new', 'reviewed', 'escalated', 'dismissed']);
    expect(toggled(['new', 'reviewed'], 'new', STATUS_ORDER)).toEqual(['reviewed']);
  });

  it('lists the kinds that have leads, most first, and keeps a picked kind with none', () => {
    const opts = kindOptions([{ kind: 'cotravel', count: 6 }, { kind: 'cross_agency', count: 25 }]);
    expect(opts.map((o) => [o.kind, o.count])).toEqual([['cross_agency', 25], ['cotravel', 6]]);
    expect(opts[0].label).toBe('Cross-agency overlap');
    expect(kindOptions([], ['port_anomaly'])).toEqual([{ kind: 'port_anomaly', label: 'Port volume anomaly', count: 0 }]);
  });

  it('maps the inbox keys, and leaves modified keys to the app', () => {
    expect(inboxKeyAction(key('ArrowDown'))).toEqual({ type: 'move', delta: 1 });
    expect(inboxKeyAction(key('ArrowUp'))).toEqual({ type: 'move', delta: -1 });
    expect(inboxKeyAction(key('r'))).toEqual({ type: 'mark', status: 'reviewed' });
    expect(inboxKeyAction(key('R', { shiftKey: true }))).toEqual({ type: 'mark', status: 'reviewed' });
    expect(inboxKeyAction(key('x'))).toEqual({ type: 'mark', status: 'escalated' });
    expect(inboxKeyAction(key('d'))).toEqual({ type: 'dismiss' });
    expect(inboxKeyAction(key('o'))).toEqual({ type: 'open' });
    expect(inboxKeyAction(key('Enter'))).toEqual({ type: 'open' });
    expect(inboxKeyAction(key('r', { ctrlKey: true }))).toBeNull();
    expect(inboxKeyAction(key('q'))).toBeNull();
  });

  it('moves the selection inside the list', () => {
    const ids = [5, 3, 9];
    expect(moveSelection(ids, null, 1)).toBe(5);
    expect(moveSelection(ids, 5, 1)).toBe(3);
    expect(moveSelection(ids, 9, 1)).toBe(9);
    expect(moveSelection(ids, 5, -1)).toBe(5);
    expect(moveSelection(ids, 42, 1)).toBe(5);
    expect(moveSelection([], 5, 1)).toBeNull();
  });

  it('selects the next lead when the marked one leaves the list', () => {
    expect(nextAfterMark([1, 2, 3], 2, true)).toBe(2);
    expect(nextAfterMark([1, 2, 3], 2, false)).toBe(3);
    expect(nextAfterMark([1, 2, 3], 3, false)).toBe(2);
    expect(nextAfterMark([1], 1, false)).toBeNull();
  });

  it('writes source rows and score bands', () => {
    expect(sourceText({ exportId: 'TECS-EXP-1', file: 'crossings.csv', line: 12 })).toBe('TECS-EXP-1 · crossings.csv:12');
    expect([scoreBand(100), scoreBand(60), scoreBand(10)]).toEqual(['high', 'mid', 'low']);
  });

  it('says what is new after an import, and nothing when nothing is', () => {
    const n = leadsNotice({ added: 5, reopened: 1, top: [{ id: 1, title: 'Near lookout A', score: 100 }, { id: 2, title: 'Shared phone', score: 80.4 }] });
    expect(n?.title).toBe('5 new leads, 1 lead back with new evidence');
    expect(n?.message).toContain('Near lookout A (100); Shared phone (80); and 4 more.');
    expect(n?.message).toContain('Ctrl+Shift+L');
    expect(leadsNotice({ added: 1, reopened: 0, top: [{ id: 1, title: 'X', score: 50 }] })?.title).toBe('1 new lead');
    expect(leadsNotice({ added: 0, reopened: 0, top: [{ id: 1, title: 'old', score: 90 }] })).toBeNull();
  });

  it('names a board after its lead within the limit', () => {
    expect(leadBoardName({ id: 7, title: 'Short' })).toBe('Lead 7: Short');
    expect(leadBoardName({ id: 7, title: 'x'.repeat(500) }).length).toBeLessThanOrEqual(200);
  });
});
