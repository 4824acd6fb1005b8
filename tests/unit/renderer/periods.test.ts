import { describe, expect, it } from 'vitest';
import { bucketPeriods } from '../../../renderer/src/graph/periods';

const days = (n: number, start = Date.UTC(2025, 0, 1)) =>
  Array.from({ length: n }, (_, i) => ({ period: new Date(start + i * 86_400_000).toISOString().slice(0, 10), count: 1 }));

describe('bucketPeriods', () => {
  it('keeps days when they fit', () => {
    const r = bucketPeriods(days(10), 60);
    expect(r.grain).toBe('day');
    expect(r.bars).toHaveLength(10);
  });

  it('groups into months when there are too many days', () => {
    const r = bucketPeriods(days(365), 60);
    expect(r.grain).toBe('month');
    expect(r.bars).toHaveLength(12);
    expect(r.bars[0]).toEqual({ period: '2025-01', count: 31 });
    expect(r.bars.reduce((s, b) => s + b.count, 0)).toBe(365);
  });

  it('groups into years when months are still too many', () => {
    const r = bucketPeriods(days(800), 12);
    expect(r.grain).toBe('year');
    expect(r.bars.map((b) => b.period)).toEqual(['2025', '2026', '2027']);
  });

  it('keeps undated links last', () => {
    const r = bucketPeriods([{ period: 'undated', count: 4 }, ...days(3)], 60);
    expect(r.bars.at(-1)).toEqual({ period: 'undated', count: 4 });
    expect(r.bars[0].period).toBe('2025-01-01');
  });

  it('handles an empty summary', () => {
    expect(bucketPeriods([]).bars).toEqual([]);
  });
});
