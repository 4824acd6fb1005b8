// Backups, restore and integrity on real case files: corruption is detected at open and a
// restore brings back exact counts; backups during an import are consistent; a kill or a
// full disk during a backup leaves earlier backups intact and no half backup listed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../../electron/backend/api';
import { openCase } from '../../../electron/backend/db/connection';
import { LATEST_VERSION, MIGRATIONS } from '../../../electron/backend/db/migrations/index';
import { generateDemo } from '../../../electron/backend/demo/generate';
import { listBackups, rotateBackups, verifyBackup, type BackupInfo } from '../../../electron/backend/ops/backup';
import { tmpDir, writeBundle } from '../../fixtures/bundle-builder';
import { baseFiles } from '../../fixtures/bundles';
import { call, countsOf, runImport } from '../../helpers/case';

const BIN = path.resolve('bin/crosslink.js');
let demo: string;
let big: string;
const dirs: string[] = [];

function freshBackend(dataDir: string): Backend {
  return new Backend({ host: 'cli', version: 'test', checkOutput: true, dataDir, backup: { intervalMinutes: 0 } });
}

async function caseWithData(): Promise<{ backend: Backend; file: string; dir: string }> {
  const dir = tmpDir();
  dirs.push(dir);
  const file = path.join(dir, 'case.crosslink');
  const backend = freshBackend(dir);
  await call(backend, 'case.create', { path: file, name: 'Backups' });
  await runImport(backend, demo);
  return { backend, file, dir };
}

