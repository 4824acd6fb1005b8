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
  let multi: { person: string; records: string[] };
  beforeAll(async () => {
    const dir = tmpDir();
    const demo = path.join(dir, 'demo');
    await generateDemo({ out: demo, seed: 7 });
    const db = path.join(dir, 'review.crosslink');
    const b = new Backend({ host: 'cli', version: 'test', dataDir: dir, backup: { intervalMinutes: 0 } });
    await call(b, 'case.create', { path: db, name: 'Review' });
    await runImport(b, demo);
    pairs = (await call(b, 'resolution.queue', { limit: 100 })).length;
    const rows = (await call(b, 'resolution.rows', {})).filter((r) => r.kind === 'person');
    const groups = new Map<string, string[]>();
    for (const r of rows) groups.set(r.entityId, [...(groups.get(r.entityId) ?? []), r.recordId]);
    const [person, records] = [...groups].find(([, g]) => g.length >= 3)!;
    multi = { person, records };
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
    // Deciding and undoing re-run resolution on the backend: seconds on a loaded CI machine.
    if (pairs > 1) await expect.poll(async () => (await dialog.getByTestId('review-position').textContent()) ?? '', { timeout: 20_000 }).toContain(`of ${pairs - 1}`);
    else await dialog.getByText('No possible matches left to review.').waitFor();
    await dialog.getByTestId('review-undo').click();
    await expect.poll(async () => (await dialog.getByTestId('review-position').textContent()) ?? '', { timeout: 20_000 }).toContain(`of ${pairs}`);
  }, 60_000);

  it('a person lists its records; "take out" makes one a person of its own', async () => {
    const { page } = s;
    await page.keyboard.press('Escape');
    await page.getByTestId('search-input').fill(multi.person);
    await page.getByTestId('search-result').filter({ hasText: 'Person (resolved)' }).first().click();
    const section = page.getByTestId('entity-records');
    await section.waitFor();
    expect(await section.getByTestId('take-out').count()).toBe(multi.records.length);
    await s.shot('41-person-records');
    await section.getByTestId('take-out').last().click();
    await page.getByText(/taken out/).first().waitFor();
    const rows = await page.evaluate(async () => {
      const r = await fetch('/api/resolution.rows', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return (await r.json()).value as Array<{ recordId: string; kind: string; entityId: string }>;
    });
    const now = new Map(rows.filter((r) => r.kind === 'person').map((r) => [r.recordId, r.entityId]));
    const entities = new Set(multi.records.map((id) => now.get(id)));
    expect(entities.size).toBe(2);
  }, 60_000);
});
