// The demo bundle generator: a deterministic TECS-style export plus its ground truth.
// Plain Node (no Electron); every value derives from the options and the seed, never the clock.

import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUNDLE_FILES, COLUMNS, type BundleFile } from '../ingest/format';
import { Rng } from './rng';
import { DocSerials, phoneDigits } from './identity';
import { PersonFactory, buildPopulation } from './people';
import { plantAliasTrap, plantNetwork } from './plant';
import { VehicleFactory } from './vehicles';
import { buildSubjects, toCells } from './subjects';
import { assignVehicles, buildVehicleRecords } from './vehicle-records';
import { buildCases } from './cases';
import { buildAssociations, buildLookouts } from './lookouts';
import { Scheduler, rowsOf, type CrossingEvent, type Window } from './schedule';
import { SyntheticFactory } from './synthetic';
import { streamCrossings } from './crossings';
import { CsvWriter, writeCsv, type WrittenFile } from './csv-writer';
import { breakRows, crossingBadTargets } from './bad-rows';
import { writeManifest } from './manifest';
import { TRUTH_HEADERS, badRowsJson, writeTruthExtras, type Planted } from './truth';
import { PORTS } from './ports';
import { DAY, civilFromDays, isoZ, parseDate, yyyymmdd } from './time';

export interface DemoOptions {
  out: string;
  truthOut?: string;
  seed?: number;
  people?: number;
  days?: number;
  crossings?: number;
  /** Case and lookout counts (default: people / 25 and people / 40). */
  cases?: number;
  lookouts?: number;
  /** YYYY-MM-DD, default 2025-12-01 */
  startDate?: string;
  /** default true */
  badRows?: boolean;
  onProgress?: (rowsWritten: number) => void;
}

export interface DemoResult {
  bundleDir: string;
  truthDir: string;
  /** Data rows per file. */
  files: Record<string, number>;
  seconds: number;
}

/** Keeps the time-sorted events whose rows fit in `n`, dropping ordinary events first. */
function fitEvents(rng: Rng, events: CrossingEvent[], n: number): CrossingEvent[] {
  let total = events.reduce((a, e) => a + rowsOf(e), 0);
  if (total <= n) return events;
  const order = rng.shuffle(events.map((_, i) => i));
  order.sort((a, b) => Number(events[a]!.planted) - Number(events[b]!.planted));
  const drop = new Set<number>();
  for (const i of order) {
    if (total <= n) break;
    drop.add(i);
    total -= rowsOf(events[i]!);
  }
  return events.filter((_, i) => !drop.has(i));
}

