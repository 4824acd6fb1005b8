// Person resolution in the Fellegi-Sunter spirit: records are blocked on several keys so
// cost grows about linearly, each candidate pair gets a comparison vector (a level per
// feature), u-probabilities come from random pairs and m-probabilities from EM over the
// candidate pairs (learnt from the data, never tuned to a test set), and each pair's match
// probability sorts it into same / possibly same / different. Clustering merges the
// strongest pairs first and refuses a merge that would join records with strong evidence
// against each other (a hard document contradiction, or overwhelming disagreement), so two
// people are never chained together through one weak or noisy record.
import { blockKeys, compare, FEATURES, LEVELS, prepare, type Feature, type PersonRecord, type Prepared, type Vector } from './features';
import { estimateM, estimateU, logBayes, probability, rng, type Model } from './fellegi-sunter';
import { normaliseDocExact } from './normalise';
import { foldText } from '../util/text';

export { FEATURES, LEVELS, type Feature, type PersonRecord, type Vector } from './features';
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
