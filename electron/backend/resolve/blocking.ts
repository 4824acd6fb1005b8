// Blocking: which pairs of records are compared at all. Each rule gives a record integer keys
// (a document, a date of birth with a name's sound, ...); records sharing a key form a block.
// Blocks up to `maxBlock` records are compared all against all; larger ones (a common name on
// a national day) by a sorted neighbourhood: ordered by name and date of birth, each record
// meets the next `window`. The pairs of all rules are merged and each is compared once, so the
// cost grows with the records, not with their square.
import { Column, Doubles } from '../util/column';
import type { RecordTable } from './table';

/** Integer keys of one record under one rule (pushed into `out`). */
export type Rule = (t: RecordTable, i: number, out: number[]) => void;

const P16 = 65536;
const P18 = 262144;
const P21 = 2097152;

function fullDob(t: RecordTable, i: number): number {
  const y = t.dobY.data[i];
  const m = t.dobM.data[i];
  const d = t.dobD.data[i];
  return y && m && d ? y * 10000 + m * 100 + d : 0;
}

/** Primary sound codes of the family-name tokens longer than one letter. */
function familyCodes(t: RecordTable, i: number, out: number[]): void {
  const tok = t.tok.data;
  for (let k = t.famStart.data[i]; k < t.givStart.data[i]; k++) {
    if (t.tokens.length(tok[k]) > 1) {
      const c = t.tokens.meta1.data[tok[k]];
      if (c && !out.includes(c)) out.push(c);
    }
  }
}

const firstGiven = (t: RecordTable, i: number): number => (t.givStart.data[i] < t.nameEnd.data[i] ? t.tok.data[t.givStart.data[i]] : 0);
const firstFamily = (t: RecordTable, i: number): number => (t.famStart.data[i] < t.givStart.data[i] ? t.tok.data[t.famStart.data[i]] : 0);

const scratch: number[] = [];

/** Three integers as one 52-bit key (two 32-bit mixes; a rare clash only adds a pair). */
export function hashKey(a: number, b: number, c: number): number {
  let h1 = Math.imul(a ^ 0x2545f491, 0x9e3779b1);
  h1 = Math.imul(h1 ^ b ^ (h1 >>> 15), 0x85ebca77);
  h1 = Math.imul(h1 ^ c ^ (h1 >>> 13), 0xc2b2ae3d);
  let h2 = Math.imul(c ^ 0x68e31da4, 0x27d4eb2f);
  h2 = Math.imul(h2 ^ a ^ (h2 >>> 15), 0x165667b1);
  h2 = Math.imul(h2 ^ b ^ (h2 >>> 13), 0x9e3779b1);
  return (h1 >>> 0) * 1048576 + ((h2 >>> 12) & 0xfffff);
}

/** A feature level's log2 Bayes factor under the run's model. */
export type Weight = (feature: number, level: number) => number;
const pos = (x: number) => Math.max(0, x);
const FAM = 0;
const GIV = 1;
const DOB = 2;
const SEX = 7;

export interface BlockingRule {
  name: string;
  keys: Rule;
  /**
   * For a rule that only finds pairs weaker rules would miss: the best weight such a pair can
   * have (what the rule's key says, and at best the levels the stronger rules would not have
   * caught). A rule whose pairs could never reach "possibly the same" under the run's prior is
   * skipped: on a national day names alone are not enough, in a small case they may be.
   */
  reach?: (w: Weight) => number;
  /** Only pairs of a block that pass (what the block's key cannot say by itself). */
  only?: (t: RecordTable, i: number, j: number) => boolean;
}

