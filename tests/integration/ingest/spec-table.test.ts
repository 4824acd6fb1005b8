// A partner agency's roster (CSV, then the same shape as XLSX and TSV) through a saved import
// spec: person records that resolve with the TECS records of the same people, phones that meet
// the bundle's phones, a custom kind for employers, typed values, and every bad input named.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/api';
import type { ImportSpecInput } from '../../../shared/import-spec';
import { csv, tmpDir, writeBundle } from '../../fixtures/bundle-builder';
import { baseFiles } from '../../fixtures/bundles';
import { call, countsOf, newCase, runImport } from '../../helpers/case';

const HEADER = ['Ref', 'Surname', 'Given names', 'DOB', 'Mobile', 'Email', 'Employer', 'Shifts'];
const ROWS = [
  // The same man as the bundle's ICE-S-001 (GONZALEZ LOPEZ, JOSE, 19850312, +52 656 123 4567).
  ['R-001', 'Gonzalez Lopez', 'José', '12/03/1985', '+52 (656) 123-4567', 'jose.gl@example.mx', 'Rio Freight SA', '12'],
  ['R-002', 'Haddad', 'Omar', '01/11/1979', '915 555 0199', '', 'Rio Freight SA', '7'],
  ['R-003', 'Nguyen', 'Mei', '31/02/1990', '', 'mei@example.com', 'Norte Logistics', '3'],
  ['R-004', "O'Brien", 'Siobhán', '05/06/1992', '', '', '', 'x'],
  ['R-002', 'Haddad', 'Omar', '01/11/1979', '+1 915 555 0100', '', 'Rio Freight SA', '7'],
];

const SPEC: ImportSpecInput = {
  type: 'crosslink-import-spec',
  version: 1,
  name: 'partner-roster',
  description: 'Monthly roster of the partner agency; one row per person and phone.',
  source: { agency: 'CBP', handling: 'LES' },
  kinds: [{ kind: 'x.company', label: 'Company', colour: '#b45309', icon: 'organisation' }],
  linkKinds: [{ kind: 'x.employed_by', label: 'employed by', colour: '#334155', icon: 'tag', directed: true }],
  files: [
    {
      match: 'roster-*.csv',
      entities: [
        {
          id: 'person',
          kind: 'subject',
          key: { columns: ['Ref'] },
          fields: {
            last_name: { column: 'Surname' },
            first_name: { column: 'Given names' },
            dob: { column: 'DOB', type: 'date', format: 'DD/MM/YYYY' },
            phone: { column: 'Mobile' },
            email: { column: 'Email' },
          },
          attributes: [{ column: 'Shifts', type: 'int', name: 'shifts this month' }],
        },
        { id: 'employer', kind: 'x.company', key: { columns: ['Employer'], normalise: 'upper' }, label: '{Employer}', optional: true },
        { id: 'mobile', kind: 'phone', key: { columns: ['Mobile'], normalise: 'phone' }, optional: true },
      ],
      links: [
        { kind: 'x.employed_by', from: { entity: 'person' }, to: { entity: 'employer' } },
        { kind: 'has_phone', from: { entity: 'person' }, to: { entity: 'mobile' } },
      ],
    },
  ],
};

let b: Backend;
let file: string;
let dir: string;
let roster: string;
let specFile: string;

beforeAll(async () => {
  ({ backend: b, file, dir } = await newCase());
  const bundle = writeBundle(path.join(tmpDir(), 'small.valid'), { exportId: 'TEST-SMALL-1', files: baseFiles() });
  await runImport(b, bundle);
  roster = path.join(dir, 'roster-2025-11.csv');
  fs.writeFileSync(roster, csv([HEADER, ...ROWS]));
  specFile = path.join(dir, 'partner-roster.spec.json');
}, 60_000);

afterAll(async () => {
  await b?.close();
});

