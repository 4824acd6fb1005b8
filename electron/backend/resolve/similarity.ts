// String similarity and phonetics from talisman (by graphology's author): Jaro-Winkler and
// Double Metaphone, rather than our own implementations.
import * as jwModule from 'talisman/metrics/jaro-winkler';
import type { Strings } from './strings';
import * as dmModule from 'talisman/phonetics/double-metaphone';

// CommonJS with exports.default: unwrap whichever shape the loader hands over.
const unwrap = <T>(m: unknown): T => {
  let v = m as { default?: unknown };
  while (typeof v !== 'function' && v && v.default) v = v.default as { default?: unknown };
  return v as T;
};

export const jaroWinkler = unwrap<(a: string, b: string) => number>(jwModule);
const dm = unwrap<(w: string) => [string, string]>(dmModule);

const phoneticCache = new Map<string, [string, string]>();
/** Double Metaphone codes of one word (cached: names repeat a lot). */
export function metaphone(word: string): [string, string] {
  let v = phoneticCache.get(word);
  if (!v) {
    v = word ? dm(word) : ['', ''];
    if (phoneticCache.size > 200_000) phoneticCache.clear();
    phoneticCache.set(word, v);
  }
  return v;
}

export function soundsAlike(a: string, b: string): boolean {
  if (!a || !b) return false;
  const [a1, a2] = metaphone(a);
  const [b1, b2] = metaphone(b);
  return a1 === b1 || (!!a2 && a2 === b1) || (!!b2 && a1 === b2) || (!!a2 && a2 === b2);
}

/**
 * Jaro-Winkler of interned strings, with a cheap upper bound first: Jaro's matching characters
 * cannot outnumber the characters two strings share, so each string keeps its character counts
 * in 16 buckets (a 64-bit signature) and most pairs of unrelated names or document numbers are
 * turned away without the full computation. Computed values are cached by the pair of ids in
 * an open-addressing table of typed arrays (a Map keyed by doubles allocated a number per
 * lookup: 2 s of a 100 k run).
 */
export class Similarity {
  private keys = new Float64Array(1 << 20).fill(-1);
  private vals = new Float32Array(1 << 20);
  private used = 0;
  private sigLo = new Int32Array(1024);
  private sigHi = new Int32Array(1024);
  private len = new Int32Array(1024);
  private first = new Int32Array(1024);
  private done = 0;
  /** `digits`: document numbers, whose digits get a bucket each; else names and words. */
  constructor(
    private readonly values: Strings,
    private readonly digits = false,
  ) {}

  private bucket(c: number): number {
    if (this.digits) return c >= 48 && c <= 57 ? c - 48 : 10 + (c % 6);
    return c & 15;
  }

  private signatures(upTo: number): void {
    if (upTo < this.done) return;
    const n = this.values.size;
    if (n > this.len.length) {
      const size = Math.max(n, this.len.length * 2);
      const grow = (a: Int32Array) => {
        const b = new Int32Array(size);
        b.set(a);
        return b;
      };
      this.sigLo = grow(this.sigLo);
      this.sigHi = grow(this.sigHi);
      this.len = grow(this.len);
      this.first = grow(this.first);
    }
    const c = new Uint8Array(16);
    for (let id = this.done; id < n; id++) {
      const v = this.values.value(id);
      c.fill(0);
      for (let i = 0; i < v.length; i++) {
        const b = this.bucket(v.charCodeAt(i));
        if (c[b] < 15) c[b]++;
      }
      let lo = 0;
      let hi = 0;
      for (let b = 0; b < 8; b++) {
        lo |= c[b] << (4 * b);
        hi |= c[b + 8] << (4 * b);
      }
      this.sigLo[id] = lo;
      this.sigHi[id] = hi;
      this.len[id] = v.length;
      this.first[id] = v.charCodeAt(0) || 0;
    }
    this.done = n;
  }

  /** An upper bound of Jaro-Winkler(a, b) from the signatures (the prefix bonus counted in
   * full when the first characters agree, else none). */
  bound(a: number, b: number): number {
    this.signatures(a > b ? a : b);
    const la = this.len[a];
    const lb = this.len[b];
    if (!la || !lb) return 0;
    let m = 0;
    for (let k = 0; k < 2; k++) {
      let x = k ? this.sigHi[a] : this.sigLo[a];
      let y = k ? this.sigHi[b] : this.sigLo[b];
      for (let i = 0; i < 8; i++) {
        const p = x & 15;
        const q = y & 15;
        m += p < q ? p : q;
        x >>>= 4;
        y >>>= 4;
      }
    }
    if (!m) return 0;
    const jaro = (m / la + m / lb + 1) / 3;
    return this.first[a] === this.first[b] ? jaro + 0.4 * (1 - jaro) : jaro;
  }

  /** Jaro-Winkler(a, b) >= threshold? */
  reaches(a: number, b: number, threshold: number): boolean {
    if (a === b) return true;
    if (this.bound(a, b) < threshold) return false;
    return this.get(a, b) >= threshold;
  }

  get(a: number, b: number): number {
    if (a === b) return 1;
    if (a > b) [a, b] = [b, a];
    const key = a * 67108864 + b;
    const mask = this.keys.length - 1;
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) & mask;
    for (;;) {
      const k = this.keys[h];
      if (k === key) return this.vals[h];
      if (k === -1) break;
      h = (h + 1) & mask;
    }
    const v = jaroWinkler(this.values.value(a), this.values.value(b));
    if (this.used > this.keys.length * 0.6) {
      // Full: start over, twice as large up to 16 M slots.
      const size = Math.min(this.keys.length * 2, 1 << 24);
      this.keys = new Float64Array(size).fill(-1);
      this.vals = new Float32Array(size);
      this.used = 0;
      return v;
    }
    this.keys[h] = key;
    this.vals[h] = v;
    this.used++;
    return v;
  }
}