beforeAll(async () => {
  const dir = tmpDir();
  dirs.push(dir);
  demo = path.join(dir, 'demo');
  await generateDemo({ out: demo, seed: 7 });
  big = path.join(dir, 'big');
  await generateDemo({ out: big, seed: 5, people: 2000, crossings: 40_000, badRows: false });
}, 60_000);
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('backups', () => {
  it('a backup is verified, listed with its counts, and re-verifiable', async () => {
    const { backend, file } = await caseWithData();
    try {
      const info = await call(backend, 'backup.create', {});
      const live = countsOf(file);
      expect(info.integrity).toBe('ok');
      expect(info.counts.nodes).toBe(Object.values(live.nodes).reduce((a, b) => a + b, 0));
      expect(info.counts.links).toBe(Object.values(live.links).reduce((a, b) => a + b, 0));
      expect(info.file.startsWith(`${file}.backups${path.sep}`)).toBe(true);
      const list = await call(backend, 'backup.list', {});
      expect(list.backups.map((b) => b.file)).toEqual([info.file]);
      expect(await call(backend, 'backup.verify', { file: info.file })).toEqual({ ok: true, problem: null });
      // A backup whose content changed afterwards fails verification.
      const db = new Database(info.file);
      db.exec(`DELETE FROM link WHERE id IN (SELECT id FROM link LIMIT 3)`);
      db.close();
      const v = await call(backend, 'backup.verify', { file: info.file });
      expect(v.ok).toBe(false);
      expect(v.problem).toMatch(/counts differ/);
    } finally {
      await backend.close();
    }
  });

  it('a case with data is backed up before an import; a re-import of a loaded bundle is not', async () => {
    const { backend } = await caseWithData();
    try {
      const before = (await call(backend, 'backup.list', {})).backups.length;
      await runImport(backend, demo); // already loaded: no backup
      expect((await call(backend, 'backup.list', {})).backups.length).toBe(before);
      const small = writeBundle(path.join(tmpDir(), 'small'), { exportId: 'TEST-SMALL', files: baseFiles() });
      await runImport(backend, small);
      const after = (await call(backend, 'backup.list', {})).backups;
      expect(after.length).toBe(before + 1);
      expect(after[0].reason).toBe('before-import');
      expect(after[0].counts.lastExportId).toBe('TECS-EXP-20251207-R7');
    } finally {
      await backend.close();
    }
  });

  for (const damage of ['truncated', 'flipped bytes in a page'] as const) {
    it(`a ${damage} case is refused at open, and restore brings back exact counts`, async () => {
      const { backend, file, dir } = await caseWithData();
      const good = countsOf(file);
      await call(backend, 'backup.create', {});
      await backend.close();
      // A closed case is one file: the damage below cannot be repaired from a leftover WAL.
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
      const bytes = fs.readFileSync(file);
      const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
      if (damage === 'truncated') fs.truncateSync(file, Math.floor(bytes.length / 2 / pageSize) * pageSize + 100);
      else {
        // Scribble over the header of several b-tree pages.
        const fd = fs.openSync(file, 'r+');
        for (const page of [2, 3, 4, 5]) fs.writeSync(fd, Buffer.from([0x55, 0xaa, 0x55, 0xaa, 0x55, 0xaa, 0x55, 0xaa]), 0, 8, (page - 1) * pageSize);
        fs.closeSync(fd);
      }
      const b2 = freshBackend(dir);
      try {
        const r = await b2.handle('case.open', { path: file });
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('damaged');
          expect(r.error.message).toMatch(/damaged.*restore/i);
        }
        const list = await call(b2, 'backup.list', { casePath: file });
        expect(list.backups.length).toBeGreaterThanOrEqual(1);
        const out = await call(b2, 'backup.restore', { file: list.backups[0].file, casePath: file });
        expect(out.case.path).toBe(file);
        expect(out.savedCurrent).toBeTruthy();
        expect(fs.existsSync(out.savedCurrent!)).toBe(true);
        expect(countsOf(file)).toEqual(good);
        const hits = await call(b2, 'search', { q: 'smuggling', limit: 5 });
        expect(Array.isArray(hits)).toBe(true);
      } finally {
        await b2.close();
      }
    });
  }

  it('a backup taken while an import runs is consistent', async () => {
    const { backend, file } = await caseWithData();
    try {
      process.env.CROSSLINK_IMPORT_BATCH_ROWS = '5000';
      const { jobId } = await call(backend, 'import.start', { path: big });
      for (;;) {
        const p = await call(backend, 'import.progress', { jobId });
        if (p.rowsRead > 12_000 || p.state !== 'running') break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const during = await call(backend, 'backup.create', {});
      const state = (await call(backend, 'import.progress', { jobId })).state;
      await backend.waitForJob(jobId);
      expect(verifyBackup(during.file).ok).toBe(true);
      expect(during.integrity).toBe('ok');
      // It holds the case before the import, or it plus whole batches: never more than the end.
      const end = countsOf(file);
      expect(during.counts.nodes).toBeLessThanOrEqual(Object.values(end.nodes).reduce((a, b) => a + b, 0));
      expect(['running', 'done']).toContain(state);
    } finally {
      delete process.env.CROSSLINK_IMPORT_BATCH_ROWS;
      await backend.close();
    }
  }, 120_000);

  it('SIGKILL during a backup leaves earlier backups intact and none half-written listed', async () => {
    const { backend, file } = await caseWithData();
    await runImport(backend, big);
    const first = await call(backend, 'backup.create', {});
    await backend.close();
    for (const delay of [30, 120, 400]) {
      const child = spawn(process.execPath, [BIN, 'backup', 'create', '--db', file], { stdio: 'ignore' });
      // Kill once a partial file shows up (or after the delay).
      const t0 = Date.now();
      while (Date.now() - t0 < delay + 3000) {
        if (fs.readdirSync(`${file}.backups`).some((n) => n.endsWith('.partial')) && Date.now() - t0 > delay) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
    }
    const listed = listBackups(`${file}.backups`);
    expect(listed.map((b) => b.file)).toContain(first.file);
    for (const b of listed) expect(verifyBackup(b.file).ok).toBe(true);
    // The next backup sweeps the leftovers away.
    const b3 = freshBackend(path.dirname(file));
    try {
      await call(b3, 'case.open', { path: file });
      await call(b3, 'backup.create', {});
      expect(fs.readdirSync(`${file}.backups`).filter((n) => n.includes('.partial'))).toEqual([]);
    } finally {
      await b3.close();
    }
  }, 120_000);

  it('a full disk during a backup is a clear error and leaves no half backup', async () => {
    const { backend, file } = await caseWithData();
    await runImport(backend, big);
    await backend.close();
    const sizeKb = Math.ceil(fs.statSync(file).size / 1024);
    const limit = Math.max(64, Math.floor(sizeKb / 4)); // the copy cannot fit, the case is only read
    const r = spawnSync('bash', ['-c', `ulimit -f ${limit}; exec "${process.execPath}" "${BIN}" backup create --db "${file}"`], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/disk is full or the file size limit/);
    expect(r.stderr).toMatch(/Earlier backups are intact/);
    expect(listBackups(`${file}.backups`).filter((b) => b.reason === 'manual')).toEqual([]);
    expect(fs.readdirSync(`${file}.backups`).filter((n) => n.includes('.partial'))).toEqual([]);
  }, 60_000);

  it('rotation keeps the newest N and one per day for a week', () => {
    const dir = tmpDir();
    dirs.push(dir);
    const now = new Date('2026-03-10T12:00:00Z');
    const made: string[] = [];
    // 3 backups a day for 10 days.
    for (let d = 0; d < 10; d++) {
      for (const h of [8, 12, 16]) {
        const at = new Date(now.getTime() - d * 86_400_000 - (12 - h) * 3_600_000);
        const file = path.join(dir, `c-${d}-${h}.crosslink`);
        fs.writeFileSync(file, 'x');
        const info: BackupInfo = { file, createdAt: at.toISOString(), reason: 'scheduled', bytes: 1, integrity: 'ok', caseName: 'c', counts: { nodes: 1, links: 0, imports: 1, lastExportId: null } };
        fs.writeFileSync(`${file}.json`, JSON.stringify(info));
        made.push(file);
      }
    }
    rotateBackups(dir, { keepLast: 4, keepDaily: 7 }, now);
    const kept = listBackups(dir).map((b) => path.basename(b.file));
    // The newest 4 (day 0 x3, day 1 16h), then the newest of each day within the last 7 x 24 h
    // (day 7's 16h backup is 6 days 20 hours old).
    expect(kept).toEqual(['c-0-16.crosslink', 'c-0-12.crosslink', 'c-0-8.crosslink', 'c-1-16.crosslink', 'c-2-16.crosslink', 'c-3-16.crosslink', 'c-4-16.crosslink', 'c-5-16.crosslink', 'c-6-16.crosslink', 'c-7-16.crosslink']);
    for (const f of made) if (!kept.includes(path.basename(f))) expect(fs.existsSync(f)).toBe(false);
  });

  it('a case that needs a migration is backed up first', () => {
    const dir = tmpDir();
    dirs.push(dir);
    const file = path.join(dir, 'old.crosslink');
    const db = new Database(file);
    db.exec(MIGRATIONS[0].sql);
    db.pragma(`user_version = ${MIGRATIONS[0].version}`);
    db.prepare(`INSERT INTO meta(key, value) VALUES ('name', 'Old case')`).run();
    db.close();
    expect(LATEST_VERSION).toBeGreaterThan(1);
    openCase(file).close();
    const backups = listBackups(`${file}.backups`);
    expect(backups).toHaveLength(1);
    expect(backups[0].reason).toBe('before-migration');
    expect(backups[0].caseName).toBe('Old case');
    const copy = new Database(backups[0].file, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();
  });
});
