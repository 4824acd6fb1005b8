// Records as columns. Every name token, joined name, document, address, phone and email is
// interned to an integer once, so comparing two records compares integers and cached
// similarities, and a national day (1.45 M records) fits in a few hundred MB instead of
// millions of objects.
import { Column } from '../util/column';
import { foldText } from '../util/text';
import { canonicalGiven, coreTokens, documentCompareKey, groupsOf, normaliseDocExact, parseDob } from './normalise';
import { metaphone } from './similarity';
import { Interner, StringArena } from './strings';

/** What the resolver reads of one record (an agency's subject record, a crossing traveller, a dataset row). */
export interface PersonRecord {
  id: string;
  /** For linkage between two sources: pairs within one source are not compared. */
  source?: string;
  given: string;
  family: string;
  dob?: string | null;
  sex?: string | null;
  docs?: Array<{ type?: string | null; country?: string | null; number: string }>;
  address?: string | null;
  city?: string | null;
  postcode?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** Name tokens with what comparing them needs: length, phonetic codes, canonical given name, name groups. */
export class Tokens extends Interner {
  readonly meta1 = new Column();
  readonly meta2 = new Column();
  readonly canonical = new Column();
  readonly groups: Array<number[] | null> = [null];
  private readonly codes = new Interner();
  constructor() {
    super();
    this.meta1.push(0);
    this.meta2.push(0);
    this.canonical.push(0);
  }
  override id(s: string): number {
    const before = this.size;
    const v = super.id(s);
    if (v === before) {
      const [p, q] = metaphone(s);
      this.meta1.push(this.codes.id(p));
      this.meta2.push(q && q !== p ? this.codes.id(q) : 0);
      this.canonical.push(0); // filled below: canonical forms are tokens too
      this.groups.push(groupsOf(s));
      const c = canonicalGiven(s);
      this.canonical.data[v] = c === s ? v : this.id(c);
    }
    return v;
  }
  soundsAlike(a: number, b: number): boolean {
    const a1 = this.meta1.data[a];
    const a2 = this.meta2.data[a];
    const b1 = this.meta1.data[b];
    const b2 = this.meta2.data[b];
    if (!a1 || !b1) return false;
    return a1 === b1 || (a2 !== 0 && a2 === b1) || (b2 !== 0 && a1 === b2) || (a2 !== 0 && a2 === b2);
  }
  sameGivenName(a: number, b: number): boolean {
    if (!a || !b) return false;
    if (a === b) return true;
    const ga = this.groups[a];
    const gb = this.groups[b];
    if (!ga || !gb) return false;
    for (const g of ga) if (gb.includes(g)) return true;
    return false;
  }
  length(t: number): number {
    return this.values[t].length;
  }
}

/**
 * The records of one run. Names are token ranges into one token column (family then given);
 * `famJoined`/`givJoined` are ids of the joined core tokens in `joined`, shared by both parts
 * so that a family name can be compared with a given name (swapped entries).
 */
export class RecordTable {
  n = 0;
  readonly ids: string[] = [];
  readonly tokens = new Tokens();
  readonly joined = new Interner();
  readonly sources = new Interner();
  readonly docValues = new StringArena();
  readonly docTypes = new Interner();
  readonly places = new Interner();
  readonly contacts = new Interner();

  readonly source = new Column();
  readonly tok = new Column();
  /** Token ranges: family [famStart, givStart), given [givStart, nameEnd). */
  readonly famStart = new Column();
  readonly givStart = new Column();
  readonly nameEnd = new Column();
  readonly famJoined = new Column();
  readonly givJoined = new Column();
  /** Date of birth: year (0 when the date is unreadable), month and day (0 = unknown). */
  readonly dobY = new Column();
  readonly dobM = new Column();
  readonly dobD = new Column();
  /** The digits as written, interned (for the one-typing-error level). */
  readonly dobText = new Column();
  /** Documents: [docStart, docEnd) into the doc columns. */
  readonly docStart = new Column();
  readonly docEnd = new Column();
  readonly docType = new Column();
  readonly docCountry = new Column();
  readonly docExact = new Column();
  readonly docKey = new Column();
  readonly docKeyLength = new Column();
  readonly address = new Column();
  readonly postcode = new Column();
  readonly city = new Column();
  readonly phone = new Column();
  readonly email = new Column();
  /** 0 unknown, else an id in `docTypes` (M, F...). */
  readonly sex = new Column();

