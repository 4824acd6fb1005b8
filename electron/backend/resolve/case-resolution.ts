// Resolution inside a case: subject records and crossing travellers are read from the
// graph, resolved into persons, and written back as person nodes with a 'record of' link
// from each record (carrying the evidence that put it there) and dashed 'possibly the
// same' links between persons. Analyst decisions (same / not the same / on its own) are
// kept in the case by record id, so they survive re-imports and re-runs, and can be undone.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { Agency, Handling } from '../../../shared/model';
import { canRead, strictestHandling } from '../access/rules';
import { AppError } from '../errors';
import { foldText, nameVariants } from '../util/text';
import { indexOfNode, loadPersonRecords, recordInfo, storedNameCounts, storeNameCounts, type CaseRecords } from './case-records';
import { startVehicleReads, writeVehicles } from './case-vehicles';
import { explainIndexes, FEATURES, LEVELS, resolveTable, type Model, type PairExplanation, type PairScore, type Resolution } from './engine';
import { decisionIndexes, listDecisions } from './decisions';
import { Comparator } from './features';


function evidenceText(vector: Int8Array): string {
  return FEATURES.map((f, i) => (vector[i] < 0 ? null : `${f}: ${LEVELS[f][vector[i]]}`)).filter(Boolean).join('; ');
}

export interface RunSummary {
  incremental: boolean;
  vehicles: number;
  records: number;
  persons: number;
  merged: number;
  possible: number;
  candidatePairs: number;
  seconds: number;
}

/** The last run's model, when it fits the comparison as it is now (levels may change between versions). */
function lastModel(db: Database.Database): Model | null {
  const row = db.prepare(`SELECT model FROM resolution_run ORDER BY id DESC LIMIT 1`).get() as { model: string } | undefined;
  if (!row) return null;
  const model = JSON.parse(row.model) as Model;
  return FEATURES.every((f, i) => model.m[i]?.length === LEVELS[f].length && model.u[i]?.length === LEVELS[f].length) ? model : null;
}

/** Analyst decisions as record indexes (decisions name records 'subject:ID' / 'traveller:ID'). */
/**
 * Resolves the identity-bearing records of the case and rewrites the person layer.
 * `incremental` (after an import): only pairs with a record added since the last run are
 * compared, with the model that run learnt, and earlier persons stay whole. A full run
 * (decisions, undo, crosslink resolution run) re-learns and re-resolves everything.
 */
