// What resolution compares: a level per feature for a pair of records of a RecordTable (names,
// date of birth, documents, address, phone, email, sex). Similarities of interned values are
// computed once and cached, since names repeat a lot across a national day.
import { jaroWinkler, Similarity } from './similarity';
import type { RecordTable } from './table';

export type { PersonRecord } from './table';

export const FEATURES = ['family', 'given', 'dob', 'document', 'address', 'phone', 'email', 'sex'] as const;
export type Feature = (typeof FEATURES)[number];
/** Level names per feature, best first; -1 in a vector means "missing on one side". */
export const LEVELS: Record<Feature, string[]> = {
  family: ['exact', 'one part of a compound name', 'similar (Jaro-Winkler >= 0.92)', 'sounds alike', 'somewhat similar (>= 0.80)', 'different'],
  given: ['exact', 'same name (nickname or transliteration)', 'similar (Jaro-Winkler >= 0.92)', 'sounds alike or initial', 'somewhat similar (>= 0.80)', 'different'],
  dob: ['exact', 'agrees where known', 'day and month swapped', 'one-year slip or one digit', 'same year only', 'different'],
  document: ['same number', 'same number but for O/0, I/1 misreadings', 'one typing error', 'another number for the same kind of document and country', 'different documents'],
  address: ['same address', 'similar address', 'same postcode or town (or a misspelling of it)', 'different'],
  phone: ['same', 'different'],
  email: ['same', 'similar (typing errors)', 'different'],
  sex: ['same', 'different'],
};
export const F = { family: 0, given: 1, dob: 2, document: 3, address: 4, phone: 5, email: 6, sex: 7 } as const;

export type Vector = Int8Array;

/** Same length, and one character different or two neighbours transposed. */
export function oneEdit(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length && diff < 3; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) diff++;
  if (diff === 1) return true;
  if (diff === 2) {
    for (let i = 0; i < a.length - 1; i++) if (a[i] !== b[i]) return a[i] === b[i + 1] && a[i + 1] === b[i];
  }
  return false;
}

/** oneEdit on two dates of birth written as 8 digits (as numbers). */
function oneEditDigits(a: number, b: number): boolean {
  let diff = 0;
  let first = -1;
  const da: number[] = DIGITS_A;
  const db: number[] = DIGITS_B;
  for (let i = 7; i >= 0; i--) {
    da[i] = a % 10;
    db[i] = b % 10;
    a = (a - da[i]) / 10;
    b = (b - db[i]) / 10;
  }
  for (let i = 0; i < 8; i++) {
    if (da[i] !== db[i]) {
      if (first < 0) first = i;
      if (++diff > 2) return false;
    }
  }
  if (diff === 1) return true;
  return diff === 2 && first < 7 && da[first] === db[first + 1] && da[first + 1] === db[first];
}
const DIGITS_A = new Array<number>(8).fill(0);
const DIGITS_B = new Array<number>(8).fill(0);

/** Where each field of a record sits in the comparator's row (16 integers: one cache line). */
const FAM = 0;
const GIV = 1;
const END = 2;
const FAMJ = 3;
const GIVJ = 4;
const DOB = 5;
const DOBTEXT = 6;
const DOC = 7;
const DOCEND = 8;
const ADDRESS = 9;
const POSTCODE = 10;
const CITY = 11;
const PHONE = 12;
const EMAIL = 13;
const SEX = 14;
/** The first document: exact and compare key ids, type and country, and its similarity
 * signature (most records have one document; the others are read from the columns). */
const DOC_EXACT = 15;
const DOC_KEY = 16;
const DOC_TYPE = 17;
const DOC_COUNTRY = 18;
const STRIDE = 20;

/**
 * Compares records of one table; holds the similarity caches of a run. What a comparison reads
 * of a record is packed into one row of 16 integers: candidate pairs meet records in random
 * order, and 17 separate columns cost 17 cache misses a record (about 3 µs a pair).
 */
export class Comparator {
  private readonly jwNames: Similarity;
  private readonly jwPlaces: Similarity;
  private readonly jwContacts: Similarity;
  private readonly jwDocs: Similarity;
  private readonly row: Int32Array;
  private readonly tokLen: Int32Array;
  constructor(readonly t: RecordTable) {
    this.jwNames = new Similarity(t.joined);
    this.jwPlaces = new Similarity(t.places);
    this.jwContacts = new Similarity(t.contacts);
    this.jwDocs = new Similarity(t.docValues, true);
    const row = (this.row = new Int32Array(t.n * STRIDE));
    for (let i = 0; i < t.n; i++) {
      const o = i * STRIDE;
      row[o + FAM] = t.famStart.data[i];
      row[o + GIV] = t.givStart.data[i];
      row[o + END] = t.nameEnd.data[i];
      row[o + FAMJ] = t.famJoined.data[i];
      row[o + GIVJ] = t.givJoined.data[i];
      const y = t.dobY.data[i];
      row[o + DOB] = y ? y * 10000 + t.dobM.data[i] * 100 + t.dobD.data[i] : 0;
      const text = t.places.values[t.dobText.data[i]];
      row[o + DOBTEXT] = text.length === 8 ? Number(text) : -1;
      row[o + DOC] = t.docStart.data[i];
      row[o + DOCEND] = t.docEnd.data[i];
      row[o + ADDRESS] = t.address.data[i];
      row[o + POSTCODE] = t.postcode.data[i];
      row[o + CITY] = t.city.data[i];
      const phone = t.phone.data[i];
      row[o + PHONE] = phone && t.contacts.values[phone].length >= 7 ? phone : 0;
      row[o + EMAIL] = t.email.data[i];
      row[o + SEX] = t.sex.data[i];
      const d = t.docStart.data[i];
      if (d < t.docEnd.data[i]) {
        row[o + DOC_EXACT] = t.docExact.data[d];
        row[o + DOC_KEY] = t.docKey.data[d];
        row[o + DOC_TYPE] = t.docType.data[d];
        row[o + DOC_COUNTRY] = t.docCountry.data[d];
      }
    }
    this.tokLen = Int32Array.from(t.tokens.values, (v) => v.length);
  }

