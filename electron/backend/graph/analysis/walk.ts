// Breadth-first walks over the entity graph under an analyst's rules: which link kinds,
// which period, no passing through hubs, at most so many hops. Scratch arrays are stamped
// per search instead of cleared, so a search costs what it visits, not the graph's size.
import { UNDATED, degreeOf, type EntityGraph } from './entity-graph';

export interface WalkRules {
  /** Per link kind code: may the walk use it? */
  kindOk: Uint8Array;
  /** The period, in wall-clock minutes (see EntityGraph.adjLocal). */
  since: number;
  until: number;
  /** Per node kind code: always a hub (ports). */
  hubKind: Uint8Array;
  /** A node with this many links or more is a hub (Infinity: none). */
  hubDegree: number;
  maxHops: number;
  /** Agency bits that must all be able to see a step (0: everything may be walked). */
  readers: number;
}

/** A path as dense node indexes and, between them, the adjacency position of each step. */
export interface DensePath {
  nodes: number[];
  steps: number[];
}

class Scratch {
  stampF: Int32Array;
  stampB: Int32Array;
  distF: Int32Array;
  distB: Int32Array;
  prevF: Int32Array;
  prevB: Int32Array;
  posF: Int32Array;
  posB: Int32Array;
  blocked: Int32Array;
  arrival: Float64Array;
  gen = 0;
  constructor(n: number) {
    this.stampF = new Int32Array(n);
    this.stampB = new Int32Array(n);
    this.distF = new Int32Array(n);
    this.distB = new Int32Array(n);
    this.prevF = new Int32Array(n);
    this.prevB = new Int32Array(n);
    this.posF = new Int32Array(n);
    this.posB = new Int32Array(n);
    this.blocked = new Int32Array(n);
    this.arrival = new Float64Array(n);
  }
  next(): number {
    if (++this.gen === 0x7fffffff) {
      for (const a of [this.stampF, this.stampB, this.blocked]) a.fill(0);
      this.gen = 1;
    }
    return this.gen;
  }
}

const scratches = new WeakMap<EntityGraph, Scratch>();
function scratchFor(g: EntityGraph): Scratch {
  let s = scratches.get(g);
  if (!s) scratches.set(g, (s = new Scratch(g.n)));
  return s;
}

export class Walker {
  private readonly s: Scratch;
  /** Hubs met and not passed through (dense indexes), first ones first. */
  readonly hubsMet = new Set<number>();
  /** Nodes visited by all searches of this walker (for the bench and the notes). */
  visited = 0;

  constructor(
    readonly g: EntityGraph,
    readonly rules: WalkRules,
  ) {
    this.s = scratchFor(g);
  }

  isHub(i: number): boolean {
    return this.rules.hubKind[this.g.kind[i]] === 1 || degreeOf(this.g, i) >= this.rules.hubDegree;
  }

  edgeOk(p: number): boolean {
    if (!this.rules.kindOk[this.g.adjKind[p]]) return false;
    const r = this.rules.readers;
    if (r && ((this.g.adjMask[p] & r) !== r || (this.g.nodeMask[this.g.adj[p]] & r) !== r)) return false;
    const at = this.g.adjLocal[p];
    return at === UNDATED || (at >= this.rules.since && at <= this.rules.until);
  }

  /**
   * One shortest path from s to t (bidirectional BFS), or null. `blockedNodes` may not be
   * entered; from `spur`, the next node may not be one of `blockedNext` (Yen's deviations).
   */
  shortest(s: number, t: number, maxHops = this.rules.maxHops, blockedNodes: number[] = [], spur = -1, blockedNext?: Set<number>): DensePath | null {
    if (s === t) return { nodes: [s], steps: [] };
    const { g } = this;
    const sc = this.s;
    const gen = sc.next();
    for (const b of blockedNodes) sc.blocked[b] = gen;
    sc.stampF[s] = gen; sc.distF[s] = 0; sc.prevF[s] = -1;
    sc.stampB[t] = gen; sc.distB[t] = 0; sc.prevB[t] = -1;
    let frontF = [s];
    let frontB = [t];
    let dF = 0;
    let dB = 0;
    let best = Infinity;
    let meet = -1;
    while (frontF.length && frontB.length && dF + dB < maxHops) {
      const forward = frontF.length <= frontB.length;
      const front = forward ? frontF : frontB;
      const stamp = forward ? sc.stampF : sc.stampB;
      const other = forward ? sc.stampB : sc.stampF;
      const dist = forward ? sc.distF : sc.distB;
      const odist = forward ? sc.distB : sc.distF;
      const prev = forward ? sc.prevF : sc.prevB;
      const pos = forward ? sc.posF : sc.posB;
      const goal = forward ? t : s;
      const d = (forward ? dF : dB) + 1;
      const next: number[] = [];
      for (const u of front) {
        for (let p = g.off[u], end = g.off[u + 1]; p < end; p++) {
          const v = g.adj[p];
          if (stamp[v] === gen || sc.blocked[v] === gen) continue;
          if (u === spur && blockedNext?.has(v)) continue;
          if (v === spur && blockedNext?.has(u)) continue;
          if (!this.edgeOk(p)) continue;
          if (v !== goal && this.isHub(v)) {
            if (this.hubsMet.size < 50) this.hubsMet.add(v);
            continue;
          }
          stamp[v] = gen;
          dist[v] = d;
          prev[v] = u;
          pos[v] = p;
          this.visited++;
          if (other[v] === gen && d + odist[v] < best) {
            best = d + odist[v];
            meet = v;
          }
          next.push(v);
        }
      }
      if (forward) {
        frontF = next;
        dF = d;
      } else {
        frontB = next;
        dB = d;
      }
      if (meet >= 0) break;
    }
    if (meet < 0 || best > maxHops) return null;
    const left: number[] = [];
    const leftSteps: number[] = [];
    for (let v = meet; v !== s; v = sc.prevF[v]) {
      left.push(v);
      leftSteps.push(sc.posF[v]);
    }
    left.push(s);
    left.reverse();
    leftSteps.reverse();
    const nodes = left;
    const steps = leftSteps;
    for (let v = meet; v !== t; v = sc.prevB[v]) {
      nodes.push(sc.prevB[v]);
      steps.push(sc.posB[v]);
    }
    return { nodes, steps };
  }

