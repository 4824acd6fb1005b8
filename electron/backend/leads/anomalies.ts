// Anomalies against a baseline. Ports: crossings per port per day, flagged where the robust
// z-score (count - median) / (1.4826 · MAD) of the port's own days is large. Persons: in the
// latest import, a person crossing far more often than their usual day, or at a port they
// have not used before when they nearly always use one.
import type Database from 'better-sqlite3';
import type { PortTrend } from '../../../shared/contract';
import { clampScore, type Candidate } from './types';
import { dayText, type Intel } from './intel';

const MIN_DAYS = 5;

export function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Robust z-scores of a series: (x - median) / (1.4826 · MAD); a flat series has none. */
export function robustZ(xs: number[]): number[] {
  const med = median(xs);
  const mad = median(xs.map((x) => Math.abs(x - med)));
  const scale = 1.4826 * mad || (med > 0 ? Math.max(1, 0.1 * med) : 1);
  return xs.map((x) => (x - med) / scale);
}

interface PortDay {
  port: string;
  label: string;
  day: string;
  n: number;
}

/** Crossings per port per day, with each port's anomalous days. */
function trendsFrom(rows: PortDay[], top: number, threshold: number): { days: string[]; ports: PortTrend[] } {
  let days = [...new Set(rows.map((r) => r.day))].sort();
  // The first and last days of an extract are often partial (it was cut mid-day, or time
  // zones spill a few crossings over midnight): leave them out rather than flag them.
  const total = new Map<string, number>();
  for (const r of rows) total.set(r.day, (total.get(r.day) ?? 0) + r.n);
  const typical = median([...total.values()]);
  while (days.length > 2 && total.get(days[0])! < 0.5 * typical) days = days.slice(1);
  while (days.length > 2 && total.get(days.at(-1)!)! < 0.5 * typical) days = days.slice(0, -1);
  const kept = new Set(days);
  rows = rows.filter((r) => kept.has(r.day));
  const index = new Map(days.map((d, i) => [d, i]));
  const byPort = new Map<string, { label: string; counts: number[] }>();
  for (const r of rows) {
    let p = byPort.get(r.port);
    if (!p) byPort.set(r.port, (p = { label: r.label, counts: new Array(days.length).fill(0) }));
    p.counts[index.get(r.day)!] += r.n;
  }
  const ports: PortTrend[] = [...byPort].map(([port, p]) => {
    const z = days.length >= MIN_DAYS ? robustZ(p.counts) : p.counts.map(() => 0);
    const med = median(p.counts);
    return {
      port,
      label: p.label,
      counts: p.counts,
      anomalies: p.counts.flatMap((count, i) => (Math.abs(z[i]) >= threshold ? [{ day: days[i], count, median: med, z: Math.round(z[i] * 10) / 10 }] : [])),
    };
  });
  ports.sort((a, b) => b.counts.reduce((s, x) => s + x, 0) - a.counts.reduce((s, x) => s + x, 0));
  return { days, ports: ports.slice(0, top) };
}

/** The trends view: crossings (travellers) per port per day, from the case. */
/** Crossings per port per day; with `canRead`, only the crossings that reader may read are counted. */
export function portTrends(db: Database.Database, top: number, threshold: number, canRead?: (handling: string, agency: string | null) => boolean): { days: string[]; ports: PortTrend[] } {
  const rows = db
    .prepare(
      `SELECT p.key AS port, p.label AS label, substr(ti.at, 1, 10) AS day, ti.handling AS handling,
              CASE WHEN ti.handling <> 'SHARED' THEN (SELECT agency FROM node WHERE id = ti.src) END AS agency, count(*) AS n
       FROM link ti JOIN link ap ON ap.src = ti.dst AND ap.kind = 'at_port' JOIN node p ON p.id = ap.dst
       WHERE ti.kind = 'travelled_in' AND ti.at IS NOT NULL GROUP BY p.id, day, ti.handling, agency`,
    )
    .all() as Array<PortDay & { handling: string; agency: string | null }>;
  const counted = new Map<string, PortDay>();
  for (const r of rows) {
    if (canRead && !canRead(r.handling, r.agency)) continue;
    const k = `${r.port}|${r.day}`;
    const c = counted.get(k);
    if (c) c.n += r.n;
    else counted.set(k, { port: r.port, label: r.label, day: r.day, n: r.n });
  }
  return trendsFrom([...counted.values()], top, threshold);
}

