// The operations log and the diagnostic report are safe to send to support: no names, no
// numbers from the records, even when a failing call quoted them; the log rotates.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Backend } from '../../../electron/backend/api';
import { generateDemo } from '../../../electron/backend/demo/generate';
import { OpsLog, scrub } from '../../../electron/backend/ops/log';
import { tmpDir } from '../../fixtures/bundle-builder';
import { call, runImport } from '../../helpers/case';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('operations log', () => {
  it('holds events, counts and codes but no record content; so does the diagnostic report', async () => {
    const dir = tmpDir();
    dirs.push(dir);
    const bundle = path.join(dir, 'demo');
    await generateDemo({ out: bundle, seed: 7 });
    const b = new Backend({ host: 'cli', version: 'test', dataDir: dir, backup: { intervalMinutes: 0 } });
    try {
      await call(b, 'case.create', { path: path.join(dir, 'case.crosslink') });
      await runImport(b, bundle);
      const lines = fs.readFileSync(path.join(bundle, 'subjects.csv'), 'utf8').split('\n').slice(1, 80).map((l) => l.split(','));
      const names = [...new Set(lines.map((c) => c[4]).filter((n) => n && /^[A-Z]{5,}$/.test(n)))].slice(0, 30);
      const phones = lines.map((c) => c[18]?.replace(/\D/g, '')).filter((p) => p && p.length >= 10).slice(0, 20);
      expect(names.length).toBeGreaterThan(5);
      for (const n of names.slice(0, 5)) await call(b, 'search', { q: n, limit: 5 });
      // Failing calls whose messages would quote what the analyst typed.
      await b.handle('graph.resolveId', { sourceId: names[0] });
      await b.handle('import.start', { path: path.join(dir, `${names[1]} ${phones[0] ?? '9155550134'}`) });
      await b.handle('case.open', { path: path.join(dir, `${names[2]}.crosslink`) });
      const diag = (await call(b, 'ops.diagnostics', {})).text;
      const log = fs.readFileSync(b.log.path, 'utf8');
      expect(log).toMatch(/"event":"import_finished"/);
      expect(log).toMatch(/"event":"call_failed"/);
      for (const text of [log, diag]) {
        for (const n of names) expect(text).not.toContain(n);
        for (const p of phones) expect(text).not.toContain(p.slice(-7));
      }
      expect(diag).toMatch(/Crosslink test/);
      expect(diag).toMatch(/nodes/);
    } finally {
      await b.close();
    }
  }, 60_000);

  it('rotates by size and keeps a bounded number of files', () => {
    const dir = tmpDir();
    dirs.push(dir);
    const log = new OpsLog(dir, 2_000, 3);
    for (let i = 0; i < 500; i++) log.write('info', 'tick', { i });
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['crosslink.log', 'crosslink.log.1', 'crosslink.log.2', 'crosslink.log.3']);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThan(2_200);
  });

  it('scrubs quoted text, e-mail addresses, long numbers and file names', () => {
    expect(scrub(`Nothing with id 'GONZALEZ' in this case.`)).toBe('Nothing with id ‹…› in this case.');
    expect(scrub('mail jgl@example.mx phone 9155550134')).toBe('mail ‹…› phone #');
    expect(scrub('No case file at /home/ana/GARCIA.crosslink')).toBe('No case file at /home/ana/‹…›');
  });
});
