// A briefing package written for real: system Chromium, files in a temp folder, and the
// package read back with tools an officer or another program would use (unzip, pdftotext,
// pdftoppm, networkx, a CSV parser).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumRenderer } from '../../../electron/backend/brief/chromium-renderer';
import { BRIEF_MANIFEST } from '../../../electron/backend/brief/manifest';
import type { BriefRenderer } from '../../../electron/backend/brief/model';
import { PACKAGE_FILES, writeBriefPackage } from '../../../electron/backend/brief/package';
import { pngChunks } from '../../../electron/backend/brief/png';
import { verifyPackage } from '../../../electron/backend/brief/verify';
import { readZip, writeZip } from '../../../electron/backend/brief/zip';
import { briefModel, EXPORT_ID, FORMULA, HOSTILE, RTL_NAME } from '../../fixtures/brief/model';

const BANNER = 'LAW ENFORCEMENT SENSITIVE (LES)';
const TEAR_LINE = 'Prepared by R. Ortega (ICE) for CBP. 4 items are withheld or replaced by pointers under the handling rules.';

let dir: string;
let renderer: ChromiumRenderer;
let zipFile: string;
let files: Map<string, Buffer>;
let pages: string[];
let writeMs: number;
const model = briefModel();

/** Set CROSSLINK_BRIEF_PREVIEW=folder to keep page 1 and the chart there for a look. */
const previewDir = process.env.CROSSLINK_BRIEF_PREVIEW;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosslink-brief-'));
  renderer = new ChromiumRenderer();
  zipFile = path.join(dir, 'out', 'EP-2025-118 brief.zip');
  const t0 = performance.now();
  await writeBriefPackage(model, zipFile, renderer);
  writeMs = performance.now() - t0;
  files = new Map((await readZip(zipFile)).map((e) => [e.name, e.data!]));
  fs.writeFileSync(path.join(dir, 'brief.pdf'), files.get('brief.pdf')!);
  pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path.join(dir, 'brief.pdf'), '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
});

