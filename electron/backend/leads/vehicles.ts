// Vehicles crossing with many different drivers, and vehicles registered to one owner but
// driven by people unrelated to the owner (not the owner's family name, no tie to the owner).
import { pairKey } from './shared-identifiers';
import { clampScore, type Candidate } from './types';
import type { Intel } from './intel';

const MIN_DRIVERS = 3;

export function vehicleDrivers(intel: Intel): Candidate[] {
  const tied = new Set(intel.ties.map((t) => pairKey(t.a, t.b)));
  const byVehicle = new Map<number, Map<number, number[]>>(); // vehicle -> driver -> crossing links
  const c = intel.crossings;
  for (let i = 0; i < c.n; i++) {
    if (!c.driver[i]) continue;
    const v = intel.vehicleOf(c.event[i]);
    if (v < 0) continue;
    let drivers = byVehicle.get(v);
    if (!drivers) byVehicle.set(v, (drivers = new Map()));
    const list = drivers.get(c.who[i]);
    if (list) list.push(c.link[i]);
    else drivers.set(c.who[i], [c.link[i]]);
  }
  const out: Candidate[] = [];
  for (const [v, drivers] of byVehicle) {
    if (drivers.size < MIN_DRIVERS) continue;
    const owners = intel.owners.get(v) ?? [];
    const ownerNames = new Set(owners.map((o) => intel.surname(o.who)));
    const unrelated = [...drivers.keys()].filter(
      (d) => owners.length > 0 && !owners.some((o) => o.who === d || tied.has(pairKey(o.who, d))) && !ownerNames.has(intel.surname(d)),
    );
    const crossings = [...drivers.values()].reduce((s, l) => s + l.length, 0);
    const score = 30 + 7 * (drivers.size - MIN_DRIVERS) + 10 * unrelated.length;
    const names = [...drivers.keys()].map((d) => `${intel.label(d)} (${drivers.get(d)!.length}×)`);
    const ownerText = owners.length
      ? ` Registered to ${owners.map((o) => intel.label(o.who)).join(', ')}${unrelated.length ? `; ${unrelated.length} of the drivers have no family name or tie in common with the owner` : ''}.`
      : '';
    out.push({
      kind: 'vehicle_drivers',
      key: `vehicle:${v}`,
      score: clampScore(score),
      title: `${intel.label(v)} driven by ${drivers.size} different people`,
      summary: `${intel.label(v)} crossed ${crossings} times with ${drivers.size} different drivers: ${names.slice(0, 6).join('; ')}${names.length > 6 ? '…' : ''}.${ownerText}`,
      entities: [v, ...drivers.keys()],
      evidence: { nodes: [v, ...drivers.keys(), ...owners.map((o) => o.who)], links: [...[...drivers.values()].flat().slice(0, 60), ...owners.map((o) => o.link)] },
      sourceLinks: [...drivers.values()].flat().slice(0, 20),
      items: [...drivers.keys()].map(String).sort(),
    });
  }
  return out;
}
