// One row of a table through a compiled spec part: its entities, then its links.
// - Crosslink's record kinds (subject, vehicle, case) are written as the bundle's own rows
//   (the same loader, rules and derived phones, documents, addresses), in a part file whose
//   role is the bundle file, so resolution, search and leads read them like TECS rows.
// - Identifier kinds (phone, email...) become the same shared node a bundle row would name.
// - Custom kinds are records of their own: the source key, the label, the attributes.
// A source key is remembered by id space (spec_key), so links of other rows, files and later
// imports find the node. A rejected row writes nothing: its checks run before any write.
import type Database from 'better-sqlite3';
import { RECORD_FIELDS, type ImportSpec, type MappableLinkKind, type MappableNodeKind, type RecordKind } from '../../../../shared/import-spec';
import { customKindOf, isCustomKind, type Handling, type LinkKind, type NodeKind } from '../../../../shared/model';
import { foldText, nameVariants } from '../../util/text';
import { AGENCIES, COLUMNS, HANDLINGS, type BundleFile } from '../format';
import type { GraphWriter, RowOrigin } from '../graph-writer';
import { addressNode, documentNode, emailNode, phoneNode, plateNode, vinNode, type IdentifierNode } from '../identifiers';
import { LOADERS, type LoadResult, type RowView } from '../loaders';
import { MAX_CELL, RULES, clip } from '../rules';
import { fillTemplate, type CompiledEndpoint, type CompiledEntity, type CompiledPart, type CompiledValue } from './compile';
import { compactDate, normalise, readValue } from './values';

const RECORD_FILE: Record<RecordKind, BundleFile> = { subject: 'subjects.csv', vehicle: 'vehicles.csv', case: 'cases.csv' };
const RECORD_ID: Record<RecordKind, string> = { subject: 'record_id', vehicle: 'record_id', case: 'case_id' };
const isRecordKind = (k: string): k is RecordKind => k === 'subject' || k === 'vehicle' || k === 'case';
/** Where each bundle column sits in a record kind's cells (worked out once, not per row). */
const COLUMN_INDEX: Record<RecordKind, Map<string, number>> = {
  subject: new Map(COLUMNS['subjects.csv'].map((c, i) => [c, i])),
  vehicle: new Map(COLUMNS['vehicles.csv'].map((c, i) => [c, i])),
  case: new Map(COLUMNS['cases.csv'].map((c, i) => [c, i])),
};
const IDENTIFIER_WORDS: Record<string, string> = { phone: 'a phone number', email: 'an email address', plate: 'a plate', vin: 'a VIN', document: 'a document number', address: 'an address' };

type Reject = { column: string | null; reason: string };
const reject = (column: string | null, reason: string): Reject => ({ column, reason });

/** What one row will write, worked out before anything is written. */
interface PlannedEntity {
  e: CompiledEntity;
  kind: MappableNodeKind;
  key: string;
  /** The bundle-shaped cells of a record kind, or the cells of a custom kind. */
  cells: string[];
  label: string;
  at: string | null;
  derived?: IdentifierNode;
}

export class SpecRowWriter {
  private readonly partFiles = new Map<string, { id: number; header: string[] }>();
  private readonly findKey: Database.Statement;
  private readonly addKey: Database.Statement;
  private readonly addPart: Database.Statement;
  /** Nodes the rows' entities became, new or already in the case (for previews). */
  readonly touched = new Set<number>();
  /** Custom kinds this import met (for kind_def), with the label they were read as. */
  readonly metKinds = new Map<string, { label: string; link: boolean }>();

  constructor(
    private readonly db: Database.Database,
    private readonly w: GraphWriter,
    private readonly spec: ImportSpec,
    private readonly importId: number,
    private readonly fileId: number,
    private readonly fileName: string,
    private readonly part: CompiledPart,
  ) {
    this.findKey = db.prepare('SELECT node FROM spec_key WHERE space = ? AND key = ?').pluck();
    this.addKey = db.prepare('INSERT OR IGNORE INTO spec_key(space, key, node, file_id) VALUES (?, ?, ?, ?)');
    this.addPart = db.prepare('INSERT INTO source_file(import_id, name, sha256, header, role) VALUES (?, ?, NULL, ?, ?)');
  }

