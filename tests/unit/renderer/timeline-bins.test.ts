import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../../shared/contract';
import { chooseUnit, floorTo, fmtPeriod, histogram, inPeriod, parseAt, snap } from '../../../renderer/src/components/timeline/timeline-bins';

const item = (at: string, nodeId: number, linkId = nodeId * 100): TimelineItem => ({ at, nodeId, linkId, kind: 'at_port', label: 'crossing' });
const DAY = 86_400_000;

describe('timeline bins', () => {
  it('reads dates with and without a time or a zone as UTC', () => {
    expect(parseAt('2025-10-01')).toBe(Date.UTC(2025, 9, 1));
    expect(parseAt('2025-10-01 08:30')).toBe(Date.UTC(2025, 9, 1, 8, 30));
    expect(parseAt('2025-10-01T08:30:00-07:00')).toBe(Date.UTC(2025, 9, 1, 15, 30));
    expect(Number.isNaN(parseAt('soon'))).toBe(true);
  });

  it('chooses hours, days, weeks or months from the span', () => {
    expect(chooseUnit(DAY)).toBe('hour');
    expect(chooseUnit(30 * DAY)).toBe('day');
    expect(chooseUnit(400 * DAY)).toBe('week');
    expect(chooseUnit(5 * 365 * DAY)).toBe('month');
    // 2025-10-01 is a Wednesday: its week starts on Monday 29 September.
    expect(floorTo(Date.UTC(2025, 9, 1, 13), 'week')).toBe(Date.UTC(2025, 8, 29));
    expect(floorTo(Date.UTC(2025, 9, 17, 13), 'month')).toBe(Date.UTC(2025, 9, 1));
  });

  it('counts events per bin and the selection apart', () => {
    const items = [item('2025-10-01 08:00', 1), item('2025-10-01 09:00', 2), item('2025-10-03', 1), item('2025-10-20', 3), item('bad', 3)];
    const h = histogram(items, new Set([1]))!;
    expect(h.unit).toBe('day');
    expect(h.dated).toBe(4);
    expect(h.bins).toHaveLength(20);
    expect(h.bins[0]).toMatchObject({ count: 2, selected: 1, nodes: [1, 2] });
    expect(h.bins[2]).toMatchObject({ count: 1, selected: 1 });
    expect(h.bins.reduce((a, b) => a + b.count, 0)).toBe(4);
    expect(histogram([])).toBeNull();
  });

  it('keeps the number of bars drawable', () => {
    const items = Array.from({ length: 50 }, (_, i) => item(new Date(Date.UTC(2020, 0, 1) + i * 30 * DAY).toISOString(), i + 1));
    const h = histogram(items, new Set(), 40)!;
    expect(h.bins.length).toBeLessThanOrEqual(60);
  });

  it('tells which nodes have events in a brushed period, snapped to bins', () => {
    const items = [item('2025-10-01', 1), item('2025-10-05', 2), item('2025-10-09', 3)];
    const p = snap({ from: Date.UTC(2025, 9, 4, 13), to: Date.UTC(2025, 9, 2, 1) }, 'day');
    expect(p).toEqual({ from: Date.UTC(2025, 9, 2), to: Date.UTC(2025, 9, 5) });
    expect([...inPeriod(items, { from: Date.UTC(2025, 9, 2), to: Date.UTC(2025, 9, 6) }).nodes]).toEqual([2]);
    expect(fmtPeriod(p, 'day')).toBe('2025-10-02 – 2025-10-04');
  });
});
