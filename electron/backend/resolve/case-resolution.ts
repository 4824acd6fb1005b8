// Resolution inside a case: subject records and crossing travellers are read from the
// graph, resolved into persons, and written back as person nodes with a 'record of' link
// from each record (carrying the evidence that put it there) and dashed 'possibly the
// same' links between persons. Analyst decisions (same / not the same / on its own) are
// kept in the case by record id, so they survive re-imports and re-runs, and can be undone.
import type Database from 'better-sqlite3';
import type { Agency } from '../../../shared/model';
import { canRead, strictestHandling } from '../access/rules';
import type { Handling } from '../../../shared/model';
import { AppError } from '../errors';
import { foldText, nameVariants } from '../util/text';
import { explainPair, FEATURES, LEVELS, resolvePersons, type Model, type PairScore, type PersonRecord } from './engine';
import { writeVehicles } from './case-vehicles';


interface Loaded {
  records: PersonRecord[];
  nodeIds: number[];
  handling: Handling[];
  labels: string[];
}

const SOURCES: Array<{ file: string; kind: 'subject' | 'traveller' }> = [
  { file: 'subjects.csv', kind: 'subject' },
  { file: 'crossings.csv', kind: 'traveller' },
];

/** Identity-bearing records of the case, as the resolver reads them. */
export function loadPersonRecords(db: Database.Database): Loaded {
  const out: Loaded = { records: [], nodeIds: [], handling: [], labels: [] };
  for (const { file, kind } of SOURCES) {
    const files = db.prepare(`SELECT id, header FROM source_file WHERE coalesce(role, name) = ? AND refused IS NULL`).all(file) as Array<{ id: number; header: string }>;
    for (const f of files) {
      const h = JSON.parse(f.header) as string[];
      const at = (c: string) => h.indexOf(c);
      const ix = {
        first: at('first_name'), middle: at('middle_name'), last: at('last_name'), dob: at('dob'), sex: at('sex'),
        docType: at('doc_type'), docNumber: at('doc_number'), docCountry: at('doc_country'),
        address: at('address'), city: at('city'), postcode: at('postal_code'), phone: at('phone'), email: at('email'),
      };
      const cell = (c: string[], i: number) => (i >= 0 ? (c[i] ?? '').trim() : '');
      const rows = db.prepare(`SELECT id, key, label, handling, cells FROM node WHERE file_id = ? AND kind = ?`).iterate(f.id, kind) as Iterable<{
        id: number; key: string; label: string; handling: Handling; cells: string | null;
      }>;
      for (const r of rows) {
        if (!r.cells) continue;
        const c = JSON.parse(r.cells) as string[];
        out.records.push({
          id: `${kind}:${r.key}`,
          given: [cell(c, ix.first), cell(c, ix.middle)].filter(Boolean).join(' '),
          family: cell(c, ix.last),
          dob: cell(c, ix.dob) || null,
          sex: cell(c, ix.sex) || null,
          docs: cell(c, ix.docNumber) ? [{ type: cell(c, ix.docType), country: cell(c, ix.docCountry), number: cell(c, ix.docNumber) }] : [],
          address: cell(c, ix.address) || null,
          city: cell(c, ix.city) || null,
          postcode: cell(c, ix.postcode) || null,
          phone: cell(c, ix.phone) || null,
          email: cell(c, ix.email) || null,
        });
        out.nodeIds.push(r.id);
        out.handling.push(r.handling);
        out.labels.push(r.label);
      }
    }
  }
  return out;
}

export interface Decision {
  id: number;
  at: string;
  who: string;
  action: 'same' | 'not_same' | 'alone';
  a: string;
  b: string | null;
  note: string | null;
  undoneAt: string | null;
}

export function listDecisions(db: Database.Database): Decision[] {
  return db.prepare(`SELECT id, at, who, action, a, b, note, undone_at AS undoneAt FROM resolution_decision ORDER BY id DESC`).all() as Decision[];
}