export function runResolution(db: Database.Database, incremental = false): RunSummary {
  const t0 = performance.now();
  const debug = process.env.CROSSLINK_RESOLVE_DEBUG
    ? (what: string) => {
        const peak = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
        console.error(what, ((performance.now() - t0) / 1000).toFixed(1), 's', Math.round(process.memoryUsage().rss / 1e6), 'MB rss', Math.round(process.memoryUsage().heapUsed / 1e6), 'MB heap', Math.round(process.memoryUsage().heapTotal / 1e6), 'MB heap total', Math.round(process.memoryUsage().arrayBuffers / 1e6), 'MB buffers', Math.round(Number(peak) / 1e3), 'MB peak');
      }
    : () => {};
  // One transaction: what is read is what is rewritten. Persons first, then vehicles, each in
  // its own scope, so the person records are garbage before the vehicle reads are loaded
  // (a national day holds 1.4 M of each: the peak is the larger phase, not their sum).
  return db.transaction(() => {
    // The vehicles are read and resolved on another thread meanwhile (vehicle-worker.ts).
    const vehicleReads = startVehicleReads(db);
    const p = resolveCasePersons(db, incremental, debug);
    const vehicles = writeVehicles(db, vehicleReads ? vehicleReads.take() : undefined);
    debug('vehicles');
    db.prepare(`INSERT INTO meta(key, value) VALUES ('resolution_node_mark', @v) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run({
      v: String((db.prepare('SELECT max(id) FROM node').pluck().get() as number | null) ?? 0),
    });
    const seconds = (performance.now() - t0) / 1000;
    db.prepare(`INSERT INTO resolution_run(at, records, persons, candidate_pairs, seconds, model) VALUES (?, ?, ?, ?, ?, ?)`).run(
      new Date().toISOString(), p.records, p.persons, p.candidatePairs, seconds, p.model,
    );
    return { ...p.summary, seconds, vehicles };
  })();
}

/** The person phase of a run: records loaded, resolved, and the person layer rewritten. */
function resolveCasePersons(db: Database.Database, incremental: boolean, debug: (what: string) => void) {
  const loaded = loadPersonRecords(db);
  const n = loaded.nodeIds.length;
  debug('loaded');
  const indexOf = indexOfNode(loaded.nodeIds);
  const last = incremental ? lastModel(db) : null;
  const markRow = db.prepare(`SELECT value FROM meta WHERE key = 'resolution_node_mark'`).get() as { value: string } | undefined;
  let previous: { isNew: Uint8Array; group: Int32Array; model: Model } | undefined;
  if (last && markRow) {
    const mark = Number(markRow.value);
    const isNew = Uint8Array.from(loaded.nodeIds, (id) => (id > mark ? 1 : 0));
    if (isNew.includes(1)) {
      // Old records without a person node were alone: a group of their own.
      const group = Int32Array.from(loaded.nodeIds, (id) => -id - 1);
      const links = db.prepare(`SELECT l.src, l.dst FROM link l JOIN node p ON p.id = l.dst AND p.kind = 'person' WHERE l.kind = 'resolved_as'`).raw(true);
      for (const [rec, person] of links.iterate() as Iterable<[number, number]>) {
        const i = indexOf(rec);
        if (i !== undefined) group[i] = person;
      }
      previous = { isNew, group, model: last };
    }
    // nothing new: a full run is as cheap
  }
  const res = resolveTable(loaded.table, { ...decisionIndexes(db, indexOf), previous: previous && { isNew: Array.from(previous.isNew, Boolean), group: previous.group, model: previous.model } });
  debug(`resolved ${JSON.stringify(res.stats.seconds)}`);
  const { persons, possible } = writePersons(db, loaded, res, !!previous);
  storeNameCounts(db, res.names);
  debug('persons written');
  return {
    records: n,
    persons,
    candidatePairs: res.candidatePairs,
    model: JSON.stringify(res.model),
    summary: { records: n, persons, merged: res.same.length, possible, candidatePairs: res.candidatePairs, incremental: !!previous },
  };
}

/**
 * Entities with more than one record, and every subject record, become person nodes: a
 * 'record of' link from each record carries the evidence that put it there; dashed 'possibly
 * the same' links join persons the analyst should review.
 */
function writePersons(db: Database.Database, loaded: CaseRecords, res: Resolution, incremental: boolean): { persons: number; possible: number } {
  const n = loaded.nodeIds.length;
  // Records by entity: one sort instead of an array an entity.
  const bits = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  const order = Float64Array.from(res.entityOf, (e, i) => e * bits + i).sort();
  const groups: Array<[number, number]> = [];
  for (let s = 0; s < n; ) {
    const e = Math.floor(order[s] / bits);
    let k = s + 1;
    while (k < n && Math.floor(order[k] / bits) === e) k++;
    let keep = k - s > 1;
    for (let j = s; j < k && !keep; j++) keep = loaded.subject[order[j] - e * bits] === 1;
    if (keep) groups.push([s, k]);
    s = k;
  }
  const memberOf = (j: number) => order[j] - Math.floor(order[j] / bits) * bits;
  const info = recordInfo(db, (function* () {
    for (const [s, k] of groups) for (let j = s; j < k; j++) yield loaded.nodeIds[memberOf(j)];
    for (const p of res.possible) {
      yield loaded.nodeIds[p.a];
      yield loaded.nodeIds[p.b];
    }
  })());
  const idOf = (i: number) => info.get(loaded.nodeIds[i])!.id;
  const viaOf = new Map<number, PairScore>();
  for (const s of res.same) {
    if (!viaOf.has(s.a) || viaOf.get(s.a)!.weight < s.weight) viaOf.set(s.a, s);
    if (!viaOf.has(s.b) || viaOf.get(s.b)!.weight < s.weight) viaOf.set(s.b, s);
  }

  const old = new Map((db.prepare(`SELECT id, key FROM node WHERE kind = 'person'`).all() as Array<{ id: number; key: string }>).map((r) => [r.key, r.id]));
  // An incremental run keeps the possible matches found before and adds the new ones.
  // One statement per kind, so each uses its partial index (migration 013).
  db.exec(`DELETE FROM link WHERE kind = 'resolved_as'`);
  if (!incremental) db.exec(`DELETE FROM link WHERE kind = 'possibly_same'`);
  // Insert or update by the keys already read: an upsert with RETURNING cost ~100 µs a row
  // inside the run's large transaction (5 s of a national day), this a few.
  const insert = db.prepare(`INSERT INTO node(kind, key, label, handling, cells) VALUES ('person', @key, @label, @handling, @cells)`);
  const update = db.prepare(`UPDATE node SET label = @label, handling = @handling, cells = @cells WHERE id = @id`);
  const upsert = (p: { key: string; label: string; handling: Handling; cells: string }): number => {
    const id = old.get(p.key);
    if (id === undefined) return Number(insert.run(p).lastInsertRowid);
    update.run({ ...p, id });
    return id;
  };
  const ftsDel = db.prepare('DELETE FROM node_fts WHERE rowid = ?');
  const ftsAdd = db.prepare('INSERT INTO node_fts(rowid, text) VALUES (?, ?)');
  const link = db.prepare(`INSERT INTO link(kind, src, dst, handling, attrs) VALUES (@kind, @src, @dst, @handling, @attrs)`);
  const personOfEntity = new Map<number, number>();
  const kept = new Set<string>();
  const t = loaded.table;
  for (const [s, k] of groups) {
    const idx = Array.from({ length: k - s }, (_, j) => memberOf(s + j));
    // A stable key: the first subject record id, else the first crossing id.
    const ids = idx.map(idOf).sort((x, y) => Number(y.startsWith('subject:')) - Number(x.startsWith('subject:')) || x.localeCompare(y));
    const key = `P-${ids[0].replace(/^(subject|traveller):/, '')}`;
    const names = new Map<string, number>();
    for (const i of idx) {
      const label = info.get(loaded.nodeIds[i])!.label;
      names.set(label, (names.get(label) ?? 0) + 1);
    }
    const name = [...names].sort((x, y) => y[1] - x[1])[0][0];
    const handling = strictestHandling(idx.map((i) => loaded.handling[i]));
    const dobs = [...new Set(idx.map((i) => t.places.values[t.dobText.data[i]]).filter(Boolean))];
    const summary = { records: idx.length, names: [...names.keys()], dobs, subjects: ids.filter((x) => x.startsWith('subject:')).length };
    const row = { id: upsert({ key, label: `${name} · ${idx.length} record${idx.length > 1 ? 's' : ''}`, handling, cells: JSON.stringify(summary) }) };
    kept.add(key);
    personOfEntity.set(res.entityOf[idx[0]], row.id);
    ftsDel.run(row.id);
    ftsAdd.run(row.id, `${key.toLowerCase()} ${[...names.keys()].map((x) => nameVariants(x)).join(' ')} ${ids.map((x) => foldText(x.split(':')[1])).join(' ')}`);
    for (const i of idx) {
      let via: Pick<PairScore, 'a' | 'b' | 'vector' | 'probability'> | undefined = viaOf.get(i);
      if (!via && idx.length > 1) {
        // Records identical to another (a traveller crossing daily) were resolved as one:
        // explain them against the closest other member.
        let best: { j: number; e: PairExplanation } | null = null;
        for (const j of idx.slice(0, 200)) {
          if (j === i) continue;
          const e = explainIndexes(res.comparator, i, j, res.model, res.names);
          if (!best || e.weight > best.e.weight) best = { j, e };
        }
        if (best && best.e.probability >= 0.5) {
          via = { a: i, b: best.j, vector: Int8Array.from(best.e.features.map((f) => (f.level === null ? -1 : LEVELS[f.feature].indexOf(f.level)))), probability: best.e.probability };
        }
      }
      link.run({
        kind: 'resolved_as',
        src: loaded.nodeIds[i],
        dst: row.id,
        handling: loaded.handling[i],
        attrs: JSON.stringify(
          via
            ? { probability: via.probability.toFixed(4), via: idOf(via.a === i ? via.b : via.a), evidence: evidenceText(via.vector) }
            : idx.length > 1 ? { evidence: 'joined by an analyst decision' } : { evidence: 'the only record of this person' },
        ),
      });
    }
  }
  // Persons whose key is gone (their records now belong elsewhere) are removed.
  const drop = db.prepare(`DELETE FROM node WHERE id = ?`);
  for (const [key, id] of old) {
    if (kept.has(key)) continue;
    db.prepare('DELETE FROM link WHERE src = @id OR dst = @id').run({ id });
    ftsDel.run(id);
    drop.run(id);
  }
  let possible = 0;
  // Persons an analyst has said are not the same are not offered for review again.
  const seen = new Set<string>(
    (db.prepare(`SELECT src, dst FROM link WHERE kind = 'possibly_same'`).all() as Array<{ src: number; dst: number }>).map((l) => `${Math.min(l.src, l.dst)}-${Math.max(l.src, l.dst)}`),
  );
  for (const d of listDecisions(db).filter((x) => !x.undoneAt && x.action === 'not_same')) {
    const pa = db.prepare(`SELECT l.dst FROM link l JOIN node r ON r.id = l.src WHERE r.kind || ':' || r.key = ? AND l.kind = 'resolved_as'`).pluck();
    const a = pa.get(d.a) as number | undefined;
    const b = d.b ? (pa.get(d.b) as number | undefined) : undefined;
    if (a !== undefined && b !== undefined) seen.add(a < b ? `${a}-${b}` : `${b}-${a}`);
  }
  for (const s of res.possible) {
    const pa = personOfEntity.get(res.entityOf[s.a]);
    const pb = personOfEntity.get(res.entityOf[s.b]);
    if (pa === undefined || pb === undefined || pa === pb) continue;
    const k = pa < pb ? `${pa}-${pb}` : `${pb}-${pa}`;
    if (seen.has(k)) continue;
    seen.add(k);
    possible++;
    link.run({ kind: 'possibly_same', src: Math.min(pa, pb), dst: Math.max(pa, pb), handling: 'SHARED', attrs: JSON.stringify({ probability: s.probability.toFixed(4), evidence: evidenceText(s.vector), records: `${idOf(s.a)} ~ ${idOf(s.b)}` }) });
  }
  return { persons: kept.size, possible };
}

function latestModel(db: Database.Database): Model {
  const row = db.prepare('SELECT model FROM resolution_run ORDER BY id DESC LIMIT 1').get() as { model: string } | undefined;
  if (!row) throw new AppError('not_found', 'Resolution has not run in this case yet: import a bundle first.');
  return JSON.parse(row.model) as Model;
}

/** The possible matches to review, most likely first. */
export function reviewQueue(db: Database.Database, limit: number): Array<{ linkId: number; a: number; b: number; probability: number; evidence: string; recordA: string; recordB: string }> {
  const rows = db
    .prepare(
      `SELECT id, src, dst, attrs FROM link WHERE kind = 'possibly_same'
       ORDER BY CAST(json_extract(attrs, '$.probability') AS REAL) DESC, id LIMIT ?`,
    )
    .all(limit) as Array<{ id: number; src: number; dst: number; attrs: string }>;
  return rows.map((r) => {
    const a = JSON.parse(r.attrs) as { probability: string; evidence: string; records: string };
    const [recordA, recordB] = a.records.split(' ~ ');
    return { linkId: r.id, a: r.src, b: r.dst, probability: Number(a.probability), evidence: a.evidence, recordA, recordB };
  });
}

/** Every identity-bearing record with its entity: the person or vehicle key (a record with no entity node is its own). */
/** Every identity-bearing row and the entity it resolved into; with `as`, only the rows that
 * agency may read. */
export function resolutionRows(db: Database.Database, as?: Agency): Array<{ recordId: string; kind: 'person' | 'vehicle'; entityId: string }> {
  const ok = (r: { handling: string; agency: string | null }) => !as || canRead(as, r.handling, r.agency);
  const persons = db
    .prepare(
      `SELECT r.key AS key, p.key AS entity, r.handling, r.agency FROM node r
       LEFT JOIN link l ON l.src = r.id AND l.kind = 'resolved_as' LEFT JOIN node p ON p.id = l.dst AND p.kind = 'person'
       WHERE r.kind IN ('subject', 'traveller') ORDER BY r.id`,
    )
    .all() as Array<{ key: string; entity: string | null; handling: string; agency: string | null }>;
  const vehicleRecords = db
    .prepare(
      `SELECT r.key AS key, v.key AS entity, r.handling, r.agency FROM node r
       JOIN link l ON l.src = r.id AND l.kind = 'resolved_as' JOIN node v ON v.id = l.dst AND v.kind = 'vehicle_entity'
       WHERE r.kind = 'vehicle' ORDER BY r.id`,
    )
    .all() as Array<{ key: string; entity: string; handling: string; agency: string | null }>;
  // A crossing names a vehicle when its event does; a vehicle read only at that event is its
  // own entity, V-<event id> (as a resolved vehicle of one read would be keyed).
  const crossingVehicles = db
    .prepare(
      `SELECT t.key AS key, coalesce(v.key, 'V-' || e.key) AS entity, t.handling, t.agency FROM node t
       JOIN link ti ON ti.src = t.id AND ti.kind = 'travelled_in' JOIN node e ON e.id = ti.dst
       LEFT JOIN link l ON l.src = e.id AND l.kind = 'resolved_as' LEFT JOIN node v ON v.id = l.dst AND v.kind = 'vehicle_entity'
       WHERE t.kind = 'traveller' AND (v.id IS NOT NULL OR EXISTS (SELECT 1 FROM link x WHERE x.src = e.id AND x.kind IN ('event_plate', 'event_vin'))) ORDER BY t.id`,
    )
    .all() as Array<{ key: string; entity: string; handling: string; agency: string | null }>;
  return [
    ...persons.filter(ok).map((r) => ({ recordId: r.key, kind: 'person' as const, entityId: r.entity ?? `P-${r.key}` })),
    ...vehicleRecords.filter(ok).map((r) => ({ recordId: r.key, kind: 'vehicle' as const, entityId: r.entity })),
    ...crossingVehicles.filter(ok).map((r) => ({ recordId: r.key, kind: 'vehicle' as const, entityId: r.entity })),
  ];
}

/** Why two records (or two persons, P-…) are or are not the same: features, weights, decisions. */
export function explainRecords(db: Database.Database, a: string, b: string): PairExplanation & { decision: string | null; sameEntity: boolean } {
  const model = latestModel(db);
  // A person id stands for its records: the closest pair of the two is explained.
  const nodesOf = (k: string): number[] => {
    if (/^P-/.test(k)) {
      const rows = db
        .prepare(`SELECT r.id FROM node p JOIN link l ON l.dst = p.id AND l.kind = 'resolved_as' JOIN node r ON r.id = l.src WHERE p.kind = 'person' AND p.key = ? AND r.kind IN ('subject', 'traveller') ORDER BY r.id LIMIT 50`)
        .pluck()
        .all(k) as number[];
      if (!rows.length) throw new AppError('not_found', `No person '${k}' in this case.`);
      return rows;
    }
    const m = /^(subject|traveller):(.*)$/.exec(k);
    const id = (m
      ? db.prepare(`SELECT id FROM node WHERE kind = ? AND key = ?`).pluck().get(m[1], m[2])
      : db.prepare(`SELECT id FROM node WHERE kind IN ('subject', 'traveller') AND key = ? LIMIT 1`).pluck().get(k)) as number | undefined;
    if (id === undefined) throw new AppError('not_found', `No subject record or crossing with id '${k}' in this case.`);
    return [id];
  };
  const na = nodesOf(a);
  const nb = nodesOf(b);
  const loaded = loadPersonRecords(db, [...na, ...nb]);
  const indexOf = indexOfNode(loaded.nodeIds);
  const cmp = new Comparator(loaded.table);
  const names = storedNameCounts(db, loaded.table, model.names);
  let best: { ia: number; ib: number; e: PairExplanation } | null = null;
  for (const x of na) {
    for (const y of nb) {
      const ia = indexOf(x);
      const ib = indexOf(y);
      if (ia === undefined || ib === undefined || ia === ib) continue;
      const e = explainIndexes(cmp, ia, ib, model, names);
      if (!best || e.weight > best.e.weight) best = { ia, ib, e };
    }
  }
  if (!best) throw new AppError('invalid_input', 'Give two different records or persons.');
  const info = recordInfo(db, [loaded.nodeIds[best.ia], loaded.nodeIds[best.ib]]);
  const ka = info.get(loaded.nodeIds[best.ia])!.id;
  const kb = info.get(loaded.nodeIds[best.ib])!.id;
  const personOf = (node: number) => (db.prepare(`SELECT dst FROM link WHERE src = ? AND kind = 'resolved_as'`).pluck().get(node) as number | undefined) ?? -node;
  const d = listDecisions(db).find((x) => !x.undoneAt && ((x.a === ka && x.b === kb) || (x.a === kb && x.b === ka) || (x.action === 'alone' && (x.a === ka || x.a === kb))));
  return { ...best.e, decision: d ? `${d.action} by ${d.who} at ${d.at}` : null, sameEntity: personOf(loaded.nodeIds[best.ia]) === personOf(loaded.nodeIds[best.ib]) };
}
