// The window stays usable while a large import runs in the case's writer worker: the
// analyst searches, opens a record and reads its details before the import is done; then
// cancels it and the case is as it was before.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/api';
import { generateDemo } from '../../electron/backend/demo/generate';
import { tmpDir } from '../fixtures/bundle-builder';
import { call, runImport } from '../helpers/case';
import { openSession, type Session } from './harness';

describe('a large import does not block the window', () => {
  let s: Session;
  let big: string;
  let caseFile: string;
  let subject: { recordId: string; last: string };
  let demoDir: string;
  let before: { nodes: number; links: number };

  beforeAll(async () => {
    const dir = tmpDir();
    // A case that already holds the demo, and a bundle large enough to take a while.
    const demo = path.join(dir, 'demo');
    demoDir = demo;
    await generateDemo({ out: demo, seed: 7 });
    big = path.join(dir, 'big');
    await generateDemo({ out: big, seed: 11, people: 6000, crossings: 150_000, badRows: false });
    caseFile = path.join(dir, 'case.crosslink');
    const b = new Backend({ host: 'cli', version: 'test' });
    await call(b, 'case.create', { path: caseFile, name: 'Responsive' });
    await runImport(b, demo);
    const stats = await call(b, 'graph.stats', {});
    before = { nodes: stats.nodes.reduce((a, n) => a + n.count, 0), links: stats.links.reduce((a, l) => a + l.count, 0) };
    await b.close();
    const lines = fs.readFileSync(path.join(demo, 'subjects.csv'), 'utf8').split('\n');
    const h = lines[0].split(',');
    const row = lines.slice(1).map((l) => l.split(',')).find((c) => c.length === h.length && c[h.indexOf('handling')] === 'SHARED' && /^[A-Z]{4,}$/.test(c[h.indexOf('last_name')]))!;
    subject = { recordId: row[h.indexOf('record_id')], last: row[h.indexOf('last_name')] };
    s = await openSession({ db: caseFile });
  }, 120_000);
  afterAll(async () => s?.close());

  it('searches and opens a record while the import runs, then cancels it', async () => {
    const { page } = s;
    await page.getByTestId('status-bar').getByText('case.crosslink').waitFor();
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-import').click();
    await page.getByTestId('file-path-input').fill(big);
    await page.getByTestId('file-path-input').press('Enter');
    await page.getByTestId('file-dialog-confirm').click();
    const progress = page.getByTestId('import-progress');
    await progress.waitFor();
    await expect.poll(async () => (await progress.textContent()) ?? '', { timeout: 30_000 }).toMatch(/[1-9][\d,]* rows\/s/);

    // While it runs: search, click the hit, read the details.
    const t0 = Date.now();
    await page.getByTestId('search-input').fill(subject.last);
    const hit = page.getByTestId('search-result').filter({ hasText: subject.recordId }).filter({ hasText: 'Subject record' });
    await hit.first().click();
    await page.getByTestId('details-panel').getByText(subject.recordId).first().waitFor();
    const answered = Date.now() - t0;
    // The import was still running when the answers came: reads were not queued behind it.
    expect(await progress.isVisible()).toBe(true);
    expect(await progress.textContent()).toMatch(/Reading crossings\.csv|Reading/);
    await s.shot('10-import-running-search');
    console.log(`search + open + details while importing: ${answered} ms`);

    // A second bundle queues behind the running one with its own card; take it off the queue.
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-import').click();
    await page.getByTestId('file-path-input').fill(demoDir);
    await page.getByTestId('file-path-input').press('Enter');
    await page.getByTestId('file-dialog-confirm').click();
    const cards = page.getByTestId('import-progress');
    await expect.poll(() => cards.count()).toBe(2);
    await expect.poll(async () => (await cards.nth(1).textContent()) ?? '').toMatch(/Queued/);
    await s.shot('11-import-queue');
    await cards.nth(1).getByTestId('import-cancel').click();
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(1);
    expect(await cards.first().textContent()).toMatch(/Importing big/);

    await page.getByTestId('import-cancel').click();
    await progress.waitFor({ state: 'hidden', timeout: 60_000 });
    await page.getByText(/Import cancelled/).first().waitFor();
  }, 180_000);

  it('after the cancel the case holds exactly what it held before', async () => {
    const stats = await s.page.evaluate(async () => {
      const r = await fetch('/api/graph.stats', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return r.json();
    });
    const value = stats.ok ? stats.value : stats;
    expect(value.nodes.reduce((a: number, n: { count: number }) => a + n.count, 0)).toBe(before.nodes);
    expect(value.links.reduce((a: number, l: { count: number }) => a + l.count, 0)).toBe(before.links);
  });
});