describe('a table through an import spec', () => {
  it('saves and loads the spec as a versioned JSON file', async () => {
    const { spec } = await call(b, 'spec.load', { path: (await call(b, 'spec.save', { path: specFile, spec: SPEC as never })).path });
    expect(spec).toMatchObject({ type: 'crosslink-import-spec', version: 1, name: 'partner-roster' });
    expect(JSON.parse(fs.readFileSync(specFile, 'utf8')).files[0].entities[0].fields.dob).toEqual({ column: 'DOB', type: 'date', format: 'DD/MM/YYYY', normalise: 'none', required: false });
  });

  it('previews the entities and links it would make, and the row it would reject, writing nothing', async () => {
    const before = countsOf(file);
    const { spec } = await call(b, 'spec.load', { path: specFile });
    const p = await call(b, 'import.preview', { path: roster, spec, limit: 100 });
    expect(countsOf(file)).toEqual(before);
    expect(p.counts.rows).toBe(5);
    expect(p.rejects).toEqual([
      { file: 'roster-2025-11.csv', line: 4, column: 'DOB', reason: "$.files[0].entities[0].fields.dob: impossible date '31/02/1990'" },
      { file: 'roster-2025-11.csv', line: 5, column: 'Shifts', reason: "$.files[0].entities[0].attributes[0]: not a number: 'x'" },
    ]);
    const labels = p.entities.map((e) => `${e.kindLabel}: ${e.label}`);
    expect(labels).toContain('Subject record: Gonzalez Lopez, José');
    // One company for both rows naming it (the key is folded to upper case; the label is as written);
    // Norte Logistics is named only by the rejected row, and a rejected row makes nothing.
    expect(labels.filter((l) => l.startsWith('Company:'))).toEqual(['Company: Rio Freight SA']);
    // The bundle's phone of ICE-S-001 is met, not made again.
    const phone = p.entities.find((e) => e.kind === 'phone' && e.label === '+526561234567')!;
    expect(phone.isNew).toBe(false);
    expect(p.links.filter((l) => l.kind === 'x.employed_by').map((l) => `${l.sourceLabel} → ${l.targetLabel}`)).toEqual([
      'Gonzalez Lopez, José → Rio Freight SA',
      'Haddad, Omar → Rio Freight SA',
    ]);
  });

  it('keeps nothing while rows would be rejected; accepted, loads the rest, and says where each value came from', async () => {
    const before = countsOf(file);
    const { spec } = await call(b, 'spec.load', { path: specFile });
    const first = await call(b, 'import.start', { path: roster, spec });
    const refused = await b.waitForJob(first.jobId);
    expect(refused.note).toMatch(/^2 rows would be rejected, so nothing was kept/);
    expect(countsOf(file)).toEqual(before);
    const { jobId } = await call(b, 'import.start', { path: roster, spec, acceptRejects: true });
    const done = await b.waitForJob(jobId);
    const report = await call(b, 'import.report', { importId: done.importId!, limit: 10 });
    expect(report).toMatchObject({ status: 'done', rowsRead: 5, rowsRejected: 2, rowsLoaded: 3 });
    const c = countsOf(file);
    expect(c.nodes.subject).toBe(before.nodes.subject + 2);
    expect(c.nodes['x.company']).toBe(1);
    const omar = (await call(b, 'graph.resolveId', { sourceId: 'partner-roster:R-002' }))!;
    const d = await call(b, 'graph.node', { id: omar.id });
    expect(d.attributes.find((a) => a.name === 'dob')).toMatchObject({ value: '19791101', handling: 'LES', provenance: { file: 'roster-2025-11.csv', line: 3, agency: 'CBP' } });
    expect(d.attributes.find((a) => a.name === 'shifts this month')?.value).toBe('7');
    // Omar's two rows are one record with both phones.
    const e = await call(b, 'graph.expand', { id: omar.id, force: true, limit: 100 });
    const phones = e.type === 'graph' ? e.nodes.filter((n) => n.kind === 'phone').map((n) => n.label).sort() : [];
    expect(phones).toEqual(['+19155550100', '+19155550199']);
  });

  it('its person records resolve with the TECS records of the same man', async () => {
    const rows = await call(b, 'resolution.rows', {});
    const entity = (id: string) => rows.find((r) => r.recordId === id)?.entityId;
    expect(entity('partner-roster:R-001')).toBeDefined();
    expect(entity('partner-roster:R-001')).toBe(entity('ICE-S-001'));
    expect(entity('partner-roster:R-002')).not.toBe(entity('ICE-S-001'));
    const hits = await call(b, 'search', { q: 'Haddad Omar' });
    expect(hits.some((h) => h.sourceId === 'partner-roster:R-002' || h.kind === 'person')).toBe(true);
  });

  it('imports the same shape from a workbook with the saved spec (dates as date cells)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Roster');
    ws.addRow(['Partner roster, December (internal)']);
    ws.addRow(HEADER);
    ws.addRow(['R-101', 'Kowalski', 'Ivan', new Date(Date.UTC(1970, 0, 2)), 9155550111, '', 'Norte Logistics', 4]);
    ws.addRow(['R-102', 'Ali', 'Fatima', new Date(Date.UTC(1988, 6, 30)), '', 'fatima@example.com', '', 2]);
    ws.getColumn(4).numFmt = 'dd/mm/yyyy';
    const xlsx = path.join(dir, 'roster-2025-12.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const { spec } = await call(b, 'spec.load', { path: specFile });
    spec.files[0].headerRow = 2;
    const { jobId } = await call(b, 'import.start', { path: xlsx, spec });
    const done = await b.waitForJob(jobId);
    const report = await call(b, 'import.report', { importId: done.importId!, limit: 10 });
    expect(report.rejects).toEqual([]);
    expect(report).toMatchObject({ status: 'done', rowsRead: 2, rowsLoaded: 2 });
    const ivan = (await call(b, 'graph.resolveId', { sourceId: 'partner-roster:R-101' }))!;
    const d = await call(b, 'graph.node', { id: ivan.id });
    expect(d.attributes.find((a) => a.name === 'dob')?.value).toBe('19700102');
    expect(d.attributes.find((a) => a.name === 'phone')?.value).toBe('9155550111');
    expect(d.attributes.find((a) => a.name === 'dob')?.provenance).toMatchObject({ file: 'roster-2025-12.xlsx', line: 3 });
  });

  it('reads a TSV with its own separator', async () => {
    const tsv = path.join(dir, 'roster-2026-01.tsv');
    fs.writeFileSync(tsv, `${HEADER.join('\t')}\nR-201\tChen\tMei\t07/07/1977\t\t\tAcme, Imports\t1\n`);
    const { spec } = await call(b, 'spec.load', { path: specFile });
    spec.files[0].match = '*.tsv';
    const p = await call(b, 'import.preview', { path: tsv, spec, limit: 10 });
    expect(p.rejects).toEqual([]);
    expect(p.entities.map((e) => e.label)).toEqual(['Chen, Mei', 'Acme, Imports']);
  });
});