/** The rules. Together they find the kinds of differences the comparison forgives. */
export const RULES: BlockingRule[] = [
  {
    name: 'document',
    keys: (t, i, out) => {
      for (let k = t.docStart.data[i]; k < t.docEnd.data[i]; k++) if (t.docKeyLength.data[k] >= 4) out.push(t.docKey.data[k]);
    },
  },
  {
    // nicknames, transliterated or cut given names
    name: 'dob + family sound',
    keys: (t, i, out) => {
      const d = fullDob(t, i);
      if (!d) return;
      scratch.length = 0;
      familyCodes(t, i, scratch);
      for (const c of scratch) out.push(d * P18 + c);
    },
  },
  {
    // another family name (a compound name cut, married names, typos beyond the sound)
    name: 'dob + given name',
    keys: (t, i, out) => {
      const d = fullDob(t, i);
      const g = firstGiven(t, i);
      if (d && g) out.push(d * P21 + t.tokens.canonical.data[g]);
    },
  },
  {
    // the day or month unknown on one side (1985-00-00 against 1985-03-12)
    name: 'birth year + names, date partly unknown',
    keys: (t, i, out) => {
      const y = t.dobY.data[i];
      const g = firstGiven(t, i);
      if (!y || !g) return;
      scratch.length = 0;
      familyCodes(t, i, scratch);
      for (const c of scratch) out.push(hashKey(y, c, t.tokens.canonical.data[g]));
    },
    // Records whose dates are both whole meet in the rules below.
    only: (t, i, j) => !t.dobM.data[i] || !t.dobD.data[i] || !t.dobM.data[j] || !t.dobD.data[j],
  },
  {
    // the day mistyped
    name: 'birth month + names',
    keys: (t, i, out) => {
      const d = fullDob(t, i);
      const g = firstGiven(t, i);
      if (!d || !g) return;
      scratch.length = 0;
      familyCodes(t, i, scratch);
      for (const c of scratch) out.push(hashKey(Math.floor(d / 100), c, t.tokens.canonical.data[g]));
    },
  },
  {
    // the month mistyped, or day and month swapped
    name: 'birth year and day + names',
    keys: (t, i, out) => {
      const y = t.dobY.data[i];
      const m = t.dobM.data[i];
      const d = t.dobD.data[i];
      const g = firstGiven(t, i);
      if (!y || !m || !d || !g) return;
      scratch.length = 0;
      familyCodes(t, i, scratch);
      for (const c of scratch) {
        out.push(hashKey(y * 100 + d, c, t.tokens.canonical.data[g]));
        if (m <= 12 && d <= 12 && m !== d) out.push(hashKey(y * 10000 + Math.min(m, d) * 100 + Math.max(m, d), c, t.tokens.canonical.data[g] + P21));
      }
    },
  },
  {
    name: 'phone, email or address',
    keys: (t, i, out) => {
      const p = t.phone.data[i];
      if (p && t.contacts.values[p].length >= 7) out.push(p);
      const e = t.email.data[i];
      if (e) {
        out.push(e);
        // the user name alone: a mistyped domain
        const user = t.contacts.values[e].split('@')[0];
        if (user.length >= 4) out.push(P21 * P16 * 2 + t.contacts.id(`@user:${user}`));
      }
      const a = t.address.data[i];
      if (a) out.push(P21 * P16 + a);
      const pc = t.postcode.data[i];
      const f = firstFamily(t, i);
      if (pc && f) out.push((P21 + pc) * P21 + t.tokens.canonical.data[f]);
    },
  },
  {
    // a one-year slip
    name: 'birthday + names',
    keys: (t, i, out) => {
      const m = t.dobM.data[i];
      const d = t.dobD.data[i];
      const g = firstGiven(t, i);
      if (!m || !d || !g) return;
      scratch.length = 0;
      familyCodes(t, i, scratch);
      for (const c of scratch) out.push(hashKey(m * 100 + d + 5000, c, t.tokens.canonical.data[g]));
    },
  },
  {
    // a one-year slip and another given name (pairs with the same given name meet above)
    name: 'birthday + family sound',
    keys: (t, i, out) => {
      const m = t.dobM.data[i];
      const d = t.dobD.data[i];
      if (!m || !d) return;
      scratch.length = 0;
      familyCodes(t, i, scratch);
      for (const c of scratch) out.push((m * 100 + d) * P18 + c);
    },
    reach: (w) => w(FAM, 0) + pos(w(GIV, 2)) + pos(w(DOB, 3)) + pos(w(SEX, 0)),
  },
  {
    // no usable date of birth: the two names' sounds, in either order (swapped entries)
    name: 'family sound + given sound',
    keys: (t, i, out) => {
      const f = firstFamily(t, i);
      const g = firstGiven(t, i);
      if (!f || !g) return;
      const a = t.tokens.meta1.data[f];
      const b = t.tokens.meta1.data[g];
      if (a && b) out.push(a < b ? a * P18 + b : b * P18 + a);
    },
    reach: (w) => w(FAM, 0) + w(GIV, 0) + pos(w(DOB, 4)) + pos(w(SEX, 0)),
  },
  {
    // names badly misspelt or missing, the date of birth right
    name: 'date of birth',
    keys: (t, i, out) => {
      const d = fullDob(t, i);
      if (d) out.push(d);
    },
    // names close enough to sound alike would share a stronger block
    reach: (w) => w(DOB, 0) + pos(w(FAM, 4)) + pos(w(GIV, 4)) + pos(w(SEX, 0)),
  },
  {
    name: 'given name + birth year',
    keys: (t, i, out) => {
      const y = t.dobY.data[i];
      const g = firstGiven(t, i);
      if (y && g) out.push(y * P21 + t.tokens.canonical.data[g]);
    },
    reach: (w) => w(GIV, 0) + pos(w(FAM, 2)) + pos(w(DOB, 4)) + pos(w(SEX, 0)),
  },
  {
    name: 'family sound + birth year',
    keys: (t, i, out) => {
      const y = t.dobY.data[i];
      if (!y) return;
      scratch.length = 0;
      familyCodes(t, i, scratch);
      for (const c of scratch) out.push(y * P18 + c);
    },
    reach: (w) => w(FAM, 0) + pos(w(GIV, 2)) + pos(w(DOB, 4)) + pos(w(SEX, 0)),
  },
];

