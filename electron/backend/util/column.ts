// A growable column of 32-bit integers: millions of values without an object or a boxed
// number each (crossings, links and their ends on a national day).
export class Column {
  data: Int32Array;
  n = 0;
  constructor(capacity = 1 << 16) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.n === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.n++] = v;
  }
  /** Gives back the spare capacity (up to half the column after doubling); pushing still works. */
  trim(): void {
    if (this.data.length > this.n) this.data = this.data.slice(0, Math.max(1, this.n));
  }
  /** The values pushed so far (a view, not a copy). */
  values(): Int32Array {
    return this.data.subarray(0, this.n);
  }
}

/** A growable column of doubles (52-bit keys, pair keys a * n + b). */
export class Doubles {
  data: Float64Array;
  n = 0;
  constructor(capacity = 1 << 16) {
    this.data = new Float64Array(capacity);
  }
  push(v: number): void {
    if (this.n === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.n++] = v;
  }
}
