// How common each family and given name is among the identities of a run: agreeing on GARCIA
// says less than agreeing on ZUBIZARRETA (Splink's term-frequency adjustment). An exact
// agreement on a name weighs log2(m / share of that name) instead of log2(m / average chance).
// Given names go with family names (KATRIN with SCHRÖDER far more often than chance), so an
// agreement on both is weighed by how common the two are together.
import type { Vector } from './features';
import type { Model } from './fellegi-sunter';
import type { RecordTable } from './table';

/** What a run stores so that its weights can be explained later: names met twice or more. */
export interface NameCountRow {
  part: 'family' | 'given' | 'both';
  value: string;
  count: number;
}

export interface NameTotals {
  family: number;
  given: number;
  both: number;
}

const SEP = '\u0001';
/** How many records' worth the average chance of agreeing on a name counts for. */
const PRIOR_RECORDS = 500;

/** The chance another record bears a name met `count` times among `total`, drawn towards `u`. */
function uOf(count: number, total: number, u: number): number {
  return (count - 1 + PRIOR_RECORDS * u) / (total - 1 + PRIOR_RECORDS);
}

export class NameFrequencies {
  private readonly family: Float64Array;
  private readonly given: Float64Array;
  private readonly both = new Map<number, Map<number, number>>();
  readonly totals: NameTotals = { family: 0, given: 0, both: 0 };

  /** Counts over the records `recs` of `t` (the run's identities). */
  constructor(
    private readonly t: RecordTable,
    recs: ArrayLike<number> = [],
  ) {
    this.family = new Float64Array(t.joined.size);
    this.given = new Float64Array(t.joined.size);
    for (let r = 0; r < recs.length; r++) {
      const i = recs[r];
      const f = t.famJoined.data[i];
      const g = t.givJoined.data[i];
      if (f) {
        this.family[f]++;
        this.totals.family++;
      }
      if (g) {
        this.given[g]++;
        this.totals.given++;
      }
      if (f && g) this.addBoth(f, g, 1);
    }
  }

  private addBoth(f: number, g: number, n: number): void {
    let byGiven = this.both.get(f);
    if (!byGiven) this.both.set(f, (byGiven = new Map()));
    byGiven.set(g, (byGiven.get(g) ?? 0) + n);
    if (n === 1) this.totals.both++;
  }

  /** The counts of names met at least twice (a name met once is never agreed on). */
  rows(): NameCountRow[] {
    const out: NameCountRow[] = [];
    const V = this.t.joined.values;
    this.family.forEach((c, id) => c >= 2 && out.push({ part: 'family', value: V[id], count: c }));
    this.given.forEach((c, id) => c >= 2 && out.push({ part: 'given', value: V[id], count: c }));
    for (const [f, byGiven] of this.both) for (const [g, c] of byGiven) if (c >= 2) out.push({ part: 'both', value: `${V[f]}${SEP}${V[g]}`, count: c });
    return out;
  }

  /** The frequencies a run stored, for the names of the records of `t` (explaining a pair later). */
  static stored(t: RecordTable, lookup: (part: NameCountRow['part'], value: string) => number | undefined, totals: NameTotals): NameFrequencies {
    const n = new NameFrequencies(t);
    Object.assign(n.totals, totals);
    const V = t.joined.values;
    for (let i = 0; i < t.n; i++) {
      const f = t.famJoined.data[i];
      const g = t.givJoined.data[i];
      if (f && !n.family[f]) n.family[f] = lookup('family', V[f]) ?? 1;
      if (g && !n.given[g]) n.given[g] = lookup('given', V[g]) ?? 1;
      if (f && g && !n.both.get(f)?.get(g)) n.addBoth(f, g, lookup('both', `${V[f]}${SEP}${V[g]}`) ?? 1);
    }
    return n;
  }

  /**
   * The log2 change to a pair's weight when its names agree exactly: log2(u / u of that name),
   * where u of a name is the chance another record bears it, (count - 1) / (records - 1),
   * drawn towards the average u by PRIOR_RECORDS (a name three times in a case of seven says
   * little about how common it is).
   */
  adjust(a: number, b: number, v: Vector, model: Model): number {
    const t = this.t;
    const fa = v[0] === 0 ? t.famJoined.data[a] : -1;
    const fb = v[0] === 0 ? t.famJoined.data[b] : -1;
    const ga = v[1] === 0 ? t.givJoined.data[a] : -1;
    const gb = v[1] === 0 ? t.givJoined.data[b] : -1;
    // Agreement found by the swapped or missing-part comparison: no single name to look up.
    const sameFamily = fa > 0 && fa === fb && this.family[fa] > 0;
    const sameGiven = ga > 0 && ga === gb && this.given[ga] > 0;
    const uf = model.u[0][0];
    const ug = model.u[1][0];
    if (sameFamily && sameGiven) {
      const c = this.both.get(fa)?.get(ga);
      if (c) return Math.log2((uf * ug) / uOf(c, this.totals.both, uf * ug));
    }
    let w = 0;
    if (sameFamily) w += Math.log2(uf / uOf(this.family[fa], this.totals.family, uf));
    if (sameGiven) w += Math.log2(ug / uOf(this.given[ga], this.totals.given, ug));
    return w;
  }
}