afterAll(async () => {
  await renderer?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** pdftotext lays text out in columns: compare with runs of spaces folded. */
const flat = (s: string): string => s.replace(/\s+/g, ' ');

describe('writeBriefPackage', () => {
  it('writes every file, in a fixed order, under the final name only', () => {
    console.log(`brief package: ${Math.round(writeMs)} ms for ${model.entities.length} entities, ${pages.length} pages, ${fs.statSync(zipFile).size} bytes`);
    const listed = execFileSync('unzip', ['-Z1', zipFile], { encoding: 'utf8' }).trim().split('\n');
    expect(listed).toEqual([...PACKAGE_FILES]);
    expect(fs.readdirSync(path.dirname(zipFile))).toEqual([path.basename(zipFile)]);
  });

  it('lists every other file in the manifest with its size and SHA-256', () => {
    const manifest = BRIEF_MANIFEST.parse(JSON.parse(files.get('manifest.json')!.toString('utf8')));
    expect(manifest).toMatchObject({
      type: 'crosslink-brief',
      version: 1,
      title: model.title,
      createdAt: model.createdAt,
      author: { name: 'R. Ortega', agency: 'ICE' },
      audience: 'CBP',
      handling: 'LES',
      withheld: 4,
    });
    expect(manifest.files.map((f) => f.name)).toEqual(PACKAGE_FILES.filter((n) => n !== 'manifest.json'));
    for (const f of manifest.files) {
      const data = files.get(f.name)!;
      expect(f.bytes).toBe(data.length);
      expect(f.sha256).toBe(execFileSync('sha256sum', { input: data, encoding: 'utf8' }).split(' ')[0]);
    }
  });

  it('prints the title, summary, tear line and the banner on every page of the PDF', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
      expect(lines[0], `top banner of page ${i + 1}`).toBe(BANNER);
      expect(lines[lines.length - 1], `bottom banner of page ${i + 1}`).toBe(`${BANNER} · Page ${i + 1} of ${pages.length}`);
    });
    const first = flat(pages[0]);
    expect(first).toContain(model.title);
    expect(first).toContain(TEAR_LINE);
    expect(first).toContain('ICE holds 2 records; contact HSI EL PASO');
    expect(first).toContain('Subjects named in case EP-2025-118 share one plate (TX LKR-4471)');
    const all = flat(pages.join('\n'));
    for (const text of ['Key entities', 'Paths', 'Leads', 'Timeline', 'Appendix: sources', 'Shared plate', 'Two subjects share plate TX LKR-4471', 'Case EP-2025-118 opened']) {
      expect(all).toContain(text);
    }
    // Pointer sentence, not the record behind it.
    expect(all).toContain('ICE holds a record — contact HSI EL PASO');
  });

  it('cites export, file and line for attributes and in the sources appendix', () => {
    const all = flat(pages.join('\n'));
    expect(all).toContain(`${EXPORT_ID} cases.csv:3`);
    expect(all).toContain(`${EXPORT_ID} subjects.csv:11`);
    const lastSubject = model.entities[model.entities.length - 1];
    expect(all).toContain(`${EXPORT_ID} subjects.csv:${lastSubject.attributes[0].provenance.line}`);
    const appendix = all.slice(all.lastIndexOf('Appendix: sources'));
    for (const s of model.sources) expect(appendix).toContain(`${s.exportId} ${s.file}:${s.line}`);
  });

  it('prints hostile names as text, never as markup', () => {
    const all = flat(pages.join('\n'));
    expect(all).toContain(HOSTILE);
    expect(all).toContain(`${HOSTILE} <img src=x`);
    expect(all).toContain(FORMULA);
  });

  it('renders page 1 to a picture', () => {
    const out = path.join(previewDir ?? dir, 'page');
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'brief.pdf'), out]);
    const png = fs.readFileSync(`${out}.png`);
    expect(png.readUInt32BE(16)).toBe(425); // 8.5 in at 50 dpi
    if (previewDir) fs.writeFileSync(path.join(previewDir, 'chart.png'), files.get('chart.png')!);
  });

  it('draws chart.png at 1600x1000 with no text metadata', () => {
    const png = files.get('chart.png')!;
    const chunks = pngChunks(png);
    expect(chunks[0].type).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 1000]);
    expect(chunks[chunks.length - 1].type).toBe('IEND');
    expect(chunks.map((c) => c.type).filter((t) => ['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME'].includes(t))).toEqual([]);
    // Not blank: a white picture compresses to almost nothing.
    expect(png.length).toBeGreaterThan(50_000);
  });

  it('writes chart.svg as well-formed XML with every label escaped and pointers dashed and grey', () => {
    const svg = files.get('chart.svg')!.toString('utf8');
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quot');
    expect(svg).toMatch(/<rect [^>]*fill="#f3f4f6" stroke="#6b7280"[^>]*stroke-dasharray/);
    expect(svg).toContain('ICE holds a record');
    expect(svg).toContain('contact HSI EL PASO');
    const check = spawnSync('python3', ['-c', 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])', writeTemp('chart.svg')]);
    expect(check.stderr.toString()).toBe('');
    expect(check.status).toBe(0);
  });

  it('writes GraphML that networkx reads with every node, link, position and hostile label intact', () => {
    const script = `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
n = g.nodes['n3']
p = g.nodes['n5']
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "label": n["label"], "kind": n["kind"], "x": n["x"], "y": n["y"], "source_id": n["source_id"], "pointer": p["label"], "edge": g.edges['n1', 'n3']}))`;
    const r = spawnSync('python3', ['-c', script, writeTemp('graph.graphml')], { encoding: 'utf8' });
    if (r.status !== 0 && /No module named 'networkx'/.test(r.stderr)) return console.warn('networkx not installed: GraphML read skipped');
    expect(r.stderr).toBe('');
    const g = JSON.parse(r.stdout);
    expect(g).toMatchObject({ nodes: model.board.nodes.length, edges: model.board.links.length, label: HOSTILE, kind: 'subject', x: -300, y: -200, source_id: 'S-1003' });
    expect(g.pointer).toBe('ICE holds a record — contact HSI EL PASO');
    expect(g.edge).toMatchObject({ kind: 'case_names', label: 'named in case', at: '2025-09-02', handling: 'LES' });
    const xml = files.get('graph.graphml')!.toString('utf8');
    for (const key of ['label', 'kind', 'handling', 'source_id', 'x', 'y']) expect(xml).toContain(`for="node" attr.name="${key}"`);
    for (const key of ['kind', 'label', 'at', 'handling']) expect(xml).toContain(`for="edge" attr.name="${key}"`);
    expect(xml).not.toMatch(/<script/i);
  });

  it('writes CSVs a spreadsheet opens without running formulas, values round-tripping', () => {
    const entities = parseCsv(files.get('entities.csv')!, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(entities.length).toBe(model.board.nodes.length);
    const hostile = entities.find((r) => r.id === '3')!;
    expect(hostile.label).toBe(HOSTILE);
    expect(hostile.attributes).toContain(`name: ${HOSTILE} [SHARED; ${EXPORT_ID} subjects.csv:11]`);
    expect(entities.find((r) => r.id === '4')!.label).toBe(RTL_NAME);
    expect(entities.find((r) => r.id === '5')!.withheld).toBe('ICE holds a record — contact HSI EL PASO');
    const links = parseCsv(files.get('links.csv')!, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(links.length).toBe(model.links.length);
    expect(links[0]).toMatchObject({ kind: 'case_names', source: '1', target: '3', target_label: HOSTILE, at: '2025-09-02', handling: 'LES' });
    // Every cell a spreadsheet would evaluate is defused.
    for (const rows of [entities, links]) {
      for (const row of rows) for (const cell of Object.values(row)) if (!/^-?\d+(\.\d+)?$/.test(cell)) expect(cell).not.toMatch(/^[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069]*[=+\-@]/);
    }
  });

  it('writes board.json as the versioned board it was given', () => {
    const board = JSON.parse(files.get('board.json')!.toString('utf8'));
    expect(board).toEqual(model.board);
    expect(board).toMatchObject({ type: 'crosslink-board', version: 2 });
  });
});