function evidenceText(s: PairScore): string {
  return FEATURES.map((f, i) => (s.vector[i] < 0 ? null : `${f}: ${LEVELS[f][s.vector[i]]}`)).filter(Boolean).join('; ');
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

/** Resolves every identity-bearing record of the case and rewrites the person layer. */
/**
 * Resolves the identity-bearing records of the case and rewrites the person layer.
 * `incremental` (after an import): only pairs with a record added since the last run are
 * compared, with the model that run learnt, and earlier persons stay whole. A full run
 * (decisions, undo, crosslink resolution run) re-learns and re-resolves everything.
 */
export function runResolution(db: Database.Database, incremental = false): RunSummary {
  const t0 = performance.now();
  const loaded = loadPersonRecords(db);
  const last = incremental
    ? (db.prepare(`SELECT model FROM resolution_run ORDER BY id DESC LIMIT 1`).get() as { model: string } | undefined)
    : undefined;
  const markRow = db.prepare(`SELECT value FROM meta WHERE key = 'resolution_node_mark'`).get() as { value: string } | undefined;
  let previous: { isNew: boolean[]; group: number[]; model: Model } | undefined;
  if (last && markRow) {
    const mark = Number(markRow.value);
    const personOf = new Map(
      (db.prepare(`SELECT l.src AS rec, l.dst AS person FROM link l JOIN node p ON p.id = l.dst AND p.kind = 'person' WHERE l.kind = 'resolved_as'`).all() as Array<{ rec: number; person: number }>).map((r) => [r.rec, r.person]),
    );
    previous = {
      isNew: loaded.nodeIds.map((id) => id > mark),
      // Old records without a person node were alone: a group of their own.
      group: loaded.nodeIds.map((id) => personOf.get(id) ?? -id - 1),
      model: JSON.parse(last.model) as Model,
    };
    if (!previous.isNew.some(Boolean)) previous = undefined; // nothing new: a full run is as cheap
  }
  const index = new Map(loaded.records.map((r, i) => [r.id, i]));
  const pick = (k: string | null) => (k === null ? undefined : index.get(k));
  const notSame: Array<[number, number]> = [];
  const forceSame: Array<[number, number]> = [];
  const alone: number[] = [];
  // Oldest first, so a later decision about the same records wins.
  for (const d of listDecisions(db).filter((x) => !x.undoneAt).reverse()) {
    const a = pick(d.a);
    const b = pick(d.b);
    if (a === undefined) continue;
    if (d.action === 'alone') alone.push(a);
    else if (b !== undefined) (d.action === 'same' ? forceSame : notSame).push([a, b]);
  }
  const res = resolvePersons(loaded.records, { notSame, forceSame, alone, previous });

  // Entities with more than one record, and every subject record, become person nodes.
  const members = new Map<number, number[]>();
  res.entityOf.forEach((e, i) => {
    let m = members.get(e);
    if (!m) members.set(e, (m = []));
    m.push(i);
  });
  const viaOf = new Map<number, PairScore>();
  for (const s of res.same) {
    if (!viaOf.has(s.a) || viaOf.get(s.a)!.weight < s.weight) viaOf.set(s.a, s);
    if (!viaOf.has(s.b) || viaOf.get(s.b)!.weight < s.weight) viaOf.set(s.b, s);
  }

  const write = db.transaction(() => {
    const old = new Map((db.prepare(`SELECT id, key FROM node WHERE kind = 'person'`).all() as Array<{ id: number; key: string }>).map((r) => [r.key, r.id]));
    // An incremental run keeps the possible matches found before and adds the new ones.
    db.exec(previous ? `DELETE FROM link WHERE kind = 'resolved_as'` : `DELETE FROM link WHERE kind IN ('resolved_as', 'possibly_same')`);
    const upsert = db.prepare(
      `INSERT INTO node(kind, key, label, handling, cells) VALUES ('person', @key, @label, @handling, @cells)
       ON CONFLICT(kind, key) DO UPDATE SET label = excluded.label, handling = excluded.handling, cells = excluded.cells RETURNING id`,
    );
    const ftsDel = db.prepare('DELETE FROM node_fts WHERE rowid = ?');
    const ftsAdd = db.prepare('INSERT INTO node_fts(rowid, text) VALUES (?, ?)');
    const link = db.prepare(`INSERT INTO link(kind, src, dst, handling, attrs) VALUES (@kind, @src, @dst, @handling, @attrs)`);
    const personOfEntity = new Map<number, number>();
    const kept = new Set<string>();
    let persons = 0;
    for (const [e, idx] of members) {
      if (idx.length < 2 && !loaded.records[idx[0]].id.startsWith('subject:')) continue;
      // A stable key: the first subject record id, else the first crossing id.
      const ids = idx.map((i) => loaded.records[i].id).sort((x, y) => Number(y.startsWith('subject:')) - Number(x.startsWith('subject:')) || x.localeCompare(y));
      const key = `P-${ids[0].replace(/^(subject|traveller):/, '')}`;
      const names = new Map<string, number>();
      for (const i of idx) names.set(loaded.labels[i], (names.get(loaded.labels[i]) ?? 0) + 1);
      const name = [...names].sort((x, y) => y[1] - x[1])[0][0];
      const handling = strictestHandling(idx.map((i) => loaded.handling[i]));
      const dobs = [...new Set(idx.map((i) => loaded.records[i].dob).filter(Boolean))];
      const summary = { records: idx.length, names: [...names.keys()], dobs, subjects: ids.filter((x) => x.startsWith('subject:')).length };
      const row = upsert.get({ key, label: `${name} · ${idx.length} record${idx.length > 1 ? 's' : ''}`, handling, cells: JSON.stringify(summary) }) as { id: number };
      kept.add(key);
      personOfEntity.set(e, row.id);
      persons++;
      ftsDel.run(row.id);
      ftsAdd.run(row.id, `${key.toLowerCase()} ${[...names.keys()].map((n) => nameVariants(n)).join(' ')} ${ids.map((x) => foldText(x.split(':')[1])).join(' ')}`);
      for (const i of idx) {
        let via = viaOf.get(i);
        let other = via ? loaded.records[via.a === i ? via.b : via.a].id : null;
        if (!via && idx.length > 1) {
          // Records identical to another (a traveller crossing daily) were resolved as one:
          // explain them against the closest other member.
          let best: { j: number; e: ReturnType<typeof explainPair> } | null = null;
          for (const j of idx.slice(0, 200)) {
            if (j === i) continue;
            const e = explainPair(loaded.records[i], loaded.records[j], res.model);
            if (!best || e.weight > best.e.weight) best = { j, e };
          }
          if (best && best.e.probability >= 0.5) {
            other = loaded.records[best.j].id;
            via = { a: i, b: best.j, vector: Int8Array.from(best.e.features.map((f) => (f.level === null ? -1 : LEVELS[f.feature].indexOf(f.level)))), weight: best.e.weight, probability: best.e.probability, contradiction: best.e.contradiction };
          }
        }
        link.run({
          kind: 'resolved_as',
          src: loaded.nodeIds[i],
          dst: row.id,
          handling: loaded.handling[i],
          attrs: JSON.stringify(
            via
              ? { probability: via.probability.toFixed(4), via: other, evidence: evidenceText(via) }
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
    for (const [a, b] of notSame) {
      const pa = personOfEntity.get(res.entityOf[a]);
      const pb = personOfEntity.get(res.entityOf[b]);
      if (pa !== undefined && pb !== undefined) seen.add(pa < pb ? `${pa}-${pb}` : `${pb}-${pa}`);
    }
    for (const s of res.possible) {
      const pa = personOfEntity.get(res.entityOf[s.a]);
      const pb = personOfEntity.get(res.entityOf[s.b]);
      if (pa === undefined || pb === undefined || pa === pb) continue;
      const k = pa < pb ? `${pa}-${pb}` : `${pb}-${pa}`;
      if (seen.has(k)) continue;
      seen.add(k);
      possible++;
      link.run({ kind: 'possibly_same', src: Math.min(pa, pb), dst: Math.max(pa, pb), handling: 'SHARED', attrs: JSON.stringify({ probability: s.probability.toFixed(4), evidence: evidenceText(s), records: `${loaded.records[s.a].id} ~ ${loaded.records[s.b].id}` }) });
    }
    const vehicles = writeVehicles(db);
    db.prepare(`INSERT INTO meta(key, value) VALUES ('resolution_node_mark', @v) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run({
      v: String((db.prepare('SELECT max(id) FROM node').pluck().get() as number | null) ?? 0),
    });
    const seconds = (performance.now() - t0) / 1000;
    db.prepare(`INSERT INTO resolution_run(at, records, persons, candidate_pairs, seconds, model) VALUES (?, ?, ?, ?, ?, ?)`).run(
      new Date().toISOString(), loaded.records.length, persons, res.candidatePairs, seconds, JSON.stringify(res.model),
    );
    return { records: loaded.records.length, persons, merged: res.same.length, possible, candidatePairs: res.candidatePairs, seconds, vehicles, incremental: !!previous };
  });
  return write();
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
  // A crossing names a vehicle when its event does.
  const crossingVehicles = db
    .prepare(
      `SELECT t.key AS key, v.key AS entity, t.handling, t.agency FROM node t
       JOIN link ti ON ti.src = t.id AND ti.kind = 'travelled_in'
       JOIN link l ON l.src = ti.dst AND l.kind = 'resolved_as' JOIN node v ON v.id = l.dst AND v.kind = 'vehicle_entity'
       WHERE t.kind = 'traveller' ORDER BY t.id`,
    )
    .all() as Array<{ key: string; entity: string; handling: string; agency: string | null }>;
  return [
    ...persons.filter(ok).map((r) => ({ recordId: r.key, kind: 'person' as const, entityId: r.entity ?? `P-${r.key}` })),
    ...vehicleRecords.filter(ok).map((r) => ({ recordId: r.key, kind: 'vehicle' as const, entityId: r.entity })),
    ...crossingVehicles.filter(ok).map((r) => ({ recordId: r.key, kind: 'vehicle' as const, entityId: r.entity })),
  ];
}

/** Why two records (or two persons, P-…) are or are not the same: features, weights, decisions. */
export function explainRecords(db: Database.Database, a: string, b: string): ReturnType<typeof explainPair> & { decision: string | null; sameEntity: boolean } {
  const model = latestModel(db);
  const loaded = loadPersonRecords(db);
  const byId = new Map(loaded.records.map((r, i) => [r.id, i]));
  const byKey = new Map(loaded.records.map((r, i) => [r.id.replace(/^(subject|traveller):/, ''), i]));
  // A person id stands for its records: the closest pair of the two is explained.
  const indexesOf = (k: string): number[] => {
    if (/^P-/.test(k)) {
      const rows = db
        .prepare(`SELECT r.kind || ':' || r.key AS id FROM node p JOIN link l ON l.dst = p.id AND l.kind = 'resolved_as' JOIN node r ON r.id = l.src WHERE p.kind = 'person' AND p.key = ?`)
        .all(k) as Array<{ id: string }>;
      if (!rows.length) throw new AppError('not_found', `No person '${k}' in this case.`);
      return rows.map((r) => byId.get(r.id)).filter((i): i is number => i !== undefined);
    }
    const i = byId.get(k) ?? byKey.get(k);
    if (i === undefined) throw new AppError('not_found', `No subject record or crossing with id '${k}' in this case.`);
    return [i];
  };
  const personOf = (i: number) =>
    (db.prepare(`SELECT dst FROM link WHERE src = ? AND kind = 'resolved_as'`).get(loaded.nodeIds[i]) as { dst: number } | undefined)?.dst ?? -loaded.nodeIds[i];
  let best: { ia: number; ib: number; e: ReturnType<typeof explainPair> } | null = null;
  for (const ia of indexesOf(a).slice(0, 50)) {
    for (const ib of indexesOf(b).slice(0, 50)) {
      if (ia === ib) continue;
      const e = explainPair(loaded.records[ia], loaded.records[ib], model);
      if (!best || e.weight > best.e.weight) best = { ia, ib, e };
    }
  }
  if (!best) throw new AppError('invalid_input', 'Give two different records or persons.');
  const ka = loaded.records[best.ia].id;
  const kb = loaded.records[best.ib].id;
  const d = listDecisions(db).find((x) => !x.undoneAt && ((x.a === ka && x.b === kb) || (x.a === kb && x.b === ka) || (x.action === 'alone' && (x.a === ka || x.a === kb))));
  return { ...best.e, decision: d ? `${d.action} by ${d.who} at ${d.at}` : null, sameEntity: personOf(best.ia) === personOf(best.ib) };
}

/** Records an analyst decision (record ids as 'subject:ID' / 'traveller:ID' or bare ids). */
export function decide(db: Database.Database, who: string, action: Decision['action'], a: string, b: string | null, note: string | null): number {
  const loaded = db.prepare(`SELECT kind, key FROM node WHERE kind IN ('subject', 'traveller') AND key = ?`);
  const norm = (k: string) => {
    if (/^(subject|traveller):/.test(k)) return k;
    const r = loaded.get(k) as { kind: string; key: string } | undefined;
    if (!r) throw new AppError('not_found', `No subject record or crossing with id '${k}' in this case.`);
    return `${r.kind}:${r.key}`;
  };
  if (action !== 'alone' && !b) throw new AppError('invalid_input', `'${action}' needs two records.`);
  return Number(
    db.prepare(`INSERT INTO resolution_decision(at, who, action, a, b, note) VALUES (?, ?, ?, ?, ?, ?)`).run(new Date().toISOString(), who, action, norm(a), b ? norm(b) : null, note)
      .lastInsertRowid,
  );
}

export function undoDecision(db: Database.Database, id: number): void {
  const r = db.prepare(`UPDATE resolution_decision SET undone_at = ? WHERE id = ? AND undone_at IS NULL`).run(new Date().toISOString(), id);
  if (r.changes === 0) throw new AppError('not_found', `No open decision #${id}.`);
}
