// What resolution compares: each record prepared once (name parts, date of birth, documents,
// address, phone, email), a level per feature for a pair, and the keys records are blocked on.
import { coreTokens, canonicalGiven, documentCompareKey, normaliseDocExact, parseDob, sameGivenName, type Dob } from './normalise';
import { jaroWinkler, metaphone, soundsAlike } from './similarity';
import { foldText } from '../util/text';


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

export interface Prepared {
  i: number;
  rec: PersonRecord;
  given: string[];
  family: string[];
  givenJoined: string;
  familyJoined: string;
  dob: Dob | null;
  dobText: string;
  docs: Array<{ type: string; country: string; exact: string; key: string }>;
  address: string;
  postcode: string;
  city: string;
  phone: string;
  email: string;
  sex: string;
}

export const FEATURES = ['family', 'given', 'dob', 'document', 'address', 'phone', 'email', 'sex'] as const;
export type Feature = (typeof FEATURES)[number];
/** Level names per feature, best first; -1 in a vector means "missing on one side". */
export const LEVELS: Record<Feature, string[]> = {
  family: ['exact', 'one part of a compound name', 'similar (Jaro-Winkler >= 0.92)', 'sounds alike', 'somewhat similar (>= 0.80)', 'different'],
  given: ['exact', 'same name (nickname or transliteration)', 'similar (Jaro-Winkler >= 0.92)', 'sounds alike or initial', 'somewhat similar (>= 0.80)', 'different'],
  dob: ['exact', 'agrees where known', 'day and month swapped', 'one-year slip or one digit', 'same year only', 'different'],
  document: ['same number', 'same number but for O/0, I/1 misreadings', 'one typing error', 'different number'],
  address: ['same address', 'similar address', 'same postcode or town (or a misspelling of it)', 'different'],
  phone: ['same', 'different'],
  email: ['same', 'similar (typing errors)', 'different'],
  sex: ['same', 'different'],
};

export type Vector = Int8Array;

export function prepare(rec: PersonRecord, i: number): Prepared {
  const given = coreTokens(rec.given ?? '');
  const family = coreTokens(rec.family ?? '');
  const dob = parseDob(rec.dob);
  return {
    i,
    rec,
    given,
    family,
    givenJoined: given.join(' '),
    familyJoined: family.join(' '),
    dob,
    dobText: (rec.dob ?? '').replace(/[^0-9]/g, ''),
    docs: (rec.docs ?? [])
      .filter((d) => d.number && normaliseDocExact(d.number))
      .map((d) => ({ type: (d.type ?? '').toUpperCase(), country: (d.country ?? '').toUpperCase(), exact: normaliseDocExact(d.number), key: documentCompareKey(d.number) })),
    address: foldText(rec.address ?? ''),
    postcode: (rec.postcode ?? '').replace(/\s/g, '').toUpperCase(),
    city: foldText(rec.city ?? ''),
    phone: (rec.phone ?? '').replace(/\D/g, '').slice(-10),
    email: (rec.email ?? '').trim().toLowerCase(),
    sex: (rec.sex ?? '').toUpperCase() === 'U' ? '' : (rec.sex ?? '').toUpperCase(),
  };
}

function familyLevel(a: string[], aj: string, b: string[], bj: string): number {
  if (!a.length || !b.length) return -1;
  if (aj === bj) return 0;
  if (a.some((t) => t.length > 2 && b.includes(t))) return 1;
  const jw = jaroWinkler(aj, bj);
  if (jw >= 0.92) return 2;
  if (soundsAlike(a[0], b[0]) || a.some((t) => b.some((s) => soundsAlike(t, s) && t.length > 3))) return 3;
  if (jw >= 0.8) return 4;
  return 5;
}

function givenLevel(a: string[], aj: string, b: string[], bj: string): number {
  if (!a.length || !b.length) return -1;
  if (aj === bj) return 0;
  const a0 = a[0];
  const b0 = b[0];
  if (sameGivenName(a0, b0) || canonicalGiven(a0) === canonicalGiven(b0)) return 1;
  const jw = jaroWinkler(aj, bj);
  if (jw >= 0.92 || a.includes(b0) || b.includes(a0)) return 2;
  if (soundsAlike(a0, b0) || ((a0.length === 1 || b0.length === 1) && a0[0] === b0[0])) return 3;
  if (jw >= 0.8) return 4;
  return 5;
}

function oneEdit(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length && diff < 3; i++) if (a[i] !== b[i]) diff++;
  if (diff === 1) return true;
  if (diff === 2) {
    // a transposition of neighbours
    for (let i = 0; i < a.length - 1; i++) if (a[i] !== b[i]) return a[i] === b[i + 1] && a[i + 1] === b[i];
  }
  return false;
}

function dobLevel(a: Prepared, b: Prepared): number {
  const x = a.dob;
  const y = b.dob;
  if (!x || !y) return -1;
  if (x.y === y.y && x.m === y.m && x.d === y.d && x.m !== null && x.d !== null) return 0;
  const eq = (p: number | null, q: number | null) => p === null || q === null || p === q;
  if (x.y === y.y && eq(x.m, y.m) && eq(x.d, y.d)) return 1;
  if (x.y === y.y && x.m !== null && x.d !== null && x.m === y.d && x.d === y.m) return 2;
  if ((Math.abs((x.y ?? 0) - (y.y ?? 0)) === 1 && x.m === y.m && x.d === y.d) || oneEdit(a.dobText, b.dobText)) return 3;
  if (x.y === y.y) return 4;
  return 5;
}

