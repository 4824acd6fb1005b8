// Crossing events of the population over the window: commuters most days, families together
// in one vehicle, occasional trips (some by air), the trap's father and son, and the planted
// network crossing minutes apart at one port.

import { Rng } from './rng';
import type { Household, Person } from './people';
import type { AliasTrap, Network } from './plant';
import { AIR_WEIGHTS, CARRIERS, LAND_WEIGHTS, PORTS } from './ports';
import type { Vehicle } from './vehicles';
import { DAY, offsetMinutes } from './time';

export type Mode = 'LAND' | 'PEDESTRIAN' | 'AIR';

export interface CrossingEvent {
  t: number;
  port: number;
  mode: Mode;
  lane: string;
  direction: 'INBOUND' | 'OUTBOUND';
  travellers: Person[];
  /** Synthetic one-off passengers added after the travellers (smuggled persons). */
  synthetic: number;
  vehicle: Vehicle | null;
  carrier: string;
  flight: string;
  /** Fixed result, or '' for a random one. */
  result: string;
  planted: boolean;
}

export interface Window {
  /** UTC second at which day 0 starts (local midnight, Mountain Standard Time). */
  start: number;
  days: number;
}

/** Epoch second of a local wall-clock hour (may be fractional) at a port on day d. */
export function localTime(w: Window, d: number, port: number, hour: number): number {
  const midnightUtc = w.start - 7 * 3600 + d * DAY; // the calendar day's 00:00 UTC
  const off = offsetMinutes(PORTS[port]!.zone, midnightUtc + 12 * 3600);
  return Math.floor(midnightUtc - off * 60 + hour * 3600);
}

/** Day of week of window day d: 0 = Sunday. */
function weekday(w: Window, d: number): number {
  return (Math.floor((w.start - 7 * 3600) / DAY) + d + 4) % 7;
}

export class Scheduler {
  readonly events: CrossingEvent[] = [];

  constructor(private readonly rng: Rng, private readonly w: Window, private readonly vehicles: readonly Vehicle[]) {}

  private laneFor(p: Person, mode: Mode): string {
    if (mode === 'AIR') return '';
    if (p.sentri) return 'SENTRI';
    return this.rng.chance(0.45) ? 'READY' : 'GENERAL';
  }

  add(e: Partial<CrossingEvent> & Pick<CrossingEvent, 't' | 'port' | 'mode' | 'travellers'>): CrossingEvent {
    const ev: CrossingEvent = {
      lane: e.lane ?? this.laneFor(e.travellers[0]!, e.mode),
      direction: 'INBOUND', synthetic: 0, vehicle: null, carrier: '', flight: '', result: '', planted: false, ...e,
    };
    this.events.push(ev);
    return ev;
  }

  private trip(travellers: Person[], d: number, hour: number, port: number, byCar: boolean, direction: 'INBOUND' | 'OUTBOUND' = 'INBOUND'): void {
    const lead = travellers[0]!;
    const vehicle = byCar && lead.vehicle >= 0 ? this.vehicles[lead.vehicle]! : null;
    this.add({ t: localTime(this.w, d, port, hour), port, mode: vehicle ? 'LAND' : 'PEDESTRIAN', travellers, vehicle, direction });
  }

  private airTrip(travellers: Person[], d: number): void {
    const r = this.rng;
    const port = r.weighted(AIR_WEIGHTS);
    const [carrier] = r.pick(CARRIERS);
    this.add({
      t: localTime(this.w, d, port, 7 + r.next() * 15), port, mode: 'AIR', travellers, lane: '', carrier,
      flight: `${carrier}${r.range(100, 2999)}`,
    });
  }

  commuter(p: Person): void {
    const r = this.rng;
    for (let d = 0; d < this.w.days; d++) {
      const wd = weekday(this.w, d);
      if (!r.chance(wd === 0 || wd === 6 ? 0.3 : 0.88)) continue;
      const byCar = p.vehicle >= 0 && r.chance(0.85);
      this.trip([p], d, 5.5 + r.next() * 4, p.homePort, byCar);
      if (r.chance(0.12)) this.trip([p], d, 17 + r.next() * 3, p.homePort, byCar, 'OUTBOUND');
    }
  }

