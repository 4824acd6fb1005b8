// Agency access and briefing packages in the window. A case is created with its analyst
// (the New case dialog asks for one); the title bar names them. Members of the demo's
// smuggling cell and a person with an ICE ORCON record go on the board; Brief > Export
// package writes it for CBP analysts, shows the files with their checksums, and verifies
// it; a copy with one byte changed fails verification. Then the same case is opened by a
// host acting as CBP: the window says so, and the ICE ORCON record is a pointer.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/api';
import { generateDemo } from '../../electron/backend/demo/generate';
import { startWebHost, type WebHost } from '../../electron/host/web';
import type { NodeRef } from '../../shared/model';
import { tmpDir } from '../fixtures/bundle-builder';
import { call, runImport } from '../helpers/case';
import { launchChromium, openSession, SCREENSHOTS, type Session } from './harness';

interface CyEl { id(): string; data(k: string): unknown; select(): void }
interface Cy { nodes(sel?: string): CyEl[] & { length: number }; edges(sel?: string): CyEl[] & { length: number }; elements(): { unselect(): void }; getElementById(id: string): CyEl & { length: number } }

const ORTEGA = { name: 'R. Ortega', agency: 'ICE' as const };

async function addBySearch(page: Page, query: string, nodeId: number): Promise<void> {
  await page.getByTestId('search-input').fill(query);
  await page.getByTestId('search-result').filter({ hasText: 'Person (resolved)' }).first().click();
  await expect.poll(() => page.evaluate((id) => (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy.getElementById(`n${id}`).length, nodeId)).toBe(1);
}

async function select(page: Page, cyIds: string[]): Promise<void> {
  await page.evaluate((ids) => {
    const cy = (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy;
    cy.elements().unselect();
    for (const id of ids) cy.getElementById(id).select();
    (document.activeElement as HTMLElement | null)?.blur();
  }, cyIds);
}

async function briefMenu(page: Page, item: 'export' | 'verify'): Promise<void> {
  await page.getByTestId('menu-brief').click();
  await page.getByTestId(`menu-item-brief.${item}`).click();
}

/** A person of the case with readable records and one ICE ORCON subject record: a CBP
 * analyst sees the person, partly, and a pointer where the ORCON record is. */
function partlyWithheldPerson(db: string): { id: number; key: string } {
  const d = new Database(db, { readonly: true });
  try {
    const row = d.prepare(`
      SELECT p.id AS id, p.key AS key FROM node p
      JOIN link l ON l.kind = 'resolved_as' AND l.dst = p.id JOIN node s ON s.id = l.src
      WHERE p.kind = 'person' GROUP BY p.id
      HAVING sum(s.agency = 'ICE' AND s.handling = 'ORCON') = 1 AND sum(s.handling = 'SHARED') >= 2
      ORDER BY count(*) DESC, p.id LIMIT 1`).get() as { id: number; key: string } | undefined;
    if (!row) throw new Error('the demo has no person with an ICE ORCON record and shared ones');
    return row;
  } finally {
    d.close();
  }
}

/** The browser host started with `--as CBP`, in Chromium; the harness's session cannot pass it. */
async function openAsCbp(db: string): Promise<{ host: WebHost; context: BrowserContext; page: Page; errors: string[]; frames: string[] }> {
  const host = await startWebHost({ port: 0, homeDir: tmpDir('crosslink-home-'), db, checkOutput: true, actAs: 'CBP' });
  const context = await launchChromium();
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Every frame the host sends this page: what CBP's browser receives, whatever it shows.
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
  await page.goto(host.url);
  return { host, context, page, errors, frames };
}

describe('Brief: analyst profiles, packages for another agency, pointers', () => {
  let s: Session | null = null;
  let db: string;
  let cell: NodeRef[];
  let partly: { id: number; key: string };
  let written: string;
  let planted: { orcon_canary: string; orcon_case_id: string };
  beforeAll(async () => {
    const dir = tmpDir();
    const demo = path.join(dir, 'demo');
    await generateDemo({ out: demo, seed: 7 });
    const truth = JSON.parse(fs.readFileSync(`${demo}.truth/planted.json`, 'utf8')) as { network: { record_ids: string[] }; orcon_canary: string; orcon_case_id: string };
    planted = truth;
    db = path.join(dir, 'q4.crosslink');
    const b = new Backend({ host: 'cli', version: 'test', dataDir: dir, backup: { intervalMinutes: 0 } });
    await call(b, 'case.create', { path: db, name: 'EL PASO Q4', profile: ORTEGA });
    await runImport(b, demo);
    const recs = truth.network.record_ids;
    const r = await call(b, 'graph.path', { from: recs[0], to: recs[recs.length - 1], k: 1, maxHops: 6 });
    cell = [r.from, r.to];
    await b.close();
    partly = partlyWithheldPerson(db);
    s = await openSession({ db });
  }, 180_000);
  afterAll(async () => s?.close());

  it('asks for the analyst and their agency when a case is created', async () => {
    const page = s!.page;
    await page.getByTestId('status-bar').getByText('q4.crosslink').waitFor();
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-new-case').click();
    await page.getByTestId('new-case-name').fill('EL PASO Q1 review');
    await page.getByTestId('profile-needed').waitFor();
    expect(await page.getByTestId('file-dialog-confirm').isDisabled()).toBe(true);
    await page.getByTestId('new-case-analyst').fill('R. Ortega');
    await page.getByTestId('new-case-agency').getByText('ICE').click();
    expect(await page.getByTestId('file-dialog-confirm').isEnabled()).toBe(true);
    await s!.shot('80-new-case-profile');
    await page.keyboard.press('Escape');
  });

  it('names the case and its analyst in the title bar', async () => {
    const page = s!.page;
    expect(await page.title()).toBe('Crosslink — case EL PASO Q4 (ICE analyst R. Ortega)');
    expect(await page.getByTestId('case-title').textContent()).toContain('(ICE analyst R. Ortega)');
    expect(await page.getByTestId('viewing-as').count()).toBe(0);
  });

  it('writes a package of the board for CBP analysts, lists its files and verifies it', async () => {
    const page = s!.page;
    for (const p of cell) await addBySearch(page, p.sourceId!, p.id);
    await addBySearch(page, partly.key, partly.id);
    // Its records join the board, the ICE ORCON one among them: CBP may not read that one.
    await select(page, [`n${partly.id}`]);
    await page.keyboard.press('e');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy.nodes().length), { timeout: 20_000 }).toBeGreaterThan(4);

    await briefMenu(page, 'export');
    const dialog = page.getByTestId('brief-dialog');
    expect(await dialog.getByTestId('brief-title').inputValue()).toBe('Working board');
    await dialog.getByTestId('brief-title').fill('Smuggling cell, EL PASO Q4');
    await dialog.getByTestId('brief-summary').fill('Two members of the cell and a person ICE also holds a record on. Please check your crossings for them.');
    await dialog.getByTestId('brief-audience').getByText('CBP analysts').click();
    await dialog.getByTestId('brief-write').click();
    const result = dialog.getByTestId('brief-result');
    await result.waitFor({ timeout: 90_000 });

    written = ((await result.getByTestId('brief-file').textContent()) ?? '').trim();
    expect(written).toMatch(/\.zip$/);
    expect(fs.existsSync(written)).toBe(true);
    expect(await result.getByTestId('brief-files').locator('tbody tr').count()).toBeGreaterThan(1);
    expect(await result.getByTestId('brief-withheld').textContent()).toMatch(/withheld for CBP/);
    expect(await result.getByTestId('brief-withheld').textContent()).not.toMatch(/^Nothing withheld/);
    await result.getByTestId('brief-verify').click();
    await expect.poll(async () => (await result.getByTestId('brief-verify-result').textContent()) ?? '', { timeout: 30_000 }).toMatch(/^Verified: \d+ files/);
    await s!.shot('81-brief-result');
    await page.keyboard.press('Escape');
  });

  it('verifies a package chosen in Brief > Verify a package…, and names what is wrong with a changed one', async () => {
    const page = s!.page;
    const changed = written.replace(/\.zip$/, '-changed.zip');
    const bytes = fs.readFileSync(written);
    // A byte in the middle of the archive: inside some file's stored content.
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    fs.writeFileSync(changed, bytes);

    // The dialog opens on the briefs/ folder beside the case, where both packages are.
    await briefMenu(page, 'verify');
    const dialog = page.getByTestId('brief-verify-dialog');
    const entry = (file: string) => dialog.getByRole('option').filter({ hasText: new RegExp(`^${path.basename(file).replace(/[.]/g, '\\.')}`) });
    await entry(written).click();
    await dialog.getByTestId('brief-verify-confirm').click();
    await expect.poll(async () => (await dialog.getByTestId('brief-verify-result').textContent()) ?? '', { timeout: 30_000 }).toMatch(/^Verified/);

    await entry(changed).click();
    await dialog.getByTestId('brief-verify-confirm').click();
    await expect.poll(async () => (await dialog.getByTestId('brief-verify-result').textContent()) ?? '', { timeout: 30_000 }).toMatch(/Not verified|Could not read/);
    await s!.shot('82-brief-verify-changed');
    await page.keyboard.press('Escape');
  });

  it('shows a host acting as CBP that it is, and the ICE ORCON record as a pointer', async () => {
    // One host at a time on the case file.
    await s!.close();
    s = null;
    const cbp = await openAsCbp(db);
    const { page } = cbp;
    try {
      await page.getByTestId('status-bar').getByText('q4.crosslink').waitFor();
      expect(await page.title()).toBe('Crosslink — case EL PASO Q4 (ICE analyst R. Ortega) — viewing as CBP');
      expect(await page.getByTestId('viewing-as').textContent()).toBe('Viewing as CBP');

      // The board comes back as CBP may see it: the ORCON record is a pointer now.
      await expect.poll(() => page.evaluate(() => (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy.nodes('[kind = "pointer"]').length), { timeout: 20_000 }).toBeGreaterThan(0);
      const [pointer] = await page.evaluate(() => (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy.nodes('[kind = "pointer"]').map((n) => n.id()));
      expect(await page.evaluate(() => (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy.edges('[kind = "withheld"]').length)).toBeGreaterThan(0);
      // The person is partly withheld: a padlock badge and a sentence in the details.
      expect(await page.evaluate((id) => (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy.getElementById(id).data('partial'), `n${partly.id}`)).toBe(true);
      await select(page, [`n${partly.id}`]);
      await expect.poll(async () => (await page.getByTestId('withheld-note').textContent()) ?? '', { timeout: 10_000 }).toMatch(/^1 record withheld: ICE holds it/);

      await select(page, [pointer]);
      const card = page.getByTestId('pointer-card');
      await card.waitFor();
      expect(await card.textContent()).toMatch(/Withheld under handling rules — ICE holds a record\. Contact: \S/);
      await page.screenshot({ path: path.join(SCREENSHOTS, '83-cbp-pointer.png') });

      // Searching the canary and the ORCON case's id: "hit", a pointer, and not one frame
      // the host sent this page holds the canary.
      for (const q of [planted.orcon_canary, planted.orcon_case_id]) {
        await page.getByTestId('search-input').fill(q);
        await page.getByTestId('search-result').first().waitFor();
        expect(await page.getByTestId('search-result').first().textContent()).toMatch(/ICE holds/);
      }
      await page.getByTestId('search-result').first().click();
      await page.waitForTimeout(500);
      expect(cbp.frames.length).toBeGreaterThan(5);
      expect(cbp.frames.filter((f) => f.includes(planted.orcon_canary))).toEqual([]);
      expect(cbp.errors).toEqual([]);
    } finally {
      await cbp.context.close();
      await cbp.host.close();
    }
  });
});