function writeTemp(name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, files.get(name)!);
  return file;
}

/** The package rewritten with one stored file changed (and the manifest left as it was). */
async function repack(changes: { name: string; data: Buffer | null }[], extra: { name: string; data: Buffer }[] = []): Promise<string> {
  const file = path.join(dir, `tampered-${Math.random().toString(16).slice(2)}.zip`);
  const entries = (await readZip(zipFile))
    .map((e) => {
      const c = changes.find((x) => x.name === e.name);
      return c ? (c.data ? { name: e.name, data: c.data } : null) : { name: e.name, data: e.data! };
    })
    .filter((e): e is { name: string; data: Buffer } => e !== null);
  await writeZip(file, [...entries, ...extra].map((e) => ({ ...e, compress: true })), new Date());
  return file;
}

function flipOneByte(data: Buffer): Buffer {
  const copy = Buffer.from(data);
  const at = Math.floor(copy.length / 2);
  copy[at] ^= 0x01;
  return copy;
}

describe('verifyPackage', () => {
  it('passes the package as written', async () => {
    expect(await verifyPackage(zipFile)).toEqual({ ok: true, problems: [] });
  });

  it('fails and names the file when one byte of any file changes', async () => {
    for (const name of PACKAGE_FILES) {
      const res = await verifyPackage(await repack([{ name, data: flipOneByte(files.get(name)!) }]));
      expect(res.ok, name).toBe(false);
      expect(res.problems.join('\n'), name).toContain(name);
    }
  });

  it('fails on a byte flipped inside the zip itself (a stored entry)', async () => {
    const bytes = fs.readFileSync(zipFile);
    const start = await storedDataOffset(zipFile, 'brief.pdf');
    const copy = Buffer.from(bytes);
    copy[start + 5000] ^= 0x20;
    const file = path.join(dir, 'flipped.zip');
    fs.writeFileSync(file, copy);
    const res = await verifyPackage(file);
    expect(res.ok).toBe(false);
    expect(res.problems).toEqual(['brief.pdf: SHA-256 does not match the manifest: changed after packaging']);
  });

  it('fails on a missing file, an unlisted file and a broken manifest', async () => {
    const missing = await verifyPackage(await repack([{ name: 'links.csv', data: null }]));
    expect(missing).toEqual({ ok: false, problems: ['links.csv: listed in the manifest but missing from the package'] });
    const extra = await verifyPackage(await repack([], [{ name: 'notes.txt', data: Buffer.from('added later') }]));
    expect(extra).toEqual({ ok: false, problems: ['notes.txt: in the package but not listed in the manifest'] });
    const broken = await verifyPackage(await repack([{ name: 'manifest.json', data: Buffer.from('{"type": "crosslink-brief"') }]));
    expect(broken.ok).toBe(false);
    expect(broken.problems[0]).toMatch(/^manifest\.json: not valid JSON/);
    const wrongType = await verifyPackage(await repack([{ name: 'manifest.json', data: Buffer.from('{"type": "something-else", "version": 1}') }]));
    expect(wrongType.problems[0]).toMatch(/^manifest\.json: not a crosslink-brief version 1 manifest/);
    const bare = await repack([{ name: 'manifest.json', data: null }]);
    expect(await verifyPackage(bare)).toEqual({ ok: false, problems: [`manifest.json: missing, so nothing in ${path.basename(bare)} can be checked`] });
  });

  it('fails on a file that is not a zip, or not there', async () => {
    const notZip = path.join(dir, 'not.zip');
    fs.writeFileSync(notZip, 'hello');
    expect((await verifyPackage(notZip)).problems[0]).toMatch(/^not\.zip: not a readable \.zip/);
    expect(await verifyPackage(path.join(dir, 'absent.zip'))).toEqual({ ok: false, problems: ['absent.zip: no such file'] });
  });
});

