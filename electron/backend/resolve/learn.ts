// Learning the model from the records (see fellegi-sunter.ts for the method): u from random
// pairs and value counts, m by EM in sessions of pairs that agree on one thing, the purest
// session first, and lambda from how many matches each session holds.
import { ruleBlocks, RULES, type Rule } from './blocking';
import { Comparator, FEATURES, patternCode, type Feature, type Vector } from './features';
import { fitSession, levelCounts, median, priorM, rng, uFrom, type Model, type SessionFit } from './fellegi-sunter';
import type { NameFrequencies } from './names';
import type { RecordTable } from './table';

export interface LearnOptions {
  /** Random pairs sampled for u; pairs sampled per training session. */
  uSamples?: number;
  sessionSamples?: number;
  seed?: number;
}

/** A feature's value as an integer for counting exact agreement (0 = none), and whether it is present at all. */
const VALUE: Array<{ present: (t: RecordTable, i: number) => boolean; value: (t: RecordTable, i: number) => number }> = [
  { present: (t, i) => t.famStart.data[i] < t.givStart.data[i], value: (t, i) => t.famJoined.data[i] },
  { present: (t, i) => t.givStart.data[i] < t.nameEnd.data[i], value: (t, i) => t.givJoined.data[i] },
  { present: (t, i) => t.dobY.data[i] > 0, value: (t, i) => (t.dobM.data[i] && t.dobD.data[i] ? t.dobY.data[i] * 10000 + t.dobM.data[i] * 100 + t.dobD.data[i] : 0) },
  { present: (t, i) => t.docStart.data[i] < t.docEnd.data[i], value: (t, i) => t.docExact.data[t.docStart.data[i]] },
  { present: (t, i) => !!(t.address.data[i] || t.postcode.data[i] || t.city.data[i]), value: (t, i) => t.address.data[i] },
  { present: (t, i) => t.phone.data[i] > 0 && t.contacts.values[t.phone.data[i]].length >= 7, value: (t, i) => t.phone.data[i] },
  { present: (t, i) => t.email.data[i] > 0, value: (t, i) => t.email.data[i] },
  { present: (t, i) => t.sex.data[i] > 0, value: (t, i) => t.sex.data[i] },
];

/**
 * Of all pairs (across sources, for linkage), the share with the feature present on both sides
 * and the share of those that agree exactly, from value counts.
 */
function exactAgreement(t: RecordTable, recs: Int32Array, source: Int32Array | null, f: number): { presence: number; agree: number; pairs: number } {
  const { present, value } = VALUE[f];
  const bySource = new Map<number, Map<number, number>>();
  const all = new Map<number, number>();
  const presentIn = new Map<number, number>();
  let np = 0;
  for (let r = 0; r < recs.length; r++) {
    const i = recs[r];
    if (!present(t, i)) continue;
    np++;
    const s = source ? source[r] : 0;
    presentIn.set(s, (presentIn.get(s) ?? 0) + 1);
    const v = value(t, i);
    if (!v) continue;
    all.set(v, (all.get(v) ?? 0) + 1);
    if (source) {
      let m = bySource.get(s);
      if (!m) bySource.set(s, (m = new Map()));
      m.set(v, (m.get(v) ?? 0) + 1);
    }
  }
  const pairsOf = (total: number, parts: Iterable<number>) => {
    if (!source) return total * (total - 1);
    let within = 0;
    for (const p of parts) within += p * p;
    return total * total - within;
  };
  const presentPairs = pairsOf(np, presentIn.values());
  const allPairs = pairsOf(recs.length, source ? countBy(source).values() : [recs.length]);
  let agree = 0;
  for (const [v, c] of all) agree += source ? c * c - [...bySource.values()].reduce((a, mm) => a + (mm.get(v) ?? 0) ** 2, 0) : c * (c - 1);
  // ordered pairs counted above: halved
  return { presence: allPairs > 0 ? presentPairs / allPairs : 0, agree: agree / 2, pairs: presentPairs / 2 };
}

/** Pairs across sources (linkage). */
export function crossPairs(source: Int32Array): number {
  let within = 0;
  for (const c of countBy(source).values()) within += c * c;
  return (source.length * source.length - within) / 2;
}

