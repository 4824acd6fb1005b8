// Person resolution in the Fellegi-Sunter spirit, built for a national day (1.45 M records):
// records are read into columns (table.ts); records identical in every compared field (the
// same traveller crossing again) are resolved once; the model is learnt from the data
// (fellegi-sunter.ts); candidate pairs come from blocking rules (blocking.ts) and each is
// compared once (features.ts); each pair's match probability sorts it into same / possibly
// same / different. Clustering merges the strongest pairs first and refuses a merge that would
// join records with strong evidence against each other (a hard document contradiction, or
// overwhelming disagreement), so two people are never chained together through one weak or
// noisy record.
import { candidatePairs, RULES } from './blocking';
import { Comparator, CONTRADICTION, FEATURES, LEVELS, type Feature, type Vector } from './features';
import { featureWeights, logBayes, probability, vectorWeight, weightTable, type Model } from './fellegi-sunter';
import { crossPairs, learnModel, type LearnOptions } from './learn';
import { NameFrequencies } from './names';
import { RecordTable, type PersonRecord } from './table';
import { Column } from '../util/column';

export { FEATURES, LEVELS, type Feature, type Vector } from './features';
export type { PersonRecord } from './table';
export type { Model } from './fellegi-sunter';

export interface PairScore {
  a: number;
  b: number;
  vector: Vector;
  /** log2 Bayes factor summed over features. */
  weight: number;
  probability: number;
  contradiction: string | null;
}

export interface Resolution {
  /** Entity index per record (records in one entity share it). */
  entityOf: Int32Array;
  same: PairScore[];
  possible: PairScore[];
  model: Model;
  candidatePairs: number;
  /** The run's comparator and name frequencies (to explain its pairs as it weighed them). */
  comparator: Comparator;
  names: NameFrequencies;
  /** Seconds per phase and pairs per blocking rule, for the bench. */
  stats: { seconds: Record<string, number>; pairsPerRule: Record<string, number>; records: number; identities: number };
}

export interface ResolveOptions extends LearnOptions {
  /** Probability at or above which a pair is the same person. */
  same?: number;
  /** Probability at or above which a pair is shown as possibly the same. */
  possible?: number;
  /** Larger blocks (a very common key) are not compared all against all but by a sorted
   * neighbourhood: sorted by name and date of birth, each record meets the next `window`. */
  maxBlock?: number;
  window?: number;
  /**
   * Incremental run: which records were resolved before (with the group each belonged to)
   * and the model learnt then. Only pairs with a new record are compared; old groups stay.
   */
  previous?: { isNew: ArrayLike<boolean>; group: ArrayLike<number>; model: Model };
  /** Analyst decisions, as record indexes: never the same / always the same / on its own. */
  notSame?: Array<[number, number]>;
  forceSame?: Array<[number, number]>;
  alone?: number[];
}

class Clusters {
  readonly parent: Int32Array;
  readonly members: Array<number[] | null>;
  constructor(n: number) {
    this.parent = new Int32Array(n).map((_, i) => i);
    this.members = new Array<number[] | null>(n).fill(null);
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  membersOf(r: number): number[] {
    return this.members[r] ?? [r];
  }
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.membersOf(ra).length < this.membersOf(rb).length) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    const into = this.membersOf(ra);
    for (const x of this.membersOf(rb)) into.push(x);
    this.members[ra] = into;
    this.members[rb] = null;
  }
}

/** Strong evidence two records are different people (about a million to one). */
const VETO_WEIGHT = -20;

/** Resolves records into persons (see resolveTable). */
export function resolvePersons(records: readonly PersonRecord[], opts: ResolveOptions = {}): Resolution {
  return resolveTable(RecordTable.of(records), opts);
}

/**
 * Resolves the records of a table into persons. Records identical in every compared field
 * (the same traveller crossing day after day) are resolved once and share the outcome:
 * matching cost grows with distinct identities, not with crossings.
 */