export async function generateDemo(opts: DemoOptions): Promise<DemoResult> {
  const t0 = performance.now();
  const seed = (opts.seed ?? 20251201) >>> 0;
  const people = Math.max(12, Math.floor(opts.people ?? 300));
  const days = Math.max(1, Math.floor(opts.days ?? 7));
  const startSec = parseDate(opts.startDate ?? '2025-12-01');
  const refYear = civilFromDays(Math.floor(startSec / DAY))[0];
  const bundleDir = path.resolve(opts.out);
  const truthDir = path.resolve(opts.truthOut ?? `${opts.out}.truth`);
  fs.mkdirSync(bundleDir, { recursive: true });
  fs.mkdirSync(truthDir, { recursive: true });
  const window: Window = { start: startSec + 7 * 3600, days };
  let written = 0;
  const progress = (n: number): void => opts.onProgress?.(n);

  // The world: planted structures first (stable ids), then the ordinary population.
  const serials = new DocSerials(seed);
  const plateSerials = new DocSerials(seed, 'plates');
  const pf = new PersonFactory(new Rng(seed, 'population'), serials, startSec);
  const vf = new VehicleFactory(new Rng(seed, 'vehicles'), refYear, plateSerials);
  const plantRng = new Rng(seed, 'plant');
  const network = plantNetwork(plantRng, pf, vf);
  const trap = plantAliasTrap(plantRng, pf);
  const households = buildPopulation(new Rng(seed, 'households'), pf, people - pf.persons.length, refYear);
  const persons = pf.persons;
  assignVehicles(new Rng(seed, 'vehicle-owners'), vf, persons, households, trap);

  // Agency records.
  const subjects = buildSubjects(new Rng(seed, 'subjects'), persons, network, startSec);
  const vrecs = buildVehicleRecords(new Rng(seed, 'vehicle-records'), vf.vehicles, persons, network, startSec);
  const canary = `ORCON-CANARY-${new Rng(seed, 'canary').hex(12)}`;
  const cases = buildCases(new Rng(seed, 'cases'), subjects, vrecs, network, startSec, Math.max(6, Math.round(opts.cases ?? people / 25)), canary);
  const lookouts = buildLookouts(new Rng(seed, 'lookouts'), subjects, vrecs, network, startSec, Math.max(4, Math.round(opts.lookouts ?? people / 40)));
  const assoc = buildAssociations(new Rng(seed, 'associations'), subjects, vrecs, households, network, trap, startSec, Math.max(3, Math.round(people / 30)));

  const subjectRows = subjects.map((r) => toCells('subjects.csv', r.values));
  const vehicleRows = vrecs.map((r) => toCells('vehicles.csv', r.values));
  const badOn = opts.badRows !== false;
  const plantedPersons = new Set([...network.members, trap.father, trap.son]);
  const bad = badOn
    ? breakRows(new Rng(seed, 'bad-rows'), [
        { file: 'subjects.csv', rows: subjectRows, keep: (i) => plantedPersons.has(subjects[i]!.person) },
        { file: 'vehicles.csv', rows: vehicleRows, keep: (i) => vrecs[i]!.vehicle === network.vehicle },
        { file: 'lookouts.csv', rows: lookouts.rows, keep: (i) => lookouts.rows[i]![0] === lookouts.networkLookoutId },
        { file: 'associations.csv', rows: assoc, keep: () => false },
      ])
    : [];

  // Small files.
  const files: Partial<Record<BundleFile, WrittenFile>> = {};
  const small = (name: BundleFile, rows: readonly (readonly string[])[]): void => {
    files[name] = writeCsv(path.join(bundleDir, name), COLUMNS[name], rows);
    written += rows.length;
    progress(written);
  };
  small('ports.csv', PORTS.map((p) => [p.code, p.name, p.region, p.country, p.lat.toFixed(4), p.lon.toFixed(4)]));
  small('subjects.csv', subjectRows);
  small('vehicles.csv', vehicleRows);
  small('cases.csv', cases.cases);
  small('case_links.csv', cases.links);
  small('lookouts.csv', lookouts.rows);
  small('associations.csv', assoc);

  // Ground truth of the records, then the crossings stream.
  const truthPersons = new CsvWriter(path.join(truthDir, 'persons.csv'), TRUTH_HEADERS.persons);
  const truthVehicles = new CsvWriter(path.join(truthDir, 'vehicles.csv'), TRUTH_HEADERS.vehicles);
  for (const r of subjects) truthPersons.row(['subjects.csv', r.id, r.person.id]);
  for (const r of vrecs) truthVehicles.row(['vehicles.csv', r.id, r.vehicle.id]);

  const sch = new Scheduler(new Rng(seed, 'schedule'), window, vf.vehicles);
  for (const p of persons) {
    if (p.kind === 'commuter') sch.commuter(p);
    else if (p.kind === 'occasional') sch.occasional(p);
  }
  for (const h of households) sch.household(h);
  sch.trap(trap);
  sch.network(network);
  const scheduled = sch.sorted();
  const scheduledRows = scheduled.reduce((a, e) => a + rowsOf(e), 0);
  const target = opts.crossings !== undefined ? Math.max(0, Math.floor(opts.crossings)) : scheduledRows + Math.round(people * days * 0.3);
  const events = fitEvents(new Rng(seed, 'fit'), scheduled, target);
  const fillerRows = target - events.reduce((a, e) => a + rowsOf(e), 0);
  const crossRng = new Rng(seed, 'crossings');
  const crossOut = new CsvWriter(path.join(bundleDir, 'crossings.csv'), COLUMNS['crossings.csv']);
  const before = written;
  const crossed = await streamCrossings({
    rng: crossRng,
    events,
    fillerRows,
    // Bundles of consecutive days (an explicit startDate) get disjoint crossing and event
    // ids, so day 2 loaded into day 1's case adds its rows instead of skipping them.
    idBase: opts.startDate ? 10_000_000 + (Math.floor(startSec / DAY) % 40) * 2_500_000 : undefined,
    window,
    synth: new SyntheticFactory(new Rng(seed, 'synthetic'), serials, plateSerials, startSec),
    out: crossOut,
    truthPersons,
    truthVehicles,
    bad: badOn ? crossingBadTargets(target) : [],
    onRows: (n) => progress(before + n),
  });
  files['crossings.csv'] = crossOut.close();
  written += files['crossings.csv'].rows;
  truthPersons.close();
  truthVehicles.close();

  const last = startSec + (days - 1) * DAY;
  const exportId = `TECS-EXP-${yyyymmdd(last)}-R${seed % 10}`;
  writeManifest(bundleDir, { exportId, exportedAt: isoZ(window.start + days * DAY + 4 * 3600), region: 'SOUTHWEST BORDER FIELD OFFICES' }, files);

  const recOfPersons = (ps: readonly { records: string[] }[]): string[] => ps.flatMap((p) => p.records);
  const planted: Planted = {
    seed,
    export_id: exportId,
    network: {
      person_ids: network.members.map((p) => p.id),
      roles: Object.fromEntries(network.members.map((p, i) => [p.id, network.roles[i]!])),
      record_ids: recOfPersons(network.members),
      vehicle_record_ids: [...network.vehicle.records],
      crossing_ids: crossed.plantedCrossingIds,
      phone: `+52 ${network.phone.area} ${network.phone.local.slice(0, 3)} ${network.phone.local.slice(3)}`,
      phone_digits: phoneDigits(network.phone),
      address: `${network.address.line}, ${network.address.city}, ${network.address.region} ${network.address.postal}`,
      vehicle_plate: network.vehicle.plate,
      vehicle_plate_region: network.vehicle.plateRegion,
      vehicle_vin: network.vehicle.vin,
      vehicle_id: network.vehicle.id,
      port_code: PORTS[network.port]!.code,
      case_id: cases.networkCaseId,
      lookout_id: lookouts.networkLookoutId,
    },
    alias_trap: {
      person_ids: [trap.father.id, trap.son.id],
      record_ids: recOfPersons([trap.father, trap.son]),
      name: `${trap.father.lastParts.join(' ')}, ${trap.father.first} ${trap.father.middle}`.trim(),
      dobs: [trap.father.dob, trap.son.dob],
      address: `${trap.father.address.line}, ${trap.father.address.city}, ${trap.father.address.region} ${trap.father.address.postal}`,
    },
    orcon_canary: canary,
    orcon_case_id: cases.orconCaseId,
    bad_rows: badRowsJson([...bad, ...crossed.bad]),
  };
  writeTruthExtras(truthDir, planted);

  const counts: Record<string, number> = {};
  for (const name of BUNDLE_FILES) counts[name] = files[name]?.rows ?? 0;
  return { bundleDir, truthDir, files: counts, seconds: (performance.now() - t0) / 1000 };
}
