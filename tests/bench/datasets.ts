// Loaders for the shared record-linkage datasets and the demo's ground truth, mapped onto
// the resolver's PersonRecord (kept here, in tests/bench: the product has no special cases
// for them), and pairwise precision / recall / F1.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { PersonRecord } from '../../electron/backend/resolve/engine';

export const DATASETS = path.resolve('../shared/datasets');

export interface Labelled {
  name: string;
  records: PersonRecord[];
  truth: string[];
  linkage: boolean;
}

function rows(file: string, trim = false): Record<string, string>[] {
  return parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim, relax_column_count: true }) as Record<string, string>[];
}

function febrlRecord(r: Record<string, string>, source?: string): PersonRecord {
  return {
    id: r.rec_id,
    source,
    given: r.given_name ?? '',
    family: r.surname ?? '',
    dob: r.date_of_birth || null,
    address: [r.street_number, r.address_1].filter(Boolean).join(' '),
    city: r.suburb || null,
    postcode: r.postcode || null,
    docs: r.soc_sec_id ? [{ type: 'SSN', country: 'AUS', number: r.soc_sec_id }] : [],
  };
}

const febrlTruth = (id: string) => /^rec-(\d+)-/.exec(id)?.[1] ?? id;

export function febrl(n: 1 | 2 | 3): Labelled {
  const rs = rows(path.join(DATASETS, 'febrl', `dataset${n}.csv`), true);
  return { name: `Febrl ${n} (dedup)`, records: rs.map((r) => febrlRecord(r)), truth: rs.map((r) => febrlTruth(r.rec_id)), linkage: false };
}

export function febrl4(): Labelled {
  const a = rows(path.join(DATASETS, 'febrl', 'dataset4a.csv'), true);
  const b = rows(path.join(DATASETS, 'febrl', 'dataset4b.csv'), true);
  const records = [...a.map((r) => febrlRecord(r, 'a')), ...b.map((r) => febrlRecord(r, 'b'))];
  return { name: 'Febrl 4a+4b (linkage)', records, truth: [...a, ...b].map((r) => febrlTruth(r.rec_id)), linkage: true };
}

export function fake1000(): Labelled {
  const rs = rows(path.join(DATASETS, 'splink', 'fake_1000.csv'));
  return {
    name: 'Splink fake_1000',
    records: rs.map((r) => ({ id: r.unique_id, given: r.first_name, family: r.surname, dob: r.dob || null, city: r.city || null, email: r.email || null })),
    truth: rs.map((r) => r.cluster),
    linkage: false,
  };
}

/** The demo bundle's subject records and crossing travellers, with the generator's truth. */
export function demoTruth(bundle: string): Labelled & { aliasRecords: string[] } {
  const truth = new Map(rows(path.join(`${bundle}.truth`, 'persons.csv')).map((r) => [`${r.source_file}|${r.source_id}`, r.person_id]));
  const records: PersonRecord[] = [];
  const labels: string[] = [];
  for (const r of rows(path.join(bundle, 'subjects.csv'))) {
    const t = truth.get(`subjects.csv|${r.record_id}`);
    if (!t) continue;
    records.push({ id: r.record_id, given: [r.first_name, r.middle_name].filter(Boolean).join(' '), family: r.last_name, dob: r.dob, sex: r.sex, docs: [{ type: r.doc_type, country: r.doc_country, number: r.doc_number }], address: r.address, city: r.city, postcode: r.postcode_code ?? r.postal_code, phone: r.phone, email: r.email });
    labels.push(t);
  }
  for (const r of rows(path.join(bundle, 'crossings.csv'))) {
    const t = truth.get(`crossings.csv|${r.crossing_id}`);
    if (!t) continue;
    records.push({ id: r.crossing_id, given: r.first_name, family: r.last_name, dob: r.dob, sex: r.sex, docs: [{ type: r.doc_type, country: r.doc_country, number: r.doc_number }] });
    labels.push(t);
  }
  const planted = JSON.parse(fs.readFileSync(path.join(`${bundle}.truth`, 'planted.json'), 'utf8')) as { alias_trap: { record_ids: string[] } };
  return { name: 'Demo bundle (generator truth)', records, truth: labels, linkage: false, aliasRecords: planted.alias_trap.record_ids };
}

/** Pairwise precision, recall and F1 of predicted entities against the truth. */
export function pairwise(entityOf: ArrayLike<number>, truth: string[], sources?: Array<string | undefined>): { precision: number; recall: number; f1: number; truePairs: number; predictedPairs: number } {
  const pairsWithin = (groups: Map<string, number[]>) => {
    const out = new Set<string>();
    for (const members of groups.values()) {
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const a = members[x];
          const b = members[y];
          if (sources && sources[a] === sources[b]) continue;
          out.add(a < b ? `${a},${b}` : `${b},${a}`);
        }
      }
    }
    return out;
  };
  const group = (key: (i: number) => string) => {
    const g = new Map<string, number[]>();
    for (let i = 0; i < truth.length; i++) {
      const k = key(i);
      let m = g.get(k);
      if (!m) g.set(k, (m = []));
      m.push(i);
    }
    return g;
  };
  const t = pairsWithin(group((i) => truth[i]));
  const p = pairsWithin(group((i) => String(entityOf[i])));
  let tp = 0;
  for (const x of p) if (t.has(x)) tp++;
  const precision = p.size ? tp / p.size : 1;
  const recall = t.size ? tp / t.size : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, truePairs: t.size, predictedPairs: p.size };
}
