// Tear lines on the demo case: an ICE analyst briefs a board holding the ORCON case. The
// package for a CBP audience holds the canary in no file (PDF text, GraphML, CSV, SVG, board,
// manifest, PNG bytes); the package for ICE does. Both verify, and one changed byte breaks it.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/api';
import { generateDemo } from '../../../electron/backend/demo/generate';
import type { BoardState } from '../../../shared/contract';
import { tmpDir } from '../../fixtures/bundle-builder';
import { call, newCase, runImport } from '../../helpers/case';

function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Buffer>();
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (e: yauzl.Entry) =>
        zip.openReadStream(e, (e2, s) => {
          if (e2 || !s) return reject(e2);
          const parts: Buffer[] = [];
          s.on('data', (d: Buffer) => parts.push(d));
          s.on('end', () => {
            out.set(e.fileName, Buffer.concat(parts));
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

/** Every file of a package as text: the PDF through pdftotext, the rest as bytes. */
async function packageText(zip: string, dir: string): Promise<Map<string, string>> {
  const files = await readZip(zip);
  const out = new Map<string, string>();
  for (const [name, data] of files) {
    if (name === 'brief.pdf') {
      const pdf = path.join(dir, `${path.basename(zip)}.pdf`);
      fs.writeFileSync(pdf, data);
      out.set(name, execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
    }
    out.set(`${name} (bytes)`, data.toString('latin1'));
  }
  return out;
}

let dir: string;
let file: string;
let b: Backend;
let canary: string;
let boardId: number;

beforeAll(async () => {
  dir = tmpDir();
  const bundle = path.join(dir, 'demo');
  await generateDemo({ out: bundle, seed: 31, people: 1200, days: 2 });
  const planted = JSON.parse(fs.readFileSync(`${bundle}.truth/planted.json`, 'utf8')) as { orcon_canary: string; orcon_case_id: string };
  canary = planted.orcon_canary;
  const c = await newCase();
  b = c.backend;
  file = c.file;
  expect((await runImport(b, bundle)).progress.state).toBe('done');
  // A board as an analyst builds it: the ORCON case, what it names, and their neighbours.
  const kase = (await call(b, 'graph.resolveId', { sourceId: planted.orcon_case_id }))!;
  const e = await call(b, 'graph.expand', { id: kase.id, force: true, limit: 100 });
  if (e.type !== 'graph') throw new Error('expected neighbours');
  const nodes = new Map([[kase.id, kase], ...e.nodes.map((n) => [n.id, n] as const)]);
  const links = new Map(e.links.map((l) => [l.id, l]));
  for (const n of e.nodes.slice(0, 3)) {
    const more = await call(b, 'graph.expand', { id: n.id, force: true, limit: 30 });
    if (more.type !== 'graph') continue;
    for (const m of more.nodes) nodes.set(m.id, m);
    for (const l of more.links) links.set(l.id, l);
  }
  const state: BoardState = {
    type: 'crosslink-board',
    version: 2,
    nodes: [...nodes.values()].map((ref, i) => ({ ref, pos: { x: (i % 10) * 120, y: Math.floor(i / 10) * 120 }, ...(ref.id === kase.id ? { marks: { note: 'ORCON case: see summary' } } : {}) })),
    links: [...links.values()],
  };
  boardId = (await call(b, 'board.create', { name: 'Currency case', state })).id;
}, 300_000);

afterAll(async () => {
  await b?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('briefing packages with tear lines', () => {
  it('for CBP: no file holds the ORCON canary, the case is a pointer and page 1 says so', async () => {
    const r = await call(b, 'brief.export', { boardId, title: 'Currency couriers', summary: 'Who moves the cash.', audience: 'CBP', out: path.join(dir, 'cbp.zip') });
    expect(r).toMatchObject({ audience: 'CBP' });
    expect(r.withheld).toBeGreaterThan(0);
    const text = await packageText(r.file, dir);
    expect([...text.keys()].sort()).toEqual(
      ['board.json', 'brief.pdf', 'chart.png', 'chart.svg', 'entities.csv', 'graph.graphml', 'links.csv', 'manifest.json'].flatMap((f) => (f === 'brief.pdf' ? [f, `${f} (bytes)`] : [`${f} (bytes)`])).sort(),
    );
    // The PDF's columns may wrap a value: look for the canary's random part with spaces removed too.
    const secret = canary.replace(/^ORCON-CANARY-/, '');
    for (const [name, t] of text) {
      expect(t.includes(canary), `${name} holds the canary`).toBe(false);
      expect(t.replace(/\s+/g, '').includes(secret), `${name} holds the canary`).toBe(false);
    }
    const pdf = text.get('brief.pdf')!;
    const page1 = pdf.split('\f')[0];
    expect(page1).toMatch(/ICE holds a record — contact HSI/);
    expect(page1).toMatch(/CBP/);
    const manifest = JSON.parse(text.get('manifest.json (bytes)')!);
    expect(manifest).toMatchObject({ audience: 'CBP', withheld: r.withheld });
    expect(await call(b, 'brief.verify', { file: r.file })).toEqual({ ok: true, problems: [] });
  }, 120_000);

  it('for ICE: the canary is in the brief; one changed byte fails verification', async () => {
    const r = await call(b, 'brief.export', { boardId, title: 'Currency couriers', summary: '', audience: 'ICE', out: path.join(dir, 'ice.zip') });
    const text = await packageText(r.file, dir);
    expect(text.get('brief.pdf')!.replace(/\s+/g, '')).toContain(canary.replace(/^ORCON-CANARY-/, ''));
    expect(r.handling).toBe('ORCON');
    // flip one byte inside the stored (uncompressed) PDF
    const bytes = fs.readFileSync(r.file);
    const at = bytes.indexOf(Buffer.from('%PDF')) + 200;
    bytes[at] ^= 0x01;
    const bad = path.join(dir, 'ice-edited.zip');
    fs.writeFileSync(bad, bytes);
    const v = await call(b, 'brief.verify', { file: bad });
    expect(v.ok).toBe(false);
    expect(v.problems.join(' ')).toMatch(/brief\.pdf/);
  }, 120_000);

  it('the export is in the audit trail', async () => {
    const a = await call(b, 'audit.list', { action: 'brief' });
    expect(a.entries.map((e) => e.detail).join('\n')).toMatch(/for CBP, .*withheld/);
  });

  it('crosslink brief --board --audience writes the same tear line; brief verify checks it', async () => {
    await b.close();
    const bin = path.resolve('bin/crosslink.js');
    const out = path.join(dir, 'cli-cbp.zip');
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });
    const r = run('brief', '--db', file, '--board', 'Currency case', '--audience', 'CBP', '--out', out, '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ audience: 'CBP', file: out });
    for (const [name, t] of await packageText(out, dir)) expect(t.includes(canary), name).toBe(false);
    const v = run('brief', 'verify', out);
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/package verified: 8 files/);
    // --as CBP: the CBP analyst's own brief of the ICE board holds no canary either
    const asCbp = run('brief', '--db', file, '--board', 'Currency case', '--as', 'CBP', '--audience', 'ICE', '--out', path.join(dir, 'as-cbp.zip'));
    expect(asCbp.status, asCbp.stderr).toBe(0);
    for (const [name, t] of await packageText(path.join(dir, 'as-cbp.zip'), dir)) expect(t.includes(canary), name).toBe(false);
    const bad = run('brief', '--db', file, '--board', 'No such board', '--out', path.join(dir, 'x.zip'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/no board 'No such board'/);
  }, 180_000);
});
