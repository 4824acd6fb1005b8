// Vehicle resolution: vehicle records and the vehicle reads of crossing events resolve into
// vehicles. A VIN is the strong key: read errors are folded (I/O/Q never occur in a VIN),
// the North American check digit tells a well-read VIN from a mistyped one, and a
// mistyped VIN one character away from a valid one is taken as it. A plate with its region
// joins reads that have no VIN, but never two different valid VINs (plates move between
// cars).

const VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** Upper case, letters and digits only, with the letters a VIN never holds read as digits. */
export function normaliseVinRead(raw: string | null | undefined): string {
  return (raw ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '').replace(/[OQ]/g, '0').replace(/I/g, '1');
}

/** The North American check digit (position 9) is right. */
export function vinCheckDigitOk(vin: string): boolean {
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i];
    const v = c >= '0' && c <= '9' ? Number(c) : VALUES[c];
    if (v === undefined) return false;
    sum += v * WEIGHTS[i];
  }
  const r = sum % 11;
  return vin[8] === (r === 10 ? 'X' : String(r));
}

export interface VehicleRead {
  /** 'vehicle:RECORD_ID' or 'event:EVENT_ID'. */
  id: string;
  vin: string | null;
  plate: string | null;
  region: string | null;
}

function oneAway(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++d > 1) return false;
  return d === 1;
}

/** Groups the reads into vehicles; returns the vehicle index of each read. */
export function resolveVehicles(reads: VehicleRead[]): Int32Array {
  const parent = Int32Array.from(reads, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  // The valid VIN a group holds, if any: two different valid VINs never join.
  const validVin = new Map<number, string>();
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const va = validVin.get(ra);
    const vb = validVin.get(rb);
    if (va && vb && va !== vb) return;
    parent[rb] = ra;
    if (!va && vb) validVin.set(ra, vb);
  };
  const vins = reads.map((r) => normaliseVinRead(r.vin));
  reads.forEach((_, i) => {
    if (vins[i].length === 17 && vinCheckDigitOk(vins[i])) validVin.set(i, vins[i]);
  });
  // 1. The same VIN.
  const byVin = new Map<string, number>();
  vins.forEach((v, i) => {
    if (v.length < 11) return;
    const j = byVin.get(v);
    if (j === undefined) byVin.set(v, i);
    else union(j, i);
  });
  // 2. A mistyped VIN (bad check digit) one character from a valid one: the same vehicle.
  //    Candidates share the first 8 or the last 8 characters.
  const valid = [...byVin.keys()].filter((v) => v.length === 17 && vinCheckDigitOk(v));
  const head = new Map<string, string[]>();
  const tail = new Map<string, string[]>();
  for (const v of valid) {
    head.set(v.slice(0, 8), [...(head.get(v.slice(0, 8)) ?? []), v]);
    tail.set(v.slice(9), [...(tail.get(v.slice(9)) ?? []), v]);
  }
  for (const [v, i] of byVin) {
    if (v.length !== 17 || vinCheckDigitOk(v)) continue;
    const near = [...(head.get(v.slice(0, 8)) ?? []), ...(tail.get(v.slice(9)) ?? [])].filter((w) => oneAway(v, w));
    if (near.length === 1) union(byVin.get(near[0])!, i);
  }
  // 3. The same plate in the same region; a read whose region is unknown joins its plate's
  //    largest group.
  const byPlate = new Map<string, Map<string, number[]>>();
  reads.forEach((r, i) => {
    const p = (r.plate ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (p.length < 3) return;
    let regions = byPlate.get(p);
    if (!regions) byPlate.set(p, (regions = new Map()));
    const k = (r.region ?? '').toUpperCase();
    regions.set(k, [...(regions.get(k) ?? []), i]);
  });
  for (const regions of byPlate.values()) {
    let largest: number[] | null = null;
    for (const [k, idx] of regions) {
      for (let x = 1; x < idx.length; x++) union(idx[0], idx[x]);
      if (k && (!largest || idx.length > largest.length)) largest = idx;
    }
    const unknown = regions.get('');
    if (unknown && largest) for (const i of unknown) union(largest[0], i);
  }
  return Int32Array.from(reads, (_, i) => find(i));
}
