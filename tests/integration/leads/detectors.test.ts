// Each detector on small hand-made bundles where the answer is known, the family that
// shares an address scored low, a dismissed lead that comes back only with new evidence,
// and the planted network of the demo among the top leads.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/api';
import type { Lead } from '../../../shared/contract';
import { tmpDir, writeBundle } from '../../fixtures/bundle-builder';
import { rowsCsv } from '../../fixtures/bundles';
import { call, newCase, runImport } from '../../helpers/case';
import { leadsQuality } from '../../bench/leads-quality';

type Row = Record<string, string>;
const PORTS: Row[] = [{ port_code: '2402', name: 'EL PASO - BOTA', region: 'US-TX', country: 'USA', lat: '31.76', lon: '-106.45' }];

let n = 0;
function subject(last: string, first: string, over: Row = {}): Row {
  n++;
  return {
    record_id: `ICE-S-${String(n).padStart(4, '0')}`, agency: 'ICE', entered_at: '2025-10-01T10:00:00Z', handling: 'SHARED', last_name: last, first_name: first,
    dob: `19${60 + n}0${(n % 9) + 1}1${n % 10}`, sex: 'M', nationality: 'MEX', doc_type: 'PASSPORT', doc_number: `P${100000 + n * 7919}`, doc_country: 'MEX',
    address: `${n} Calle ${n}`, city: 'Ciudad Juarez', region: 'MX-CHH', postal_code: '32000', country: 'MEX', phone: `+52 656 100 ${String(1000 + n)}`, ...over,
  };
}

function crossingOf(s: Row, id: string, event: string, role: string, at: string, over: Row = {}): Row {
  return {
    crossing_id: id, event_id: event, agency: 'CBP', handling: 'SHARED', occurred_at: at, port_code: '2402', direction: 'INBOUND', mode: 'LAND', lane: 'GENERAL', role,
    last_name: s.last_name, first_name: s.first_name, dob: s.dob, sex: s.sex, nationality: s.nationality, doc_type: s.doc_type, doc_number: s.doc_number, doc_country: s.doc_country,
    plate: '', plate_region: '', vin: '', result: 'ADMITTED', ...over,
  };
}

function bundle(dir: string, exportId: string, files: { subjects: Row[]; vehicles?: Row[]; lookouts?: Row[]; crossings?: Row[] }): string {
  return writeBundle(dir, {
    exportId,
    files: {
      'ports.csv': rowsCsv('ports.csv', PORTS),
      'subjects.csv': rowsCsv('subjects.csv', files.subjects),
      'vehicles.csv': rowsCsv('vehicles.csv', files.vehicles ?? []),
      'lookouts.csv': rowsCsv('lookouts.csv', files.lookouts ?? []),
      'crossings.csv': rowsCsv('crossings.csv', files.crossings ?? []),
    },
  });
}

async function leadsOf(b: Backend, status?: Lead['status'][]): Promise<Lead[]> {
  return (await call(b, 'leads.list', { limit: 200, status })).leads;
}

