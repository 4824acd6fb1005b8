// The trends chart as plain data: ports by volume, bars in a row, day ticks, tooltips.
import type { PortTrend } from '../../../../shared/contract';
import { fmtInt, plural } from '../../graph/format';

export type Anomaly = PortTrend['anomalies'][number];

export interface TrendRow extends PortTrend {
  total: number;
  peak: number;
}

/** Busiest ports first (the chart reads top-down by volume). */
export function portsByVolume(ports: readonly PortTrend[]): TrendRow[] {
  return ports
    .map((p) => ({ ...p, total: p.counts.reduce((s, c) => s + c, 0), peak: Math.max(0, ...p.counts) }))
    .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
}

export interface Bar {
  day: string;
  count: number;
  x: number;
  w: number;
  h: number;
  anomaly: Anomaly | null;
}

/** Bars of one row `width` wide and at most `height` high, scaled to the row's own peak. */
export function rowBars(days: readonly string[], row: Pick<PortTrend, 'counts' | 'anomalies'>, width: number, height: number): Bar[] {
  if (!days.length) return [];
  const step = width / days.length;
  const w = Math.max(1, step > 4 ? step * 0.78 : step);
  const peak = Math.max(1, ...row.counts);
  const byDay = new Map(row.anomalies.map((a) => [a.day, a]));
  return days.map((day, i) => {
    const count = row.counts[i] ?? 0;
    return { day, count, x: i * step + (step - w) / 2, w, h: count > 0 ? Math.max(1, (height * count) / peak) : 0, anomaly: byDay.get(day) ?? null };
  });
}

/** At most `max` evenly spaced day indexes to label, always the first and the last. */
export function dayTicks(days: readonly string[], max = 8): number[] {
  if (!days.length) return [];
  if (days.length <= max) return days.map((_, i) => i);
  const every = Math.ceil((days.length - 1) / (max - 1));
  const out: number[] = [];
  for (let i = 0; i < days.length - 1; i += every) out.push(i);
  if (days.length - 1 - out[out.length - 1] < every / 2) out.pop();
  out.push(days.length - 1);
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** '2025-12-04' -> 'Dec 4' (the year is in the caption). */
export function shortDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}` : day;
}

/** Saturdays and Sundays, shaded so weekly rhythms read as such. */
export function isWeekend(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return false;
  const dow = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return dow === 0 || dow === 6;
}

const fmtZ = (z: number): string => `${z > 0 ? '+' : ''}${z.toFixed(1)}`;

/** The tooltip of one day of one port. */
export function barTip(portLabel: string, b: Pick<Bar, 'day' | 'count' | 'anomaly'>): string {
  const head = `${portLabel}, ${b.day}: ${plural(b.count, 'crossing')}`;
  if (!b.anomaly) return head;
  const a = b.anomaly;
  const dir = a.count > a.median ? 'above' : 'below';
  return `${head}\nUnusual: ${dir} its usual ${fmtInt(a.median)} a day (median), robust z ${fmtZ(a.z)}`;
}

/** "How far from usual" in words for the list of unusual days. */
export function anomalyText(a: Anomaly): string {
  const ratio = a.median > 0 ? a.count / a.median : null;
  const how = a.count === 0 ? 'none at all' : ratio !== null && ratio >= 1.5 ? `${ratio.toFixed(1)}× usual` : a.count > a.median ? 'above usual' : 'below usual';
  return `${fmtInt(a.count)} vs median ${fmtInt(a.median)} (${how}, z ${fmtZ(a.z)})`;
}

export interface TrendSummary {
  ports: number;
  anomalies: number;
  portsWithAnomalies: number;
  from: string | null;
  to: string | null;
}

export function trendSummary(days: readonly string[], ports: readonly PortTrend[]): TrendSummary {
  return {
    ports: ports.length,
    anomalies: ports.reduce((s, p) => s + p.anomalies.length, 0),
    portsWithAnomalies: ports.filter((p) => p.anomalies.length).length,
    from: days[0] ?? null,
    to: days.at(-1) ?? null,
  };
}

/** Every unusual day, the most extreme first. */
export function unusualDays(ports: readonly PortTrend[]): Array<Anomaly & { port: string; label: string }> {
  return ports.flatMap((p) => p.anomalies.map((a) => ({ ...a, port: p.port, label: p.label }))).sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || a.day.localeCompare(b.day));
}