  /** Family-name level of name part [as, ae) (joined `aj`) against [bs, be). */
  private familyLevel(as: number, ae: number, aj: number, bs: number, be: number, bj: number): number {
    if (as === ae || bs === be) return -1;
    if (aj === bj) return 0;
    const tok = this.t.tok.data;
    const len = this.tokLen;
    const T = this.t.tokens;
    for (let i = as; i < ae; i++) {
      if (len[tok[i]] <= 2) continue;
      for (let j = bs; j < be; j++) if (tok[i] === tok[j]) return 1;
    }
    const jw = this.jwNames.bound(aj, bj) >= 0.8 ? this.jwNames.get(aj, bj) : 0;
    if (jw >= 0.92) return 2;
    if (T.soundsAlike(tok[as], tok[bs])) return 3;
    for (let i = as; i < ae; i++) {
      if (len[tok[i]] <= 3) continue;
      for (let j = bs; j < be; j++) if (T.soundsAlike(tok[i], tok[j])) return 3;
    }
    return jw >= 0.8 ? 4 : 5;
  }

  private givenLevel(as: number, ae: number, aj: number, bs: number, be: number, bj: number): number {
    if (as === ae || bs === be) return -1;
    if (aj === bj) return 0;
    const tok = this.t.tok.data;
    const T = this.t.tokens;
    const a0 = tok[as];
    const b0 = tok[bs];
    if (T.canonical.data[a0] === T.canonical.data[b0] || T.sameGivenName(a0, b0)) return 1;
    const jw = this.jwNames.bound(aj, bj) >= 0.8 ? this.jwNames.get(aj, bj) : 0;
    if (jw >= 0.92) return 2;
    for (let i = as; i < ae; i++) if (tok[i] === b0) return 2;
    for (let j = bs; j < be; j++) if (tok[j] === a0) return 2;
    if (T.soundsAlike(a0, b0)) return 3;
    if ((this.tokLen[a0] === 1 || this.tokLen[b0] === 1) && T.values[a0].charCodeAt(0) === T.values[b0].charCodeAt(0)) return 3;
    return jw >= 0.8 ? 4 : 5;
  }

  private dobLevel(oa: number, ob: number): number {
    const row = this.row;
    const x = row[oa + DOB];
    const z = row[ob + DOB];
    if (!x || !z) return -1;
    const ya = (x / 10000) | 0;
    const yb = (z / 10000) | 0;
    const ma = ((x / 100) | 0) % 100;
    const mb = ((z / 100) | 0) % 100;
    const da = x % 100;
    const db = z % 100;
    if (x === z && ma && da) return 0;
    if (ya === yb && (!ma || !mb || ma === mb) && (!da || !db || da === db)) return 1;
    if (ya === yb && ma && da && ma === db && da === mb) return 2;
    if ((Math.abs(ya - yb) === 1 && ma === mb && da === db) || oneEditDigits(row[oa + DOBTEXT], row[ob + DOBTEXT])) return 3;
    return ya === yb ? 4 : 5;
  }

  /** Document level: the best agreement of any two of their documents. */
  private docLevel(oa: number, ob: number): number {
    const row = this.row;
    const as = row[oa + DOC];
    const ae = row[oa + DOCEND];
    const bs = row[ob + DOC];
    const be = row[ob + DOCEND];
    if (as === ae || bs === be) return -1;
    if (ae - as === 1 && be - bs === 1) {
      // one document each: all from the rows
      if (row[oa + DOC_EXACT] === row[ob + DOC_EXACT]) return 0;
      return this.docPair(row[oa + DOC_KEY], row[ob + DOC_KEY], row[oa + DOC_TYPE], row[ob + DOC_TYPE], row[oa + DOC_COUNTRY], row[ob + DOC_COUNTRY]);
    }
    const t = this.t;
    const exact = t.docExact.data;
    const key = t.docKey.data;
    const type = t.docType.data;
    const country = t.docCountry.data;
    let best = 4;
    for (let p = as; p < ae; p++) {
      for (let q = bs; q < be; q++) {
        if (exact[p] === exact[q]) return 0;
        best = Math.min(best, this.docPair(key[p], key[q], type[p], type[q], country[p], country[q]));
      }
    }
    return best;
  }

