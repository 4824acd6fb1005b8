// The foundation's whole path in a real browser: create a case, import the demo bundle
// through the UI, search, open, expand, read provenance; a request without token gets 401.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/backend/demo/generate';
import { tmpDir } from '../fixtures/bundle-builder';
import { launchChromium, openSession, type Session } from './harness';

describe('foundation, end to end in Chromium', () => {
  let s: Session;
  let bundle: string;
  let subject: { recordId: string; last: string; first: string };

  beforeAll(async () => {
    bundle = path.join(tmpDir(), 'demo-bundle');
    await generateDemo({ out: bundle, seed: 7 });
    const lines = fs.readFileSync(path.join(bundle, 'subjects.csv'), 'utf8').split('\n');
    const header = lines[0].split(',');
    // a plain SHARED subject whose name needs no quoting
    const row = lines.slice(1).map((l) => l.split(',')).find((c) => c.length === header.length && c[header.indexOf('handling')] === 'SHARED' && /^[A-Z]+$/.test(c[header.indexOf('last_name')]))!;
    subject = { recordId: row[header.indexOf('record_id')], last: row[header.indexOf('last_name')], first: row[header.indexOf('first_name')] };
    s = await openSession();
  });
  afterAll(async () => s?.close());

  it('starts with no case and says what to do', async () => {
    await s.page.getByTestId('empty-state').waitFor();
    await s.shot('01-empty');
  });

  it('creates a case through File > New case', async () => {
    const { page } = s;
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-new-case').click();
    await page.getByTestId('file-dialog').waitFor();
    await page.getByTestId('new-case-name').fill('E2E case');
    await page.getByTestId('new-case-analyst').fill('E2E analyst');
    await page.getByTestId('new-case-agency').getByText('ICE').click();
    await page.getByTestId('new-case-file').fill(path.join(s.home, 'e2e.crosslink'));
    await page.getByTestId('file-dialog-confirm').click();
    await page.getByTestId('status-bar').getByText('e2e.crosslink').waitFor();
    expect(fs.existsSync(path.join(s.home, 'e2e.crosslink'))).toBe(true);
  });

  it('imports the demo bundle through File > Import bundle with progress and a report', async () => {
    const { page } = s;
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-import').click();
    await page.getByTestId('file-dialog').waitFor();
    await page.getByTestId('file-path-input').fill(bundle);
    await page.getByTestId('file-path-input').press('Enter');
    await page.getByTestId('file-dialog-confirm').click();
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    await expect.poll(async () => report.textContent()).toMatch(/crossings\.csv/);
    const text = (await report.textContent()) ?? '';
    expect(text).toMatch(/rejected/i);
    expect(text).toMatch(/subjects\.csv/);
    await s.shot('02-import-report');
    const download = page.waitForEvent('download');
    await page.getByTestId('report-save-csv').click();
    const csv = fs.readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('file,line,column,reason');
    expect(csv).toMatch(/impossible date/);
    await page.keyboard.press('Escape');
    await report.waitFor({ state: 'hidden' });
  });

  it('finds a subject by name, puts it on the canvas, shows provenance', async () => {
    const { page } = s;
    await page.getByTestId('search-input').fill(`${subject.last} ${subject.first}`);
    const hit = page.getByTestId('search-result').filter({ hasText: subject.recordId }).filter({ hasText: 'Subject record' });
    await hit.first().click();
    const details = page.getByTestId('details-panel');
    await details.getByText(subject.recordId).first().waitFor();
    const rows = details.getByTestId('attr-row');
    expect(await rows.count()).toBeGreaterThan(5);
    const prov = await details.getByTestId('provenance').first().textContent();
    expect(prov).toMatch(/TECS-EXP-/);
    expect(prov).toMatch(/subjects\.csv:\d+/);
    expect(await page.evaluate(() => (window as unknown as { __crosslinkCy: { nodes(): { length: number } } }).__crosslinkCy.nodes().length)).toBe(1);
  });

  it('double-click expands the neighbours', async () => {
    const { page } = s;
    await page.evaluate(() => {
      const cy = (window as unknown as { __crosslinkCy: { nodes(): { emit(e: string): void }[] & { emit(e: string): void } } }).__crosslinkCy;
      cy.nodes().emit('dbltap');
    });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __crosslinkCy: { nodes(): { length: number } } }).__crosslinkCy.nodes().length), { timeout: 15_000 })
      .toBeGreaterThan(1);
    await page.getByTestId('legend').waitFor();
    await page.waitForTimeout(800);
    await s.shot('03-expanded');
  });

  it('refuses requests without the token', async () => {
    expect((await fetch(`${s.host.origin}/`)).status).toBe(401);
    const stranger = await launchChromium();
    try {
      const page = stranger.pages()[0] ?? (await stranger.newPage());
      const res = await page.goto(s.host.origin);
      expect(res?.status()).toBe(401);
    } finally {
      await stranger.close();
    }
  });
});