describe('a spec that does not fit', () => {
  it('a malformed spec file is refused with the JSON path of each problem', async () => {
    const bad = path.join(dir, 'bad.spec.json');
    fs.writeFileSync(bad, JSON.stringify({ ...SPEC, files: [{ entities: [{ id: 'p', kind: 'pirate', key: { columns: [] } }] }] }));
    const r = await b.handle('spec.load', { path: bad });
    expect(r.ok).toBe(false);
    const msg = r.ok ? '' : r.error.message;
    expect(msg).toMatch(/\$\.files\[0\]\.entities\[0\]\.kind/);
    expect(msg).toMatch(/\$\.files\[0\]\.entities\[0\]\.key\.columns/);
    fs.writeFileSync(bad, '{ "type": "crosslink-import-spec", ');
    const r2 = await b.handle('spec.load', { path: bad });
    expect(r2.ok ? '' : r2.error.message).toMatch(/^bad\.spec\.json is not JSON/);
  });

  it('a column the file lacks refuses the file, naming the spec field and the column', async () => {
    const { spec } = await call(b, 'spec.load', { path: specFile });
    spec.files[0].entities[0].fields.dob = { column: 'Date of birth', type: 'date', format: 'DD/MM/YYYY', normalise: 'none', required: false };
    const before = countsOf(file);
    const p = await call(b, 'import.preview', { path: roster, spec, limit: 10 });
    expect(p.files[0].refused).toMatch(/^roster-2025-11\.csv: spec field \$\.files\[0\]\.entities\[0\]\.fields\.dob\.column names column 'Date of birth', which the header lacks \(columns: 'Ref', 'Surname'/);
    const { jobId } = await call(b, 'import.start', { path: roster, spec, acceptRejects: true });
    const done = await b.waitForJob(jobId);
    const report = await call(b, 'import.report', { importId: done.importId!, limit: 10 });
    expect(report.files[0].refused).toMatch(/which the header lacks/);
    expect(countsOf(file)).toEqual(before);
  });

  it('a link to an entity the part does not define, and a file the spec does not read, are named', async () => {
    const { spec } = await call(b, 'spec.load', { path: specFile });
    spec.files[0].links[0].to = { entity: 'boss' };
    const p = await call(b, 'import.preview', { path: roster, spec, limit: 10 });
    expect(p.files[0].refused).toMatch(/spec field \$\.files\[0\]\.links\[0\]\.to\.entity: no entity 'boss' in this part \(entities: person, employer, mobile\)/);
    const folder = path.join(tmpDir(), 'exports');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'other.csv'), 'a,b\n1,2\n');
    const r = await b.handle('import.preview', { path: folder, spec, limit: 10 });
    expect(r.ok ? '' : r.error.message).toMatch(/No file in exports matches the spec 'partner-roster' \(it reads 'roster-\*\.csv'; found other\.csv\)/);
  });
});