function countBy(xs: Int32Array): Map<number, number> {
  const m = new Map<number, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/** Pairs that agree on a rule: every pair when there are few, else a sample (each pair equally likely). */
function sessionPairs(t: RecordTable, recs: Int32Array, source: Int32Array | null, rule: Rule, samples: number, random: () => number, maxBlock = Infinity): { pairs: Array<[number, number]>; total: number } {
  const { start, members } = ruleBlocks(t, recs, rule);
  const blocks: Array<[number, number]> = [];
  const cum: number[] = [];
  let total = 0;
  for (let b = 0; b + 1 < start.length; b++) {
    const s = start[b];
    const e = start[b + 1];
    if (e - s > maxBlock) continue;
    let count: number;
    if (!source) count = ((e - s) * (e - s - 1)) / 2;
    else {
      const c = countBy(Int32Array.from(members.subarray(s, e), (r) => source[r]));
      let within = 0;
      for (const x of c.values()) within += x * x;
      count = ((e - s) * (e - s) - within) / 2;
    }
    if (count <= 0) continue;
    total += count;
    blocks.push([s, e]);
    cum.push(total);
  }
  const pairs: Array<[number, number]> = [];
  if (total <= samples) {
    for (const [s, e] of blocks) for (let x = s; x < e; x++) for (let y = x + 1; y < e; y++) if (!source || source[members[x]] !== source[members[y]]) pairs.push([members[x], members[y]]);
    return { pairs, total };
  }
  for (let k = 0; k < samples * 4 && pairs.length < samples; k++) {
    const target = random() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] <= target) lo = mid + 1;
      else hi = mid;
    }
    const [s, e] = blocks[lo];
    const x = s + Math.floor(random() * (e - s));
    const y = s + Math.floor(random() * (e - s));
    if (x === y || (source && source[members[x]] === source[members[y]])) continue;
    pairs.push([members[x], members[y]]);
  }
  return { pairs, total };
}

/**
 * The sessions the model is learnt in: what their pairs agree on, the features whose m each
 * one learns (only features that say nothing about the agreement itself: a given name says
 * the sex, names hint at the nationality of the document and a family name at the household's
 * address), and what share of all matches lands in each.
 */
const SESSIONS: Array<{ name: string; features: Feature[]; learns?: Feature[]; samples?: number; rule: Rule; maxBlock?: number; share: (m: number[][], presence: number[], fullDob: number) => number }> = [
  {
    name: 'same document',
    features: ['family', 'given', 'dob', 'address', 'phone', 'email', 'sex'],
    rule: RULES[0].keys,
    maxBlock: 50,
    share: (m, p) => p[3] * (m[3][0] + m[3][1]),
  },
  {
    name: 'same names',
    // Strangers who share a name are told apart by the date of birth (learnt from the purer
    // session above), so what their documents say is learnt cleanly here. (Among pairs that
    // share only a date of birth, namesakes born the same day pass for matches and teach that
    // a person often shows another passport of the same country.) Addresses are left to
    // others: a family name says household.
    features: ['dob', 'document', 'phone', 'email'],
    learns: ['dob', 'document'],
    samples: 1_000_000,
    rule: (t, i, out) => {
      const f = t.famJoined.data[i];
      const g = t.givJoined.data[i];
      if (f && g) out.push(f * 4194304 + g);
    },
    share: (m, p) => p[0] * p[1] * m[0][0] * m[1][0],
  },
  {
    name: 'same date of birth',
    features: ['family', 'given', 'document', 'address', 'phone', 'email', 'sex'],
    rule: (t, i, out) => {
      if (t.dobY.data[i] && t.dobM.data[i] && t.dobD.data[i]) out.push(t.dobY.data[i] * 10000 + t.dobM.data[i] * 100 + t.dobD.data[i]);
    },
    share: (m, _p, fullDob) => fullDob * m[2][0],
  },
];

/** Expected matches with a feature present on both sides before a session's m for it counts. */
const MIN_LEARNT = 30;