  household(h: Household): void {
    const r = this.rng;
    for (let d = 0; d < this.w.days; d++) {
      const wd = weekday(this.w, d);
      if (!r.chance(wd === 0 || wd === 6 ? 0.35 : 0.07)) continue;
      const group = [h.driver, ...h.members.filter((m) => m !== h.driver && r.chance(0.75))];
      const port = h.driver.homePort;
      const hour = 9 + r.next() * 10;
      this.trip(group, d, hour, port, true);
      if (r.chance(0.3)) this.trip(group, d, Math.min(23.5, hour + 3 + r.next() * 4), port, true, 'OUTBOUND');
    }
  }

  occasional(p: Person): void {
    const r = this.rng;
    for (let d = 0; d < this.w.days; d++) {
      if (!r.chance(0.14)) continue;
      if (r.chance(0.18)) this.airTrip([p], d);
      else this.trip([p], d, 7 + r.next() * 15, r.chance(0.8) ? p.homePort : r.weighted(LAND_WEIGHTS), r.chance(0.7));
    }
  }

  /** Father and son cross on their own and, once, together in the family truck. */
  trap(t: AliasTrap): void {
    const r = this.rng;
    const days = Math.max(1, this.w.days);
    const together = r.int(days);
    this.trip([t.father, t.son], together, 10 + r.next() * 6, t.father.homePort, true);
    for (const p of [t.father, t.son]) {
      for (let k = 0; k < 2; k++) this.trip([p], r.int(days), 6 + r.next() * 12, p.homePort, r.chance(0.6));
    }
  }

  /** Episodes of co-travel: the scout on foot, the truck (drivers rotate) and a second member minutes apart. */
  network(n: Network): void {
    const r = this.rng;
    const m = n.members;
    const drivers = [m[2]!, m[3]!, m[4]!];
    const episodes = Math.max(1, Math.min(this.w.days, 4));
    const days = r.shuffle(Array.from({ length: this.w.days }, (_, i) => i)).slice(0, episodes).sort((a, b) => a - b);
    days.forEach((d, e) => {
      const t0 = localTime(this.w, d, n.port, 18 + r.next() * 3);
      const driver = drivers[e % 3]!;
      this.add({ t: t0, port: n.port, mode: 'PEDESTRIAN', travellers: [m[5]!], lane: 'GENERAL', planted: true, result: 'ADMITTED' });
      const riders = e % 2 === 1 ? [driver, m[1]!] : [driver];
      this.add({
        t: t0 + 120 + r.int(420), port: n.port, mode: 'LAND', travellers: riders, vehicle: n.vehicle, lane: 'GENERAL',
        synthetic: r.range(2, 3), planted: true, result: e === episodes - 1 && episodes > 1 ? 'REFERRED' : 'ADMITTED',
      });
      const second = e % 2 === 0 ? m[0]! : drivers[(e + 1) % 3]!;
      this.add({ t: t0 + 300 + r.int(600), port: n.port, mode: 'PEDESTRIAN', travellers: [second], lane: 'READY', planted: true, result: 'ADMITTED' });
    });
    // Each driver also crosses alone now and then, in the truck.
    for (const p of drivers) {
      const d = r.int(Math.max(1, this.w.days));
      this.add({ t: localTime(this.w, d, n.port, 7 + r.next() * 4), port: n.port, mode: 'LAND', travellers: [p], vehicle: n.vehicle, planted: true });
    }
  }

  /** Sorts events by time (stable on a random key so ties do not depend on insertion order). */
  sorted(): CrossingEvent[] {
    const keyed = this.events.map((e) => ({ e, k: this.rng.u32() }));
    keyed.sort((a, b) => a.e.t - b.e.t || a.k - b.k);
    return keyed.map((x) => x.e);
  }
}

export function rowsOf(e: CrossingEvent): number {
  return e.travellers.length + e.synthetic;
}
