// Date and time helpers that never look at the clock: everything is epoch seconds (UTC)
// derived from the options, formatted by hand for speed.

export const DAY = 86400;

/** US time zones the demo ports sit in. MST = Arizona (no daylight saving). */
export type Zone = 'CT' | 'MT' | 'MST' | 'PT';

const STANDARD_OFFSET_H: Record<Zone, number> = { CT: -6, MT: -7, MST: -7, PT: -8 };

/** Days since 1970-01-01 -> [year, month 1-12, day 1-31] (proleptic Gregorian). */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** [year, month, day] -> days since 1970-01-01. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Parse `YYYY-MM-DD` to epoch seconds of that day's 00:00 UTC; throws on a bad date. */
export function parseDate(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`startDate must be YYYY-MM-DD, got ${JSON.stringify(s)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const days = daysFromCivil(y, mo, d);
  const [cy, cm, cd] = civilFromDays(days);
  if (cy !== y || cm !== mo || cd !== d) throw new Error(`startDate is not a real date: ${s}`);
  return days * DAY;
}

function p2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** Epoch seconds -> `YYYYMMDD` (UTC). */
export function yyyymmdd(sec: number): string {
  const [y, m, d] = civilFromDays(Math.floor(sec / DAY));
  return `${y}${p2(m)}${p2(d)}`;
}

/** Epoch seconds -> `YYYY-MM-DD` (UTC). */
export function isoDate(sec: number): string {
  const [y, m, d] = civilFromDays(Math.floor(sec / DAY));
  return `${y}-${p2(m)}-${p2(d)}`;
}

const dstCache = new Map<number, [number, number]>();

/** US daylight saving window of a year in UTC seconds, for a zone's standard offset. */
function dstWindow(year: number, stdOffsetH: number): [number, number] {
  const key = year * 100 + stdOffsetH;
  const hit = dstCache.get(key);
  if (hit) return hit;
  // Second Sunday of March, 02:00 local standard; first Sunday of November, 02:00 local daylight.
  const mar1 = daysFromCivil(year, 3, 1);
  const marSun = mar1 + ((7 - ((mar1 + 4) % 7)) % 7) + 7; // 1970-01-01 was a Thursday (4)
  const nov1 = daysFromCivil(year, 11, 1);
  const novSun = nov1 + ((7 - ((nov1 + 4) % 7)) % 7);
  const w: [number, number] = [marSun * DAY + (2 - stdOffsetH) * 3600, novSun * DAY + (1 - stdOffsetH) * 3600];
  dstCache.set(key, w);
  return w;
}

/** UTC offset in minutes of a zone at an instant. */
export function offsetMinutes(zone: Zone, sec: number): number {
  const std = STANDARD_OFFSET_H[zone];
  if (zone === 'MST') return std * 60;
  const [y] = civilFromDays(Math.floor(sec / DAY));
  const [a, b] = dstWindow(y, std);
  return (sec >= a && sec < b ? std + 1 : std) * 60;
}

/** Fast ISO 8601 formatter with a one-entry cache of the date part. */
export class IsoFormatter {
  private lastDay = Number.NaN;
  private lastPrefix = '';

  /** `offsetMin` null writes `Z`, otherwise a `±HH:MM` offset and local time. */
  format(sec: number, offsetMin: number | null): string {
    const local = offsetMin === null ? sec : sec + offsetMin * 60;
    const day = Math.floor(local / DAY);
    if (day !== this.lastDay) {
      const [y, m, d] = civilFromDays(day);
      this.lastDay = day;
      this.lastPrefix = `${y}-${p2(m)}-${p2(d)}T`;
    }
    const s = local - day * DAY;
    const hh = Math.floor(s / 3600);
    const mm = Math.floor((s % 3600) / 60);
    const ss = s % 60;
    let tz = 'Z';
    if (offsetMin !== null) {
      const a = Math.abs(offsetMin);
      tz = `${offsetMin < 0 ? '-' : '+'}${p2(Math.floor(a / 60))}:${p2(a % 60)}`;
    }
    return `${this.lastPrefix}${p2(hh)}:${p2(mm)}:${p2(ss)}${tz}`;
  }
}

const ZFMT = new IsoFormatter();
/** Epoch seconds -> `YYYY-MM-DDTHH:MM:SSZ`. */
export function isoZ(sec: number): string {
  return ZFMT.format(Math.floor(sec), null);
}