  row(line: number, cells: string[]): LoadResult {
    for (let i = 0; i < cells.length; i++) {
      if (cells[i].length > MAX_CELL) return reject(null, `cell ${i + 1} is ${cells[i].length.toLocaleString('en-US')} characters long; the limit is ${MAX_CELL.toLocaleString('en-US')}`);
    }
    const origin = this.origin(line, cells);
    if ('reason' in origin) return origin;
    // Plan every entity first: a row that breaks a rule writes nothing.
    const planned: Array<PlannedEntity | null> = [];
    for (const e of this.part.entities) {
      const p = this.plan(e, cells);
      if (p !== null && 'reason' in p) return p;
      planned.push(p);
    }
    const linkPlans: Array<{ kind: LinkKind; from: number | string; to: number | string; at: string | null; attrs: Record<string, string> | null; once: boolean } | null> = [];
    for (const l of this.part.links) {
      const kind = this.linkKind(l.kindColumn, l.spec.kind, l.spec.kindFrom?.map, cells);
      const at = l.at ? this.read(l.at, cells) : { value: '' };
      if ('reason' in at) return at;
      const got = this.attributes(l.attributes, cells);
      if ('reason' in got) return got;
      const attrs = got.attrs;
      const ends: Array<number | string | null> = [];
      for (const ep of [l.from, l.to]) {
        const end = this.endpoint(ep, cells, planned);
        if (end !== null && typeof end === 'object') return end;
        ends.push(end);
      }
      if (ends[0] === null || ends[1] === null) {
        if (l.spec.optional || ends.some((x, k) => x === null && 'entity' in (k ? l.to : l.from))) {
          linkPlans.push(null);
          continue;
        }
        const ep = ends[0] === null ? l.from : l.to;
        return reject(null, `${ep.field}: empty on this row`);
      }
      linkPlans.push({ kind, from: ends[0], to: ends[1], at: at.value || null, attrs: Object.keys(attrs).length ? attrs : null, once: 'entity' in l.from && 'entity' in l.to });
    }
    // Column ends name keys: each must be an entity of this import or of the case.
    const resolved = new Map<string, number>();
    for (const lp of linkPlans) {
      if (!lp) continue;
      for (const end of [lp.from, lp.to]) {
        if (typeof end !== 'string' || resolved.has(end)) continue;
        const id = this.lookup(end);
        if (id === null) {
          const [space, key] = splitRef(end);
          const l = this.part.links[linkPlans.indexOf(lp)];
          const ep = lp.from === end ? l.from : l.to;
          return reject(this.columnOf(ep), `${ep.field}: '${clip(key)}' is not an id that a node file or row defines (id space '${space}')`);
        }
        resolved.set(end, id);
      }
    }
    // Now write.
    const nodes: Array<number | null> = [];
    let anyNew = false;
    for (const p of planned) {
      if (!p) {
        nodes.push(null);
        continue;
      }
      const res = this.writeEntity(p, origin);
      if ('reason' in res) return res;
      nodes.push(res.id);
      anyNew ||= res.isNew;
    }
    let links = 0;
    for (const lp of linkPlans) {
      if (!lp) continue;
      const end = (x: number | string) => (typeof x === 'number' ? nodes[x]! : resolved.get(x)!);
      const a = end(lp.from);
      const b = end(lp.to);
      if (lp.once) {
        if (this.w.linkOnce(lp.kind, a, b, lp.at, origin, lp.attrs)) links++;
      } else {
        this.w.link(lp.kind, a, b, lp.at, origin, lp.attrs);
        links++;
      }
    }
    return anyNew || links > 0 ? 'loaded' : 'skipped';
  }

