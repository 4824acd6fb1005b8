// The planted structures an analyst (and the tests) should find:
// a smuggling network that shares a phone, an address and a vehicle, and an alias trap
// (father and son with the same name) that entity resolution must not merge.

import { Rng } from './rng';
import { type Address, type Phone, makeAddress, makeDoc } from './identity';
import { type Person, PersonFactory } from './people';
import { type Vehicle, VehicleFactory } from './vehicles';
import { portIndex } from './ports';
import { POOLS } from './names';

export type NetworkRole = 'COORDINATOR' | 'RECRUITER' | 'DRIVER' | 'SCOUT';

export interface Network {
  members: Person[];
  roles: NetworkRole[];
  /** The burner phone several members give. */
  phone: Phone;
  /** The stash house several members give as their address. */
  address: Address;
  vehicle: Vehicle;
  /** Port where the group crosses together. */
  port: number;
}

export interface AliasTrap { father: Person; son: Person }

/** Who gives the shared phone / address on their records. */
export const NETWORK_LAYOUT: readonly { role: NetworkRole; sex: 'M' | 'F'; minAge: number; maxAge: number; phone: boolean; address: boolean; side: 'MX' | 'US' }[] = [
  { role: 'COORDINATOR', sex: 'M', minAge: 40, maxAge: 52, phone: true, address: false, side: 'MX' },
  { role: 'RECRUITER', sex: 'F', minAge: 30, maxAge: 42, phone: true, address: false, side: 'US' },
  { role: 'DRIVER', sex: 'M', minAge: 24, maxAge: 34, phone: false, address: true, side: 'US' },
  { role: 'DRIVER', sex: 'M', minAge: 20, maxAge: 28, phone: true, address: true, side: 'US' },
  { role: 'DRIVER', sex: 'M', minAge: 26, maxAge: 38, phone: false, address: true, side: 'MX' },
  { role: 'SCOUT', sex: 'M', minAge: 19, maxAge: 25, phone: true, address: false, side: 'MX' },
];

export function plantNetwork(rng: Rng, pf: PersonFactory, vf: VehicleFactory): Network {
  const phone = pf.phone('52', '656');
  const address = makeAddress(rng, 'US', 'ELP');
  const members: Person[] = [];
  const roles: NetworkRole[] = [];
  for (const spec of NETWORK_LAYOUT) {
    const p = pf.make({
      kind: 'network', culture: 'HISP', sex: spec.sex, minAge: spec.minAge, maxAge: spec.maxAge, side: spec.side,
      metro: 'ELP', nationality: spec.side === 'MX' ? 'MEX' : rng.chance(0.5) ? 'USA' : 'MEX',
      ...(spec.phone ? { phone } : {}), ...(spec.address ? { address } : {}),
    });
    members.push(p);
    roles.push(spec.role);
  }
  // The truck is registered to the first driver and driven by all three.
  const owner = members[2]!;
  const vehicle = vf.make(owner.idx, 'US-TX', { make: 'FORD', model: 'F-150', year: 2016, color: 'WHITE' });
  for (const p of members) p.vehicle = vehicle.idx;
  const port = portIndex('2402');
  for (const p of members) p.homePort = port;
  return { members, roles, phone, address, vehicle, port };
}

export function plantAliasTrap(rng: Rng, pf: PersonFactory): AliasTrap {
  const pool = POOLS.HISP;
  const name = { first: rng.pick(['JOSE', 'JUAN', 'JESUS', 'FRANCISCO']), middle: rng.pick(['LUIS', 'MANUEL', 'ANTONIO', 'CARLOS']), lastParts: [rng.pick(pool.surnames)] };
  const address = makeAddress(rng, 'US', 'ELP');
  const phone = pf.phone('1', '915');
  const common = { kind: 'trap' as const, culture: 'HISP' as const, sex: 'M' as const, side: 'US' as const, metro: 'ELP' as const, address, phone, nationality: 'USA', name };
  const father = pf.make({ ...common, minAge: 60, maxAge: 66 });
  const son = pf.make({ ...common, minAge: 30, maxAge: 38 });
  son.suffix = 'JR';
  // Distinct documents of course; both drive the same family truck now and then.
  son.docs = [makeDoc(rng, pf.serials, 'PASSPORT', 'USA'), makeDoc(rng, pf.serials, 'DRIVER_LICENSE', 'US-TX')];
  son.email = '';
  return { father, son };
}
