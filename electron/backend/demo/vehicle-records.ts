// Who owns which vehicle, and vehicles.csv: agency records of vehicles.

import { Rng } from './rng';
import type { Household, Person } from './people';
import type { AliasTrap, Network } from './plant';
import { type Agency, type Handling, HANDLING_BY_AGENCY, assignIds } from './subjects';
import { type Vehicle, VehicleFactory, plateAsRead, vinTypo } from './vehicles';
import { DAY, isoZ } from './time';

export interface VehicleRecord {
  id: string;
  vehicle: Vehicle;
  agency: Agency;
  handling: Handling;
  entered: number;
  values: Record<string, string>;
}

/** Gives vehicles to commuters, households and some occasional travellers. */
export function assignVehicles(rng: Rng, vf: VehicleFactory, persons: readonly Person[], households: readonly Household[], trap: AliasTrap): void {
  for (const h of households) {
    if (!rng.chance(0.85)) continue;
    const v = vf.make(h.driver.idx, h.driver.address.region || 'US-TX');
    for (const m of h.members) m.vehicle = v.idx;
  }
  for (const p of persons) {
    if (p.vehicle >= 0 || p.household >= 0) continue;
    const odds = p.kind === 'commuter' ? 0.65 : p.kind === 'occasional' ? 0.3 : 0;
    if (rng.chance(odds)) p.vehicle = vf.make(p.idx, p.address.region || 'US-TX').idx;
  }
  const truck = vf.make(trap.father.idx, 'US-TX', { make: 'CHEVROLET', model: 'SILVERADO', color: 'RED' });
  trap.father.vehicle = truck.idx;
  trap.son.vehicle = truck.idx;
}

export function buildVehicleRecords(
  rng: Rng, vehicles: readonly Vehicle[], persons: readonly Person[], network: Network, refSec: number,
): VehicleRecord[] {
  const recs: VehicleRecord[] = [];
  for (const v of vehicles) {
    const owner = v.owner >= 0 ? persons[v.owner] : undefined;
    const hasRec = owner !== undefined && owner.records.length > 0;
    const isNet = v === network.vehicle;
    if (!isNet && !rng.chance(hasRec ? 0.8 : 0.35)) continue;
    const n = isNet ? 2 : rng.chance(0.15) ? 2 : 1;
    for (let k = 0; k < n; k++) {
      const agency: Agency = isNet ? (k === 0 ? 'CBP' : 'ICE') : k === 0 ? 'CBP' : rng.pick(['CBP', 'ICE'] as const);
      const handling: Handling = isNet && agency === 'ICE' ? 'LES' : rng.weighted(HANDLING_BY_AGENCY[agency]);
      let vin = v.vin;
      const roll = rng.next();
      if (roll < 0.05) vin = '';
      else if (roll < 0.09 || (isNet && k === 1)) vin = vinTypo(rng, v.vin);
      const ownerRec = hasRec && rng.chance(isNet ? 1 : 0.85) ? rng.pick(owner.records) : '';
      const values: Record<string, string> = {
        agency,
        entered_at: '',
        handling,
        vin,
        plate: plateAsRead(rng, v.plate),
        plate_region: v.plateRegion,
        make: rng.chance(0.1) ? v.make.charAt(0) + v.make.slice(1).toLowerCase() : v.make,
        model: v.model,
        year: rng.chance(0.05) ? '' : String(v.year),
        color: rng.chance(0.1) ? '' : v.color,
        owner_record_id: ownerRec,
      };
      const entered = refSec - DAY - Math.floor(rng.next() * 5 * 365 * DAY);
      recs.push({ id: '', vehicle: v, agency, handling, entered, values });
    }
  }
  assignIds(rng, recs, 'V');
  for (const r of recs) {
    r.values.record_id = r.id;
    r.values.entered_at = isoZ(r.entered);
    r.vehicle.records.push(r.id);
  }
  return recs;
}