export function resolveTable(t: RecordTable, opts: ResolveOptions = {}): Resolution {
  const seconds: Record<string, number> = {};
  let clock = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    seconds[name] = Math.round(now - clock) / 1000;
    clock = now;
  };
  const n = t.n;
  // Records an analyst decided about keep their own identity (they may need to part).
  const decided = new Set<number>([...(opts.notSame ?? []).flat(), ...(opts.forceSame ?? []).flat(), ...(opts.alone ?? [])]);
  const { repOf, repRecord } = t.identities(decided);
  const recs = repRecord;
  const m = recs.length;
  lap('identities');

  const sourceOfRep = new Int32Array(m);
  for (let r = 0; r < m; r++) sourceOfRep[r] = t.source.data[recs[r]];
  const linkage = new Set(sourceOfRep).size > 1;
  const cmp = new Comparator(t);
  const names = new NameFrequencies(t, recs);

  let fresh: Uint8Array | null = null;
  let group: Int32Array | null = null;
  if (opts.previous) {
    // A representative is old when any of its records is (a new record identical to an old one joins it).
    fresh = new Uint8Array(m).fill(1);
    group = new Int32Array(m).fill(-1);
    for (let i = 0; i < n; i++) {
      if (opts.previous.isNew[i]) continue;
      fresh[repOf[i]] = 0;
      group[repOf[i]] = opts.previous.group[i];
    }
  }
  const model = opts.previous?.model ?? learnModel(t, cmp, recs, linkage ? sourceOfRep : null, opts, names);
  lap('model');
  const sameP = opts.same ?? 0.95;
  const possibleP = opts.possible ?? 0.5;

  // Ranks for the sorted neighbourhood: by family name, given name, date of birth.
  const order = byName(t, recs);
  // Rules whose pairs could never be "possibly the same" at this scale are skipped.
  const w = (f: number, l: number) => Math.log2(model.m[f][l] / model.u[f][l]);
  const needed = Math.log2(possibleP / (1 - possibleP)) - Math.log2(model.lambda / (1 - model.lambda));
  const rules = RULES.filter((r) => !r.reach || r.reach(w) >= needed);
  if (process.env.CROSSLINK_RESOLVE_DEBUG) console.error("needed", needed, RULES.map((r) => `${r.name}: ${r.reach ? r.reach(w).toFixed(1) : "always"}`).join(", "));
  const { keys, perRule } = candidatePairs(t, recs, order, {
    maxBlock: opts.maxBlock ?? 50,
    window: opts.window ?? 10,
    source: linkage ? sourceOfRep : null,
    fresh,
  }, rules);
  lap('blocking');

  // Each candidate pair once: its weight. Pairs with evidence against them (weight < 0) could
  // never be "possibly the same" at any scale and are only counted.
  const kept = { a: new Column(), b: new Column(), w: [] as number[] };
  const v = new Int8Array(FEATURES.length);
  const W = weightTable(model);
  for (let k = 0; k < keys.length; k++) {
    const x = Math.floor(keys[k] / m);
    const y = keys[k] - x * m;
    cmp.compare(recs[x], recs[y], v);
    const weight = vectorWeight(v, W) + (v[0] === 0 || v[1] === 0 ? names.adjust(recs[x], recs[y], v, model) : 0);
    if (weight < 0) continue;
    kept.a.push(x);
    kept.b.push(y);
    kept.w.push(weight);
  }
  // lambda, refined: the expected number of matches over all pairs is the sum of the candidate
  // pairs' match probabilities (pairs that share no block contribute next to nothing).
  let lambda = model.lambda;
  if (opts.previous) {
    const before = opts.previous.model.identities;
    if (before && before < m) lambda = model.lambda * (before / m);
  } else {
    const total = linkage ? crossPairs(sourceOfRep) : (m * (m - 1)) / 2;
    // p = 1 / (1 + c * 2^-w) with c = (1 - lambda) / lambda: 2^-w computed once a pair.
    const e = Float64Array.from(kept.w, (x) => 2 ** -x);
    for (let it = 0; it < 100; it++) {
      const c = (1 - lambda) / lambda;
      let expected = 0;
      for (let k = 0; k < e.length; k++) expected += 1 / (1 + c * e[k]);
      const next = Math.min(0.5, Math.max(1 / Math.max(2, total), expected / Math.max(1, total)));
      const done = Math.abs(next - lambda) < lambda * 1e-4;
      lambda = next;
      if (done) break;
    }
  }
  const fitted: Model = { ...model, lambda, identities: m, names: { ...names.totals } };
  const scored: PairScore[] = [];
  for (let k = 0; k < kept.w.length; k++) {
    const p = probability(kept.w[k], lambda);
    if (p < possibleP) continue;
    const x = kept.a.data[k];
    const y = kept.b.data[k];
    const contradiction = cmp.compare(recs[x], recs[y], v);
    scored.push({ a: x, b: y, vector: Int8Array.from(v), weight: kept.w[k], probability: p, contradiction: contradiction ? CONTRADICTION : null });
  }
  lap('scoring');

  // Clustering: strongest first; a merge is refused when any two records it would join
  // contradict each other or have overwhelming evidence against being the same.
  const byPair = new Map<number, PairScore>();
  for (const s of scored) byPair.set(s.a * m + s.b, s);
  const clusters = new Clusters(m);
  const notSame = (opts.notSame ?? []).map(([a, b]) => [repOf[a], repOf[b]] as const);
  const veto = { pairs: new Set(notSame.map(([a, b]) => Math.min(a, b) * m + Math.max(a, b))), alone: new Set((opts.alone ?? []).map((i) => repOf[i])) };
  // Groups of the last run stay together (an incremental run only adds to them).
  if (group) {
    const firstOfGroup = new Map<number, number>();
    for (let r = 0; r < m; r++) {
      if (fresh![r] || group[r] < 0) continue;
      const f = firstOfGroup.get(group[r]);
      if (f === undefined) firstOfGroup.set(group[r], r);
      else clusters.union(f, r);
    }
  }
  for (const [a, b] of opts.forceSame ?? []) clusters.union(repOf[a], repOf[b]);
  const same = scored.filter((s) => s.probability >= sameP && !s.contradiction).sort((x, y) => y.weight - x.weight);
  for (const s of same) {
    const ra = clusters.find(s.a);
    const rb = clusters.find(s.b);
    if (ra === rb) continue;
    if (canMerge(clusters.membersOf(ra), clusters.membersOf(rb), recs, cmp, byPair, m, fitted, veto, names)) clusters.union(ra, rb);
  }
  const entityOfRep = new Int32Array(m);
  for (let r = 0; r < m; r++) entityOfRep[r] = clusters.find(r);
  const entityOf = new Int32Array(n);
  for (let i = 0; i < n; i++) entityOf[i] = entityOfRep[repOf[i]];
  lap('clustering');

  // Pair indexes refer to the first record of each identity.
  const toRecords = (s: PairScore): PairScore => ({ ...s, a: recs[s.a], b: recs[s.b] });
  return {
    entityOf,
    same: same.filter((s) => entityOfRep[s.a] === entityOfRep[s.b]).map(toRecords),
    possible: scored.filter((s) => entityOfRep[s.a] !== entityOfRep[s.b]).map(toRecords),
    model: fitted,
    candidatePairs: keys.length,
    comparator: cmp,
    names,
    stats: { seconds, pairsPerRule: Object.fromEntries(rules.map((r, i) => [r.name, perRule[i]])), records: n, identities: m },
  };
}