/** Learns m, u and lambda from the records (see fellegi-sunter.ts). */
export function learnModel(t: RecordTable, cmp: Comparator, recs: Int32Array, source: Int32Array | null, opts: LearnOptions, names: NameFrequencies): Model {
  const random = rng(opts.seed ?? 1);
  const n = recs.length;
  const v = new Int8Array(FEATURES.length);
  // u: exact levels from value counts, the others from random pairs.
  const exact = FEATURES.map((_, f) => exactAgreement(t, recs, source, f));
  const sampled = levelCounts();
  const uSamples = opts.uSamples ?? 200_000;
  if (n >= 2) {
    for (let k = 0, tries = 0; k < uSamples && tries < uSamples * 4; tries++) {
      const a = Math.floor(random() * n);
      const b = Math.floor(random() * n);
      if (a === b || (source && source[a] === source[b])) continue;
      k++;
      cmp.compare(recs[a], recs[b], v);
      for (let f = 0; f < v.length; f++) if (v[f] >= 0) sampled[f][v[f]]++;
    }
  }
  const allPairs = source ? crossPairs(source) : (n * (n - 1)) / 2;
  const u = uFrom(exact, sampled, allPairs);
  const presence = exact.map((e) => e.presence);
  let fullDob = 0;
  {
    let full = 0;
    for (const i of recs) if (t.dobY.data[i] && t.dobM.data[i] && t.dobD.data[i]) full++;
    fullDob = n > 1 ? (full * (full - 1)) / (n * (n - 1)) : 0;
  }
  // m: EM in each session, u fixed.
  // Sessions from the purest down. A session whose pairs are mostly matches (sharing a
  // document) sees m directly; its estimates are averaged with those of other such sessions.
  // A session where matches are rare (a common date of birth, a common name) is anchored: the
  // features learnt so far weigh with their m and do not move, and it only learns what no
  // purer session could see (an unanchored EM there drifts off to another split of the pairs).
  const pure: Array<Array<{ m: number[]; weight: number }>> = FEATURES.map(() => []);
  const anchored: Array<number[] | null> = FEATURES.map(() => null);
  const current = (): Array<number[] | null> =>
    FEATURES.map((_, f) => {
      const rows = pure[f];
      const w = rows.reduce((a, r) => a + r.weight, 0);
      if (w > 0) return rows[0].m.map((_, l) => rows.reduce((a, r) => a + r.m[l] * r.weight, 0) / w);
      return anchored[f];
    });
  const fits: Array<SessionFit & { total: number; sampledPairs: number; share: (m: number[][]) => number }> = [];
  for (const s of SESSIONS) {
    const { pairs, total } = sessionPairs(t, recs, source, s.rule, s.samples ?? opts.sessionSamples ?? 300_000, random, s.maxBlock);
    if (pairs.length < 20) continue;
    // Patterns: the comparison vector and, where the session weighs names, how common the
    // names agreed on are (in quarter bits), as the final weights will have it.
    const weighsNames = s.features.includes('family') || s.features.includes('given');
    const patterns = new Map<number, { v: Vector; n: number; adjust: number }>();
    for (const [a, b] of pairs) {
      cmp.compare(recs[a], recs[b], v);
      const adjust = weighsNames && (v[0] === 0 || v[1] === 0) ? Math.round(names.adjust(recs[a], recs[b], v, { m: [], u, lambda: 0 }) * 4) / 4 : 0;
      const code = patternCode(v) * 1024 + Math.max(-500, Math.min(500, adjust * 4)) + 512;
      const p = patterns.get(code);
      if (p) p.n++;
      else patterns.set(code, { v: Int8Array.from(v), n: 1, adjust });
    }
    const exclude = new Set(FEATURES.map((_, f) => f).filter((f) => !s.features.includes(FEATURES[f])));
    let fit = fitSession(patterns, u, exclude, current());
    const learns = (s.learns ?? s.features).map((x) => FEATURES.indexOf(x));
    if (fit.lambda >= 0.5) {
      fit = fitSession(patterns, u, exclude);
      for (const f of learns) if (fit.m[f] && fit.present[f] >= MIN_LEARNT) pure[f].push({ m: fit.m[f]!, weight: fit.present[f] });
    } else {
      for (const f of learns) if (!pure[f].length && !anchored[f] && fit.m[f] && fit.present[f] >= MIN_LEARNT) anchored[f] = fit.m[f];
    }
    fits.push({ ...fit, total, sampledPairs: pairs.length, share: (mm) => s.share(mm, presence, fullDob) });
  }
  const known = current();
  const prior = priorM();
  const m = known.map((row, f) => row ?? prior[f]);
  // lambda: matches in a session, scaled up by how often a match lands in it.
  const estimates = fits.map((s) => (s.lambda * s.total) / Math.max(1e-12, s.share(m)));
  const matches = median(estimates, allPairs * 0.01);
  if (process.env.CROSSLINK_RESOLVE_DEBUG) console.error(JSON.stringify({ fits: fits.map((s, i) => ({ lambda: s.lambda, matches: s.matches, total: s.total, sampled: s.sampledPairs, share: s.share(m), estimate: estimates[i] })), allPairs, presence, u: u.map((r) => r.map((x) => +x.toExponential(2))), m: m.map((r) => r.map((x) => +x.toFixed(4))) }, null, 1));
  const lambda = Math.min(0.5, Math.max(1 / Math.max(2, allPairs), matches / Math.max(1, allPairs)));
  return { m, u, lambda };
}
