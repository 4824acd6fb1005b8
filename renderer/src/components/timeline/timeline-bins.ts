// Binning dated events for the histogram: the bin width follows the span (hours, days,
// weeks, months), and a brushed period tells which board elements stay lit.
import type { TimelineItem } from '../../../../shared/contract';
import type { Period } from '../../state/timeline-store';

export type Unit = 'hour' | 'day' | 'week' | 'month';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** '2025-12-01', '2025-12-01 08:30' or an ISO time -> epoch ms; dates without a zone are UTC. */
export function parseAt(at: string): number {
  const s = at.trim().replace(' ', 'T');
  const zoned = /[zZ]|[+-]\d{2}:?\d{2}$/.test(s.slice(10));
  return Date.parse(zoned || s.length <= 10 ? s : `${s}Z`);
}

export function chooseUnit(spanMs: number): Unit {
  if (spanMs <= 4 * DAY) return 'hour';
  if (spanMs <= 150 * DAY) return 'day';
  if (spanMs <= 3 * 365 * DAY) return 'week';
  return 'month';
}

/** The start of the bin holding `t` (weeks start on Monday, all in UTC). */
export function floorTo(t: number, unit: Unit): number {
  const d = new Date(t);
  switch (unit) {
    case 'hour':
      return Math.floor(t / HOUR) * HOUR;
    case 'day':
      return Math.floor(t / DAY) * DAY;
    case 'week': {
      const day = Math.floor(t / DAY) * DAY;
      return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
    }
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  }
}

export function nextBin(t: number, unit: Unit): number {
  if (unit === 'hour') return t + HOUR;
  if (unit === 'day') return t + DAY;
  if (unit === 'week') return t + 7 * DAY;
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

export interface Bin {
  from: number;
  to: number;
  count: number;
  /** Events of the selected nodes in this bin. */
  selected: number;
  nodes: number[];
}

export interface Histogram {
  unit: Unit;
  from: number;
  to: number;
  bins: Bin[];
  dated: number;
}

/** Events by bin; `selected` nodes are counted apart so their events stand out. */
export function histogram(items: TimelineItem[], selected: ReadonlySet<number> = new Set(), maxBins = 400): Histogram | null {
  const times = items.map((i) => parseAt(i.at));
  const ok = times.filter((t) => Number.isFinite(t));
  if (!ok.length) return null;
  const min = Math.min(...ok);
  const max = Math.max(...ok);
  let unit = chooseUnit(max - min);
  const order: Unit[] = ['hour', 'day', 'week', 'month'];
  // Never more bars than the panel can draw.
  while (countBins(min, max, unit) > maxBins && unit !== 'month') unit = order[order.indexOf(unit) + 1];
  const from = floorTo(min, unit);
  const bins: Bin[] = [];
  const index = new Map<number, Bin>();
  for (let t = from; t <= max; t = nextBin(t, unit)) {
    const b: Bin = { from: t, to: nextBin(t, unit), count: 0, selected: 0, nodes: [] };
    bins.push(b);
    index.set(t, b);
  }
  items.forEach((it, i) => {
    if (!Number.isFinite(times[i])) return;
    const b = index.get(floorTo(times[i], unit))!;
    b.count++;
    if (selected.has(it.nodeId)) b.selected++;
    if (!b.nodes.includes(it.nodeId)) b.nodes.push(it.nodeId);
  });
  return { unit, from, to: bins.at(-1)!.to, bins, dated: ok.length };
}

function countBins(min: number, max: number, unit: Unit): number {
  const approx = { hour: HOUR, day: DAY, week: 7 * DAY, month: 30 * DAY }[unit];
  return (max - min) / approx + 1;
}

/** Board nodes and links with an event in the period. */
export function inPeriod(items: TimelineItem[], p: Period): { nodes: Set<number>; links: Set<number>; count: number } {
  const nodes = new Set<number>();
  const links = new Set<number>();
  let count = 0;
  for (const it of items) {
    const t = parseAt(it.at);
    if (!(t >= p.from && t < p.to)) continue;
    count++;
    nodes.add(it.nodeId);
    links.add(it.linkId);
  }
  return { nodes, links, count };
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function fmtTime(t: number, unit: Unit): string {
  const d = new Date(t);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (unit === 'hour') return `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (unit === 'month') return day.slice(0, 7);
  return day;
}

/** "2025-10-01 – 2025-10-14" for the brushed period (the end shown inclusive). */
export function fmtPeriod(p: Period, unit: Unit): string {
  const end = unit === 'hour' ? p.to : p.to - 1;
  return `${fmtTime(p.from, unit)} – ${fmtTime(end, unit)}`;
}

export const UNIT_LABEL: Record<Unit, string> = { hour: 'per hour', day: 'per day', week: 'per week', month: 'per month' };

/** Snaps a dragged period to whole bins. */
export function snap(p: Period, unit: Unit): Period {
  const from = floorTo(Math.min(p.from, p.to), unit);
  const to = nextBin(floorTo(Math.max(p.from, p.to), unit), unit);
  return { from, to };
}
