// The review queue in the window: the pair the resolver was unsure about is shown with its
// evidence; N keeps the two apart (a decision in the case), Undo brings the pair back.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/api';
import { generateDemo } from '../../electron/backend/demo/generate';
import { tmpDir } from '../fixtures/bundle-builder';
import { call, runImport } from '../helpers/case';
import { openSession, type Session } from './harness';

describe('reviewing possible matches', () => {
  let s: Session;
  let pairs: number;
  beforeAll(async () => {
    const dir = tmpDir();
    const demo = path.join(dir, 'demo');
    await generateDemo({ out: demo, seed: 7 });
    const db = path.join(dir, 'review.crosslink');
    const b = new Backend({ host: 'cli', version: 'test', dataDir: dir, backup: { intervalMinutes: 0 } });
    await call(b, 'case.create', { path: db, name: 'Review' });
    await runImport(b, demo);
    pairs = (await call(b, 'resolution.queue', { limit: 100 })).length;
    await b.close();
    s = await openSession({ db });
  }, 120_000);
  afterAll(async () => s?.close());

  it('shows the evidence, records "not the same" with N, and undoes it', async () => {
    expect(pairs).toBeGreaterThan(0);
    const { page } = s;
    await page.getByTestId('status-bar').getByText('review.crosslink').waitFor();
    await page.getByTestId('menu-view').click();
    await page.getByTestId('menu-review').click();
    const dialog = page.getByTestId('review-dialog');
    await dialog.getByTestId('review-position').waitFor();
    expect(await dialog.getByTestId('review-position').textContent()).toContain(`of ${pairs}`);
    expect(await dialog.getByTestId('review-person').count()).toBe(2);
    expect(await dialog.getByTestId('review-evidence').textContent()).toMatch(/family: /);
    await s.shot('40-review');
    await page.keyboard.press('n');
    await dialog.getByTestId('review-undo').waitFor();
    if (pairs > 1) await expect.poll(async () => (await dialog.getByTestId('review-position').textContent()) ?? '').toContain(`of ${pairs - 1}`);
    else await dialog.getByText('No possible matches left to review.').waitFor();
    await dialog.getByTestId('review-undo').click();
    await expect.poll(async () => (await dialog.getByTestId('review-position').textContent()) ?? '').toContain(`of ${pairs}`);
  }, 60_000);
});
