import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { BUNDLE_FILES, COLUMNS, type Manifest } from '../../../electron/backend/ingest/format';
import { generateDemo, isValidVin, vinCheckDigit, type DemoResult } from '../../../electron/backend/demo';

interface Planted {
  network: {
    person_ids: string[]; record_ids: string[]; crossing_ids: string[]; phone_digits: string; address: string;
    vehicle_plate: string; vehicle_vin: string; vehicle_id: string; port_code: string; case_id: string; lookout_id: string;
  };
  alias_trap: { person_ids: string[]; record_ids: string[]; dobs: string[] };
  orcon_canary: string;
  orcon_case_id: string;
  bad_rows: { file: string; line: number; reason: string; id: string }[];
}

type Row = Record<string, string>;

let tmp = '';
let res: DemoResult;
const text: Record<string, string> = {};
const rows: Record<string, string[][]> = {};
let planted: Planted;

function readTable(file: string): string[][] {
  return parse(fs.readFileSync(file, 'utf8'), { relax_column_count: true, bom: true }) as string[][];
}

function objects(file: string): Row[] {
  const [head, ...data] = rows[file]!;
  return data.filter((r) => r.length === head!.length).map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!])));
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crosslink-demo-'));
  res = await generateDemo({ out: path.join(tmp, 'a'), seed: 11, people: 160, days: 4 });
  for (const f of BUNDLE_FILES) {
    text[f] = fs.readFileSync(path.join(res.bundleDir, f), 'utf8');
    rows[f] = readTable(path.join(res.bundleDir, f));
  }
  planted = JSON.parse(fs.readFileSync(path.join(res.truthDir, 'planted.json'), 'utf8')) as Planted;
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('demo bundle generator', () => {
  it('writes the bundle and the ground truth side by side', () => {
    expect(res.truthDir).toBe(`${res.bundleDir}.truth`);
    expect(listFiles(res.bundleDir)).toEqual([...BUNDLE_FILES, 'manifest.json'].sort());
    expect(listFiles(res.truthDir)).toEqual(['README.md', 'persons.csv', 'planted.json', 'vehicles.csv']);
  });

  it('is deterministic: two runs with the same options are byte-identical', async () => {
    const b = await generateDemo({ out: path.join(tmp, 'b'), seed: 11, people: 160, days: 4 });
    for (const [da, db] of [[res.bundleDir, b.bundleDir], [res.truthDir, b.truthDir]] as const) {
      for (const f of listFiles(da)) expect(fs.readFileSync(path.join(db, f)).equals(fs.readFileSync(path.join(da, f))), f).toBe(true);
    }
    const c = await generateDemo({ out: path.join(tmp, 'c'), seed: 12, people: 160, days: 4 });
    expect(fs.readFileSync(path.join(c.bundleDir, 'subjects.csv')).equals(fs.readFileSync(path.join(res.bundleDir, 'subjects.csv')))).toBe(false);
  });

  it('writes a manifest whose rows and sha256 match the files', () => {
    const m = JSON.parse(fs.readFileSync(path.join(res.bundleDir, 'manifest.json'), 'utf8')) as Manifest;
    expect(m.source_system).toBe('TECS');
    expect(m.export_id).toMatch(/^TECS-EXP-\d{8}-R\d$/);
    expect(m.exported_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(m.region).toBeTruthy();
    for (const f of BUNDLE_FILES) {
      const bytes = fs.readFileSync(path.join(res.bundleDir, f));
      expect(m.files[f]?.sha256, f).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(m.files[f]?.rows, f).toBe(rows[f]!.length - 1);
      expect(res.files[f], f).toBe(rows[f]!.length - 1);
      expect(rows[f]!.length - 1, f).toBeGreaterThan(0);
    }
  });

  it('writes RFC 4180 CSV: header first, LF endings, right cell count except the planted bad rows', () => {
    const badLines = new Set(planted.bad_rows.filter((b) => b.reason.startsWith('wrong cell count')).map((b) => `${b.file}:${b.line}`));
    for (const f of BUNDLE_FILES) {
      expect(text[f]!.includes('\r'), f).toBe(false);
      expect(text[f]!.endsWith('\n'), f).toBe(true);
      const [head, ...data] = rows[f]!;
      expect(head, f).toEqual([...COLUMNS[f]]);
      data.forEach((r, i) => {
        // Only cases.csv has cells with line breaks; elsewhere record i sits on line i + 2.
        const wrong = badLines.has(`${f}:${i + 2}`);
        expect(r.length === head!.length, `${f} line ${i + 2}`).toBe(!wrong);
      });
    }
    expect(text['cases.csv']).toMatch(/"[^"]*\n[^"]*"/);
    expect(text['subjects.csv']).toMatch(/"[^"\n]*,[^"\n]*"/);
  });

  it('lists 3-6 bad rows in the ground truth, each really broken', () => {
    expect(planted.bad_rows.length).toBeGreaterThanOrEqual(3);
    expect(planted.bad_rows.length).toBeLessThanOrEqual(6);
    expect(new Set(planted.bad_rows.map((b) => b.file)).size).toBeGreaterThanOrEqual(3);
    for (const b of planted.bad_rows) {
      const line = text[b.file]!.split('\n')[b.line - 1]!;
      expect(line.startsWith(b.id) || line.includes(b.id), `${b.file}:${b.line}`).toBe(true);
      if (b.reason.includes('20251345')) expect(line).toContain('20251345');
      if (b.reason.includes('WAVED_THROUGH')) expect(line.endsWith(',WAVED_THROUGH')).toBe(true);
      if (b.reason.includes('occurred_at')) expect(line).toMatch(/,\d{4}-13-\d\dT/);
    }
  });

  it('uses only the format codes outside the bad rows', () => {
    const crossings = objects('crossings.csv');
    const ports = new Set(objects('ports.csv').map((p) => p.port_code));
    const bad = new Set(planted.bad_rows.map((b) => b.id));
    for (const c of crossings) {
      if (bad.has(c.crossing_id!)) continue;
      expect(ports.has(c.port_code!)).toBe(true);
      expect(['ADMITTED', 'REFERRED', 'DENIED', 'SEIZURE', 'ARREST']).toContain(c.result);
      expect(c.occurred_at).toMatch(/^2025-(11|12)-\d\dT\d\d:\d\d:\d\d(Z|[-+]\d\d:\d\d)$/);
      expect(['LAND', 'PEDESTRIAN', 'AIR']).toContain(c.mode);
    }
    expect(crossings.some((c) => c.occurred_at!.endsWith('Z'))).toBe(true);
    expect(crossings.some((c) => c.occurred_at!.endsWith('-06:00'))).toBe(true);
    expect(crossings.some((c) => c.occurred_at!.endsWith('-07:00'))).toBe(true);
    expect(crossings.some((c) => c.mode === 'AIR' && c.carrier && c.flight_number)).toBe(true);
    // Vehicle events: every traveller of one event shares event_id and plate.
    const byEvent = new Map<string, Set<string>>();
    for (const c of crossings.filter((x) => x.mode === 'LAND')) {
      const s = byEvent.get(c.event_id!) ?? new Set<string>();
      s.add(c.plate!);
      byEvent.set(c.event_id!, s);
    }
    expect([...byEvent.values()].every((s) => s.size === 1)).toBe(true);
  });

  it('gives every subject record and crossing exactly one true person', () => {
    const truth = readTable(path.join(res.truthDir, 'persons.csv'));
    expect(truth[0]).toEqual(['source_file', 'source_id', 'person_id']);
    const ids = truth.slice(1).map((r) => `${r[0]}:${r[1]}`);
    expect(new Set(ids).size).toBe(ids.length);
    const want = [
      ...rows['subjects.csv']!.slice(1).map((r) => `subjects.csv:${r[0]}`),
      ...rows['crossings.csv']!.slice(1).map((r) => `crossings.csv:${r[0]}`),
    ];
    expect(ids.sort()).toEqual(want.sort());
    const vtruth = readTable(path.join(res.truthDir, 'vehicles.csv')).slice(1);
    const vehRecs = rows['vehicles.csv']!.slice(1).map((r) => r[0]);
    expect(vtruth.filter((r) => r[0] === 'vehicles.csv').map((r) => r[1]).sort()).toEqual(vehRecs.sort());
    const withPlate = objects('crossings.csv').filter((c) => c.plate).length;
    expect(vtruth.filter((r) => r[0] === 'crossings.csv').length).toBeGreaterThanOrEqual(withPlate);
  });

  it('writes VINs with valid check digits (and only an occasional typo in records)', () => {
    expect(isValidVin('1M8GDM9AXKP042788')).toBe(true);
    expect(vinCheckDigit('11111111111111111')).toBe('1');
    expect(isValidVin('1M8GDM9A1KP042788')).toBe(false);
    const crossVins = objects('crossings.csv').map((c) => c.vin!).filter(Boolean);
    expect(crossVins.length).toBeGreaterThan(20);
    expect(crossVins.every(isValidVin)).toBe(true);
    const recVins = objects('vehicles.csv').map((v) => v.vin!).filter(Boolean);
    const valid = recVins.filter(isValidVin).length;
    expect(valid / recVins.length).toBeGreaterThan(0.8);
    expect(isValidVin(planted.network.vehicle_vin)).toBe(true);
  });

  it('generates exactly N crossing rows when asked, above and below the natural volume', async () => {
    for (const n of [7, 3000]) {
      const r = await generateDemo({ out: path.join(tmp, `n${n}`), seed: 5, people: 60, days: 2, crossings: n });
      expect(r.files['crossings.csv']).toBe(n);
      expect(readTable(path.join(r.bundleDir, 'crossings.csv')).length - 1).toBe(n);
    }
  });

  it('plants the smuggling network: shared phone and address, one truck, co-travel, case and lookout', () => {
    const truth = new Map(readTable(path.join(res.truthDir, 'persons.csv')).slice(1).map((r) => [r[1]!, r[2]!]));
    const net = new Set(planted.network.person_ids);
    expect(net.size).toBeGreaterThanOrEqual(5);
    const subjects = objects('subjects.csv');
    const digits = (s: string): string => s.replace(/\D/g, '').slice(-10);
    const phone = digits(planted.network.phone_digits);
    const phoneOwners = new Set(subjects.filter((s) => digits(s.phone!) === phone).map((s) => truth.get(s.record_id!)));
    expect(phoneOwners.size).toBeGreaterThanOrEqual(3);
    expect([...phoneOwners].every((p) => net.has(p!))).toBe(true);
    const street = planted.network.address.split(',')[0]!.toUpperCase();
    const addrOwners = new Set(subjects.filter((s) => s.address!.toUpperCase().startsWith(street)).map((s) => truth.get(s.record_id!)));
    expect(addrOwners.size).toBeGreaterThanOrEqual(2);
    // Records of one member carry different names (aliases, variants).
    const names = new Set(subjects.filter((s) => net.has(truth.get(s.record_id!)!)).map((s) => `${s.last_name}, ${s.first_name}`));
    expect(names.size).toBeGreaterThan(net.size);

    const crossings = objects('crossings.csv');
    const norm = (p: string): string => p.toUpperCase().replace(/[^A-Z0-9]/g, '');
    const truck = crossings.filter((c) => norm(c.plate!) === norm(planted.network.vehicle_plate) && c.role === 'DRIVER');
    expect(new Set(truck.map((c) => truth.get(c.crossing_id!))).size).toBeGreaterThanOrEqual(2);
    // Co-travel: two members at the network port within 15 minutes, on at least two days.
    const netCross = crossings.filter((c) => net.has(truth.get(c.crossing_id!)!) && c.port_code === planted.network.port_code);
    const days = new Set<string>();
    for (const a of netCross) {
      for (const b of netCross) {
        const dt = Math.abs(Date.parse(a.occurred_at!) - Date.parse(b.occurred_at!));
        if (truth.get(a.crossing_id!) !== truth.get(b.crossing_id!) && a.event_id !== b.event_id && dt <= 15 * 60000) days.add(a.occurred_at!.slice(0, 10));
      }
    }
    expect(days.size).toBeGreaterThanOrEqual(2);

    const kase = objects('cases.csv').find((c) => c.case_id === planted.network.case_id)!;
    expect(kase).toMatchObject({ agency: 'ICE', category: 'HUMAN_SMUGGLING' });
    const named = objects('case_links.csv').filter((l) => l.case_id === kase.case_id).map((l) => truth.get(l.record_id!)).filter((p) => p && net.has(p));
    expect(new Set(named).size).toBe(2);
    const lookout = objects('lookouts.csv').find((l) => l.lookout_id === planted.network.lookout_id)!;
    expect(net.has(truth.get(lookout.record_id!)!)).toBe(true);
    expect(lookout.contact).toMatch(/^HSI .+ - SA [A-Z]\. [A-Z]+ \(\d{3}\) 555-01\d\d$/);
  });

  it('plants the ORCON canary only in one ORCON ICE case', () => {
    expect(planted.orcon_canary).toMatch(/^ORCON-CANARY-[0-9a-f]+$/);
    for (const f of BUNDLE_FILES) {
      const n = text[f]!.split(planted.orcon_canary).length - 1;
      expect(n, f).toBe(f === 'cases.csv' ? 1 : 0);
    }
    const kase = objects('cases.csv').find((c) => c.summary!.includes(planted.orcon_canary))!;
    expect(kase).toMatchObject({ case_id: planted.orcon_case_id, agency: 'ICE', handling: 'ORCON' });
  });

  it('plants an alias trap: same name and address, decades apart, two people', () => {
    const [a, b] = planted.alias_trap.person_ids;
    expect(a).not.toBe(b);
    const [da, db] = planted.alias_trap.dobs.map((d) => Number(d.slice(0, 4)));
    expect(Math.abs(da! - db!)).toBeGreaterThanOrEqual(20);
    const truth = new Map(readTable(path.join(res.truthDir, 'persons.csv')).slice(1).map((r) => [r[1]!, r[2]!]));
    const recs = objects('subjects.csv').filter((s) => planted.alias_trap.record_ids.includes(s.record_id!));
    const owners = new Set(recs.map((r) => truth.get(r.record_id!)));
    expect(owners).toEqual(new Set([a, b]));
    const lasts = new Set(recs.map((r) => r.last_name!.toUpperCase().replace(/ JR$/, '').normalize('NFD').replace(/[\u0300-\u036f]/g, '')));
    expect(lasts.size).toBe(1);
  });

  it('can leave the bad rows out', async () => {
    const r = await generateDemo({ out: path.join(tmp, 'clean'), seed: 11, people: 60, days: 2, badRows: false });
    const p = JSON.parse(fs.readFileSync(path.join(r.truthDir, 'planted.json'), 'utf8')) as Planted;
    expect(p.bad_rows).toEqual([]);
    for (const f of BUNDLE_FILES) {
      const t = readTable(path.join(r.bundleDir, f));
      expect(t.every((row) => row.length === COLUMNS[f].length), f).toBe(true);
    }
  });

  it('streams a large volume quickly and reports progress', async () => {
    let last = 0;
    const r = await generateDemo({ out: path.join(tmp, 'big'), seed: 3, people: 3000, days: 7, crossings: 120000, onProgress: (n) => { last = n; } });
    expect(r.files['crossings.csv']).toBe(120000);
    expect(last).toBe(Object.values(r.files).reduce((a, b) => a + b, 0));
    expect(r.seconds).toBeLessThan(20);
    const lines = fs.readFileSync(path.join(r.bundleDir, 'crossings.csv'), 'utf8').split('\n');
    expect(lines.length).toBe(120000 + 2);
  });
});