  private origin(line: number, cells: string[]): (RowOrigin & { handling: Handling }) | Reject {
    const src = this.spec.source;
    let agency: string = src.agency;
    let handling: string = src.handling;
    if (this.part.agencyColumn >= 0) {
      const v = (cells[this.part.agencyColumn] ?? '').trim().toUpperCase();
      if (v && !(AGENCIES as readonly string[]).includes(v)) return reject(src.agencyColumn!, `$.source.agencyColumn: unknown agency '${clip(v)}' (expected one of ${AGENCIES.join(', ')})`);
      if (v) agency = v;
    }
    if (this.part.handlingColumn >= 0) {
      const v = (cells[this.part.handlingColumn] ?? '').trim().toUpperCase();
      if (v && !(HANDLINGS as readonly string[]).includes(v)) return reject(src.handlingColumn!, `$.source.handlingColumn: unknown handling '${clip(v)}' (expected one of ${HANDLINGS.join(', ')})`);
      if (v) handling = v;
    }
    return { fileId: this.fileId, line, agency, handling: handling as Handling };
  }

  private read(v: CompiledValue, cells: string[]): { value: string } | Reject {
    const raw = cells[v.index] ?? '';
    const r = readValue(raw, v.spec, this.spec.source.timezone);
    if (!r.ok) return reject(v.spec.column, `${v.field}: ${r.reason}`);
    if (!r.value && v.spec.required) return reject(v.spec.column, `${v.field}: required, but empty on this row`);
    return { value: r.value };
  }

  private attributes(list: ReadonlyArray<CompiledValue & { name: string }>, cells: string[]): { attrs: Record<string, string> } | Reject {
    const attrs: Record<string, string> = {};
    for (const a of list) {
      const r = this.read(a, cells);
      if ('reason' in r) return r;
      if (r.value) attrs[a.name] = r.value;
    }
    return { attrs };
  }

  private nodeKind(e: CompiledEntity, cells: string[]): MappableNodeKind {
    if (e.kindColumn < 0) return e.spec.kind;
    const labels = (cells[e.kindColumn] ?? '').split(/[;|]/).map((s) => s.trim()).filter(Boolean);
    const map = e.spec.kindFrom?.map ?? {};
    for (const l of labels) if (map[l]) return map[l];
    if (labels.length) {
      const k = customKindOf(labels[0]);
      if (!this.metKinds.has(k)) this.metKinds.set(k, { label: labels[0], link: false });
      return k;
    }
    return e.spec.kind;
  }

  private linkKind(column: number, fallback: MappableLinkKind, map: Record<string, MappableLinkKind> | undefined, cells: string[]): LinkKind {
    if (column >= 0) {
      const v = (cells[column] ?? '').trim();
      if (v && map?.[v]) return map[v];
      if (v) {
        const k = customKindOf(v);
        if (!this.metKinds.has(k)) this.metKinds.set(k, { label: v.replace(/_/g, ' ').toLowerCase(), link: true });
        return k;
      }
    }
    return fallback;
  }

  private plan(e: CompiledEntity, cells: string[]): PlannedEntity | Reject | null {
    const parts = e.keys.map((i) => normalise((cells[i] ?? '').trim(), e.spec.key.normalise));
    if (parts.every((p) => !p)) {
      if (e.spec.optional) return null;
      return reject(e.spec.key.columns[0], `${e.field}.key: empty on this row (column${e.keys.length > 1 ? 's' : ''} ${e.spec.key.columns.map((c) => `'${clip(c)}'`).join(', ')})`);
    }
    const key = parts.join('|');
    const kind = this.nodeKind(e, cells);
    const at = e.at ? this.read(e.at, cells) : { value: '' };
    if ('reason' in at) return at;
    const label = e.label.length ? fillTemplate(e.label, cells) : '';
    const got = this.attributes(e.attributes, cells);
    if ('reason' in got) return got;
    const attrs = got.attrs;
    if (isRecordKind(kind)) return this.planRecord(e, kind, key, cells, attrs, at.value || null, label);
    if (isCustomKind(kind)) {
      const names = e.attributes.map((a) => a.name);
      return { e, kind, key, cells: [key, ...names.map((n) => attrs[n] ?? '')], label: label || key, at: at.value || null };
    }
    // An identifier: the value column, or the key itself.
    let raw = key;
    if (e.value) {
      const v = this.read(e.value, cells);
      if ('reason' in v) return v;
      if (!v.value) return e.spec.optional ? null : reject(e.spec.value!.column, `${e.field}.value: empty on this row`);
      raw = v.value;
    }
    const derived = this.identifier(e, kind, raw, cells);
    if ('reason' in derived) return derived;
    return { e, kind, key, cells: [], label: derived.label, at: at.value || null, derived };
  }

