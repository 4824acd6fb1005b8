// Small text helpers for labels, counts and dates.
export function truncate(s: string, max = 28): string {
  const t = s.trim();
  return t.length <= max ? t : `${t.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${fmtInt(n)} ${n === 1 ? one : many}`;
}

/** '2025-12-01T08:00:00-07:00' -> '2025-12-01'; other strings unchanged. */
export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  return m ? m[1] : iso;
}

/** '2025-12-01T08:00:00Z' -> '2025-12-01 08:00'. */
export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

export function fmtSeconds(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '—';
  if (s < 1) return '<1 s';
  if (s < 90) return `${Math.round(s)} s`;
  const m = Math.floor(s / 60);
  return m < 90 ? `${m} min ${Math.round(s % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

/** Today as YYYYMMDD, for default case file names. */
export function stamp(d = new Date()): string {
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}

/** A bundle by its export id; a table or graph export by its file (the export id of a spec import is a hash). */
export function importTitle(im: { exportId: string; source: string }): string {
  if (!im.exportId.startsWith('spec:')) return im.exportId;
  return im.source.split(/[\\/]/).filter(Boolean).pop() ?? im.exportId;
}