/**
 * Dense ids for numeric keys: an open-addressing table over typed arrays. (A Map keyed by
 * numbers above 2^31 boxes each key: on a national day that was seconds of garbage.)
 */
/** Two murmur3 finalisers over both halves: a non-negative integer below 2^53 -> 52 bits. */
function mix52(k: number): number {
  const lo = k | 0;
  const hi = (k / 4294967296) | 0;
  let a = lo ^ Math.imul(hi, 0x9e3779b1);
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  a = Math.imul(a, 0xc2b2ae35);
  a ^= a >>> 16;
  let b = hi ^ Math.imul(lo, 0x27d4eb2f) ^ 0x165667b1;
  b ^= b >>> 15;
  b = Math.imul(b, 0x2c1b3c6d);
  b ^= b >>> 12;
  b = Math.imul(b, 0x297a2d39);
  b ^= b >>> 15;
  return (a >>> 0) * 1048576 + (b >>> 12);
}

/**
 * Groups of equal keys: each (key, position) is one double, the key hashed into the high bits
 * and the position in the low ones, and the lot sorted. Sorting a typed array is far cheaper
 * than a hash table met in random order (1 s a rule on a national day, now a fifth). Two keys
 * whose hashes clash only put a few more pairs in a block.
 */
export function groupByKey(n: number, each: (r: number, out: number[]) => void): { start: Int32Array; members: Int32Array } {
  const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const scale = 2 ** bits;
  const cut = 2 ** (bits - 1);
  const entries = new Doubles();
  const keys: number[] = [];
  for (let r = 0; r < n; r++) {
    keys.length = 0;
    each(r, keys);
    for (let k = 0; k < keys.length; k++) entries.push(Math.floor(mix52(keys[k]) / cut) * scale + r);
  }
  const all = entries.data.subarray(0, entries.n).sort();
  const start = new Column();
  const members = new Column();
  let i = 0;
  while (i < all.length) {
    const g = Math.floor(all[i] / scale);
    let j = i + 1;
    while (j < all.length && Math.floor(all[j] / scale) === g) j++;
    if (j - i >= 2) {
      start.push(members.n);
      for (let k = i; k < j; k++) {
        const r = all[k] - g * scale;
        // a record with two keys that clash is one member, not two
        if (k === i || r !== all[k - 1] - g * scale) members.push(r);
      }
    }
    i = j;
  }
  start.push(members.n);
  return { start: start.values(), members: members.values() };
}

