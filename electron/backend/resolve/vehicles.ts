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
  if (!raw) return '';
  // One pass (half a million reads a national day): a-z up, O and Q to 0, I to 1, the rest out.
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    let c = raw.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c === 79 || c === 81) c = 48;
    else if (c === 73) c = 49;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) out += String.fromCharCode(c);
    else if (c > 127) return raw.toUpperCase().replace(/[^A-Z0-9]/g, '').replace(/[OQ]/g, '0').replace(/I/g, '1');
  }
  return out;
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
  /** 'vehicle:RECORD_ID' or 'event:EVENT_ID' (only for the caller: resolution reads vin, plate and region). */
  id?: string;
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

/** A plate as compared: upper case, letters and digits only. */
export function normalisePlate(raw: string | null | undefined): string {
  return (raw ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function push<K>(m: Map<K, string[]>, k: K, v: string): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * Groups the reads into vehicles; returns the vehicle index of each read. No object per
 * read is made: a national day has half a million reads.
 */
export function resolveVehicles(reads: ArrayLike<VehicleRead>): Int32Array {
  const n = reads.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
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
  // 1. The same VIN.
  const byVin = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const raw = reads[i].vin;
    if (!raw) continue;
    const v = normaliseVinRead(raw);
    if (v.length < 11) continue;
    const j = byVin.get(v);
    if (j === undefined) {
      byVin.set(v, i);
      if (v.length === 17 && vinCheckDigitOk(v)) validVin.set(i, v);
    } else union(j, i);
  }
  // 2. A mistyped VIN (bad check digit) one character from a valid one: the same vehicle.
  //    Candidates share the first 8 or the last 8 characters.
  const head = new Map<string, string[]>();
  const tail = new Map<string, string[]>();
  for (const v of byVin.keys()) {
    if (v.length !== 17 || !vinCheckDigitOk(v)) continue;
    push(head, v.slice(0, 8), v);
    push(tail, v.slice(9), v);
  }
  for (const [v, i] of byVin) {
    if (v.length !== 17 || vinCheckDigitOk(v)) continue;
    const near = [...(head.get(v.slice(0, 8)) ?? []), ...(tail.get(v.slice(9)) ?? [])].filter((w) => oneAway(v, w));
    if (new Set(near).size === 1) union(byVin.get(near[0])!, i);
  }
  // 3. The same plate in the same region; a read whose region is unknown joins its plate's
  //    largest group.
  const first = new Map<string, number>();
  // reads of a plate and region, counted at its first read
  const size = new Int32Array(n);
  const unknown: Array<[string, number]> = [];
  for (let i = 0; i < n; i++) {
    const raw = reads[i].plate;
    if (!raw) continue;
    const p = normalisePlate(raw);
    if (p.length < 3) continue;
    const region = reads[i].region ? reads[i].region!.toUpperCase() : '';
    if (!region) {
      unknown.push([p, i]);
      continue;
    }
    const k = `${p}\u0001${region}`;
    let j = first.get(k);
    if (j === undefined) first.set(k, (j = i));
    else union(j, i);
    size[j]++;
  }
  const largest = new Map<string, { read: number; size: number }>();
  if (unknown.length) {
    for (const [k, i] of first) {
      const p = k.slice(0, k.indexOf('\u0001'));
      const best = largest.get(p);
      if (!best || size[i] > best.size) largest.set(p, { read: i, size: size[i] });
    }
  }
  const noRegion = new Map<string, number>();
  for (const [p, i] of unknown) {
    const best = largest.get(p);
    if (best) union(best.read, i);
    else {
      const j = noRegion.get(p);
      if (j === undefined) noRegion.set(p, i);
      else union(j, i);
    }
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = find(i);
  return out;
}
