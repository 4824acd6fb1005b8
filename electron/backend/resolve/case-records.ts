// The identity-bearing records of a case (subject records and crossing travellers), read
// straight into a RecordTable: SQLite picks the needed cells out of each row's JSON, and no
// object is kept per record, so a national day (1.45 M records) loads in seconds and a few
// hundred MB. Ids, keys and labels are read later, for the few records that need them.
import type Database from 'better-sqlite3';
import type { Handling } from '../../../shared/model';
import { Column } from '../util/column';
import { NameFrequencies, type NameCountRow, type NameTotals } from './names';
import { RecordTable } from './table';

export interface CaseRecords {
  table: RecordTable;
  /** Per record: its node, whether it is a subject record (a crossing otherwise), its handling. */
  nodeIds: Int32Array;
  subject: Uint8Array;
  handling: Handling[];
}

const SOURCES: Array<{ file: string; kind: 'subject' | 'traveller' }> = [
  { file: 'subjects.csv', kind: 'subject' },
  { file: 'crossings.csv', kind: 'traveller' },
];

const FIELDS = ['first_name', 'middle_name', 'last_name', 'dob', 'sex', 'doc_type', 'doc_number', 'doc_country', 'address', 'city', 'postal_code', 'phone', 'email'] as const;

/**
 * Some cells of a row stored as a JSON array of strings (`cells`), trimmed: a scan for the
 * strings' quotes, without parsing the whole row (JSON.parse made 24 strings a row to keep 8:
 * 6 of the 9 s it took to read a national day). A cell with an escape goes through JSON.parse.
 * `at[k]` is the cell index of field k, or -1; `out[k]` gets its value ('' when absent).
 */
export function pickCells(json: string, at: readonly number[], out: string[]): void {
  out.fill('');
  let want = -1;
  for (const i of at) if (i > want) want = i;
  const n = json.length;
  let i = json.indexOf('[') + 1;
  for (let cell = 0; cell <= want && i > 0 && i < n; cell++) {
    // skip white space and the comma before the element
    let c = json.charCodeAt(i);
    while (c === 32 || c === 44 || c === 10 || c === 13 || c === 9) c = json.charCodeAt(++i);
    if (c === 93 || i >= n) return; // ']'
    let value: string;
    if (c === 34) {
      let j = i + 1;
      let escaped = false;
      for (;;) {
        const d = json.charCodeAt(j);
        if (d === 34) break;
        if (j >= n) return;
        if (d === 92) {
          escaped = true;
          j += 2;
        } else j++;
      }
      value = escaped ? (JSON.parse(json.slice(i, j + 1)) as string) : json.slice(i + 1, j);
      i = j + 1;
    } else {
      // a number, true, false or null
      let j = i;
      while (j < n && json.charCodeAt(j) !== 44 && json.charCodeAt(j) !== 93) j++;
      const lit = json.slice(i, j).trim();
      value = lit === 'null' ? '' : lit;
      i = j;
    }
    for (let k = 0; k < at.length; k++) if (at[k] === cell) out[k] = value.trim();
  }
}

/** The records of the case; with `only`, just those nodes. */
export function loadPersonRecords(db: Database.Database, only?: readonly number[]): CaseRecords {
  const table = new RecordTable();
  const nodeIds = new Column();
  const subject: number[] = [];
  const handling: Handling[] = [];
  const filter = only ? new Set(only) : null;
  for (const { file, kind } of SOURCES) {
    const files = db.prepare(`SELECT id, header FROM source_file WHERE coalesce(role, name) = ? AND refused IS NULL ORDER BY id`).all(file) as Array<{ id: number; header: string }>;
    for (const f of files) {
      const h = JSON.parse(f.header) as string[];
      const at = FIELDS.map((c) => h.indexOf(c));
      const where = filter ? `id IN (${[...filter].map(Number).join(', ')}) AND ` : '';
      const rows = db.prepare(`SELECT id, handling, cells FROM node WHERE ${where}file_id = ? AND kind = ? AND cells IS NOT NULL`).raw(true);
      const cell = new Array<string>(FIELDS.length).fill('');
      for (const [id, hd, cells] of rows.iterate(f.id, kind) as Iterable<[number, Handling, string]>) {
        pickCells(cells, at, cell);
        const [first, middle, last, dob, sex, docType, docNumber, docCountry, address, city, postcode, phone, email] = cell;
        table.add({
          id: '',
          given: middle ? (first ? `${first} ${middle}` : middle) : first,
          family: last,
          dob: dob || null,
          sex: sex || null,
          docs: docNumber ? [{ type: docType, country: docCountry, number: docNumber }] : [],
          address: address || null,
          city: city || null,
          postcode: postcode || null,
          phone: phone || null,
          email: email || null,
        });
        nodeIds.push(id);
        subject.push(kind === 'subject' ? 1 : 0);
        handling.push(hd);
      }
    }
  }
  table.trim();
  nodeIds.trim();
  return { table, nodeIds: nodeIds.values(), subject: Uint8Array.from(subject), handling };
}

export interface RecordInfo {
  kind: 'subject' | 'traveller';
  key: string;
  label: string;
  /** 'subject:ID' or 'traveller:ID', as decisions and evidence name records. */
  id: string;
}

/** Kind, key and label of some records, by node id. */
export function recordInfo(db: Database.Database, nodes: Iterable<number>): Map<number, RecordInfo> {
  const out = new Map<number, RecordInfo>();
  const ids = [...new Set(nodes)];
  for (let k = 0; k < ids.length; k += 500) {
    const part = ids.slice(k, k + 500);
    const rows = db.prepare(`SELECT id, kind, key, label FROM node WHERE id IN (${part.map(() => '?').join(', ')})`).all(...part) as Array<{ id: number; kind: RecordInfo['kind']; key: string; label: string }>;
    for (const r of rows) out.set(r.id, { kind: r.kind, key: r.key, label: r.label, id: `${r.kind}:${r.key}` });
  }
  return out;
}

/** A record's index from its node id (binary search over the nodes sorted once). */
export function indexOfNode(nodeIds: Int32Array): (node: number) => number | undefined {
  const bits = 2 ** Math.max(1, Math.ceil(Math.log2(nodeIds.length + 1)));
  const sorted = Float64Array.from(nodeIds, (id, i) => id * bits + i).sort();
  return (node) => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const id = Math.floor(sorted[mid] / bits);
      if (id === node) return sorted[mid] - id * bits;
      if (id < node) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
}

/** Keeps the name counts a run weighed with (replacing the last run's). */
export function storeNameCounts(db: Database.Database, names: NameFrequencies): void {
  db.exec('DELETE FROM resolution_name');
  const insert = db.prepare('INSERT INTO resolution_name(part, value, count) VALUES (?, ?, ?)');
  for (const r of names.rows()) insert.run(r.part, r.value, r.count);
}

/** The name frequencies of the last run, for the records of a small table (explaining a pair). */
export function storedNameCounts(db: Database.Database, t: RecordTable, totals: NameTotals | undefined): NameFrequencies | null {
  if (!totals) return null;
  const get = db.prepare('SELECT count FROM resolution_name WHERE part = ? AND value = ?').pluck();
  return NameFrequencies.stored(t, (part: NameCountRow['part'], value) => get.get(part, value) as number | undefined, totals);
}
