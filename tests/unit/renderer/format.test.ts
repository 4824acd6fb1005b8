import { describe, expect, it } from 'vitest';
import { fmtDate, fmtDateTime, fmtInt, fmtSeconds, plural, stamp, truncate } from '../../../renderer/src/graph/format';
import { baseName, crumbs, joinPath } from '../../../renderer/src/graph/paths';

describe('text helpers', () => {
  it('truncates long labels with an ellipsis', () => {
    expect(truncate('SHORT')).toBe('SHORT');
    const t = truncate('GONZALEZ DE LA CRUZ, MARIA GUADALUPE', 20);
    expect(t.length).toBeLessThanOrEqual(20);
    expect(t.endsWith('…')).toBe(true);
  });

  it('formats counts, dates and durations', () => {
    expect(fmtInt(12345)).toBe('12,345');
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(2, 'row')).toBe('2 rows');
    expect(fmtDate('2025-12-31T23:58:10-06:00')).toBe('2025-12-31');
    expect(fmtDateTime('2025-12-31T23:58:10Z')).toBe('2025-12-31 23:58');
    expect(fmtDate(null)).toBe('');
    expect(fmtSeconds(null)).toBe('—');
    expect(fmtSeconds(0.2)).toBe('<1 s');
    expect(fmtSeconds(42)).toBe('42 s');
    expect(fmtSeconds(125)).toBe('2 min 5 s');
    expect(stamp(new Date(2025, 0, 9))).toBe('20250109');
  });
});

describe('paths', () => {
  it('splits POSIX paths into breadcrumbs', () => {
    expect(crumbs('/home/ana/bundles')).toEqual([
      { name: '/', path: '/' },
      { name: 'home', path: '/home' },
      { name: 'ana', path: '/home/ana' },
      { name: 'bundles', path: '/home/ana/bundles' },
    ]);
    expect(crumbs('/')).toEqual([{ name: '/', path: '/' }]);
  });

  it('splits Windows paths into breadcrumbs', () => {
    expect(crumbs('C:\\Users\\ana')).toEqual([
      { name: 'C:', path: 'C:\\' },
      { name: 'Users', path: 'C:\\Users' },
      { name: 'ana', path: 'C:\\Users\\ana' },
    ]);
  });

  it('joins with the separator of the folder', () => {
    expect(joinPath('/home/ana', 'case.crosslink')).toBe('/home/ana/case.crosslink');
    expect(joinPath('/', 'case.crosslink')).toBe('/case.crosslink');
    expect(joinPath('C:\\Users\\ana', 'c.crosslink')).toBe('C:\\Users\\ana\\c.crosslink');
    expect(baseName('/tmp/demo1/')).toBe('demo1');
  });
});
