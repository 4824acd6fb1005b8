// One loader per bundle file: a validated row becomes nodes, links and search text.
import type { LinkKind } from '../../../shared/model';
import type { BundleFile } from './format';
import type { GraphWriter, RecordInsert, RowOrigin } from './graph-writer';
import {
  addressNode, documentNode, emailNode, identifierSearchText, normalisePhone, normalisePlate, normaliseVin, phoneNode, plateNode, vinNode,
} from './identifiers';
import { foldText, nameVariants } from '../util/text';

export interface RowView {
  get(column: string): string;
  cells: string[];
  origin: RowOrigin;
}

export type LoadResult = 'loaded' | 'skipped' | { column: string | null; reason: string };

export type Loader = (w: GraphWriter, r: RowView) => LoadResult;

function personName(last: string, first: string, middle = ''): string {
  const given = [first, middle].filter(Boolean).join(' ');
  return last && given ? `${last}, ${given}` : last || given || '(no name)';
}

function fromInsert(res: RecordInsert, idColumn: string, id: string): LoadResult | null {
  if (res.status === 'existing') return 'skipped';
  if (res.status === 'duplicate') {
    return { column: idColumn, reason: `duplicate ${idColumn} '${id}' (first on line ${res.firstLine ?? '?'})` };
  }
  return null;
}

function attachDocument(w: GraphWriter, r: RowView, owner: number, at: string | null): void {
  const d = documentNode(r.get('doc_type'), r.get('doc_country'), r.get('doc_number'));
  if (d) w.link('has_document', owner, w.derived('document', d.key, d.label, d.text, r.origin), at, r.origin);
}

function attachPhone(w: GraphWriter, r: RowView, owner: number, raw: string): void {
  const p = phoneNode(raw);
  if (p) w.link('has_phone', owner, w.derived('phone', p.key, p.label, p.text, r.origin), null, r.origin);
}

function attachPlate(w: GraphWriter, r: RowView, owner: number, kind: LinkKind, at: string | null): void {
  const p = plateNode(r.get('plate'), r.get('plate_region'));
  if (p) w.link(kind, owner, w.derived('plate', p.key, p.label, p.text, r.origin), at, r.origin);
}

function attachVin(w: GraphWriter, r: RowView, owner: number, kind: LinkKind, at: string | null): void {
  const v = vinNode(r.get('vin'));
  if (v) w.link(kind, owner, w.derived('vin', v.key, v.label, v.text, r.origin), at, r.origin);
}

const ports: Loader = (w, r) => {
  const code = r.get('port_code');
  const name = r.get('name');
  const res = w.record('port', code, name, null, r.origin, r.cells, `${code} ${foldText(name)} ${foldText(r.get('region'))}`);
  return fromInsert(res, 'port_code', code) ?? 'loaded';
};

const subjects: Loader = (w, r) => {
  const id = r.get('record_id');
  const last = r.get('last_name');
  const first = r.get('first_name');
  const label = personName(last, first, r.get('middle_name'));
  const text = [
    id.toLowerCase(), nameVariants(`${last} ${first} ${r.get('middle_name')}`), nameVariants(r.get('aka')),
    identifierSearchText('document', `||${r.get('doc_number')}`), foldText(r.get('address')), foldText(r.get('city')),
    r.get('phone') ? identifierSearchText('phone', normalisePhone(r.get('phone')) ?? '') : '', foldText(r.get('email')),
  ].join(' ');
  const at = r.get('entered_at') || null;
  const res = w.record('subject', id, label, at, r.origin, r.cells, text);
  const early = fromInsert(res, 'record_id', id);
  if (early) return early;
  attachDocument(w, r, res.id, at);
  if (r.get('phone')) attachPhone(w, r, res.id, r.get('phone'));
  const address = r.get('address') ? addressNode(['address', 'city', 'region', 'postal_code', 'country'].map((c) => r.get(c))) : null;
  if (address) w.link('has_address', res.id, w.derived('address', address.key, address.label, address.text, r.origin), null, r.origin);
  const email = emailNode(r.get('email'));
  if (email) w.link('has_email', res.id, w.derived('email', email.key, email.label, email.text, r.origin), null, r.origin);
  return 'loaded';
};

const vehicles: Loader = (w, r) => {
  const id = r.get('record_id');
  const desc = [r.get('color'), r.get('year'), r.get('make'), r.get('model')].filter(Boolean).join(' ');
  const plate = normalisePlate(r.get('plate'));
  const label = [desc || 'Vehicle', plate].filter(Boolean).join(' · ');
  const text = [id.toLowerCase(), foldText(desc), plate?.toLowerCase() ?? '', normaliseVin(r.get('vin'))?.toLowerCase() ?? ''].join(' ');
  const at = r.get('entered_at') || null;
  const res = w.record('vehicle', id, label, at, r.origin, r.cells, text);
  const early = fromInsert(res, 'record_id', id);
  if (early) return early;
  attachPlate(w, r, res.id, 'has_plate', at);
  attachVin(w, r, res.id, 'has_vin', at);
  const owner = r.get('owner_record_id');
  if (owner) {
    const o = w.recordByKey(owner);
    // A vehicle whose owner record is not (yet) known still loads; the id stays an attribute.
    if (o && o.kind === 'subject') w.link('owned_by', res.id, o.id, at, r.origin);
  }
  return 'loaded';
};

