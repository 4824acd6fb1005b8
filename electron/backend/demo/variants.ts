// How one true identity gets written down differently: typos, transliterations, nicknames,
// swapped or cut names, unknown or swapped date parts, formatted document numbers.

import { Rng } from './rng';
import { NICKNAMES, TRANSLIT, mixedCase, stripDiacritics, umlautToE } from './names';
import type { Person } from './people';

export interface WrittenName { last: string; first: string; middle: string }

const KEY_NEIGHBOURS: Record<string, string> = {
  A: 'SQ', B: 'VN', C: 'XV', D: 'SF', E: 'WR', F: 'DG', G: 'FH', H: 'GJ', I: 'UO', J: 'HK', K: 'JL', L: 'K',
  M: 'N', N: 'BM', O: 'IP', P: 'O', Q: 'W', R: 'ET', S: 'AD', T: 'RY', U: 'YI', V: 'CB', W: 'QE', X: 'ZC',
  Y: 'TU', Z: 'X',
};

/** One keyboard-style typo in a word: dropped, doubled, transposed or neighbouring letter. */
export function typo(rng: Rng, s: string): string {
  const idx: number[] = [];
  for (let i = 0; i < s.length; i++) if (/[A-Z]/.test(s.charAt(i))) idx.push(i);
  if (idx.length < 3) return s;
  const i = idx[rng.range(1, idx.length - 1)]!;
  const c = s.charAt(i);
  switch (rng.int(4)) {
    case 0: return s.slice(0, i) + s.slice(i + 1);
    case 1: return s.slice(0, i) + c + s.slice(i);
    case 2: {
      const j = i - 1;
      if (!/[A-Z]/.test(s.charAt(j)) || s.charAt(j) === c) return s.slice(0, i) + s.slice(i + 1);
      return s.slice(0, j) + c + s.charAt(j) + s.slice(i + 1);
    }
    default: {
      const n = KEY_NEIGHBOURS[c];
      return n ? s.slice(0, i) + n.charAt(rng.int(n.length)) + s.slice(i + 1) : s;
    }
  }
}

function translit(rng: Rng, s: string): string | null {
  const alts = TRANSLIT[s];
  return alts && alts.length > 0 ? rng.pick(alts) : null;
}

/** The canonical family name with the suffix, as on a document. */
export function fullLast(p: Person): string {
  const l = p.lastParts.join(' ');
  return p.suffix ? `${l} ${p.suffix}` : l;
}

/**
 * A name as an agency wrote it. `level` 0 gives the clean name (diacritics possibly stripped),
 * higher levels apply more variations.
 */
export function writeName(rng: Rng, p: Person, level: number): WrittenName {
  let first = p.first;
  let middle = p.middle;
  let parts = [...p.lastParts];
  let suffix = p.suffix;
  const odds = (x: number): boolean => rng.chance(Math.min(0.95, x * level));

  if (p.culture === 'HISP' && parts.length === 2 && odds(0.3)) {
    const k = rng.int(4);
    if (k < 2) parts = [parts[0]!];
    else if (k === 2) parts = [`${parts[0]}-${parts[1]}`];
    else parts = [parts[1]!];
  }
  if (middle && p.culture === 'HISP' && odds(0.12)) {
    first = middle;
    middle = '';
  }
  const nick = NICKNAMES[first];
  if (nick && odds(0.25)) first = rng.pick(nick);
  if (odds(0.3)) {
    const t = translit(rng, first);
    if (t) first = t;
  }
  if (odds(0.3)) {
    const k = rng.int(parts.length);
    const t = translit(rng, parts[k]!);
    if (t) parts[k] = t;
  }
  if (middle && odds(0.2)) middle = rng.chance(0.6) ? middle.charAt(0) : '';
  if (odds(0.08)) {
    if (rng.chance(0.5)) parts[0] = typo(rng, parts[0]!);
    else first = typo(rng, first);
  }
  let last = parts.join(' ');
  if (suffix) {
    const k = rng.int(level > 0 ? 4 : 2);
    if (k === 0) last = `${last} ${suffix}`;
    else if (k === 1) middle = middle ? `${middle} ${suffix}` : suffix;
    else if (k === 2) first = `${first} ${suffix}`;
    else suffix = '';
  }
  const swap = p.culture === 'CHIN' || p.culture === 'VIET' ? 0.25 : 0.03;
  if (odds(swap)) {
    const t = last;
    last = first;
    first = t;
  }
  if (p.culture === 'GERM' && rng.chance(0.5)) {
    const f = rng.chance(0.5) ? umlautToE : stripDiacritics;
    last = f(last);
    first = f(first);
  } else if (rng.chance(0.65)) {
    last = stripDiacritics(last);
    first = stripDiacritics(first);
    middle = stripDiacritics(middle);
  }
  if (odds(0.08)) {
    last = mixedCase(last);
    first = mixedCase(first);
    middle = mixedCase(middle);
  }
  return { last, first, middle };
}

/** A date of birth as entered: unknown parts as 00, day and month swapped, a year slip. */
export function writeDob(rng: Rng, dob: string, level: number): string {
  if (level <= 0) return dob;
  const r = rng.next() / level;
  const y = dob.slice(0, 4);
  const m = dob.slice(4, 6);
  const d = dob.slice(6, 8);
  if (r < 0.04) return `${y}0000`;
  if (r < 0.09) return `${y}${m}00`;
  if (r < 0.15 && Number(d) <= 12 && d !== m) return `${y}${d}${m}`;
  if (r < 0.17) return `${Number(y) + (rng.chance(0.5) ? 1 : -1)}${m}${d}`;
  return dob;
}

/** A document number as written: with spaces or dashes, lower case, or one digit slipped. */
export function writeDocNumber(rng: Rng, num: string, level: number): string {
  if (!num || level <= 0) return num;
  const r = rng.next() / level;
  if (r < 0.1) return num.replace(/(\d{4})(?=\d)/g, '$1 ');
  if (r < 0.18) return `${num.slice(0, 3)}-${num.slice(3)}`;
  if (r < 0.22) return num.toLowerCase();
  if (r < 0.25) {
    const i = rng.range(2, num.length - 2);
    return num.slice(0, i) + num.charAt(i + 1) + num.charAt(i) + num.slice(i + 2);
  }
  return num;
}

/** An `aka` list: `LAST, FIRST;LAST, FIRST` built from other spellings of the same person. */
export function writeAka(rng: Rng, p: Person, extra: readonly WrittenName[] = []): string {
  const out: string[] = [];
  for (const n of extra) out.push(`${n.last}, ${n.first}`);
  const k = rng.range(1, 2);
  for (let i = 0; i < k; i++) {
    const n = writeName(rng, p, 2.5);
    out.push(`${stripDiacritics(n.last)}, ${stripDiacritics(n.first)}`);
  }
  return [...new Set(out)].join(';');
}
