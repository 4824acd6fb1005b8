// crossings.csv: merges the population's scheduled events with synthetic background traffic
// in time order and streams the rows (and their ground truth) straight to disk.

import { Rng } from './rng';
import { esc, type CsvWriter } from './csv-writer';
import type { Person } from './people';
import { AIR_WEIGHTS, CARRIERS, LAND_WEIGHTS, PORTS } from './ports';
import { type CrossingEvent, type Mode, type Window } from './schedule';
import { type SyntheticFactory } from './synthetic';
import { DAY, IsoFormatter, offsetMinutes } from './time';
import { writeDob, writeName } from './variants';
import { plateAsRead, type Vehicle } from './vehicles';

export type CrossingBadKind = 'unknown-result' | 'impossible-date';
export interface BadTarget { row: number; kind: CrossingBadKind }
export interface BadHit { file: string; line: number; reason: string; id: string }

export interface CrossingStream {
  rng: Rng;
  events: readonly CrossingEvent[];
  fillerRows: number;
  /** First crossing and event serials; random when absent. */
  idBase?: number;
  window: Window;
  synth: SyntheticFactory;
  out: CsvWriter;
  truthPersons: CsvWriter;
  truthVehicles: CsvWriter;
  bad: readonly BadTarget[];
  onRows: (rows: number) => void;
}

/** The cells around occurred_at that all rows of one event share. */
type Head = [string, string];

const RESULTS = [['ADMITTED', 9700], ['REFERRED', 250], ['DENIED', 30], ['SEIZURE', 10], ['ARREST', 10]] as const;
const TAU = Math.PI * 2;

/** Monotone warp of a day fraction that puts more traffic at midday than at night. */
function diurnal(u: number): number {
  return u + (0.6 * Math.sin(TAU * u)) / TAU;
}

export interface CrossingOut { bad: BadHit[]; plantedCrossingIds: string[] }