  /** An identifier's node, as a bundle row naming the same value would make it. */
  private identifier(e: CompiledEntity, kind: MappableNodeKind, raw: string, cells: string[]): IdentifierNode | Reject {
    const field = (name: string) => {
      const f = e.fields.get(name);
      return f ? normalise((cells[f.index] ?? '').trim(), f.spec.normalise) : '';
    };
    const node =
      kind === 'phone' ? phoneNode(raw)
      : kind === 'email' ? emailNode(raw)
      : kind === 'plate' ? plateNode(raw, field('plate_region'))
      : kind === 'vin' ? vinNode(raw)
      : kind === 'document' ? documentNode(field('doc_type').toUpperCase(), field('doc_country').toUpperCase(), raw)
      : addressNode([raw, field('city'), field('region'), field('postal_code'), field('country')]);
    return node ?? reject(e.spec.value?.column ?? e.spec.key.columns[0], `${e.field}: not ${IDENTIFIER_WORDS[kind] ?? `a ${kind}`}: '${clip(raw)}'`);
  }

  private planRecord(
    e: CompiledEntity, kind: RecordKind, key: string, cells: string[], attrs: Record<string, string>, at: string | null, label: string,
  ): PlannedEntity | Reject {
    const file = RECORD_FILE[kind];
    const canonical = COLUMNS[file];
    const rules = RULES[file];
    const values = new Map<string, string>();
    for (const [name, f] of e.fields) {
      if (!(RECORD_FIELDS[kind] as readonly string[]).includes(name)) {
        return reject(f.spec.column, `${f.field}: '${name}' is not a field of a ${kind} (fields: ${RECORD_FIELDS[kind].join(', ')})`);
      }
      const r = this.read(f, cells);
      if ('reason' in r) return r;
      let v = r.value;
      // The bundle's forms: dates of birth YYYYMMDD, timestamps with an offset, codes in upper case.
      if (v && name === 'dob' && f.spec.type === 'date') v = compactDate(v);
      if (v && name.endsWith('_at') && f.spec.type === 'date') v = `${v}T00:00:00${this.spec.source.timezone}`;
      if (v && ['sex', 'nationality', 'doc_type', 'doc_country', 'country', 'region', 'plate_region', 'status', 'category'].includes(name)) v = v.toUpperCase();
      if (v) {
        const check = rules[name]?.check?.(v);
        if (check) return reject(f.spec.column, `${f.field}: ${check}`);
      }
      values.set(name, v);
    }
    if (at && !values.get(kind === 'case' ? 'opened_at' : 'entered_at')) values.set(kind === 'case' ? 'opened_at' : 'entered_at', at.length === 10 ? `${at}T00:00:00${this.spec.source.timezone}` : at);
    if (kind === 'case' && !values.get('title') && label) values.set('title', label);
    const names = e.attributes.map((a) => a.name);
    const rowCells = canonical.map((c) => (c === RECORD_ID[kind] ? `${e.space}:${key}` : (values.get(c) ?? ''))).concat(names.map((n) => attrs[n] ?? ''));
    return { e, kind, key, cells: rowCells, label, at };
  }