describe('lead detectors on hand-made bundles', () => {
  const phone = '+52 656 999 0001';
  const ring = [subject('RAMOS VEGA', 'LUIS', { phone }), subject('CHEN', 'WEI', { phone, nationality: 'CHN' }), subject('OKAFOR', 'CHIDI', { phone, nationality: 'NGA' })];
  const family = [
    subject('GARCIA LOPEZ', 'ANA', { address: '77 Family Rd', city: 'El Paso' }),
    subject('GARCIA LOPEZ', 'LUIS', { address: '77 Family Rd', city: 'El Paso' }),
    subject('LOPEZ RUIZ', 'MARIA', { address: '77 Family Rd', city: 'El Paso' }),
  ];
  const owner = subject('WHITFIELD', 'JOHN', { agency: 'CBP', record_id: 'CBP-S-9001' });
  const drivers = [subject('NAVARRO', 'PEDRO'), subject('IBRAHIM', 'SAMIR'), subject('KOWALSKI', 'ADAM')];
  const wanted = subject('SALAS', 'RUBEN');
  const truck = { record_id: 'CBP-V-7001', agency: 'CBP', entered_at: '2025-10-05T10:00:00Z', handling: 'SHARED', vin: '1FTFW1ET5DFC10312', plate: 'TRK 7001', plate_region: 'US-TX', make: 'FORD', model: 'F-150', year: '2013', color: 'WHITE', owner_record_id: owner.record_id };
  const lookout = { lookout_id: 'LO-ICE-9', agency: 'ICE', handling: 'SHARED', issued_at: '2025-09-03T00:00:00Z', expires_at: '2026-09-03T00:00:00Z', record_id: wanted.record_id, reason: 'SMUGGLING', action: 'NOTIFY_CASE_AGENT', contact: 'HSI EL PASO (915) 555-0100' };
  const crossings = [
    ...drivers.map((d, i) => crossingOf(d, `CBP-X-${i + 1}`, `EV-${i + 1}`, 'DRIVER', `2025-12-0${i + 1}T08:00:00-07:00`, { plate: 'TRK 7001', plate_region: 'US-TX', vin: '1FTFW1ET5DFC10312' })),
    crossingOf(wanted, 'CBP-X-10', 'EV-10', 'PEDESTRIAN', '2025-12-04T09:00:00-07:00', { mode: 'PEDESTRIAN' }),
  ];

  it('finds each known lead, scores the household low, and keeps a dismissal until new evidence', async () => {
    const dir = tmpDir();
    const first = bundle(path.join(dir, 'one'), 'TEST-LEADS-1', { subjects: [...ring, ...family, owner, ...drivers, wanted], vehicles: [truck], lookouts: [lookout], crossings });
    const { backend } = await newCase();
    try {
      await runImport(backend, first);
      const leads = await leadsOf(backend);
      const byTitle = (re: RegExp) => leads.find((l) => re.test(l.title));
      // Three unrelated persons giving one phone.
      const shared = byTitle(/3 persons share phone/);
      expect(shared, leads.map((l) => l.title).join('\n')).toBeTruthy();
      expect(shared!.summary).toMatch(/different names/);
      expect(shared!.entities.map((e) => e.label).join()).toMatch(/CHEN/);
      expect(shared!.sources.every((s) => s.file === 'subjects.csv')).toBe(true);
      // A household at one address: found, but scored low and below the ring.
      const household = byTitle(/3 persons share address/);
      expect(household).toBeTruthy();
      expect(household!.summary).toMatch(/related persons/);
      expect(household!.score).toBeLessThan(30);
      expect(household!.score).toBeLessThan(shared!.score);
      // A truck registered to one man, driven by three others unrelated to him.
      const truckLead = leads.find((l) => l.kind === 'vehicle_drivers');
      expect(truckLead?.summary).toMatch(/3 different drivers/);
      expect(truckLead?.summary).toMatch(/3 of the drivers have no family name or tie in common with the owner/);
      // An ICE lookout's subject crossing at a CBP port.
      const cross = leads.find((l) => l.kind === 'cross_agency');
      expect(cross?.summary).toMatch(/ICE lookout LO-ICE-9/);
      expect(cross?.summary).toMatch(/crossed 1 time at 2402/);
      // The evidence opens as a coherent board: every link has both ends.
      const ev = await call(backend, 'leads.get', { id: shared!.id });
      const ids = new Set(ev.evidence.nodes.map((x) => x.id));
      expect(ev.evidence.nodes.some((x) => x.kind === 'phone')).toBe(true);
      for (const l of ev.evidence.links) expect(ids.has(l.source) && ids.has(l.target)).toBe(true);

      // Dismissed with a reason: a re-run leaves it dismissed.
      await expect(backend.handle('leads.mark', { id: shared!.id, status: 'dismissed' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      await call(backend, 'leads.mark', { id: shared!.id, status: 'dismissed', reason: 'known call centre' });
      await call(backend, 'leads.run', {});
      expect((await leadsOf(backend)).some((l) => l.id === shared!.id)).toBe(false);
      expect((await leadsOf(backend, ['dismissed'])).find((l) => l.id === shared!.id)?.reason).toBe('known call centre');

      // A fourth person with the same phone arrives: the lead is back and says who is new.
      const newcomer = subject('DUPONT', 'MARC', { phone, nationality: 'FRA' });
      await runImport(backend, bundle(path.join(dir, 'two'), 'TEST-LEADS-2', { subjects: [newcomer] }));
      const back = (await leadsOf(backend)).find((l) => l.id === shared!.id);
      expect(back?.status).toBe('new');
      expect(back?.title).toMatch(/4 persons share phone/);
      expect(back?.whatsNew).toMatch(/New since it was dismissed .*DUPONT, MARC/);
    } finally {
      await backend.close();
    }
  }, 120_000);

  it('watch rules tell only what is new after each import', async () => {
    const dir = tmpDir();
    const first = bundle(path.join(dir, 'one'), 'TEST-WATCH-1', { subjects: [...ring, wanted], lookouts: [lookout], crossings: [crossings[3]] });
    const { backend } = await newCase();
    const events: Array<{ watches: Array<{ label: string; news: string[] }> }> = [];
    backend.on((name, payload) => {
      if (name === 'leads.updated') events.push(payload as (typeof events)[number]);
    });
    try {
      await runImport(backend, first);
      const entity = await call(backend, 'watch.add', { kind: 'entity', target: wanted.record_id });
      expect(entity.label).toMatch(/Watch SALAS, RUBEN/);
      await call(backend, 'watch.add', { kind: 'shares_identifier', target: ring[0].record_id });
      await call(backend, 'watch.add', { kind: 'search', target: 'DUPONT' });
      await expect(backend.handle('watch.add', { kind: 'near_case', target: ring[0].record_id })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      // Nothing happened since the rules were made: nothing new.
      expect(await call(backend, 'watch.run', {})).toEqual([]);
      const newcomer = subject('DUPONT', 'MARC', { phone, nationality: 'FRA' });
      const again = crossingOf(wanted, 'CBP-X-77', 'EV-77', 'PEDESTRIAN', '2025-12-09T07:30:00-07:00', { mode: 'PEDESTRIAN' });
      await runImport(backend, bundle(path.join(dir, 'two'), 'TEST-WATCH-2', { subjects: [newcomer], crossings: [again] }));
      const news = events.at(-1)!.watches;
      const of = (re: RegExp) => news.find((w) => re.test(w.label))?.news.join(' | ') ?? '';
      expect(of(/Watch SALAS/)).toMatch(/travelled in .*2025-12-09 07:30/);
      expect(of(/sharing an identifier/)).toMatch(/DUPONT, MARC gives phone/);
      expect(of(/Search “DUPONT”/)).toMatch(/DUPONT/);
      // Told once: a run with nothing new is silent.
      expect(await call(backend, 'watch.run', {})).toEqual([]);
      const rules = await call(backend, 'watch.list', {});
      expect(rules).toHaveLength(3);
      expect(await call(backend, 'watch.remove', { id: rules[0].id })).toEqual({ removed: true });
    } finally {
      await backend.close();
    }
  }, 120_000);

  it('puts the planted network of the demo among the top 10 leads', async () => {
    const q = await leadsQuality(tmpDir(), 4);
    expect(q.networkInTop10, q.top.map((t) => `${t.relevant ? 'Y' : '.'} ${t.title}`).join('\n')).toBe(true);
  }, 120_000);
});

describe('more detectors on hand-made bundles', () => {
  const PORTS2: Row[] = [...PORTS, { port_code: '2401', name: 'EL PASO - YSLETA', region: 'US-TX', country: 'USA', lat: '31.67', lon: '-106.33' }];
  const day = (d: number, h = 8) => `2025-12-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00-07:00`;
  function bundle2(dir: string, exportId: string, subjects: Row[], crossings: Row[], lookouts: Row[] = []): string {
    return writeBundle(dir, {
      exportId,
      files: {
        'ports.csv': rowsCsv('ports.csv', PORTS2),
        'subjects.csv': rowsCsv('subjects.csv', subjects),
        'lookouts.csv': rowsCsv('lookouts.csv', lookouts),
        'crossings.csv': rowsCsv('crossings.csv', crossings),
      },
    });
  }

  it('finds a group crossing together, a crosser near a lookout, a new port and a port surge', async () => {
    const dir = tmpDir();
    // Three people crossing in the same vehicle on three days.
    const trio = [subject('ACOSTA', 'RAUL'), subject('BRENNAN', 'KATE'), subject('TANAKA', 'KEN')];
    // A lookout on L; M gives L's phone and crosses.
    const l = subject('LOZANO', 'ERNESTO', { phone: '+52 656 777 0001' });
    const m = subject('MARSH', 'DANIEL', { phone: '+52 656 777 0001', nationality: 'USA' });
    const lo = { lookout_id: 'LO-CBP-77', agency: 'CBP', handling: 'SHARED', issued_at: '2025-09-03T00:00:00Z', expires_at: '2026-09-03T00:00:00Z', record_id: l.record_id, reason: 'SMUGGLING', action: 'REFER_SECONDARY', contact: 'CBP OFO EL PASO' };
    // A commuter: six crossings at BOTA, then one at Ysleta.
    const commuter = subject('PRIETO', 'ALMA', { sex: 'F' });
    // Background traffic at BOTA: ten a day for eight days, forty on 2025-12-06.
    let k = 0;
    const traffic = (d: number, count: number) =>
      Array.from({ length: count }, () => {
        k++;
        const s = { last_name: `VISITOR${k}`, first_name: 'X', dob: `1970${String((k % 12) + 1).padStart(2, '0')}15`, sex: 'M', nationality: 'MEX', doc_type: 'PASSPORT', doc_number: `V${900000 + k}`, doc_country: 'MEX' };
        return crossingOf(s, `CBP-X-T${k}`, `EV-T${k}`, 'PEDESTRIAN', day(d, 7 + (k % 10)), { mode: 'PEDESTRIAN' });
      });
    const first: Row[] = [
      ...[2, 3, 4].flatMap((d) => trio.map((s, i) => crossingOf(s, `CBP-X-G${d}${i}`, `EV-G${d}`, i ? 'PASSENGER' : 'DRIVER', day(d)))),
      ...[1, 2, 3, 4, 5, 6].map((d) => crossingOf(commuter, `CBP-X-C${d}`, `EV-C${d}`, 'PEDESTRIAN', day(d, 6), { mode: 'PEDESTRIAN' })),
      ...[1, 2, 3, 4, 5, 7, 8].flatMap((d) => traffic(d, 10)),
      ...traffic(6, 40),
    ];
    const { backend } = await newCase();
    try {
      await runImport(backend, bundle2(path.join(dir, 'one'), 'TEST-MORE-1', [...trio, l, m, commuter], first, [lo]));
      const second: Row[] = [
        crossingOf(m, 'CBP-X-M1', 'EV-M1', 'PEDESTRIAN', day(9), { mode: 'PEDESTRIAN' }),
        crossingOf(commuter, 'CBP-X-C9', 'EV-C9', 'PEDESTRIAN', day(9, 6), { mode: 'PEDESTRIAN', port_code: '2401' }),
      ];
      await runImport(backend, bundle2(path.join(dir, 'two'), 'TEST-MORE-2', [], second));
      const leads = await leadsOf(backend);
      const titles = leads.map((x) => `${x.kind}: ${x.title}`).join('\n');
      const group = leads.find((x) => x.kind === 'cotravel');
      expect(group?.title, titles).toMatch(/3 persons cross together \(up to 3 times\)/);
      expect(group?.entities.map((e) => e.label).join()).toMatch(/TANAKA/);
      const near = leads.find((x) => x.kind === 'lookout_proximity');
      expect(near?.summary, titles).toMatch(/lookout LO-CBP-77 is on LOZANO, ERNESTO/);
      expect(near?.summary).toMatch(/MARSH, DANIEL \(1 hop, 2402 2025-12-09\)/);
      const ev = await call(backend, 'leads.get', { id: near!.id });
      expect(ev.evidence.nodes.some((x) => x.kind === 'phone')).toBe(true);
      const moved = leads.find((x) => x.kind === 'person_anomaly');
      expect(moved?.summary, titles).toMatch(/PRIETO, ALMA crossed at 2401, a port not used in 6 earlier crossings \(100 % at 2402\)/);
      const surge = leads.find((x) => x.kind === 'port_anomaly');
      expect(surge?.title, titles).toMatch(/EL PASO - BOTA: 4\d crossings on 2025-12-06 \(usually 1\d\)/);
      // The trends view shows the same day as unusual.
      const trends = await call(backend, 'trends.ports', {});
      expect(trends.ports.find((p) => p.port === '2402')?.anomalies.map((a) => a.day)).toContain('2025-12-06');
    } finally {
      await backend.close();
    }
  }, 120_000);
});