export function portAnomalies(db: Database.Database, intel: Intel): Candidate[] {
  const labels = new Map(db.prepare(`SELECT key, label FROM node WHERE kind = 'port'`).raw(true).all() as Array<[string, string]>);
  // Counted by (port node, day) as one number: a string key per crossing cost seconds.
  const counts = new Map<number, number>();
  const c = intel.crossings;
  for (let i = 0; i < c.n; i++) {
    if (c.day[i] < 0) continue;
    const k = (c.port[i] + 1) * 1e6 + c.day[i];
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const rows = [...counts].map(([k, n]) => {
    const port = intel.portKey(Math.floor(k / 1e6) - 1);
    return { port, label: labels.get(port) ?? port, day: dayText(k % 1e6), n };
  });
  const { ports } = trendsFrom(rows, 10_000, 3.5);
  return ports.flatMap((p) =>
    p.anomalies.map((a) => ({
      kind: 'port_anomaly' as const,
      key: `port:${p.port}:${a.day}`,
      score: clampScore(20 + 5 * Math.min(10, Math.abs(a.z))),
      title: `${p.label}: ${a.count} crossings on ${a.day} (usually ${Math.round(a.median)})`,
      summary: `${p.label} (${p.port}) processed ${a.count} crossings on ${a.day}, against a median of ${Math.round(a.median)} a day over ${p.counts.length} days (robust z ${a.z}). ${a.z > 0 ? 'A surge' : 'A drop'} of this size is rare at this port.`,
      entities: [],
      evidence: { nodes: [], links: [] },
      sourceLinks: [],
      items: [String(a.count)],
    })),
  );
}

export function personAnomalies(intel: Intel): Candidate[] {
  if (intel.latestImport === null) return [];
  // Only persons with a history and a crossing in the latest import can stand out.
  const c = intel.crossings;
  const latest = intel.latestImport;
  const before = new Int32Array(intel.size);
  const now = new Uint8Array(intel.size);
  for (let i = 0; i < c.n; i++) {
    if (c.importId[i] === latest) now[c.who[i]] = 1;
    else before[c.who[i]]++;
  }
  const history = new Map<number, { days: Map<number, number>; ports: Map<string, number>; now: Array<{ day: string; port: string; link: number }> }>();
  for (let i = 0; i < c.n; i++) {
    const who = c.who[i];
    if (!now[who] || before[who] < MIN_DAYS) continue;
    let h = history.get(who);
    if (!h) history.set(who, (h = { days: new Map(), ports: new Map(), now: [] }));
    const port = intel.portKey(c.port[i]);
    if (c.importId[i] === latest) h.now.push({ day: dayText(c.day[i]), port, link: c.link[i] });
    else {
      h.days.set(c.day[i], (h.days.get(c.day[i]) ?? 0) + 1);
      h.ports.set(port, (h.ports.get(port) ?? 0) + 1);
    }
  }
  const out: Candidate[] = [];
  for (const [who, h] of history) {
    const before = [...h.ports.values()].reduce((s, x) => s + x, 0);
    if (before < MIN_DAYS || !h.now.length) continue;
    const [usual, usualCount] = [...h.ports].sort((a, b) => b[1] - a[1])[0];
    const newPorts = [...new Set(h.now.map((x) => x.port))].filter((p) => !h.ports.has(p));
    const perDay = new Map<string, number>();
    for (const x of h.now) perDay.set(x.day, (perDay.get(x.day) ?? 0) + 1);
    const typical = median([...h.days.values()]);
    const peak = Math.max(...perDay.values());
    const spike = peak >= 3 && peak >= 3 * typical;
    const switched = newPorts.length > 0 && usualCount / before >= 0.8;
    if (!spike && !switched) continue;
    const parts: string[] = [];
    if (switched) parts.push(`crossed at ${newPorts.join(', ')}, a port not used in ${before} earlier crossings (${Math.round((100 * usualCount) / before)} % at ${usual})`);
    if (spike) parts.push(`crossed ${peak} times in one day against a usual ${typical}`);
    out.push({
      kind: 'person_anomaly',
      key: `person:${who}:${[...perDay.keys()].sort().at(-1)}`,
      score: clampScore(25 + (switched ? 15 : 0) + (spike ? 10 + 3 * Math.min(10, peak) : 0)),
      title: `${intel.label(who)}: ${switched ? 'new port' : ''}${switched && spike ? ', ' : ''}${spike ? `${peak} crossings in a day` : ''}`,
      summary: `${intel.label(who)} ${parts.join('; and ')}.`,
      entities: [who],
      evidence: { nodes: [who], links: h.now.map((x) => x.link).slice(0, 30) },
      sourceLinks: h.now.map((x) => x.link).slice(0, 10),
      items: h.now.map((x) => String(x.link)).sort(),
    });
  }
  return out;
}
