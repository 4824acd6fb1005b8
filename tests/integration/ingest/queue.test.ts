// Bundles started together queue: each has its own progress, a queued one can be taken
// off the queue at once (without waiting for the running one), and the rest load in order.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../electron/backend/demo/generate';
import { tmpDir, writeBundle } from '../../fixtures/bundle-builder';
import { baseFiles } from '../../fixtures/bundles';
import { call, countsOf, newCase } from '../../helpers/case';

describe('import queue', () => {
  let big: string;
  let small: string;
  let other: string;
  beforeAll(async () => {
    const dir = tmpDir();
    big = path.join(dir, 'big');
    await generateDemo({ out: big, seed: 5, people: 2000, crossings: 30_000, badRows: false });
    small = writeBundle(path.join(dir, 'small'), { exportId: 'TEST-SMALL', files: baseFiles() });
    other = path.join(dir, 'other');
    await generateDemo({ out: other, seed: 9 });
  }, 60_000);

  it('queues, cancels a queued job at once, and loads the others in order', async () => {
    // Resolution after each import is not what this test is about; it only slows it down.
    const { backend, file } = await newCase({ autoResolve: false });
    try {
      const first = await call(backend, 'import.start', { path: big });
      const second = await call(backend, 'import.start', { path: small });
      const third = await call(backend, 'import.start', { path: other });
      expect((await call(backend, 'import.progress', { jobId: second.jobId })).phase).toBe('queued');
      expect((await call(backend, 'import.progress', { jobId: third.jobId })).phase).toBe('queued');
      // Taking the second off the queue answers while the first is still running.
      expect(await call(backend, 'import.cancel', { jobId: second.jobId })).toEqual({ cancelled: true });
      expect((await call(backend, 'import.progress', { jobId: first.jobId })).state).toBe('running');
      const p1 = await backend.waitForJob(first.jobId);
      const p3 = await backend.waitForJob(third.jobId);
      expect([p1.state, p3.state]).toEqual(['done', 'done']);
      expect(p3.importId).toBeGreaterThan(p1.importId!);
      const imports = await call(backend, 'import.list', {});
      const exportOf = (dir: string) => (JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { export_id: string }).export_id;
      expect(imports.filter((i) => i.status === 'done').map((i) => i.exportId).sort()).toEqual([exportOf(big), exportOf(other)].sort());
      expect(imports.some((i) => i.exportId === 'TEST-SMALL')).toBe(false);
      expect(countsOf(file).integrity).toBe('ok');
    } finally {
      await backend.close();
    }
  }, 240_000);
});
