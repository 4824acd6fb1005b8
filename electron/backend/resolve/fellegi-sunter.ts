// The Fellegi-Sunter model learnt from the case's own data: u-probabilities from random pairs,
// m-probabilities and the match rate by EM over the candidate pairs, and a pair's weight and
// match probability from its comparison vector.
import { compare, FEATURES, LEVELS, type Prepared, type Vector } from './features';

export interface Model {
  m: number[][];
  u: number[][];
  lambda: number;
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
export function estimateU(ps: Prepared[], samples: number, random: () => number, linkage: boolean): number[][] {
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

export function logBayes(v: Vector, model: Model): number {
  let w = 0;
  for (let f = 0; f < v.length; f++) {
    const l = v[f];
    if (l < 0) continue;
    w += Math.log2(model.m[f][l] / model.u[f][l]);
  }
  return w;
}

export function probability(weight: number, lambda: number): number {
  const prior = Math.log2(lambda / (1 - lambda));
  return 1 / (1 + 2 ** -(weight + prior));
}

/**
 * EM over the distinct comparison patterns of the candidate pairs. Both m and u are
 * re-estimated on the candidate pairs (their non-matches agree more than random pairs do:
 * they share a blocking key), starting from u of random pairs and a prior m.
 */
export function estimateM(patterns: Map<string, { v: Vector; n: number }>, u0: number[][], iterations = 40): Model {
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
