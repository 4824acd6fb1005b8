// Vehicles inside a case: vehicle records and the vehicles read at crossing events, resolved
// by VIN and plate (vehicles.ts) and written back as 'Vehicle (resolved)' nodes (for vehicle
// records and vehicles read more than once).
import type Database from 'better-sqlite3';
import { MessageChannel, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import type { Handling } from '../../../shared/model';
import { strictestHandling } from '../access/rules';
import { EVENT_COLUMNS } from '../ingest/loaders';
import { Column } from '../util/column';
import { spawnWorker } from '../util/spawn-worker';
import { pickCells } from './case-records';
import type { VehicleWorkerAnswer } from './vehicle-worker';
import { normalisePlate, normaliseVinRead, resolveVehicles, vinCheckDigitOk, type VehicleRead } from './vehicles';

/**
 * The vehicles of a case as read and resolved, before anything is written: the reads of the
 * vehicles that get a node (a vehicle record, or read twice or more), group after group
 * (group g is reads [start[g], start[g + 1])). Plain data, so that a worker can work it out
 * while the person phase runs (vehicle-worker.ts).
 */
export interface VehicleGroups {
  start: number[];
  nodeId: number[];
  /** 'vehicle:KEY' or 'event:KEY'. */
  id: string[];
  vin: Array<string | null>;
  plate: Array<string | null>;
  handling: Handling[];
  /** A vehicle record's label, else null. */
  label: Array<string | null>;
}

/** Reads the vehicle records and the vehicle reads of crossing events and resolves them (vehicles.ts). */
export function readVehicleGroups(db: Database.Database): VehicleGroups {
  // A small object a read (vin, plate, region); keys, nodes and handling in columns.
  const reads: VehicleRead[] = [];
  const keys: string[] = [];
  const nodeIds = new Column();
  const records = new Column();
  const labels = new Map<number, string>();
  const handlings: Handling[] = [];
  const handlingOf = new Map<Handling, number>();
  const handling = new Column();
  const add = (id: number, key: string, h: Handling, vin: string | null, plate: string | null, region: string | null): number => {
    let code = handlingOf.get(h);
    if (code === undefined) {
      handlingOf.set(h, (code = handlings.length));
      handlings.push(h);
    }
    reads.push({ vin, plate, region });
    keys.push(key);
    nodeIds.push(id);
    handling.push(code);
    return reads.length - 1;
  };
  for (const f of db.prepare(`SELECT id, header FROM source_file WHERE coalesce(role, name) = 'vehicles.csv' AND refused IS NULL`).all() as Array<{ id: number; header: string }>) {
    const h = JSON.parse(f.header) as string[];
    const [vin, plate, region] = ['vin', 'plate', 'plate_region'].map((c) => h.indexOf(c));
    const at = [vin, plate, region];
    const c = ['', '', ''];
    for (const r of db.prepare(`SELECT id, key, label, handling, cells FROM node WHERE file_id = ? AND kind = 'vehicle'`).iterate(f.id) as Iterable<{ id: number; key: string; label: string; handling: Handling; cells: string }>) {
      pickCells(r.cells, at, c);
      const i = add(r.id, r.key, r.handling, vin >= 0 ? c[0] : null, plate >= 0 ? c[1] : null, region >= 0 ? c[2] : null);
      records.push(i);
      labels.set(i, r.label);
    }
  }
  // Events without a vehicle (walk-ins, flights) are left out by SQLite.
  const [vinAt, plateAt, regionAt] = ['vin', 'plate', 'plate_region'].map((c) => EVENT_COLUMNS.indexOf(c));
  const events = db
    .prepare(
      `SELECT id, key, handling, vin, plate, region FROM (
         SELECT id, key, handling, cells ->> ${vinAt} AS vin, cells ->> ${plateAt} AS plate, cells ->> ${regionAt} AS region
         FROM node WHERE kind = 'event' AND cells IS NOT NULL)
       WHERE coalesce(trim(vin), '') <> '' OR coalesce(trim(plate), '') <> ''`,
    )
    .raw(true);
  for (const [id, key, h, vin, plate, region] of events.iterate() as Iterable<[number, string, Handling, string | null, string | null, string | null]>) {
    add(id, key, h, vin?.trim() || null, plate?.trim() || null, region?.trim() || null);
  }
  const isRecord = new Uint8Array(reads.length);
  for (let k = 0; k < records.n; k++) isRecord[records.data[k]] = 1;
  const groupOf = resolveVehicles(reads);
  // Reads by vehicle: one sort instead of an array a vehicle.
  const order = Int32Array.from(groupOf.keys()).sort((x, y) => groupOf[x] - groupOf[y] || x - y);
  const out: VehicleGroups = { start: [], nodeId: [], id: [], vin: [], plate: [], handling: [], label: [] };
  for (let s = 0; s < order.length; ) {
    let e = s + 1;
    while (e < order.length && groupOf[order[e]] === groupOf[order[s]]) e++;
    // A vehicle read once, at one crossing, is its own entity without a node of its own (as a
    // traveller crossing once is): a national day has half a million of them.
    if (e - s > 1 || isRecord[order[s]]) {
      out.start.push(out.id.length);
      for (let k = s; k < e; k++) {
        const i = order[k];
        out.nodeId.push(nodeIds.data[i]);
        out.id.push(`${isRecord[i] ? 'vehicle' : 'event'}:${keys[i]}`);
        out.vin.push(reads[i].vin);
        out.plate.push(reads[i].plate);
        out.handling.push(handlings[handling.data[i]]);
        out.label.push(labels.get(i) ?? null);
      }
    }
    s = e;
  }
  out.start.push(out.id.length);
  return out;
}

/**
 * Vehicles written as 'Vehicle (resolved)' nodes with a 'record of' link from each record and
 * event (`groups`: read by a worker meanwhile, or here). Called inside the run's transaction.
 */
export function writeVehicles(db: Database.Database, groups: VehicleGroups = readVehicleGroups(db)): number {
  const old = new Map((db.prepare(`SELECT id, key FROM node WHERE kind = 'vehicle_entity'`).all() as Array<{ id: number; key: string }>).map((r) => [r.key, r.id]));
  // Insert or update by the keys already read (an upsert with RETURNING cost 100 µs a row
  // inside the run's large transaction, this a few).
  const insert = db.prepare(`INSERT INTO node(kind, key, label, handling, cells) VALUES ('vehicle_entity', @key, @label, @handling, @cells)`);
  const update = db.prepare(`UPDATE node SET label = @label, handling = @handling, cells = @cells WHERE id = @id`);
  const upsert = (p: { key: string; label: string; handling: Handling; cells: string }): number => {
    const existing = old.get(p.key);
    if (existing === undefined) return Number(insert.run(p).lastInsertRowid);
    update.run({ ...p, id: existing });
    return existing;
  };
  const link = db.prepare(`INSERT INTO link(kind, src, dst, handling, attrs) VALUES ('resolved_as', @src, @dst, @handling, @attrs)`);
  const ftsDel = db.prepare('DELETE FROM node_fts WHERE rowid = ?');
  const ftsAdd = db.prepare('INSERT INTO node_fts(rowid, text) VALUES (?, ?)');
  const kept = new Set<string>();
  const g = groups;
  for (let k = 0; k + 1 < g.start.length; k++) {
    const idx = Array.from({ length: g.start[k + 1] - g.start[k] }, (_, j) => g.start[k] + j);
    const ids = idx.map((i) => g.id[i]).sort((x, y) => Number(y.startsWith('vehicle:')) - Number(x.startsWith('vehicle:')) || x.localeCompare(y));
    const key = `V-${ids[0].replace(/^(vehicle|event):/, '')}`;
    const vins = [...new Set(idx.map((i) => normaliseVinRead(g.vin[i])).filter((v) => v.length === 17 && vinCheckDigitOk(v)))];
    const plates = [...new Set(idx.map((i) => normalisePlate(g.plate[i])).filter(Boolean))];
    const record = idx.find((i) => g.label[i] !== null);
    const name = record !== undefined ? g.label[record]! : [plates[0], vins[0]].filter(Boolean).join(' · ');
    const h = strictestHandling(idx.map((i) => g.handling[i]));
    const row = { id: upsert({ key, label: `${name} · ${idx.length} read${idx.length > 1 ? 's' : ''}`, handling: h, cells: JSON.stringify({ reads: idx.length, vins, plates }) }) };
    kept.add(key);
    ftsDel.run(row.id);
    ftsAdd.run(row.id, `${key.toLowerCase()} ${vins.join(' ').toLowerCase()} ${plates.join(' ').toLowerCase()}`);
    for (const i of idx) {
      const vin = normaliseVinRead(g.vin[i]);
      const why = vins.length && vin === vins[0] ? 'same VIN' : vin.length === 17 ? 'VIN one character from a valid one, or the same plate' : 'same plate and region';
      link.run({ src: g.nodeId[i], dst: row.id, handling: g.handling[i], attrs: JSON.stringify({ evidence: idx.length > 1 ? why : 'the only read of this vehicle' }) });
    }
  }
  for (const [key, nodeId] of old) {
    if (kept.has(key)) continue;
    db.prepare('DELETE FROM link WHERE src = @id OR dst = @id').run({ id: nodeId });
    ftsDel.run(nodeId);
    db.prepare('DELETE FROM node WHERE id = ?').run(nodeId);
  }
  return kept.size;
}

const VEHICLE_WORKER = new URL(`./vehicle-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
/** How long a run waits for the vehicle worker before reading the vehicles itself. */
const WORKER_PATIENCE_MS = 10 * 60_000;
const WORKER_START_MS = 60_000;

/**
 * Starts reading the case's vehicles on another thread; `take()` waits for them
 * (synchronously: the run is one transaction) and falls back to reading them here when the
 * worker fails. Null for an in-memory database.
 */
export function startVehicleReads(db: Database.Database): { take(): VehicleGroups; answeredBy: 'worker' | 'this thread' | null } | null {
  if (db.memory || !db.name || process.env.CROSSLINK_VEHICLE_WORKER === '0') return null;
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker;
  try {
    worker = spawnWorker(VEHICLE_WORKER, { path: db.name, port: port2, done }, [port2]);
  } catch {
    return null;
  }
  worker.unref();
  let failed: string | null = null;
  worker.on('error', (e) => (failed = e.message));
  return {
    answeredBy: null,
    take(): VehicleGroups {
      // A worker that never started (its modules failed to load) is given up after a minute.
      const t0 = Date.now();
      for (;;) {
        const state = Atomics.load(done, 0);
        if (state === 1 || Date.now() - t0 > (state === 0 ? WORKER_START_MS : WORKER_PATIENCE_MS)) break;
        Atomics.wait(done, 0, state, 1000);
      }
      const answer = receiveMessageOnPort(port1)?.message as VehicleWorkerAnswer | undefined;
      port1.close();
      void worker.terminate();
      if (answer && 'groups' in answer) {
        this.answeredBy = 'worker';
        return answer.groups;
      }
      if (process.env.CROSSLINK_RESOLVE_DEBUG) console.error('vehicle worker:', answer?.error ?? failed ?? 'no answer');
      this.answeredBy = 'this thread';
      return readVehicleGroups(db);
    },
  };
}
