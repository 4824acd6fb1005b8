import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../electron/backend/demo/generate';
import { tmpDir, writeBundle } from '../../fixtures/bundle-builder';
import { baseFiles } from '../../fixtures/bundles';
import { call, countsOf, newCase, runImport } from '../../helpers/case';
import { Backend } from '../../../electron/backend/api';

const BIN = path.resolve('bin/crosslink.js');

/** A small deterministic PRNG so the kill points are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('durability of imports', () => {
  let big: string;
  let small: string;
  let reference: ReturnType<typeof countsOf>;
  let before: ReturnType<typeof countsOf>;
  const batchEnv = { ...process.env, CROSSLINK_IMPORT_BATCH_ROWS: '3000' };

  beforeAll(async () => {
    const dir = tmpDir();
    big = path.join(dir, 'big');
    await generateDemo({ out: big, seed: 5, people: 2000, crossings: 30_000 });
    small = writeBundle(path.join(dir, 'small.valid'), { exportId: 'TEST-BASE', files: baseFiles() });
    // what the case must hold after base + big, imported without interruption
    const { backend, file } = await newCase();
    await runImport(backend, small);
    before = countsOf(file);
    process.env.CROSSLINK_IMPORT_BATCH_ROWS = '3000';
    await runImport(backend, big);
    reference = countsOf(file);
    await backend.close();
  });
  afterAll(() => {
    delete process.env.CROSSLINK_IMPORT_BATCH_ROWS;
  });

  it('cancel takes every committed batch back out: the case is as before the import', async () => {
    const { backend, file } = await newCase();
    await runImport(backend, small);
    const { jobId } = await call(backend, 'import.start', { path: big });
    // wait until several batches have been committed
    for (;;) {
      const p = await call(backend, 'import.progress', { jobId });
      if (p.rowsRead > 12_000 || p.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await call(backend, 'import.cancel', { jobId })).toEqual({ cancelled: true });
    expect((await call(backend, 'import.progress', { jobId })).note).toMatch(/cancelled/);
    expect(countsOf(file)).toEqual(before);
    const imports = await call(backend, 'import.list', {});
    expect(imports[0]).toMatchObject({ status: 'cancelled', rowsLoaded: 0 });
    await backend.close();
  });

  it('SIGKILL at 10 random points: integrity ok, no partial import visible after reopening, rerun completes', async () => {
    const next = rng(20261122);
    const dir = tmpDir();
    const file = path.join(dir, 'kill.crosslink');
    const b0 = new Backend({ host: 'cli', version: 'test' });
    await call(b0, 'case.create', { path: file });
    await runImport(b0, small);
    await b0.close();
    const points: number[] = [];
    for (let i = 0; i < 10; i++) {
      const delay = 300 + Math.floor(next() * 3500);
      points.push(delay);
      const child = spawn(process.execPath, [BIN, 'import', big, '--db', file, '--json'], { env: batchEnv, stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const raw = new Database(file, { readonly: true });
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();
      // opening through the app takes any interrupted import back out
      const b = new Backend({ host: 'cli', version: 'test' });
      const info = await call(b, 'case.open', { path: file });
      await b.close();
      const now = countsOf(file);
      if (now.nodes.traveller === reference.nodes.traveller) {
        expect(now).toEqual(reference); // the import had finished before the kill
        break;
      }
      expect(now, `after a kill at ${delay} ms`).toEqual(before);
      if (info.notices.length) expect(info.notices[0]).toMatch(/interrupted/);
    }
    expect(points.length).toBeGreaterThanOrEqual(1);
    const b = new Backend({ host: 'cli', version: 'test' });
    await call(b, 'case.open', { path: file });
    const { progress } = await runImport(b, big);
    await b.close();
    expect(progress.state).toBe('done');
    expect(countsOf(file)).toEqual(reference);
  }, 300_000);

  it('a full disk (file size limit) gives a clear error; the case stays intact and usable', async () => {
    const { backend, file } = await newCase();
    await runImport(backend, small);
    await backend.close();
    const snapshot = countsOf(file);
    const limitKb = Math.ceil(fs.statSync(file).size / 1024) + 1500;
    const r = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn('bash', ['-c', `ulimit -f ${limitKb}; exec "${process.execPath}" "${BIN}" import "${big}" --db "${file}"`], { env: batchEnv });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.on('exit', (code) => resolve({ code, err }));
    });
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n').pop()).toMatch(/^crosslink: Could not write the case file \(disk full, file size limit or a failing disk\)/);
    const after = countsOf(file);
    expect(after.integrity).toBe('ok');
    expect(after.nodes).toEqual(snapshot.nodes);
    const b = new Backend({ host: 'cli', version: 'test' });
    await call(b, 'case.open', { path: file });
    expect((await call(b, 'search', { q: "O'NEIL" })).length).toBeGreaterThan(0);
    await b.close();
  }, 120_000);

  it.skipIf(process.getuid?.() === 0)('a read-only case file gives a clear error (skipped as root: root writes anyway)', async () => {
    const { backend, file } = await newCase();
    await runImport(backend, small);
    await backend.close();
    fs.chmodSync(file, 0o444);
    try {
      const r = await new Backend({ host: 'cli', version: 'test' }).handle('case.open', { path: file });
      expect(r).toMatchObject({ ok: false, error: { code: 'io_error' } });
    } finally {
      fs.chmodSync(file, 0o644);
    }
    expect(countsOf(file).integrity).toBe('ok');
  });

  it('a case locked by another writer gives a clear error, nothing corrupted', async () => {
    const { backend, file } = await newCase();
    const locker = new Database(file);
    locker.pragma('busy_timeout = 0');
    locker.exec('BEGIN EXCLUSIVE');
    try {
      const { progress } = await runImport(backend, small);
      expect(progress.state).toBe('failed');
      expect(progress.error).toMatch(/SQLITE_BUSY|locked/i);
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
    expect(countsOf(file).integrity).toBe('ok');
    const { progress } = await runImport(backend, small);
    expect(progress.state).toBe('done');
    await backend.close();
  }, 60_000);
});
