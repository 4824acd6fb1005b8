import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../electron/backend/demo/generate';
import { tmpDir, writeBundle, zipBundle } from '../../fixtures/bundle-builder';
import { baseFiles } from '../../fixtures/bundles';

const BIN = path.resolve('bin/crosslink.js');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

interface Planted {
  export_id: string;
  bad_rows: Array<{ file: string; line: number; reason: string }>;
  orcon_canary: string;
}

describe('crosslink CLI on the demo bundle', () => {
  let dir: string;
  let bundle: string;
  let db: string;
  let planted: Planted;
  beforeAll(async () => {
    dir = tmpDir();
    bundle = path.join(dir, 'demo');
    await generateDemo({ out: bundle, seed: 11 });
    planted = JSON.parse(fs.readFileSync(`${bundle}.truth/planted.json`, 'utf8'));
    db = path.join(dir, 'case.crosslink');
  });

  it('import --json reports every row, rejects exactly the planted bad rows', () => {
    const r = run('import', bundle, '--db', db, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    const manifest = JSON.parse(fs.readFileSync(path.join(bundle, 'manifest.json'), 'utf8')) as { files: Record<string, { rows: number }> };
    const total = Object.values(manifest.files).reduce((s, f) => s + f.rows, 0);
    expect(out).toMatchObject({ export_id: planted.export_id, rows_read: total, rows_rejected: planted.bad_rows.length });
    // a fact stated twice (the same case link or association) loads once; the repeat is skipped
    expect(out.rows_loaded + out.rows_skipped).toBe(total - planted.bad_rows.length);
    expect(out.rows_skipped).toBeLessThan(5);
    expect(out.nodes).toBeGreaterThan(1000);
    expect(out.links).toBeGreaterThan(1000);
    expect(typeof out.seconds).toBe('number');
    const got = out.rejects.map((x: { file: string; line: number }) => `${x.file}:${x.line}`).sort();
    expect(got).toEqual(planted.bad_rows.map((x) => `${x.file}:${x.line}`).sort());
    for (const x of out.rejects) expect(x.reason.length).toBeGreaterThan(5);
  });

  it('importing the same bundle again adds nothing', () => {
    const before = JSON.parse(run('stats', '--db', db, '--json').out);
    const r = run('import', bundle, '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ status: 'already_loaded', rows_loaded: 0, nodes: 0, links: 0 });
    expect(JSON.parse(run('stats', '--db', db, '--json').out)).toEqual(before);
  });

  it('stats, search and show answer in JSON', () => {
    const stats = JSON.parse(run('stats', '--db', db, '--json').out);
    expect(stats.nodes.subject).toBeGreaterThan(50);
    expect(stats.links.travelled_in).toBe(stats.nodes.traveller);
    const subjects = fs.readFileSync(path.join(bundle, 'subjects.csv'), 'utf8').split('\n')[1].split(',');
    const hits = JSON.parse(run('search', '--db', db, '--q', subjects[0], '--json').out);
    expect(hits[0]).toMatchObject({ kind: 'subject', sourceId: subjects[0] });
    const show = JSON.parse(run('show', '--db', db, '--id', subjects[0], '--json').out);
    expect(show).toMatchObject({ kind: 'subject', source_id: subjects[0] });
    expect(show.attributes.find((a: { name: string }) => a.name === 'record_id').provenance).toMatchObject({ file: 'subjects.csv', line: 2, exportId: planted.export_id });
    expect(Object.keys(show.neighbours).length).toBeGreaterThan(0);
    const crossing = fs.readFileSync(path.join(bundle, 'crossings.csv'), 'utf8').split('\n')[1].split(',')[0];
    expect(JSON.parse(run('show', '--db', db, '--id', crossing, '--json').out)).toMatchObject({ kind: 'traveller', neighbour_counts: expect.arrayContaining([expect.objectContaining({ kind: 'event' })]) });
  });

  it('path, neighbours and cotravel answer in JSON', () => {
    const crossing = fs.readFileSync(path.join(bundle, 'crossings.csv'), 'utf8').split('\n')[1].split(',');
    // A crossing and its own event: one hop, the travelled-in link with its date and source row.
    const p = JSON.parse(run('path', '--db', db, '--from', crossing[0], '--to', crossing[1], '--k', '3', '--json').out);
    expect(p.paths.length).toBeGreaterThan(0);
    expect(p.paths[0]).toMatchObject({ length: 1, links: [{ kind: 'travelled_in', dates: [expect.any(String)], source: { file: 'crossings.csv', line: 2 } }] });
    expect(p.paths[0].nodes.at(-1)).toMatchObject({ kind: 'event', source_ids: [crossing[1]] });
    for (let i = 1; i < p.paths.length; i++) expect(p.paths[i].length).toBeGreaterThanOrEqual(p.paths[i - 1].length);
    const n = JSON.parse(run('neighbours', '--db', db, '--id', crossing[1], '--json').out);
    expect(n.neighbours.map((x: { link: string }) => x.link)).toContain('at_port');
    const c = JSON.parse(run('cotravel', '--db', db, '--min', '2', '--json').out);
    expect(c.total).toBe(c.run.pairs);
    for (const pair of c.pairs) expect(pair.count).toBeGreaterThanOrEqual(2);
    const bad = run('path', '--db', db, '--from', crossing[0], '--to', crossing[1], '--link-kinds', 'teleport');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown link kind 'teleport'/);
  });

  it('fails with one line and a non-zero exit when the import cannot run', () => {
    const missing = run('import', path.join(dir, 'nope'), '--db', path.join(dir, 'x.crosslink'));
    expect(missing.code).toBe(1);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toMatch(/No bundle at .*nope/);
    const zip = zipBundle(writeBundle(path.join(tmpDir(), 'z'), { files: baseFiles() }), path.join(dir, 'cut.zip'));
    fs.writeFileSync(zip, fs.readFileSync(zip).subarray(0, 200));
    const cut = run('import', zip, '--db', path.join(dir, 'y.crosslink'));
    expect(cut.code).toBe(1);
    expect(cut.err).toMatch(/cut\.zip is not a readable \.zip bundle/);
    const bad = writeBundle(path.join(tmpDir(), 'sum'), { files: baseFiles(), manifestFiles: { 'subjects.csv': { sha256: 'b'.repeat(64) } } });
    const sum = run('import', bad, '--db', path.join(dir, 'w.crosslink'), '--json');
    expect(sum.code).toBe(1);
    expect(sum.err).toMatch(/subjects\.csv: SHA-256 .* differs from manifest\.json/);
    expect(JSON.parse(sum.out).files.find((f: { file: string }) => f.file === 'subjects.csv').refused).toBeTruthy();
    expect(run('frobnicate').code).toBe(2);
    expect(run('show', '--db', db).code).toBe(2);
  });
});