/** Where the bytes of an uncompressed entry start inside the zip file. */
function storedDataOffset(file: string, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== name) return zip.readEntry();
        expect(e.compressionMethod).toBe(0);
        const header = Buffer.alloc(30);
        const fd = fs.openSync(file, 'r');
        fs.readSync(fd, header, 0, 30, e.relativeOffsetOfLocalHeader);
        fs.closeSync(fd);
        zip.close();
        resolve(e.relativeOffsetOfLocalHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28));
      });
      zip.on('end', () => reject(new Error(`${name} not in ${file}`)));
      zip.readEntry();
    });
  });
}

describe('writing safely', () => {
  it('leaves nothing under the final name, nor a partial file, when rendering fails', async () => {
    const out = path.join(dir, 'failed', 'brief.zip');
    const failing: BriefRenderer = {
      pdf: async () => {
        throw new Error('Chromium crashed');
      },
      png: async () => Buffer.alloc(0),
      close: async () => {},
    };
    await expect(writeBriefPackage(model, out, failing)).rejects.toThrow('Chromium crashed');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(path.dirname(out)) ? fs.readdirSync(path.dirname(out)) : []).toEqual([]);
  });

  it('keeps the previous package when a rewrite fails half way', async () => {
    const out = path.join(dir, 'keep', 'brief.zip');
    fs.mkdirSync(path.dirname(out));
    fs.writeFileSync(out, 'previous package');
    const badPng: BriefRenderer = { pdf: async () => Buffer.from('%PDF-1.4'), png: async () => Buffer.from('not a png'), close: async () => {} };
    await expect(writeBriefPackage(model, out, badPng)).rejects.toThrow(/not a PNG/);
    expect(fs.readFileSync(out, 'utf8')).toBe('previous package');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['brief.zip']);
  });

  it('refuses a model with an unknown kind or marking before drawing anything', async () => {
    const bad = briefModel({ subjects: 1 });
    (bad.entities[0].ref as { kind: string }).kind = 'spaceship';
    await expect(writeBriefPackage(bad, path.join(dir, 'bad.zip'), renderer)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(fs.existsSync(path.join(dir, 'bad.zip'))).toBe(false);
  });

  it('packs the same model to the same bytes, the PDF aside', async () => {
    const small = briefModel({ subjects: 3 });
    const a = path.join(dir, 'same-a.zip');
    const b = path.join(dir, 'same-b.zip');
    await writeBriefPackage(small, a, renderer);
    await writeBriefPackage(small, b, renderer);
    const [ea, eb] = [await readZip(a), await readZip(b)];
    expect(ea.map((e) => e.name)).toEqual(eb.map((e) => e.name));
    for (let i = 0; i < ea.length; i++) {
      if (ea[i].name === 'brief.pdf' || ea[i].name === 'manifest.json') continue;
      expect(ea[i].data!.equals(eb[i].data!), ea[i].name).toBe(true);
    }
  });
});
