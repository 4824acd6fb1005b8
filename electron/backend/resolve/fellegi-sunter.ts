// The Fellegi-Sunter model learnt from the case's own data, the way Splink learns it:
// - u (how often each level occurs between two different people) from random pairs, with the
//   exact levels computed from how often each value occurs (sampling cannot see one chance in
//   a million);
// - m (how often each level occurs between two records of one person) by EM with u held fixed,
//   in "sessions" of pairs that agree on one thing (a document, a date of birth, a name). Within
//   a session the features it agrees on say nothing and are left out, so the pairs' unlike
//   make-up does not bias the rest;
// - lambda (the chance that two random records are one person) from how many matches each
//   session holds and how often a match would land in it: a national day needs far more
//   evidence than a small case before two records are called one person.
import { FEATURES, LEVELS, type Vector } from './features';

export interface Model {
  m: number[][];
  u: number[][];
  lambda: number;
  /** How many distinct identities lambda was estimated over (an incremental run scales it). */
  identities?: number;
  /** How many identities the run counted names over (see names.ts). */
  names?: { family: number; given: number; both: number };
}

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export function levelCounts(): number[][] {
  return FEATURES.map((f) => LEVELS[f].map(() => 0));
}

/** Prior m before EM: the better levels are much more frequent among matches. */
export function priorM(): number[][] {
  return FEATURES.map((f) => {
    const k = LEVELS[f].length;
    const raw = LEVELS[f].map((_, l) => (l === 0 ? 0.7 : l === k - 1 ? 0.03 : 0.27 / (k - 2)));
    const s = raw.reduce((a, b) => a + b, 0);
    return raw.map((x) => x / s);
  });
}

/**
 * Address, phone and email tell much the same thing: a household shares all three. Their
 * agreements count once (the strongest); disagreements all count.
 */
export const CONTACT_FEATURES = [4, 5, 6];

/** Each feature's log2 Bayes factor as counted in the pair's weight (0 where missing or not counted). */
export function featureWeights(v: Vector, model: Model): number[] {
  const w = Array.from(v, (l, f) => (l < 0 ? 0 : Math.log2(model.m[f][l] / model.u[f][l])));
  let best = -1;
  for (const f of CONTACT_FEATURES) if (w[f] > 0 && (best < 0 || w[f] > w[best])) best = f;
  for (const f of CONTACT_FEATURES) if (w[f] > 0 && f !== best) w[f] = 0;
  return w;
}

/** log2(m / u) of every feature level, [feature * 8 + level]: computed once a run, not a pair. */
export function weightTable(model: Model): Float64Array {
  const w = new Float64Array(64);
  model.m.forEach((row, f) => row.forEach((m, l) => (w[f * 8 + l] = Math.log2(m / model.u[f][l]))));
  return w;
}

/** logBayes with a weight table. */
export function vectorWeight(v: Vector, W: Float64Array): number {
  let w = 0;
  let contact = 0;
  for (let f = 0; f < 8; f++) {
    const l = v[f];
    if (l < 0) continue;
    const x = W[f * 8 + l];
    if (x > 0 && f >= 4 && f <= 6) {
      if (x > contact) contact = x;
    } else w += x;
  }
  return w + contact;
}

export function logBayes(v: Vector, model: Model): number {
  let w = 0;
  let contact = 0;
  for (let f = 0; f < v.length; f++) {
    const l = v[f];
    if (l < 0) continue;
    const x = Math.log2(model.m[f][l] / model.u[f][l]);
    if (x > 0 && (f === 4 || f === 5 || f === 6)) contact = Math.max(contact, x);
    else w += x;
  }
  return w + contact;
}

export function probability(weight: number, lambda: number): number {
  const prior = Math.log2(lambda / (1 - lambda));
  return 1 / (1 + 2 ** -(weight + prior));
}

/**
 * u before any data: how often two different people agree at each level in records like
 * these (1 in 200 on a family name, 1 in 20,000 on a whole date of birth, a document number
 * almost never). A case of a handful of records leans on them: its "random pairs" are mostly
 * the same few people. U_PRIOR_PAIRS pairs' worth: a few dozen records outweigh them.
 */
export const U_PRIOR: number[][] = [
  [0.005, 0.02, 0.005, 0.01, 0.01, 0.95],
  [0.01, 0.002, 0.003, 0.005, 0.01, 0.97],
  [5e-5, 2e-4, 1e-5, 1e-3, 0.015, 0.98374],
  [1e-6, 3e-6, 3e-6, 0.2, 0.799993],
  [1e-4, 0.005, 0.1, 0.8949],
  [1e-5, 1 - 1e-5],
  [1e-6, 1e-4, 1 - 1.01e-4],
  [0.5, 0.5],
];
const U_PRIOR_PAIRS = 500;