  /** A name as written -> its core tokens and joined form (names repeat: tokenised once). */
  private readonly names = new Map<string, { toks: number[]; joined: number }>();
  /** A date of birth as written -> [year, month, day, digits id]. */
  private readonly dobs = new Map<string, [number, number, number, number]>();

  private name(raw: string): { toks: number[]; joined: number } {
    let v = this.names.get(raw);
    if (!v) {
      const core = coreTokens(raw);
      v = { toks: core.map((t) => this.tokens.id(t)), joined: this.joined.id(core.join(' ')) };
      if (this.names.size >= 2_000_000) this.names.clear();
      this.names.set(raw, v);
    }
    return v;
  }

  private dob(raw: string): [number, number, number, number] {
    let v = this.dobs.get(raw);
    if (!v) {
      const d = parseDob(raw);
      v = [d?.y ?? 0, d?.m ?? 0, d?.d ?? 0, this.places.id(raw.replace(/[^0-9]/g, ''))];
      if (this.dobs.size >= 1_000_000) this.dobs.clear();
      this.dobs.set(raw, v);
    }
    return v;
  }

  add(r: PersonRecord): number {
    const i = this.n++;
    this.ids.push(r.id);
    this.source.push(r.source === undefined ? 0 : this.sources.id(r.source) || this.sources.id(' '));
    const fam = this.name(r.family ?? '');
    const giv = this.name(r.given ?? '');
    this.famStart.push(this.tok.n);
    for (const t of fam.toks) this.tok.push(t);
    this.givStart.push(this.tok.n);
    for (const t of giv.toks) this.tok.push(t);
    this.nameEnd.push(this.tok.n);
    this.famJoined.push(fam.joined);
    this.givJoined.push(giv.joined);
    const [y, m, d, text] = this.dob(r.dob ?? '');
    this.dobY.push(y);
    this.dobM.push(m);
    this.dobD.push(d);
    this.dobText.push(text);
    this.docStart.push(this.docType.n);
    for (const doc of r.docs ?? []) {
      if (!doc.number) continue;
      const exact = normaliseDocExact(doc.number);
      if (!exact) continue;
      this.docType.push(this.docTypes.id((doc.type ?? '').toUpperCase()));
      this.docCountry.push(this.docTypes.id((doc.country ?? '').toUpperCase()));
      this.docExact.push(this.docValues.id(exact));
      const key = documentCompareKey(exact);
      this.docKey.push(key === exact ? this.docExact.data[this.docExact.n - 1] : this.docValues.id(key));
      this.docKeyLength.push(key.length);
    }
    this.docEnd.push(this.docType.n);
    this.address.push(r.address ? this.places.id(foldText(r.address)) : 0);
    this.postcode.push(r.postcode ? this.places.id(r.postcode.replace(/\s/g, '').toUpperCase()) : 0);
    this.city.push(r.city ? this.places.id(foldText(r.city)) : 0);
    this.phone.push(r.phone ? this.contacts.id(r.phone.replace(/\D/g, '').slice(-10)) : 0);
    this.email.push(r.email ? this.contacts.id(r.email.trim().toLowerCase()) : 0);
    const sex = r.sex ? r.sex.trim().toUpperCase() : '';
    this.sex.push(sex === 'U' ? 0 : this.docTypes.id(sex));
    return i;
  }

