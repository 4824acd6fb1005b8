// Vehicles inside a case: vehicle records and the vehicles read at crossing events, resolved
// by VIN and plate (vehicles.ts) and written back as 'Vehicle (resolved)' nodes (for vehicle
// records and vehicles read more than once).
import type Database from 'better-sqlite3';
import type { Handling } from '../../../shared/model';
import { strictestHandling } from '../access/rules';
import { EVENT_COLUMNS } from '../ingest/loaders';
import { pickCells } from './case-records';
import { normaliseVinRead, resolveVehicles, vinCheckDigitOk, type VehicleRead } from './vehicles';

/**
 * Vehicle records and the vehicle reads of crossing events resolved into vehicles
 * (vehicles.ts), written as 'Vehicle (resolved)' nodes with a 'record of' link from each
 * record and event. Called inside the run's transaction.
 */
export function writeVehicles(db: Database.Database): number {
  const reads: VehicleRead[] = [];
  const nodeIds: number[] = [];
  const labels: string[] = [];
  const handling: Handling[] = [];
  for (const f of db.prepare(`SELECT id, header FROM source_file WHERE coalesce(role, name) = 'vehicles.csv' AND refused IS NULL`).all() as Array<{ id: number; header: string }>) {
    const h = JSON.parse(f.header) as string[];
    const [vin, plate, region] = ['vin', 'plate', 'plate_region'].map((c) => h.indexOf(c));
    const at = [vin, plate, region];
    const c = ['', '', ''];
    for (const r of db.prepare(`SELECT id, key, label, handling, cells FROM node WHERE file_id = ? AND kind = 'vehicle'`).iterate(f.id) as Iterable<{ id: number; key: string; label: string; handling: Handling; cells: string }>) {
      pickCells(r.cells, at, c);
      reads.push({ id: `vehicle:${r.key}`, vin: vin >= 0 ? c[0] : null, plate: plate >= 0 ? c[1] : null, region: region >= 0 ? c[2] : null });
      nodeIds.push(r.id);
      labels.push(r.label);
      handling.push(r.handling);
    }
  }
  const at = ['vin', 'plate', 'plate_region'].map((c) => EVENT_COLUMNS.indexOf(c));
  const c = ['', '', ''];
  for (const [id, key, hd, cells] of db.prepare(`SELECT id, key, handling, cells FROM node WHERE kind = 'event' AND cells IS NOT NULL`).raw(true).iterate() as Iterable<[number, string, Handling, string]>) {
    pickCells(cells, at, c);
    if (!c[0] && !c[1]) continue;
    reads.push({ id: `event:${key}`, vin: c[0] || null, plate: c[1] || null, region: c[2] || null });
    nodeIds.push(id);
    labels.push(c[1] || c[0]);
    handling.push(hd);
  }
  const groupOf = resolveVehicles(reads);
  const groups = new Map<number, number[]>();
  groupOf.forEach((g, i) => {
    const m = groups.get(g);
    if (m) m.push(i);
    else groups.set(g, [i]);
  });
  const old = new Map((db.prepare(`SELECT id, key FROM node WHERE kind = 'vehicle_entity'`).all() as Array<{ id: number; key: string }>).map((r) => [r.key, r.id]));
  const upsert = db.prepare(
    `INSERT INTO node(kind, key, label, handling, cells) VALUES ('vehicle_entity', @key, @label, @handling, @cells)
     ON CONFLICT(kind, key) DO UPDATE SET label = excluded.label, handling = excluded.handling, cells = excluded.cells RETURNING id`,
  );
  const link = db.prepare(`INSERT INTO link(kind, src, dst, handling, attrs) VALUES ('resolved_as', @src, @dst, @handling, @attrs)`);
  const ftsDel = db.prepare('DELETE FROM node_fts WHERE rowid = ?');
  const ftsAdd = db.prepare('INSERT INTO node_fts(rowid, text) VALUES (?, ?)');
  const kept = new Set<string>();
  for (const idx of groups.values()) {
    // A vehicle read once, at one crossing, is its own entity without a node of its own (as a
    // traveller crossing once is): a national day has half a million of them.
    if (idx.length < 2 && !reads[idx[0]].id.startsWith('vehicle:')) continue;
    const ids = idx.map((i) => reads[i].id).sort((x, y) => Number(y.startsWith('vehicle:')) - Number(x.startsWith('vehicle:')) || x.localeCompare(y));
    const key = `V-${ids[0].replace(/^(vehicle|event):/, '')}`;
    const vins = [...new Set(idx.map((i) => normaliseVinRead(reads[i].vin)).filter((v) => v.length === 17 && vinCheckDigitOk(v)))];
    const plates = [...new Set(idx.map((i) => (reads[i].plate ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '')).filter(Boolean))];
    const record = idx.find((i) => reads[i].id.startsWith('vehicle:'));
    const name = record !== undefined ? labels[record] : [plates[0], vins[0]].filter(Boolean).join(' · ');
    const h = strictestHandling(idx.map((i) => handling[i]));
    const row = upsert.get({ key, label: `${name} · ${idx.length} read${idx.length > 1 ? 's' : ''}`, handling: h, cells: JSON.stringify({ reads: idx.length, vins, plates }) }) as { id: number };
    kept.add(key);
    ftsDel.run(row.id);
    ftsAdd.run(row.id, `${key.toLowerCase()} ${vins.join(' ').toLowerCase()} ${plates.join(' ').toLowerCase()}`);
    for (const i of idx) {
      const why = vins.length && normaliseVinRead(reads[i].vin) === vins[0] ? 'same VIN' : normaliseVinRead(reads[i].vin).length === 17 ? 'VIN one character from a valid one, or the same plate' : 'same plate and region';
      link.run({ src: nodeIds[i], dst: row.id, handling: handling[i], attrs: JSON.stringify({ evidence: idx.length > 1 ? why : 'the only read of this vehicle' }) });
    }
  }
  for (const [key, id] of old) {
    if (kept.has(key)) continue;
    db.prepare('DELETE FROM link WHERE src = @id OR dst = @id').run({ id });
    ftsDel.run(id);
    db.prepare('DELETE FROM node WHERE id = ?').run(id);
  }
  return kept.size;
}