const cases: Loader = (w, r) => {
  const id = r.get('case_id');
  const title = r.get('title');
  const text = [id.toLowerCase(), foldText(title), foldText(r.get('summary')), foldText(r.get('office'))].join(' ');
  const res = w.record('case', id, title ? `${id} ${title}` : id, r.get('opened_at') || null, r.origin, r.cells, text);
  return fromInsert(res, 'case_id', id) ?? 'loaded';
};

function requireRecord(w: GraphWriter, r: RowView, column: string): { id: number; kind: string } | { column: string; reason: string } {
  const key = r.get(column);
  const rec = w.recordByKey(key);
  return rec ?? { column, reason: `${column} '${key}' is not a subject or vehicle record in this bundle or case` };
}

const caseLinks: Loader = (w, r) => {
  const caseId = w.nodeByKey('case', r.get('case_id'));
  if (caseId === null) return { column: 'case_id', reason: `case_id '${r.get('case_id')}' is not a case in this bundle or case` };
  const rec = requireRecord(w, r, 'record_id');
  if ('reason' in rec) return rec;
  const attrs: Record<string, string> = { role: r.get('role') };
  if (r.get('note')) attrs.note = r.get('note');
  return w.linkOnce('case_names', caseId, rec.id, r.get('linked_at') || null, r.origin, attrs) ? 'loaded' : 'skipped';
};

const lookouts: Loader = (w, r) => {
  const rec = requireRecord(w, r, 'record_id');
  if ('reason' in rec) return rec;
  const id = r.get('lookout_id');
  const label = `${r.get('reason') || 'LOOKOUT'} · ${r.get('record_id')}`;
  const text = [id.toLowerCase(), foldText(r.get('reason')), foldText(r.get('contact')), r.get('record_id').toLowerCase()].join(' ');
  const at = r.get('issued_at') || null;
  const res = w.record('lookout', id, label, at, r.origin, r.cells, text);
  const early = fromInsert(res, 'lookout_id', id);
  if (early) return early;
  w.link('lookout_on', res.id, rec.id, at, r.origin);
  return 'loaded';
};

const associations: Loader = (w, r) => {
  const a = requireRecord(w, r, 'record_a');
  if ('reason' in a) return a;
  const b = requireRecord(w, r, 'record_b');
  if ('reason' in b) return b;
  const kind = r.get('kind').toLowerCase() as LinkKind;
  return w.linkOnce(kind, a.id, b.id, r.get('reported_at') || null, r.origin) ? 'loaded' : 'skipped';
};

/** Event-level columns, stored once on the event node (from its first traveller row). */
const EVENT_COLUMNS = ['event_id', 'occurred_at', 'port_code', 'direction', 'mode', 'lane', 'plate', 'plate_region', 'vin', 'carrier', 'flight_number'];

const crossings: Loader = (w, r) => {
  const id = r.get('crossing_id');
  const at = r.get('occurred_at');
  const last = r.get('last_name');
  const first = r.get('first_name');
  const text = [id.toLowerCase(), nameVariants(`${last} ${first}`), identifierSearchText('document', `||${r.get('doc_number')}`)].join(' ');
  const res = w.record('traveller', id, personName(last, first), at, r.origin, r.cells, text);
  const early = fromInsert(res, 'crossing_id', id);
  if (early) return early;
  const eventKey = r.get('event_id');
  let event = w.derivedId('event', eventKey);
  if (event === null) {
    const portCode = r.get('port_code');
    const portName = w.portName(portCode);
    const label = `${portName ?? portCode} ${at.slice(0, 16).replace('T', ' ')} ${r.get('direction')}`;
    const cells = EVENT_COLUMNS.map((c) => r.get(c));
    event = w.derived('event', eventKey, label, `${eventKey.toLowerCase()}`, r.origin, at, cells);
    const port = w.derived('port', portCode, portName ?? `Port ${portCode}`, portCode, null);
    w.link('at_port', event, port, at, r.origin);
    attachPlate(w, r, event, 'event_plate', at);
    attachVin(w, r, event, 'event_vin', at);
  }
  w.link('travelled_in', res.id, event, at, r.origin, { role: r.get('role') });
  attachDocument(w, r, res.id, at);
  return 'loaded';
};

export const LOADERS: Record<BundleFile, Loader> = {
  'ports.csv': ports,
  'subjects.csv': subjects,
  'vehicles.csv': vehicles,
  'cases.csv': cases,
  'case_links.csv': caseLinks,
  'lookouts.csv': lookouts,
  'associations.csv': associations,
  'crossings.csv': crossings,
};

export { EVENT_COLUMNS };
