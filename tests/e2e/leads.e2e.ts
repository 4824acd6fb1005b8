// Leads in the window: importing the demo bundle through the UI ends with a notification of
// what is new (toast and sidebar badge); the inbox ranks the leads, a lead is dismissed
// with a reason, another is opened on a board of its own, and Trends draws crossings per
// port per day with the unusual days in red.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/backend/demo/generate';
import { tmpDir } from '../fixtures/bundle-builder';
import { call } from '../helpers/case';
import { openSession, type Session } from './harness';

interface Cy { nodes(sel?: string): { length: number; map<T>(fn: (n: { data(k: string): unknown }) => T): T[] } }
/** Toasts off the picture before a screenshot. */
const clearToasts = async (s: Session) => {
  for (const b of await s.page.getByTestId('toast').getByLabel('Dismiss').all()) await b.click().catch(() => undefined);
};
const cyNodeIds = (s: Session) => s.page.evaluate(() => (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy.nodes('[nodeId]').map((n) => n.data('nodeId') as number));

describe('Leads: notification, inbox, trends', () => {
  let s: Session;
  let bundle: string;
  beforeAll(async () => {
    const dir = tmpDir();
    bundle = path.join(dir, 'demo');
    await generateDemo({ out: bundle, seed: 7 });
    s = await openSession({ db: path.join(dir, 'leads.crosslink') });
  }, 180_000);
  afterAll(async () => s?.close());

  it('tells the analyst what is new after an import: a toast and a badge', async () => {
    const { page } = s;
    await page.getByTestId('status-bar').getByText('leads.crosslink').waitFor();
    await page.getByTestId('leads-list').waitFor();
    expect(await page.getByTestId('leads-badge').count()).toBe(0);
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-import').click();
    await page.getByTestId('file-path-input').fill(bundle);
    await page.getByTestId('file-path-input').press('Enter');
    await page.getByTestId('file-dialog-confirm').click();
    const toast = page.getByTestId('toast').filter({ hasText: /\d+ new leads?/ });
    await toast.waitFor({ timeout: 90_000 });
    const text = (await toast.textContent()) ?? '';
    const top = await call(s.host.backend, 'leads.list', { status: ['new'], limit: 1, offset: 0 });
    expect(text).toContain(top.leads[0].title.slice(0, 40));
    const badge = page.getByTestId('leads-badge');
    await expect.poll(async () => Number(await badge.textContent())).toBe(top.unseen);
    expect(top.unseen).toBeGreaterThan(0);
    expect(await page.getByTestId('lead-side-row').count()).toBeGreaterThan(0);
    await page.getByTestId('import-report').waitFor();
    await s.shot('70-leads-toast');
    await page.keyboard.press('Escape');
  });

  it('ranks leads in the inbox and dismisses one with a reason', async () => {
    const { page } = s;
    await page.getByTestId('leads-badge').click();
    const inbox = page.getByTestId('leads-inbox');
    await inbox.getByTestId('lead-row').first().waitFor();
    const scores = await inbox.getByTestId('lead-row').locator('.lead-score-n').allTextContents();
    expect(scores.map(Number)).toEqual([...scores.map(Number)].sort((a, b) => b - a));
    expect(await inbox.getByTestId('lead-kind-filter').locator('button').count()).toBeGreaterThan(2);
    await inbox.getByTestId('lead-sources').locator('td.mono').first().waitFor();
    expect(await inbox.getByTestId('lead-sources').locator('td.mono').first().textContent()).toMatch(/TECS-EXP-\S+ · \w+\.csv:\d+/);
    await clearToasts(s);
    await s.shot('71-leads-inbox');

    // The second lead: down arrow, D, a reason.
    const before = await inbox.getByTestId('lead-row').count();
    await page.keyboard.press('ArrowDown');
    const second = inbox.getByTestId('lead-row').nth(1);
    await expect.poll(() => second.getAttribute('aria-selected')).toBe('true');
    const id = Number(await second.getAttribute('data-lead-id'));
    await page.keyboard.press('d');
    await inbox.getByTestId('lead-dismiss-reason').waitFor();
    expect(await inbox.getByTestId('lead-dismiss-confirm').isDisabled()).toBe(true);
    await inbox.getByTestId('lead-dismiss-reason').fill('Known commuter, cleared by the port in 2024');
    await inbox.getByTestId('lead-dismiss-reason').press('Enter');
    await expect.poll(() => inbox.locator(`[data-testid="lead-row"][data-lead-id="${id}"]`).count()).toBe(0);
    expect(await inbox.getByTestId('lead-row').count()).toBe(before - 1);
    const stored = await call(s.host.backend, 'leads.get', { id });
    expect(stored.status).toBe('dismissed');
    expect(stored.reason).toBe('Known commuter, cleared by the port in 2024');
    // Shown again on demand, with its reason.
    await inbox.getByTestId('lead-status-dismissed').click();
    await inbox.locator(`[data-testid="lead-row"][data-lead-id="${id}"]`).click();
    await expect.poll(async () => (await inbox.getByTestId('lead-reason').textContent()) ?? '').toContain('Known commuter');
    await inbox.getByTestId('lead-status-dismissed').click();
    // Reviewed with R leaves the lead in the list, marked.
    await inbox.getByTestId('lead-row').first().click();
    const firstId = Number(await inbox.getByTestId('lead-row').first().getAttribute('data-lead-id'));
    await page.keyboard.press('r');
    await expect.poll(async () => (await call(s.host.backend, 'leads.get', { id: firstId })).status).toBe('reviewed');
    await expect.poll(async () => Number(await page.getByTestId('leads-badge').textContent())).toBe((await call(s.host.backend, 'leads.list', { limit: 1, offset: 0 })).unseen);
  });

  it('opens a lead on a new board with its evidence', async () => {
    const { page } = s;
    const inbox = page.getByTestId('leads-inbox');
    const row = inbox.getByTestId('lead-row').first();
    await row.click();
    const id = Number(await row.getAttribute('data-lead-id'));
    const lead = await call(s.host.backend, 'leads.get', { id });
    await page.keyboard.press('o');
    await inbox.waitFor({ state: 'detached' });
    const current = page.getByTestId('boards-list').locator('.board-row.current');
    await expect.poll(async () => (await current.textContent()) ?? '').toContain(`Lead ${id}:`);
    await expect.poll(async () => (await cyNodeIds(s)).length).toBe(lead.evidence.nodes.length);
    const onCanvas = new Set(await cyNodeIds(s));
    for (const e of lead.entities) expect(onCanvas.has(e.id)).toBe(true);
    await page.waitForTimeout(1200); // the layout settles
    await clearToasts(s);
    await s.shot('72-lead-on-board');
  });

  it('draws crossings per port per day with the unusual days in red', async () => {
    const { page } = s;
    await page.getByTestId('leads-open-inbox').click();
    await page.getByTestId('leads-inbox').getByText('Trends…').click();
    const dialog = page.getByTestId('trends-dialog');
    await dialog.getByTestId('trend-chart').waitFor({ timeout: 30_000 });
    const trends = await call(s.host.backend, 'trends.ports', { top: 12, threshold: 3.5 });
    expect(await dialog.getByTestId('trend-row').count()).toBe(trends.ports.length);
    const anomalies = trends.ports.reduce((n, p) => n + p.anomalies.length, 0);
    expect(await dialog.getByTestId('trend-anomaly').count()).toBe(anomalies);
    expect(await dialog.getByTestId('trend-summary').textContent()).toMatch(/\d+ ports from \d{4}-\d{2}-\d{2}/);
    await clearToasts(s);
    await s.shot('73-trends');
  });
});
