// Vehicles inside a case: vehicle records and the vehicles read at crossing events, resolved
// by VIN and plate (vehicles.ts) and written back as 'Vehicle (resolved)' nodes (for vehicle
// records and vehicles read more than once).
import type Database from 'better-sqlite3';
import type { Handling } from '../../../shared/model';
import { strictestHandling } from '../access/rules';
import { EVENT_COLUMNS } from '../ingest/loaders';
import { Column } from '../util/column';
import { pickCells } from './case-records';
import { normalisePlate, normaliseVinRead, resolveVehicles, vinCheckDigitOk, type VehicleRead } from './vehicles';

/**
 * Vehicle records and the vehicle reads of crossing events resolved into vehicles
 * (vehicles.ts), written as 'Vehicle (resolved)' nodes with a 'record of' link from each
 * record and event. Called inside the run's transaction.
 */
export function writeVehicles(db: Database.Database): number {
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
  const id = (i: number) => `${isRecord[i] ? 'vehicle' : 'event'}:${keys[i]}`;
  for (let s = 0; s < order.length; ) {
    let e = s + 1;
    while (e < order.length && groupOf[order[e]] === groupOf[order[s]]) e++;
    const idx = Array.from(order.subarray(s, e));
    s = e;
    // A vehicle read once, at one crossing, is its own entity without a node of its own (as a
    // traveller crossing once is): a national day has half a million of them.
    if (idx.length < 2 && !isRecord[idx[0]]) continue;
    const ids = idx.map(id).sort((x, y) => Number(y.startsWith('vehicle:')) - Number(x.startsWith('vehicle:')) || x.localeCompare(y));
    const key = `V-${ids[0].replace(/^(vehicle|event):/, '')}`;
    const vins = [...new Set(idx.map((i) => normaliseVinRead(reads[i].vin)).filter((v) => v.length === 17 && vinCheckDigitOk(v)))];
    const plates = [...new Set(idx.map((i) => normalisePlate(reads[i].plate)).filter(Boolean))];
    const record = idx.find((i) => isRecord[i]);
    const name = record !== undefined ? labels.get(record)! : [plates[0], vins[0]].filter(Boolean).join(' · ');
    const h = strictestHandling(idx.map((i) => handlings[handling.data[i]]));
    const row = { id: upsert({ key, label: `${name} · ${idx.length} read${idx.length > 1 ? 's' : ''}`, handling: h, cells: JSON.stringify({ reads: idx.length, vins, plates }) }) };
    kept.add(key);
    ftsDel.run(row.id);
    ftsAdd.run(row.id, `${key.toLowerCase()} ${vins.join(' ').toLowerCase()} ${plates.join(' ').toLowerCase()}`);
    for (const i of idx) {
      const why = vins.length && normaliseVinRead(reads[i].vin) === vins[0] ? 'same VIN' : normaliseVinRead(reads[i].vin).length === 17 ? 'VIN one character from a valid one, or the same plate' : 'same plate and region';
      link.run({ src: nodeIds.data[i], dst: row.id, handling: handlings[handling.data[i]], attrs: JSON.stringify({ evidence: idx.length > 1 ? why : 'the only read of this vehicle' }) });
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