/**
 * u per feature. The exact level from value counts: `exact[f]` pairs of different records
 * agree exactly among `pairs[f]` with the feature on both sides. The other levels share the
 * rest as in the random pairs `sampled` (counts per level over `distinct` pairs at most).
 * Both are drawn towards U_PRIOR by U_PRIOR_PAIRS pairs' worth.
 */
export function uFrom(exact: Array<{ agree: number; pairs: number }>, sampled: number[][], distinct: number): number[][] {
  return sampled.map((row, f) => {
    const prior = U_PRIOR[f];
    const u0 = Math.min(0.5, Math.max((exact[f].agree + U_PRIOR_PAIRS * prior[0]) / (exact[f].pairs + U_PRIOR_PAIRS), 1e-12));
    const seen = row.slice(1);
    const total = seen.reduce((a, b) => a + b, 0);
    const weight = Math.min(total, distinct);
    const rest = seen.map((c, l) => (total > 0 ? (c / total) * weight : 0) + (U_PRIOR_PAIRS * prior[l + 1]) / (1 - prior[0]));
    const s = rest.reduce((a, b) => a + b, 0);
    return [u0, ...rest.map((c) => ((1 - u0) * c) / s)];
  });
}

const PSEUDO = 2;

export interface SessionFit {
  /** m per feature; null for the features the session left out. */
  m: Array<number[] | null>;
  /** The share of the session's pairs that are matches. */
  lambda: number;
  /** Expected matches among the pairs fitted, and among those with each feature present. */
  matches: number;
  present: number[];
}

/**
 * EM over one session's distinct comparison patterns (code -> count) with u fixed: only m and
 * the session's match share move. Features in `exclude` are left out of the likelihood;
 * features with a row in `fixed` (learnt by a purer session) weigh with it and do not move,
 * so the session learns only what it can see (and EM, anchored, cannot drift off to a
 * split of the pairs other than matches and non-matches).
 */
export function fitSession(patterns: Map<number, { v: Vector; n: number; adjust?: number }>, u: number[][], exclude: ReadonlySet<number>, fixed: ReadonlyArray<number[] | null> = [], iterations = 300): SessionFit {
  const list = [...patterns.values()];
  const prior = priorM();
  let m = prior.map((row, f) => fixed[f] ?? row);
  let lambda = 0.1;
  let matches = 0;
  let present = FEATURES.map(() => 0);
  for (let it = 0; it < iterations; it++) {
    const mc = levelCounts();
    let matched = 0;
    let total = 0;
    for (const { v, n, adjust } of list) {
      // `adjust`: how much rarer or commoner than average the names the pair agrees on are
      let w = adjust ?? 0;
      for (let f = 0; f < v.length; f++) {
        const l = v[f];
        if (l < 0 || exclude.has(f)) continue;
        w += Math.log2(m[f][l] / u[f][l]);
      }
      const g = probability(w, lambda);
      matched += g * n;
      total += n;
      for (let f = 0; f < v.length; f++) if (v[f] >= 0) mc[f][v[f]] += g * n;
    }
    // A Dirichlet prior worth PSEUDO matches keeps a level that few matches show (an address
    // on both sides of only a handful of pairs) from being called impossible.
    const next = mc.map((row, f) => {
      if (fixed[f]) return fixed[f]!;
      const s = row.reduce((a, b) => a + b, 0) + PSEUDO;
      return row.map((x, l) => (x + PSEUDO * prior[f][l]) / s);
    });
    const nextLambda = Math.min(0.999, Math.max(1e-9, matched / Math.max(1, total)));
    let delta = Math.abs(nextLambda - lambda) / lambda;
    for (let f = 0; f < m.length; f++) for (let l = 0; l < m[f].length; l++) delta = Math.max(delta, Math.abs(next[f][l] - m[f][l]));
    m = next;
    lambda = nextLambda;
    matches = matched;
    present = mc.map((row) => row.reduce((a, b) => a + b, 0));
    if (delta < 1e-7) break;
  }
  return { m: m.map((row, f) => (exclude.has(f) ? null : row)), lambda, matches, present };
}

/** The median of the estimates, or `fallback` when there are none. */
export function median(xs: number[], fallback: number): number {
  const s = xs.filter((x) => Number.isFinite(x) && x > 0).sort((a, b) => a - b);
  if (!s.length) return fallback;
  return s.length % 2 ? s[(s.length - 1) / 2] : Math.sqrt(s[s.length / 2 - 1] * s[s.length / 2]);
}
