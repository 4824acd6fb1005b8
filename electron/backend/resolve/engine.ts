// Person resolution in the Fellegi-Sunter spirit: records are blocked on several keys so
// cost grows about linearly, each candidate pair gets a comparison vector (a level per
// feature), u-probabilities come from random pairs and m-probabilities from EM over the
// candidate pairs (learnt from the data, never tuned to a test set), and each pair's match
// probability sorts it into same / possibly same / different. Clustering merges the
// strongest pairs first and refuses a merge that would join records with strong evidence
// against each other (a hard document contradiction, or overwhelming disagreement), so two
// people are never chained together through one weak or noisy record.
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

interface Prepared {
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

export interface PairScore {
  a: number;
  b: number;
  vector: Vector;
  /** log2 Bayes factor summed over features. */
  weight: number;
  probability: number;
  contradiction: string | null;
}

export interface Model {
  m: number[][];
  u: number[][];
  lambda: number;
}

export interface Resolution {
  /** Entity index per record (records in one entity share it). */
  entityOf: Int32Array;
  same: PairScore[];
  possible: PairScore[];
  model: Model;
  candidatePairs: number;
}

export interface ResolveOptions {
  /** Probability at or above which a pair is the same person. */
  same?: number;
  /** Probability at or above which a pair is shown as possibly the same. */
  possible?: number;
  /** Larger blocks (a very common key) are not compared all against all but by a sorted
   * neighbourhood: sorted by name and date of birth, each record meets the next `window`. */
  maxBlock?: number;
  window?: number;
  /** Random pairs sampled for u. */
  uSamples?: number;
  seed?: number;
  /**
   * Incremental run: which records were resolved before (with the group each belonged to)
   * and the model learnt then. Only pairs with a new record are compared; old groups stay.
   */
  previous?: { isNew: boolean[]; group: number[]; model: Model };
  /** Analyst decisions, as record indexes: never the same / always the same / on its own. */
  notSame?: Array<[number, number]>;
  forceSame?: Array<[number, number]>;
  alone?: number[];
}

function prepare(rec: PersonRecord, i: number): Prepared {
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
function compare(a: Prepared, b: Prepared): { vector: Vector; contradiction: string | null } {
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
function blockKeys(p: Prepared): string[] {
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

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const SMOOTH = 1e-4;

function levelCounts(): number[][] {
  return FEATURES.map((f) => LEVELS[f].map(() => 0));
}

function normaliseRows(c: number[][]): number[][] {
  return c.map((row) => {
    const s = row.reduce((a, b) => a + b, 0) + SMOOTH * row.length;
    return row.map((x) => (x + SMOOTH) / s);
  });
}

/** u: how often each level occurs among random (almost surely non-matching) pairs. */
function estimateU(ps: Prepared[], samples: number, random: () => number, linkage: boolean): number[][] {
  const counts = levelCounts();
  const n = ps.length;
  if (n < 2) return normaliseRows(counts.map((r) => r.map(() => 1)));
  for (let k = 0; k < samples; k++) {
    const a = ps[Math.floor(random() * n)];
    const b = ps[Math.floor(random() * n)];
    if (a === b || (linkage && a.rec.source === b.rec.source)) continue;
    const { vector } = compare(a, b);
    vector.forEach((l, f) => {
      if (l >= 0) counts[f][l]++;
    });
  }
  return normaliseRows(counts);
}

/** Prior m before EM: the better levels are much more frequent among matches. */
function priorM(): number[][] {
  return FEATURES.map((f) => {
    const k = LEVELS[f].length;
    const raw = LEVELS[f].map((_, l) => (l === 0 ? 0.7 : l === k - 1 ? 0.03 : 0.27 / (k - 2)));
    const s = raw.reduce((a, b) => a + b, 0);
    return raw.map((x) => x / s);
  });
}

function logBayes(v: Vector, model: Model): number {
  let w = 0;
  for (let f = 0; f < v.length; f++) {
    const l = v[f];
    if (l < 0) continue;
    w += Math.log2(model.m[f][l] / model.u[f][l]);
  }
  return w;
}

function probability(weight: number, lambda: number): number {
  const prior = Math.log2(lambda / (1 - lambda));
  return 1 / (1 + 2 ** -(weight + prior));
}

/**
 * EM over the distinct comparison patterns of the candidate pairs. Both m and u are
 * re-estimated on the candidate pairs (their non-matches agree more than random pairs do:
 * they share a blocking key), starting from u of random pairs and a prior m.
 */
function estimateM(patterns: Map<string, { v: Vector; n: number }>, u0: number[][], iterations = 40): Model {
  let model: Model = { m: priorM(), u: u0, lambda: 0.1 };
  const list = [...patterns.values()];
  for (let it = 0; it < iterations; it++) {
    const mc = levelCounts();
    const uc = levelCounts();
    let matched = 0;
    let total = 0;
    for (const { v, n } of list) {
      const g = probability(logBayes(v, model), model.lambda);
      matched += g * n;
      total += n;
      v.forEach((l, f) => {
        if (l < 0) return;
        mc[f][l] += g * n;
        uc[f][l] += (1 - g) * n;
      });
    }
    model = { m: normaliseRows(mc), u: normaliseRows(uc), lambda: Math.min(0.99, Math.max(1e-6, matched / Math.max(1, total))) };
  }
  return model;
}

class Clusters {
  readonly parent: Int32Array;
  readonly members: number[][];
  constructor(n: number) {
    this.parent = new Int32Array(n).map((_, i) => i);
    this.members = Array.from({ length: n }, (_, i) => [i]);
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.members[ra].length < this.members[rb].length) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.members[ra].push(...this.members[rb]);
    this.members[rb] = [];
  }
}

/** Strong evidence two records are different people (about a million to one). */
const VETO_WEIGHT = -20;

/** What makes two records interchangeable for matching (a traveller crossing every day). */
function identityKey(r: PersonRecord): string {
  const docs = (r.docs ?? []).map((d) => `${d.type ?? ''}/${d.country ?? ''}/${normaliseDocExact(d.number)}`).sort().join(';');
  return [r.source ?? '', foldText(r.family ?? ''), foldText(r.given ?? ''), r.dob ?? '', r.sex ?? '', docs, foldText(r.address ?? ''), r.city ?? '', r.postcode ?? '', r.phone ?? '', (r.email ?? '').toLowerCase()].join('|');
}

/**
 * Resolves records into persons. Records identical in every compared field (the same
 * traveller crossing day after day) are resolved once and share the outcome: matching
 * cost grows with distinct identities, not with crossings.
 */
export function resolvePersons(records: PersonRecord[], opts: ResolveOptions = {}): Resolution {
  const firstOf = new Map<string, number>();
  const repOf = new Int32Array(records.length);
  const reps: PersonRecord[] = [];
  // Records an analyst decided about keep their own identity (they may need to part).
  const decided = new Set<number>([...(opts.notSame ?? []).flat(), ...(opts.forceSame ?? []).flat(), ...(opts.alone ?? [])]);
  records.forEach((r, i) => {
    const k = decided.has(i) ? `#${i}` : identityKey(r);
    let j = firstOf.get(k);
    if (j === undefined) {
      j = reps.length;
      firstOf.set(k, j);
      reps.push(r);
    }
    repOf[i] = j;
  });
  if (reps.length === records.length) return resolveDistinct(records, opts);
  const onReps = (pairs?: Array<[number, number]>) => pairs?.map(([a, b]) => [repOf[a], repOf[b]] as [number, number]);
  let previous: ResolveOptions['previous'];
  if (opts.previous) {
    // A representative is old when any of its records is (a new record identical to an old one joins it).
    const isNew = reps.map(() => true);
    const group = reps.map(() => -1);
    records.forEach((_, i) => {
      if (opts.previous!.isNew[i]) return;
      isNew[repOf[i]] = false;
      group[repOf[i]] = opts.previous!.group[i];
    });
    previous = { isNew, group, model: opts.previous.model };
  }
  const inner = resolveDistinct(reps, { ...opts, previous, notSame: onReps(opts.notSame), forceSame: onReps(opts.forceSame), alone: opts.alone?.map((i) => repOf[i]) });
  const entityOf = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) entityOf[i] = inner.entityOf[repOf[i]];
  // Pair indexes refer to the first record of each identity.
  const firstRecord = new Int32Array(reps.length).fill(-1);
  for (let i = 0; i < records.length; i++) if (firstRecord[repOf[i]] < 0) firstRecord[repOf[i]] = i;
  const remap = (s: PairScore): PairScore => ({ ...s, a: firstRecord[s.a], b: firstRecord[s.b] });
  return { ...inner, entityOf, same: inner.same.map(remap), possible: inner.possible.map(remap) };
}

function resolveDistinct(records: PersonRecord[], opts: ResolveOptions = {}): Resolution {
  const sameP = opts.same ?? 0.95;
  const possibleP = opts.possible ?? 0.5;
  const maxBlock = opts.maxBlock ?? 50;
  const window = opts.window ?? 20;
  const linkage = records.some((r) => r.source !== undefined) && new Set(records.map((r) => r.source)).size > 1;
  const ps = records.map(prepare);

  // Blocking. Each record gets the ids of its usable blocks (sorted); a pair is compared
  // only in the first block the two share, so no set of seen pairs is needed.
  const blockIds = new Map<string, number>();
  const blockMembers: number[][] = [];
  const keysOf: number[][] = ps.map((p) => {
    const ids: number[] = [];
    for (const k of new Set(blockKeys(p))) {
      let id = blockIds.get(k);
      if (id === undefined) {
        id = blockMembers.length;
        blockIds.set(k, id);
        blockMembers.push([]);
      }
      blockMembers[id].push(p.i);
      ids.push(id);
    }
    return ids;
  });
  blockIds.clear();
  const usable = blockMembers.map((m) => m.length >= 2 && m.length <= maxBlock);
  const sortKey = (i: number) => `${ps[i].familyJoined}|${ps[i].givenJoined}|${ps[i].dobText}`;
  const windowed = blockMembers.map((m, id) => (m.length > maxBlock ? id : -1)).filter((id) => id >= 0);
  for (const id of windowed) blockMembers[id].sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : sortKey(x) > sortKey(y) ? 1 : 0));
  const keys = keysOf.map((ids) => Int32Array.from(ids.filter((id) => usable[id])).sort());
  const firstShared = (a: number, b: number): number => {
    const x = keys[a];
    const y = keys[b];
    let i = 0;
    let j = 0;
    while (i < x.length && j < y.length) {
      if (x[i] === y[j]) return x[i];
      if (x[i] < y[j]) i++;
      else j++;
    }
    return -1;
  };
  const n = ps.length;
  const fresh = opts.previous?.isNew;
  const eachCandidate = (visit: (a: number, b: number) => void): void => {
    for (let id = 0; id < blockMembers.length; id++) {
      if (!usable[id]) continue;
      const members = blockMembers[id];
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const a = Math.min(members[x], members[y]);
          const b = Math.max(members[x], members[y]);
          if (linkage && ps[a].rec.source === ps[b].rec.source) continue;
          if (fresh && !fresh[a] && !fresh[b]) continue;
          if (firstShared(a, b) !== id) continue;
          visit(a, b);
        }
      }
    }
    // Oversized blocks: neighbours in sort order, for pairs that share no small block.
    for (const id of windowed) {
      const members = blockMembers[id];
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < Math.min(members.length, x + 1 + window); y++) {
          const a = Math.min(members[x], members[y]);
          const b = Math.max(members[x], members[y]);
          if (linkage && ps[a].rec.source === ps[b].rec.source) continue;
          if (fresh && !fresh[a] && !fresh[b]) continue;
          if (firstShared(a, b) !== -1) continue;
          visit(a, b);
        }
      }
    }
  };

  // Pass 1: only the distinct comparison patterns and their counts (memory stays flat).
  // An incremental run keeps the model learnt by the full run before it.
  let candidatePairs = 0;
  let model: Model;
  if (opts.previous) model = opts.previous.model;
  else {
    const patterns = new Map<string, { v: Vector; n: number }>();
    eachCandidate((a, b) => {
      candidatePairs++;
      const { vector } = compare(ps[a], ps[b]);
      const pk = vector.join(',');
      const pat = patterns.get(pk);
      if (pat) pat.n++;
      else patterns.set(pk, { v: vector, n: 1 });
    });
    const u = estimateU(ps, opts.uSamples ?? 60_000, rng(opts.seed ?? 1), linkage);
    model = estimateM(patterns, u);
  }

  // Pass 2: keep the pairs that may be the same person, and those that contradict.
  const scored: PairScore[] = [];
  eachCandidate((a, b) => {
    if (opts.previous) candidatePairs++;
    const c = compare(ps[a], ps[b]);
    const weight = logBayes(c.vector, model);
    const prob = probability(weight, model.lambda);
    if (prob >= possibleP || c.contradiction) scored.push({ a, b, ...c, weight, probability: prob });
  });

  // Clustering: strongest first; a merge is refused when any two records it would join
  // contradict each other or have overwhelming evidence against being the same.
  const byPair = new Map<number, PairScore>();
  for (const s of scored) byPair.set(s.a * n + s.b, s);
  const clusters = new Clusters(n);
  const veto: Veto = { pairs: new Set((opts.notSame ?? []).map(([a, b]) => Math.min(a, b) * n + Math.max(a, b))), alone: new Set(opts.alone ?? []) };
  // Groups of the last run stay together (an incremental run only adds to them).
  if (opts.previous) {
    const firstOfGroup = new Map<number, number>();
    opts.previous.group.forEach((g, i) => {
      if (opts.previous!.isNew[i] || g < 0) return;
      const f = firstOfGroup.get(g);
      if (f === undefined) firstOfGroup.set(g, i);
      else clusters.union(f, i);
    });
  }
  for (const [a, b] of opts.forceSame ?? []) clusters.union(a, b);
  const same = scored.filter((s) => s.probability >= sameP && !s.contradiction).sort((x, y) => y.weight - x.weight);
  for (const s of same) {
    const ra = clusters.find(s.a);
    const rb = clusters.find(s.b);
    if (ra === rb) continue;
    if (canMerge(clusters.members[ra], clusters.members[rb], ps, byPair, n, model, veto)) clusters.union(ra, rb);
  }
  const entityOf = new Int32Array(n);
  for (let i = 0; i < n; i++) entityOf[i] = clusters.find(i);
  const possible = scored.filter((s) => s.probability >= possibleP && entityOf[s.a] !== entityOf[s.b]);
  return { entityOf, same: same.filter((s) => entityOf[s.a] === entityOf[s.b]), possible, model, candidatePairs };
}