  /** The fields that make two records interchangeable for matching (a traveller crossing every day). */
  private identityFields(i: number, out: number[]): void {
    out.length = 0;
    out.push(this.source.data[i], this.famJoined.data[i], this.givJoined.data[i], this.dobText.data[i], this.sex.data[i]);
    out.push(this.address.data[i], this.city.data[i], this.postcode.data[i], this.phone.data[i], this.email.data[i]);
    const s = this.docStart.data[i];
    const e = this.docEnd.data[i];
    if (e - s === 1) {
      // one document (nearly every record): no order to fix
      out.push(this.docType.data[s] * 4194304 + this.docCountry.data[s], this.docExact.data[s]);
      return;
    }
    const docs: number[] = [];
    for (let k = s; k < e; k++) docs.push(this.docType.data[k] * 4194304 + this.docCountry.data[k], this.docExact.data[k]);
    // documents in a fixed order, as pairs (type and country, number)
    const order = Array.from({ length: docs.length / 2 }, (_, k) => k).sort((x, y) => docs[2 * x] - docs[2 * y] || docs[2 * x + 1] - docs[2 * y + 1]);
    for (const k of order) out.push(docs[2 * k], docs[2 * k + 1]);
  }

  /**
   * Records identical in every compared field, grouped: each group is resolved once
   * (`repRecord`: its first record) and `repOf` gives each record its group. Records in
   * `apart` (an analyst decided about them) stay on their own. Grouped by a 52-bit hash of the
   * fields, sorted, and checked field by field.
   */
  identities(apart: ReadonlySet<number>): { repOf: Int32Array; repRecord: Int32Array } {
    const n = this.n;
    const bits = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
    const cut = bits / 2;
    const keyed = new Float64Array(n);
    const f: number[] = [];
    for (let i = 0; i < n; i++) {
      let h1 = 0x811c9dc5;
      let h2 = 0x9747b28c;
      if (apart.has(i)) h1 ^= i + 1; // on its own: a hash of its own
      this.identityFields(i, f);
      for (const x of f) {
        h1 = Math.imul(h1 ^ x, 0x01000193);
        h2 = Math.imul(h2 ^ (x >>> 16) ^ (x << 5), 0x5bd1e995);
        h2 ^= h2 >>> 15;
      }
      if (apart.has(i)) h2 ^= Math.imul(i + 1, 0x27d4eb2f);
      const h = (h1 >>> 0) * 1048576 + ((h2 >>> 12) & 0xfffff);
      keyed[i] = Math.floor(h / cut) * bits + i;
    }
    keyed.sort();
    const repOf = new Int32Array(n);
    const reps = new Column(Math.max(16, n >> 2));
    const g: number[] = [];
    for (let s = 0; s < n; ) {
      const hk = Math.floor(keyed[s] / bits);
      let e = s + 1;
      while (e < n && Math.floor(keyed[e] / bits) === hk) e++;
      // Within one hash: records are one identity only if every field agrees.
      const groupStart = reps.n;
      for (let k = s; k < e; k++) {
        const i = keyed[k] - hk * bits;
        let rep = -1;
        if (!apart.has(i)) {
          this.identityFields(i, f);
          for (let r = groupStart; r < reps.n && rep < 0; r++) {
            const j = reps.data[r];
            if (apart.has(j)) continue;
            this.identityFields(j, g);
            if (g.length === f.length && g.every((x, q) => x === f[q])) rep = r;
          }
        }
        if (rep < 0) {
          rep = reps.n;
          reps.push(i);
        }
        repOf[i] = rep;
      }
      s = e;
    }
    // Groups numbered in record order (the first record of each), as before.
    // (a group's first record is its representative: walking the records in order numbers them)
    const first = reps.values();
    const renumber = new Int32Array(first.length);
    const repRecord = new Int32Array(first.length);
    let next = 0;
    for (let i = 0; i < n; i++) {
      const r = repOf[i];
      if (first[r] !== i) continue;
      renumber[r] = next;
      repRecord[next++] = i;
    }
    for (let i = 0; i < n; i++) repOf[i] = renumber[repOf[i]];
    return { repOf, repRecord };
  }

  /** Gives back the columns' spare capacity and add()'s caches once every record is in (a national day: ~200 MB). */
  trim(): void {
    // the caches of names and dates as written only serve add()
    this.names.clear();
    this.dobs.clear();
    for (const v of Object.values(this)) if (v instanceof Column) v.trim();
    for (const t of [this.tokens.meta1, this.tokens.meta2, this.tokens.canonical]) t.trim();
  }

  static of(records: readonly PersonRecord[]): RecordTable {
    const t = new RecordTable();
    for (const r of records) t.add(r);
    return t;
  }
}