export async function streamCrossings(o: CrossingStream): Promise<CrossingOut> {
  const { rng, events, fillerRows: F, window: w, synth, out, truthPersons: tp, truthVehicles: tv } = o;
  const fmt = new IsoFormatter();
  const clean = new Map<Person, string>();
  const hits: BadHit[] = [];
  const plantedIds: string[] = [];
  let nextBad = 0;
  let row = 0;
  let crossingN = o.idBase ?? 10000000 + rng.int(80000000);
  let eventN = o.idBase ?? 10000000 + rng.int(80000000);
  let sinceYield = 0;

  const identity = (p: Person): string => {
    if (rng.chance(0.05)) {
      const n = writeName(rng, p, 0.7);
      const d = p.docs[0]!;
      return `${esc(n.last)},${esc(n.first)},${writeDob(rng, p.dob, 0.3)},${p.sex},${p.nationality},${d.type},${d.number},${d.country}`;
    }
    let s = clean.get(p);
    if (s === undefined) {
      const n = writeName(rng, p, 0);
      const d = p.docs[0]!;
      s = `${esc(n.last)},${esc(n.first)},${p.dob},${p.sex},${p.nationality},${d.type},${d.number},${d.country}`;
      clean.set(p, s);
    }
    return s;
  };

  const emit = (
    head: Head, occurred: string, tail: string, role: string, ident: string, personId: string, vehicleId: string, planted: boolean,
  ): void => {
    const cid = `CBP-X-${crossingN++}`;
    if (planted) plantedIds.push(cid);
    let occ = occurred;
    let t = tail;
    const target = o.bad[nextBad];
    if (target && row >= target.row && !planted) {
      nextBad++;
      let reason: string;
      if (target.kind === 'impossible-date') {
        occ = `${occ.slice(0, 5)}13${occ.slice(7)}`;
        reason = `impossible occurred_at ${occ}`;
      } else {
        t = t.replace(/[A-Z]+$/, 'WAVED_THROUGH');
        reason = 'unknown result code WAVED_THROUGH';
      }
      hits.push({ file: 'crossings.csv', line: row + 2, reason, id: cid });
    }
    out.raw(`${cid},${head[0]}${occ}${head[1]},${role},${ident},${t}\n`);
    tp.raw(`crossings.csv,${cid},${personId}\n`);
    if (vehicleId) tv.raw(`crossings.csv,${cid},${vehicleId}\n`);
    row++;
    sinceYield++;
  };

  const headOf = (eid: string, port: number, t: number, mode: Mode, lane: string, direction: string): [Head, string] => {
    const p = PORTS[port]!;
    const occurred = mode === 'AIR' ? fmt.format(t, null) : fmt.format(t, offsetMinutes(p.zone, t));
    const handling = rng.chance(0.02) ? 'LES' : rng.chance(0.1) ? '' : 'SHARED';
    return [[`${eid},CBP,${handling},`, `,${p.code},${direction},${mode},${lane}`], occurred];
  };

  const result = (): string => rng.weighted(RESULTS);

  const writeEvent = (e: CrossingEvent): void => {
    const eid = `EV-${eventN++}`;
    const [head, occurred] = headOf(eid, e.port, e.t, e.mode, e.lane, e.direction);
    const res = e.result || result();
    let vpart = ',,';
    let vid = '';
    const v: Vehicle | null = e.vehicle;
    if (v) {
      vpart = `${esc(rng.chance(0.9) ? v.plate : plateAsRead(rng, v.plate))},${v.plateRegion},${rng.chance(0.85) ? v.vin : ''}`;
      vid = v.id;
    }
    const tail = `${vpart},${e.carrier},${e.flight},${res}`;
    e.travellers.forEach((p, i) => {
      const role = e.mode === 'LAND' ? (i === 0 ? 'DRIVER' : 'PASSENGER') : e.mode === 'AIR' ? 'AIR_TRAVELER' : 'PEDESTRIAN';
      emit(head, occurred, tail, role, identity(p), p.id, vid, e.planted);
    });
    for (let k = 0; k < e.synthetic; k++) {
      const [ident, pid] = synth.traveller(false, false, e.planted);
      emit(head, occurred, tail, e.mode === 'LAND' ? 'PASSENGER' : 'PEDESTRIAN', ident, pid, vid, e.planted);
    }
  };

  const span = w.days * DAY;
  const fillTime = (p: number): number => {
    const x = ((p + 0.5) / F) * w.days;
    const d = Math.floor(x);
    return Math.floor(w.start + d * DAY + diurnal(x - d) * DAY);
  };

  /** Writes one background event starting at filler position p, at most `left` rows. */
  const writeFiller = (p: number, left: number): number => {
    const t = Math.min(fillTime(p), w.start + span - 1);
    const eid = `EV-${eventN++}`;
    const roll = rng.next();
    if (roll < 0.1) {
      const port = rng.weighted(AIR_WEIGHTS);
      const [carrier] = CARRIERS[rng.int(CARRIERS.length)]!;
      const size = Math.min(left, rng.chance(0.75) ? 1 : 2);
      const [head, occurred] = headOf(eid, port, t, 'AIR', '', rng.chance(0.9) ? 'INBOUND' : 'OUTBOUND');
      const tail = `,,,${carrier},${carrier}${rng.range(100, 2999)},${result()}`;
      for (let k = 0; k < size; k++) {
        const [ident, pid] = synth.traveller(true, k === 0);
        emit(head, occurred, tail, rng.chance(0.02) ? 'CREW' : 'AIR_TRAVELER', ident, pid, '', false);
      }
      return size;
    }
    const port = rng.weighted(LAND_WEIGHTS);
    const direction = rng.chance(0.88) ? 'INBOUND' : 'OUTBOUND';
    const laneRoll = rng.next();
    const lane = laneRoll < 0.55 ? 'GENERAL' : laneRoll < 0.82 ? 'READY' : laneRoll < 0.97 ? 'SENTRI' : rng.chance(0.5) ? 'COMMERCIAL' : '';
    if (roll < 0.45) {
      const size = Math.min(left, rng.chance(0.85) ? 1 : 2);
      const [head, occurred] = headOf(eid, port, t, 'PEDESTRIAN', lane === 'COMMERCIAL' ? 'GENERAL' : lane, direction);
      const tail = `,,,,,${result()}`;
      for (let k = 0; k < size; k++) {
        const [ident, pid] = synth.traveller(false, k === 0);
        emit(head, occurred, tail, 'PEDESTRIAN', ident, pid, '', false);
      }
      return size;
    }
    const size = Math.min(left, 1 + rng.weighted([[0, 45], [1, 25], [2, 15], [3, 10], [4, 5]] as const));
    const veh = synth.vehicle(port);
    const [head, occurred] = headOf(eid, port, t, 'LAND', lane, direction);
    const tail = `${rng.chance(0.92) ? veh.plate : plateAsRead(rng, veh.plate)},${veh.region},${rng.chance(0.85) ? veh.vin : ''},,,${result()}`;
    for (let k = 0; k < size; k++) {
      const [ident, pid] = synth.traveller(false, k === 0);
      emit(head, occurred, tail, k === 0 ? 'DRIVER' : 'PASSENGER', ident, pid, veh.id, false);
    }
    return size;
  };

  let si = 0;
  let p = 0;
  while (si < events.length || p < F) {
    const ts = si < events.length ? events[si]!.t : Infinity;
    const tf = p < F ? fillTime(p) : Infinity;
    if (ts <= tf) writeEvent(events[si++]!);
    else p += writeFiller(p, F - p);
    if (sinceYield >= 100000) {
      sinceYield = 0;
      o.onRows(row);
      await new Promise<void>((r) => setImmediate(r));
    }
  }
  o.onRows(row);
  return { bad: hits, plantedCrossingIds: plantedIds };
}
