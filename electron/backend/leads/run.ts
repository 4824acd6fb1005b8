// Runs every detector over the case and stores what they find (after every import).
import type Database from 'better-sqlite3';
import type { LeadKind, LeadsRun } from '../../../shared/contract';
import { personAnomalies, portAnomalies } from './anomalies';
import { coTravelGroups, loadCoTravel } from './cotravel-groups';
import { crossAgency } from './cross-agency';
import { loadIntel, type Intel } from './intel';
import { lookoutProximity } from './lookouts';
import { pairKey, sharedIdentifiers } from './shared-identifiers';
import { storeCandidates } from './store';
import type { Candidate } from './types';
import { vehicleDrivers } from './vehicles';

export const MAX_PER_KIND = 2000;

/** Every detector over `given` (read from the case unless given, then read since `started`). */
export function runDetectors(db: Database.Database, given?: Intel, started = performance.now()): LeadsRun {
  const intel = given ?? loadIntel(db);
  const byDetector: LeadsRun['byDetector'] = [];
  const found: Candidate[] = [];
  const timed = (kind: LeadKind, fn: () => Candidate[]) => {
    const t = performance.now();
    // The best MAX_PER_KIND of each detector: an inbox of tens of thousands helps nobody,
    // and storing them all was most of the run's time on two national days.
    const c = fn().sort((a, b) => b.score - a.score).slice(0, MAX_PER_KIND);
    found.push(...c);
    byDetector.push({ kind, leads: c.length, ms: Math.round(performance.now() - t) });
  };
  const cotravel = loadCoTravel(db);
  const together = new Map(cotravel.map((c) => [pairKey(c.a, c.b), { count: c.count, link: c.link }]));
  timed('shared_identifier', () => sharedIdentifiers(intel, together));
  timed('vehicle_drivers', () => vehicleDrivers(intel));
  timed('cotravel', () => coTravelGroups(intel, cotravel));
  timed('cross_agency', () => crossAgency(db, intel));
  timed('lookout_proximity', () => lookoutProximity(db, intel, cotravel));
  timed('person_anomaly', () => personAnomalies(intel));
  timed('port_anomaly', () => portAnomalies(db, intel));
  return storeCandidates(db, found, byDetector, started);
}
