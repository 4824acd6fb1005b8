// Buckets the neighbour summary's daily periods into at most `maxBars` bars (days, weeks,
// months or years), so a port with two years of crossings still reads as a chart.
export interface PeriodCount {
  period: string;
  count: number;
}

export type Grain = 'day' | 'month' | 'year';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function keyOf(period: string, grain: Grain): string {
  if (!DAY.test(period)) return period;
  return grain === 'day' ? period : grain === 'month' ? period.slice(0, 7) : period.slice(0, 4);
}

function group(periods: readonly PeriodCount[], grain: Grain): PeriodCount[] {
  const m = new Map<string, number>();
  for (const p of periods) {
    const k = keyOf(p.period, grain);
    m.set(k, (m.get(k) ?? 0) + p.count);
  }
  // Dated buckets in order; 'undated' (or anything else) last.
  return [...m.entries()]
    .map(([period, count]) => ({ period, count }))
    .sort((a, b) => {
      const da = /^\d{4}/.test(a.period);
      const db = /^\d{4}/.test(b.period);
      if (da !== db) return da ? -1 : 1;
      return a.period < b.period ? -1 : a.period > b.period ? 1 : 0;
    });
}

export function bucketPeriods(periods: readonly PeriodCount[], maxBars = 60): { grain: Grain; bars: PeriodCount[] } {
  for (const grain of ['day', 'month'] as const) {
    const bars = group(periods, grain);
    if (bars.length <= maxBars) return { grain, bars };
  }
  return { grain: 'year', bars: group(periods, 'year') };
}