function docLevel(a: Prepared, b: Prepared): { level: number; contradiction: boolean } {
  if (!a.docs.length || !b.docs.length) return { level: -1, contradiction: false };
  let best = 3;
  let contradiction = false;
  for (const p of a.docs) {
    for (const q of b.docs) {
      if (p.exact === q.exact) best = 0;
      else if (p.key === q.key) best = Math.min(best, 1);
      else if (p.key.length >= 6 && (oneEdit(p.key, q.key) || jaroWinkler(p.key, q.key) >= 0.93)) best = Math.min(best, 2);
      else if (p.type && p.type === q.type && p.country && p.country === q.country) contradiction = true;
    }
  }
  return { level: best, contradiction: best === 3 && contradiction };
}

function addressLevel(a: Prepared, b: Prepared): number {
  if ((!a.address && !a.postcode && !a.city) || (!b.address && !b.postcode && !b.city)) return -1;
  if (a.address && a.address === b.address) return 0;
  if (a.address && b.address && jaroWinkler(a.address, b.address) >= 0.9) return 1;
  if ((a.postcode && a.postcode === b.postcode) || (a.city && b.city && (a.city === b.city || jaroWinkler(a.city, b.city) >= 0.88))) return 2;
  return 3;
}

/** The comparison vector of two prepared records, trying the names both ways round. */
export function compare(a: Prepared, b: Prepared): { vector: Vector; contradiction: string | null } {
  const v = new Int8Array(FEATURES.length);
  let fam = familyLevel(a.family, a.familyJoined, b.family, b.familyJoined);
  let giv = givenLevel(a.given, a.givenJoined, b.given, b.givenJoined);
  // One name part missing on one side: the name present may sit in either field.
  if (fam < 0 || giv < 0) {
    const cross = [
      familyLevel(a.family, a.familyJoined, b.given, b.givenJoined),
      familyLevel(a.given, a.givenJoined, b.family, b.familyJoined),
    ].filter((l) => l >= 0);
    const best = Math.min(...cross, 99);
    if (fam < 0 && giv >= 0 && best < giv && best <= 1) giv = best;
    else if (giv < 0 && fam >= 0 && best < fam && best <= 1) fam = best;
    else if (fam < 0 && giv < 0 && best <= 1) fam = best;
  }
  // Given and family names swapped (GONZALEZ, PEPE vs PEPE GONZALEZ entered the other way).
  if (fam >= 0 && giv >= 0 && fam + giv > 2) {
    const sf = familyLevel(a.family, a.familyJoined, b.given, b.givenJoined);
    const sg = givenLevel(a.given, a.givenJoined, b.family, b.familyJoined);
    if (sf >= 0 && sg >= 0 && sf + sg < fam + giv && sf <= 2 && sg <= 2) {
      fam = sf;
      giv = sg;
    }
  }
  v[0] = fam;
  v[1] = giv;
  v[2] = dobLevel(a, b);
  const doc = docLevel(a, b);
  v[3] = doc.level;
  v[4] = addressLevel(a, b);
  v[5] = a.phone.length >= 7 && b.phone.length >= 7 ? (a.phone === b.phone ? 0 : 1) : -1;
  v[6] = a.email && b.email ? (a.email === b.email ? 0 : jaroWinkler(a.email, b.email) >= 0.85 ? 1 : 2) : -1;
  v[7] = a.sex && b.sex ? (a.sex === b.sex ? 0 : 1) : -1;
  // Hard contradiction: same document type and country with different numbers AND a different date of birth.
  const contradiction = doc.contradiction && v[2] >= 4 ? 'same document type and country with different numbers, and different dates of birth' : null;
  return { vector: v, contradiction };
}

/** Blocking keys: a pair is compared when the two records share at least one. */
export function blockKeys(p: Prepared): string[] {
  const keys: string[] = [];
  const g0 = p.given[0] ?? '';
  const f0 = p.family[0] ?? '';
  if (p.dob && p.dob.m && p.dob.d) keys.push(`d:${p.dob.y}${p.dob.m}${p.dob.d}`);
  if (p.dob && p.dob.y && g0) keys.push(`gy:${canonicalGiven(g0)}:${p.dob.y}`);
  for (const t of p.family) if (t.length > 1 && g0) keys.push(`fg:${metaphone(t)[0]}:${g0[0]}`);
  // the same key with the names the other way round
  if (f0 && g0) keys.push(`fg:${metaphone(g0)[0]}:${f0[0]}`);
  for (const d of p.docs) keys.push(`doc:${d.key}`);
  if (p.postcode && f0) keys.push(`pc:${p.postcode}:${f0.slice(0, 2)}`);
  if (p.phone.length >= 7) keys.push(`ph:${p.phone}`);
  if (p.email) keys.push(`em:${p.email}`);
  if (f0 && p.dob?.y) keys.push(`fy:${f0.slice(0, 3)}:${p.dob.y}`);
  return keys;
}