interface Veto {
  pairs: Set<number>;
  alone: Set<number>;
}

function canMerge(A: number[], B: number[], ps: Prepared[], byPair: Map<number, PairScore>, n: number, model: Model, veto: Veto): boolean {
  if (A.some((a) => veto.alone.has(a)) || B.some((b) => veto.alone.has(b))) return false;
  for (const a of A) for (const b of B) if (veto.pairs.has(Math.min(a, b) * n + Math.max(a, b))) return false;
  // Large merges are checked on a bounded sample of cross pairs.
  let checked = 0;
  for (const a of A) {
    for (const b of B) {
      if (++checked > 4000) return true;
      const key = a < b ? a * n + b : b * n + a;
      let s = byPair.get(key);
      if (!s) {
        const c = compare(ps[a], ps[b]);
        const weight = logBayes(c.vector, model);
        s = { a, b, ...c, weight, probability: probability(weight, model.lambda) };
      }
      if (s.contradiction || s.weight < VETO_WEIGHT) return false;
    }
  }
  return true;
}

/** Why two records are or are not the same: each feature's level and its weight. */
export function explainPair(x: PersonRecord, y: PersonRecord, model: Model): { features: Array<{ feature: Feature; level: string | null; weight: number }>; weight: number; probability: number; contradiction: string | null } {
  const { vector, contradiction } = compare(prepare(x, 0), prepare(y, 1));
  const features = FEATURES.map((f, i) => {
    const l = vector[i];
    return { feature: f, level: l < 0 ? null : LEVELS[f][l], weight: l < 0 ? 0 : Math.log2(model.m[i][l] / model.u[i][l]) };
  });
  const weight = logBayes(vector, model);
  return { features, weight, probability: probability(weight, model.lambda), contradiction };
}
