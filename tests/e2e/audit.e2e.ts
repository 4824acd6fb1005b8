// The audit trail in the window: on the demo case, a search the analyst makes shows up in
// File > Audit trail…, filters narrow the list, Load more pages back, and Verify chain says
// the trail is intact, then names the entry someone edited behind the app's back.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../electron/backend/access/audit';
import { ensureDemoCase } from '../../electron/backend/demo-case';
import { tmpDir } from '../fixtures/bundle-builder';
import { openSession, type Session } from './harness';

describe('the audit trail viewer', () => {
  let s: Session;
  let db: string;
  beforeAll(async () => {
    db = await ensureDemoCase(path.join(tmpDir(), 'home'));
    // A colleague's earlier work on the case: more than one page of history.
    const raw = new Database(db);
    const at = (i: number) => new Date(Date.UTC(2025, 11, 1, 9, 0, i)).toISOString();
    appendAudit(raw, Array.from({ length: 150 }, (_, i) => ({ at: at(i), who: 'J. Kim (CBP)', agency: 'CBP' as const, action: 'view' as const, target: `CBP-X-${1000 + i} MARTINEZ LOPEZ, JOSE`, detail: 'details: 14 attributes' })));
    raw.close();
    s = await openSession({ db });
  }, 180_000);
  afterAll(async () => s?.close());

  it('lists the search just made, filters, and verifies the chain', async () => {
    const { page } = s;
    await page.getByTestId('status-bar').getByText('demo-case.crosslink').waitFor();
    await page.getByTestId('search-input').fill('EL PASO');
    await page.getByTestId('search-result').first().waitFor();
    await page.keyboard.press('Escape');

    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-item-file.audit').click();
    const dialog = page.getByTestId('audit-dialog');
    const rows = dialog.getByTestId('audit-row');
    await rows.first().waitFor();
    const search = rows.filter({ hasText: 'EL PASO' }).filter({ hasText: 'Search' });
    await search.first().waitFor();
    expect(await search.first().textContent()).toMatch(/R\. Ortega \(ICE\).*Search.*EL PASO.*\d+ hits?/);
    // Newest first: ids fall down the table.
    const ids = (await rows.locator('td:first-child').allTextContents()).map(Number);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const count = dialog.getByTestId('audit-count');
    expect(await count.textContent()).toMatch(/^\d+ entries, the newest 100 shown$/);
    expect(await rows.count()).toBe(100);
    await dialog.getByTestId('audit-more').click();
    await expect.poll(() => rows.count()).toBeGreaterThan(150);
    expect(await dialog.getByTestId('audit-more').count()).toBe(0);
    expect(await count.textContent()).toMatch(/^\d+ entries$/);

    await dialog.getByTestId('audit-who').fill('kim');
    await expect.poll(() => count.textContent()).toBe('150 matching entries, the newest 100 shown');
    await dialog.getByTestId('audit-who').fill('');
    await expect.poll(() => count.textContent()).toMatch(/^\d+ entries, the newest 100 shown$/);

    await dialog.getByTestId('audit-action').selectOption('import');
    const all = async (text: string) => {
      const shown = await rows.allTextContents();
      return shown.length > 0 && shown.every((t) => t.includes(text));
    };
    await expect.poll(() => all('Import')).toBe(true);
    await dialog.getByTestId('audit-action').selectOption('');
    await dialog.getByTestId('audit-q').fill('EL PASO');
    await expect.poll(() => all('EL PASO')).toBe(true);
    await dialog.getByTestId('audit-q').fill('');
    await expect.poll(() => count.textContent()).toMatch(/^\d+ entries, the newest 100 shown$/);

    await dialog.getByTestId('audit-verify').click();
    const verdict = dialog.getByTestId('audit-verdict');
    await verdict.waitFor();
    expect(await verdict.textContent()).toMatch(/Intact: \d+ entr(y|ies)/);
    expect(await verdict.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(21, 128, 61)');
    await s.shot('90-audit-trail');
  });

  it('names the entry edited behind the app’s back, in red', async () => {
    const { page } = s;
    const raw = new Database(db);
    raw.exec(`DROP TRIGGER IF EXISTS audit_no_update; UPDATE audit SET who = 'someone else' WHERE id = 40;`);
    raw.close();
    const dialog = page.getByTestId('audit-dialog');
    await dialog.getByTestId('audit-verify').click();
    const verdict = dialog.getByTestId('audit-verdict');
    await expect.poll(() => verdict.textContent()).toMatch(/Broken at entry #40: entry #40 was edited: its hash does not match its content/);
    expect(await verdict.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(153, 27, 27)');
    await dialog.getByTestId('audit-who').fill('someone');
    await expect.poll(() => dialog.locator('tr.audit-bad').count()).toBe(1);
    await s.shot('91-audit-broken');
  });
});
