import { describe, expect, it } from 'vitest';
import { anomalyText, barTip, dayTicks, isWeekend, portsByVolume, rowBars, shortDay, trendSummary, unusualDays } from '../../../renderer/src/dialogs/leads/trend-model';

const days = ['2025-12-01', '2025-12-02', '2025-12-03', '2025-12-04'];
const ports = [
  { port: '2506', label: 'OTAY MESA', counts: [1, 2, 1, 2], anomalies: [] },
  { port: '2402', label: 'EL PASO - BOTA', counts: [10, 12, 40, 0], anomalies: [{ day: '2025-12-03', count: 40, median: 11, z: 8.1 }, { day: '2025-12-04', count: 0, median: 11, z: -4.2 }] },
];

describe('trends chart model', () => {
  it('sorts ports by volume with totals and peaks', () => {
    const rows = portsByVolume(ports);
    expect(rows.map((r) => [r.port, r.total, r.peak])).toEqual([['2402', 62, 40], ['2506', 6, 2]]);
  });

  it('scales bars to the row’s peak and marks unusual days', () => {
    const bars = rowBars(days, ports[1], 400, 30);
    expect(bars).toHaveLength(4);
    expect(bars[2].h).toBe(30);
    expect(bars[0].h).toBeCloseTo(7.5);
    expect(bars[3].h).toBe(0);
    expect(bars[2].anomaly?.z).toBe(8.1);
    expect(bars[0].anomaly).toBeNull();
    expect(bars[1].x).toBeGreaterThan(bars[0].x + bars[0].w);
    expect(bars[3].x + bars[3].w).toBeLessThanOrEqual(400);
  });

  it('labels a few evenly spaced days, always the first and the last', () => {
    expect(dayTicks(days, 8)).toEqual([0, 1, 2, 3]);
    const many = Array.from({ length: 90 }, (_, i) => `d${i}`);
    const t = dayTicks(many, 8);
    expect(t[0]).toBe(0);
    expect(t.at(-1)).toBe(89);
    expect(t.length).toBeLessThanOrEqual(8);
    expect(dayTicks([], 8)).toEqual([]);
  });

  it('writes days and tooltips a person reads', () => {
    expect(shortDay('2025-12-04')).toBe('Dec 4');
    expect(isWeekend('2025-12-06')).toBe(true); // a Saturday
    expect(isWeekend('2025-12-04')).toBe(false);
    const [, bota] = ports;
    expect(barTip(bota.label, { day: '2025-12-03', count: 40, anomaly: bota.anomalies[0] })).toBe('EL PASO - BOTA, 2025-12-03: 40 crossings\nUnusual: above its usual 11 a day (median), robust z +8.1');
    expect(barTip('X', { day: 'd', count: 1, anomaly: null })).toBe('X, d: 1 crossing');
    expect(anomalyText(bota.anomalies[0])).toBe('40 vs median 11 (3.6× usual, z +8.1)');
    expect(anomalyText(bota.anomalies[1])).toBe('0 vs median 11 (none at all, z -4.2)');
  });

  it('summarises and lists the unusual days, most extreme first', () => {
    expect(trendSummary(days, ports)).toEqual({ ports: 2, anomalies: 2, portsWithAnomalies: 1, from: '2025-12-01', to: '2025-12-04' });
    expect(unusualDays(ports).map((a) => a.day)).toEqual(['2025-12-03', '2025-12-04']);
  });
});
