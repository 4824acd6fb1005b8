// The end of the audit trail: entries cut off the end are noticed by the workstation that
// wrote them, and a restore from backup keeps the entries written since the backup.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../../electron/backend/api';
import { tmpDir, writeBundle } from '../../fixtures/bundle-builder';
import { baseFiles } from '../../fixtures/bundles';
import { call, runImport } from '../../helpers/case';

async function openCase(dataDir: string, file: string, create = false): Promise<Backend> {
  const b = new Backend({ host: 'cli', version: 'test', checkOutput: true, dataDir, backup: { intervalMinutes: 0 } });
  await call(b, create ? 'case.create' : 'case.open', { path: file, ...(create ? { profile: { name: 'A. Analyst', agency: 'CBP' as const } } : {}) });
  return b;
}

describe('the end of the audit trail', () => {
  it('names the newest entries removed, which the chain alone cannot show', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'case.crosslink');
    const b = await openCase(dir, file, true);
    for (const q of ['GARCIA', 'LOPEZ', 'BOTA']) await call(b, 'search', { q });
    const before = await call(b, 'audit.verify', {});
    expect(before).toMatchObject({ ok: true, firstBad: null });
    const n = before.entries;
    expect(n).toBeGreaterThanOrEqual(4);
    await b.close();
    // Someone cuts the last two entries (bypassing the triggers).
    const db = new Database(file);
    db.exec('DROP TRIGGER IF EXISTS audit_no_delete; DROP TRIGGER IF EXISTS audit_no_update;');
    for (const t of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'`).pluck().all() as string[]) db.exec(`DROP TRIGGER "${t}"`);
    db.prepare('DELETE FROM audit WHERE id > ?').run(n - 2);
    db.close();
    const again = await openCase(dir, file);
    try {
      const v = await call(again, 'audit.verify', {});
      expect(v.ok).toBe(false);
      expect(v.firstBad?.reason).toMatch(/newest 2 entries were removed/);
    } finally {
      await again.close();
    }
  });

  it('a new case made where a deleted one was is not taken for a cut trail', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'case.crosslink');
    const first = await openCase(dir, file, true);
    for (const q of ['ONE', 'TWO', 'THREE']) await call(first, 'search', { q });
    await first.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    await new Promise((r) => setTimeout(r, 5)); // a different creation time
    // made elsewhere (another workstation's home), then opened here
    const second = await openCase(tmpDir(), file, true);
    await second.close();
    const again = await openCase(dir, file);
    try {
      expect(await call(again, 'audit.verify', {})).toMatchObject({ ok: true });
    } finally {
      await again.close();
    }
  });

  it('a restore keeps the entries written since the backup, chain intact', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'case.crosslink');
    const b = await openCase(dir, file, true);
    try {
      await runImport(b, writeBundle(path.join(dir, 'small.valid'), { exportId: 'TEST-AUDIT-1', files: baseFiles() }));
      const backup = await call(b, 'backup.create', {});
      await call(b, 'search', { q: 'written after the backup' });
      await call(b, 'backup.restore', { file: backup.file });
      const list = await call(b, 'audit.list', { q: 'written after the backup' });
      expect(list.entries.map((e) => e.target)).toContain('written after the backup');
      expect(await call(b, 'audit.verify', {})).toMatchObject({ ok: true, firstBad: null });
    } finally {
      await b.close();
    }
  }, 120_000);
});