function canMerge(A: number[], B: number[], recs: Int32Array, cmp: Comparator, byPair: Map<number, PairScore>, n: number, model: Model, veto: { pairs: Set<number>; alone: Set<number> }, names: NameFrequencies): boolean {
  if (A.some((a) => veto.alone.has(a)) || B.some((b) => veto.alone.has(b))) return false;
  if (veto.pairs.size) for (const a of A) for (const b of B) if (veto.pairs.has(Math.min(a, b) * n + Math.max(a, b))) return false;
  // Large merges are checked on a bounded sample of cross pairs.
  const v = new Int8Array(FEATURES.length);
  let checked = 0;
  for (const a of A) {
    for (const b of B) {
      if (++checked > 4000) return true;
      const s = byPair.get(a < b ? a * n + b : b * n + a);
      if (s) {
        if (s.contradiction || s.weight < VETO_WEIGHT) return false;
        continue;
      }
      const contradiction = cmp.compare(recs[a], recs[b], v);
      if (contradiction || logBayes(v, model) + names.adjust(recs[a], recs[b], v, model) < VETO_WEIGHT) return false;
    }
  }
  return true;
}

/** Orders positions of `recs` by family name, given name and date of birth. */
function byName(t: RecordTable, recs: Int32Array): (x: number, y: number) => number {
  const rankOf = (ids: Int32Array): Int32Array => {
    const distinct = [...new Set(ids)].sort((a, b) => (t.joined.values[a] < t.joined.values[b] ? -1 : t.joined.values[a] > t.joined.values[b] ? 1 : 0));
    const rank = new Map(distinct.map((id, i) => [id, i]));
    return ids.map((id) => rank.get(id)!);
  };
  const fam = rankOf(recs.map((i) => t.famJoined.data[i]));
  const giv = rankOf(recs.map((i) => t.givJoined.data[i]));
  const dob = recs.map((i) => t.dobY.data[i] * 10000 + t.dobM.data[i] * 100 + t.dobD.data[i]);
  return (x, y) => fam[x] - fam[y] || giv[x] - giv[y] || dob[x] - dob[y];
}

export interface PairExplanation {
  features: Array<{ feature: Feature; level: string | null; weight: number }>;
  weight: number;
  probability: number;
  contradiction: string | null;
}

/** Why two records are or are not the same: each feature's level and its weight. */
export function explainPair(x: PersonRecord, y: PersonRecord, model: Model): PairExplanation {
  const t = RecordTable.of([x, y]);
  return explainIndexes(new Comparator(t), 0, 1, model, null);
}

/**
 * Records a and b of a comparator's table explained as the run weighed them: the names'
 * frequencies (when given) shared between the name features that agree exactly.
 */
export function explainIndexes(cmp: Comparator, a: number, b: number, model: Model, names: NameFrequencies | null): PairExplanation {
  const vector = new Int8Array(FEATURES.length);
  const contradiction = cmp.compare(a, b, vector);
  const w = featureWeights(vector, model);
  const adj = names ? names.adjust(a, b, vector, model) : 0;
  const parts = [0, 1].filter((f) => vector[f] === 0);
  for (const f of parts) w[f] += adj / parts.length;
  const features = FEATURES.map((f, i) => ({ feature: f, level: vector[i] < 0 ? null : LEVELS[f][vector[i]], weight: w[i] }));
  const weight = logBayes(vector, model) + adj;
  return { features, weight, probability: probability(weight, model.lambda), contradiction: contradiction ? CONTRADICTION : null };
}