/** Members of each block of one rule, as ranges of one array (only blocks of two or more). */
function blocks(t: RecordTable, recs: Int32Array, rule: Rule): { start: Int32Array; members: Int32Array } {
  return groupByKey(recs.length, (r, out) => rule(t, recs[r], out));
}

export interface BlockingOptions {
  maxBlock: number;
  window: number;
  /** Sources per record index (linkage: only pairs across sources), or null. */
  source: Int32Array | null;
  /** Incremental run: only pairs with a new record. */
  fresh: Uint8Array | null;
}

/** Pair keys (a * n + b, a < b). */
class Pairs extends Doubles {
  constructor() {
    super(1 << 20);
  }
  /** Sorts and drops repeats (after each rule, so the array holds distinct pairs). */
  unique(): void {
    const all = this.data.subarray(0, this.n).sort();
    let u = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[u - 1]) all[u++] = all[i];
    this.n = u;
  }
}

/**
 * The candidate pairs among the records `recs` (indexes into the table), as sorted distinct
 * keys a * recs.length + b over positions in `recs` (a < b). `order` sorts positions for the
 * sorted neighbourhood of oversized blocks.
 */
export function candidatePairs(t: RecordTable, recs: Int32Array, order: (x: number, y: number) => number, opts: BlockingOptions, rules: readonly BlockingRule[]): { keys: Float64Array; perRule: number[] } {
  const n = recs.length;
  const pairs = new Pairs();
  const perRule: number[] = [];
  const { source, fresh } = opts;
  let only: BlockingRule['only'];
  const add = (x: number, y: number): void => {
    if (source && source[x] === source[y]) return;
    if (fresh && !fresh[x] && !fresh[y]) return;
    if (only && !only(t, recs[x], recs[y])) return;
    pairs.push(x < y ? x * n + y : y * n + x);
  };
  for (const rule of rules) {
    only = rule.only;
    const before = pairs.n;
    const t0 = performance.now();
    const { start, members } = blocks(t, recs, rule.keys);
    if (process.env.CROSSLINK_RESOLVE_DEBUG) console.error(rule.name, 'blocks', Math.round(performance.now() - t0), 'ms');
    for (let b = 0; b + 1 < start.length; b++) {
      const s = start[b];
      const e = start[b + 1];
      if (e - s <= opts.maxBlock) {
        for (let x = s; x < e; x++) for (let y = x + 1; y < e; y++) add(members[x], members[y]);
      } else {
        const block = members.subarray(s, e).sort(order);
        for (let x = 0; x < block.length; x++) for (let y = x + 1; y < Math.min(block.length, x + 1 + opts.window); y++) add(block[x], block[y]);
      }
    }
    perRule.push(pairs.n - before);
    if (pairs.n > 1 << 25) pairs.unique();
  }
  const t1 = performance.now();
  pairs.unique();
  if (process.env.CROSSLINK_RESOLVE_DEBUG) console.error('unique', Math.round(performance.now() - t1), 'ms');
  return { keys: pairs.data.slice(0, pairs.n), perRule };
}

/** Members of the blocks of one rule (for sampling pairs that agree on it). */
export function ruleBlocks(t: RecordTable, recs: Int32Array, rule: Rule): { start: Int32Array; members: Int32Array } {
  return blocks(t, recs, rule);
}