  private endpoint(ep: CompiledEndpoint, cells: string[], planned: ReadonlyArray<PlannedEntity | null>): number | string | null | Reject {
    if ('entity' in ep) return planned[ep.entity] ? ep.entity : null;
    const v = normalise((cells[ep.index] ?? '').trim(), ep.spec.normalise);
    if (!v) return null;
    return `${ep.space ?? this.spec.name}\u0000${v}`;
  }

  private columnOf(ep: CompiledEndpoint): string | null {
    return 'entity' in ep ? null : ep.column;
  }

  /** A key named by a link: this import's and earlier spec imports' keys, then the case's record ids. */
  private lookup(ref: string): number | null {
    const [space, key] = splitRef(ref);
    const id = this.findKey.get(space, key) as number | undefined;
    if (id !== undefined) return id;
    const rec = this.w.recordByKey(key);
    return rec ? rec.id : null;
  }

  private writeEntity(p: PlannedEntity, origin: RowOrigin & { handling: Handling }): { id: number; isNew: boolean } | Reject {
    const known = this.findKey.get(p.e.space, p.key) as number | undefined;
    if (known !== undefined) {
      this.touched.add(known);
      return { id: known, isNew: false };
    }
    let id: number;
    let isNew = true;
    if (p.derived) {
      const before = this.w.nodesAdded;
      id = this.w.derived(p.kind as NodeKind, p.derived.key, p.derived.label, p.derived.text, origin);
      isNew = this.w.nodesAdded > before;
    } else if (isRecordKind(p.kind)) {
      const file = this.partFile(p.e, p.kind);
      const index = COLUMN_INDEX[p.kind];
      const cells = p.cells;
      const view: RowView = {
        cells,
        get: (c) => {
          if (c === 'agency') return origin.agency ?? '';
          if (c === 'handling') return origin.handling;
          const i = index.get(c);
          return i === undefined ? '' : cells[i];
        },
        origin: { ...origin, fileId: file },
      };
      const res = LOADERS[RECORD_FILE[p.kind]](this.w, view);
      if (res !== 'loaded' && res !== 'skipped') return { column: null, reason: `${p.e.field}: ${res.reason}` };
      const recordId = cells[index.get(RECORD_ID[p.kind])!];
      id = this.w.nodeByKey(p.kind, recordId)!;
      isNew = res === 'loaded';
    } else {
      const file = this.partFile(p.e, p.kind);
      const text = [nameVariants(p.label), p.key.toLowerCase(), foldText(p.cells.slice(1).join(' ')).slice(0, 2000)].join(' ');
      const res = this.w.record(p.kind as NodeKind, `${p.e.space}:${p.key}`, p.label, p.at, { ...origin, fileId: file }, p.cells, text);
      id = res.id;
      isNew = res.status === 'new';
      if (!this.metKinds.has(p.kind)) this.metKinds.set(p.kind, { label: p.kind, link: false });
    }
    this.addKey.run(p.e.space, p.key, id, this.fileId);
    this.touched.add(id);
    return { id, isNew };
  }

  /** The part file a kind of entity of this file is written under: its header is what details show. */
  private partFile(e: CompiledEntity, kind: MappableNodeKind): number {
    const k = `${e.field}|${kind}`;
    let f = this.partFiles.get(k);
    if (!f) {
      const names = e.attributes.map((a) => a.name);
      const header = isRecordKind(kind) ? [...COLUMNS[RECORD_FILE[kind]], ...names] : ['id', ...names];
      const role = isRecordKind(kind) ? RECORD_FILE[kind] : 'part';
      f = { id: Number(this.addPart.run(this.importId, this.fileName, JSON.stringify(header), role).lastInsertRowid), header };
      this.partFiles.set(k, f);
      this.w.addFile(f.id);
    }
    return f.id;
  }
}

function splitRef(ref: string): [string, string] {
  const i = ref.indexOf('\u0000');
  return [ref.slice(0, i), ref.slice(i + 1)];
}