  /**
   * A time-respecting path: every dated step no earlier than the dated step before it
   * (undated steps keep the time). Fewest hops among those found layer by layer, with the
   * earliest arrival kept at each node.
   */
  timeRespecting(s: number, t: number, maxHops = this.rules.maxHops): DensePath | null {
    const { g } = this;
    const sc = this.s;
    const gen = sc.next();
    sc.stampF[s] = gen; sc.arrival[s] = -Infinity; sc.prevF[s] = -1; sc.distF[s] = 0;
    let front = [s];
    for (let d = 1; d <= maxHops && front.length; d++) {
      const next = new Set<number>();
      for (const u of front) {
        for (let p = g.off[u], end = g.off[u + 1]; p < end; p++) {
          const v = g.adj[p];
          if (v === s || !this.edgeOk(p)) continue;
          const at = g.adjAt[p];
          if (at !== UNDATED && at < sc.arrival[u]) continue;
          const arrive = at === UNDATED ? sc.arrival[u] : at;
          if (v !== t && this.isHub(v)) {
            if (this.hubsMet.size < 50) this.hubsMet.add(v);
            continue;
          }
          if (sc.stampF[v] === gen && sc.arrival[v] <= arrive) continue;
          if (onChain(sc, u, v, s)) continue; // never loop back through an earlier step
          sc.stampF[v] = gen;
          sc.arrival[v] = arrive;
          sc.prevF[v] = u;
          sc.posF[v] = p;
          sc.distF[v] = d;
          this.visited++;
          if (v !== t) next.add(v);
        }
      }
      if (sc.stampF[t] === gen) break;
      front = [...next];
    }
    if (sc.stampF[t] !== gen) return null;
    const nodes: number[] = [];
    const steps: number[] = [];
    for (let v = t; v !== s; v = sc.prevF[v]) {
      nodes.push(v);
      steps.push(sc.posF[v]);
      if (nodes.length > maxHops + 1) return null;
    }
    nodes.push(s);
    return { nodes: nodes.reverse(), steps: steps.reverse() };
  }
}

/** Is `v` on the chain of predecessors from `u` back to `s`? */
function onChain(sc: Scratch, u: number, v: number, s: number): boolean {
  for (let x = u, guard = 0; x !== s && x >= 0 && guard < 64; x = sc.prevF[x], guard++) if (x === v) return true;
  return v === s;
}

/** Up to k shortest loopless paths with distinct node sequences (Yen's algorithm over BFS). */
export function kShortest(w: Walker, s: number, t: number, k: number): DensePath[] {
  const first = w.shortest(s, t);
  if (!first) return [];
  const found: DensePath[] = [first];
  const seen = new Set([first.nodes.join(',')]);
  const candidates: DensePath[] = [];
  while (found.length < k) {
    const last = found[found.length - 1];
    for (let i = 0; i < last.nodes.length - 1; i++) {
      const spur = last.nodes[i];
      const root = last.nodes.slice(0, i + 1);
      const rootKey = root.join(',');
      const blockedNext = new Set<number>();
      for (const p of found) if (p.nodes.length > i + 1 && p.nodes.slice(0, i + 1).join(',') === rootKey) blockedNext.add(p.nodes[i + 1]);
      const spurPath = w.shortest(spur, t, w.rules.maxHops - i, root.slice(0, -1), spur, blockedNext);
      if (!spurPath) continue;
      const path = { nodes: [...root.slice(0, -1), ...spurPath.nodes], steps: [...last.steps.slice(0, i), ...spurPath.steps] };
      const key = path.nodes.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(path);
    }
    if (!candidates.length) break;
    let best = 0;
    for (let c = 1; c < candidates.length; c++) if (candidates[c].nodes.length < candidates[best].nodes.length) best = c;
    found.push(candidates.splice(best, 1)[0]);
  }
  return found;
}
