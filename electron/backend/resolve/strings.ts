// Interning: strings to dense integer ids, so records compare integers. Interner keeps a Map
// (names, places); StringArena keeps a national day's document numbers in typed arrays.
/** Interned strings: ids and their values. */
export interface Strings {
  readonly size: number;
  value(id: number): string;
}

/** Strings to dense integer ids; id 0 is the empty string. */
export class Interner implements Strings {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [''];
  id(s: string): number {
    if (!s) return 0;
    let v = this.ids.get(s);
    if (v === undefined) {
      v = this.values.length;
      this.values.push(s);
      this.ids.set(s, v);
    }
    return v;
  }
  get size(): number {
    return this.values.length;
  }
  find(s: string): number | undefined {
    return s ? this.ids.get(s) : 0;
  }
  value(id: number): string {
    return this.values[id];
  }
}

/**
 * An interner for millions of short strings (a national day's document numbers): the
 * characters in one growable array and an open-addressing table of ids, so neither a string
 * nor a Map entry is kept per value (2.8 M of each cost seconds of garbage collection).
 * Id 0 is the empty string.
 */
export class StringArena implements Strings {
  private chars = new Uint16Array(1 << 20);
  private used = 0;
  private start = new Int32Array(1 << 16);
  private len = new Int32Array(1 << 16);
  private slots = new Int32Array(1 << 17).fill(-1);
  private count = 1;

  get size(): number {
    return this.count;
  }

  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }

  private equals(id: number, s: string): boolean {
    if (this.len[id] !== s.length) return false;
    const o = this.start[id];
    for (let i = 0; i < s.length; i++) if (this.chars[o + i] !== s.charCodeAt(i)) return false;
    return true;
  }

  id(s: string): number {
    if (!s) return 0;
    const mask = this.slots.length - 1;
    let h = StringArena.hash(s) & mask;
    for (;;) {
      const id = this.slots[h];
      if (id < 0) break;
      if (this.equals(id, s)) return id;
      h = (h + 1) & mask;
    }
    const id = this.count++;
    if (id >= this.start.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.start = grow(this.start);
      this.len = grow(this.len);
    }
    while (this.used + s.length > this.chars.length) {
      const next = new Uint16Array(this.chars.length * 2);
      next.set(this.chars);
      this.chars = next;
    }
    this.start[id] = this.used;
    this.len[id] = s.length;
    for (let i = 0; i < s.length; i++) this.chars[this.used++] = s.charCodeAt(i);
    this.slots[h] = id;
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 1; id < this.count; id++) {
      let h = StringArena.hash(this.value(id)) & mask;
      while (this.slots[h] >= 0) h = (h + 1) & mask;
      this.slots[h] = id;
    }
  }

  value(id: number): string {
    if (id <= 0) return '';
    const o = this.start[id];
    let out = '';
    for (let i = 0; i < this.len[id]; i++) out += String.fromCharCode(this.chars[o + i]);
    return out;
  }

  length(id: number): number {
    return id > 0 ? this.len[id] : 0;
  }
}
