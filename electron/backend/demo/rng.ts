// Small, fast, seeded PRNG (mulberry32) with the helpers the demo generator needs.
// Every random choice in the demo goes through an Rng, so a seed fixes every byte.

/** 32-bit FNV-1a of a string, used to derive independent streams from one seed. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export class Rng {
  private s: number;

  /** `stream` names an independent sequence, so adding draws in one part leaves the others alone. */
  constructor(seed: number, stream = '') {
    this.s = hash32(`${seed >>> 0}:${stream}`) ^ Math.imul(seed | 0, 0x9e3779b1);
    for (let i = 0; i < 4; i++) this.u32();
  }

  /** Next unsigned 32-bit integer. */
  u32(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  range(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(arr: readonly T[]): T {
    return arr[Math.floor(this.next() * arr.length)] as T;
  }

  /** Pick from [value, weight] pairs. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const it of items) total += it[1];
    let r = this.next() * total;
    for (const it of items) {
      r -= it[1];
      if (r < 0) return it[0];
    }
    return items[items.length - 1]![0];
  }

  /** Fisher-Yates shuffle in place; returns the array. */
  shuffle<T>(arr: T[]): T[] {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = arr[i] as T;
      arr[i] = arr[j] as T;
      arr[j] = tmp;
    }
    return arr;
  }

  /** `n` random decimal digits (may start with 0). */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(48 + this.int(10));
    return s;
  }

  /** `n` random upper-case letters from `alphabet` (A-Z by default). */
  letters(n: number, alphabet = UPPER): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet.charAt(this.int(alphabet.length));
    return s;
  }

  /** `n` lower-case hex characters. */
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'.charAt(this.int(16));
    return s;
  }

  /** Roughly normal (sum of three uniforms), mean 0, sd ~1. */
  gauss(): number {
    return (this.next() + this.next() + this.next() - 1.5) * 2;
  }
}