  /** Two different document numbers: the same but for misreadings, one typing error, the same
   * kind of document of the same country, or different documents. */
  private docPair(ka: number, kb: number, ta: number, tb: number, ca: number, cb: number): number {
    if (ka === kb) return 1;
    // One typing error: a substitution or transposition (oneEdit), or a character dropped or
    // doubled (Jaro-Winkler); the signature bound turns most pairs away first.
    if (this.jwDocs.bound(ka, kb) >= 0.93) {
      const pk = this.t.docValues.value(ka);
      const qk = this.t.docValues.value(kb);
      if (pk.length >= 6 && (oneEdit(pk, qk) || jaroWinkler(pk, qk) >= 0.93)) return 2;
    }
    return ta && ta === tb && ca && ca === cb ? 3 : 4;
  }

  private addressLevel(oa: number, ob: number): number {
    const row = this.row;
    const aa = row[oa + ADDRESS];
    const ba = row[ob + ADDRESS];
    const ap = row[oa + POSTCODE];
    const bp = row[ob + POSTCODE];
    const ac = row[oa + CITY];
    const bc = row[ob + CITY];
    if ((!aa && !ap && !ac) || (!ba && !bp && !bc)) return -1;
    if (aa && aa === ba) return 0;
    if (aa && ba && this.jwPlaces.reaches(aa, ba, 0.9)) return 1;
    if ((ap && ap === bp) || (ac && bc && this.jwPlaces.reaches(ac, bc, 0.88))) return 2;
    return 3;
  }

  /**
   * The comparison vector of records a and b (written into v), trying the names both ways
   * round. Returns true for a hard contradiction: the same document type and country with
   * different numbers AND a different date of birth.
   */
  compare(a: number, b: number, v: Vector): boolean {
    const row = this.row;
    const oa = a * STRIDE;
    const ob = b * STRIDE;
    const fa = row[oa + FAM];
    const ga = row[oa + GIV];
    const ea = row[oa + END];
    const fb = row[ob + FAM];
    const gb = row[ob + GIV];
    const eb = row[ob + END];
    const fja = row[oa + FAMJ];
    const gja = row[oa + GIVJ];
    const fjb = row[ob + FAMJ];
    const gjb = row[ob + GIVJ];
    let fam = this.familyLevel(fa, ga, fja, fb, gb, fjb);
    let giv = this.givenLevel(ga, ea, gja, gb, eb, gjb);
    // One name part missing on one side: the name present may sit in either field.
    if (fam < 0 || giv < 0) {
      const x = this.familyLevel(fa, ga, fja, gb, eb, gjb);
      const y = this.familyLevel(ga, ea, gja, fb, gb, fjb);
      let best = 99;
      if (x >= 0) best = x;
      if (y >= 0 && y < best) best = y;
      if (fam < 0 && giv >= 0 && best < giv && best <= 1) giv = best;
      else if (giv < 0 && fam >= 0 && best < fam && best <= 1) fam = best;
      else if (fam < 0 && giv < 0 && best <= 1) fam = best;
    }
    // Given and family names swapped (GONZALEZ, PEPE vs PEPE GONZALEZ entered the other way).
    if (fam >= 0 && giv >= 0 && fam + giv > 2) {
      const sf = this.familyLevel(fa, ga, fja, gb, eb, gjb);
      if (sf >= 0 && sf <= 2) {
        const sg = this.givenLevel(ga, ea, gja, fb, gb, fjb);
        if (sg >= 0 && sf + sg < fam + giv && sg <= 2) {
          fam = sf;
          giv = sg;
        }
      }
    }
    v[0] = fam;
    v[1] = giv;
    v[2] = this.dobLevel(oa, ob);
    v[3] = this.docLevel(oa, ob);
    v[4] = this.addressLevel(oa, ob);
    const pa = row[oa + PHONE];
    const pb = row[ob + PHONE];
    v[5] = pa && pb ? (pa === pb ? 0 : 1) : -1;
    const ma = row[oa + EMAIL];
    const mb = row[ob + EMAIL];
    v[6] = ma && mb ? (ma === mb ? 0 : this.jwContacts.reaches(ma, mb, 0.85) ? 1 : 2) : -1;
    const sa = row[oa + SEX];
    const sb = row[ob + SEX];
    v[7] = sa && sb ? (sa === sb ? 0 : 1) : -1;
    return v[3] === 3 && v[2] >= 4;
  }
}

export const CONTRADICTION = 'same document type and country with different numbers, and different dates of birth';

/** A vector as one integer (each level + 1 in base 7), for counting distinct patterns. */
export function patternCode(v: Vector): number {
  let c = 0;
  for (let f = v.length - 1; f >= 0; f--) c = c * 7 + (v[f] + 1);
  return c;
}

export function patternVector(code: number): Vector {
  const v = new Int8Array(FEATURES.length);
  for (let f = 0; f < v.length; f++) {
    v[f] = (code % 7) - 1;
    code = Math.floor(code / 7);
  }
  return v;
}
