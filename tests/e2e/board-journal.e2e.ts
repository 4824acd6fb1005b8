// The board survives a killed backend: the analyst puts records on the canvas and expands
// them, the browser host process is SIGKILLed a second later, and when it is started again
// the same board is back, positions included, and the window says what it restored.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { Backend } from '../../electron/backend/api';
import { generateDemo } from '../../electron/backend/demo/generate';
import { tmpDir } from '../fixtures/bundle-builder';
import { call, runImport } from '../helpers/case';
import { launchChromium, SCREENSHOTS } from './harness';

const BIN = path.resolve('bin/crosslink.js');
type CyWindow = { __crosslinkCy: { nodes(): Array<{ id(): string; position(): { x: number; y: number } }> & { length: number; emit(e: string): void } } };

function startHost(db: string, home: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'web', '--db', db, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CROSSLINK_HOME: home, CROSSLINK_BACKUP_INTERVAL_MIN: '0' },
    });
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`web host exited ${code}: ${out}`)));
  });
}

const boardOf = (page: Page) =>
  page.evaluate(() => {
    const cy = (window as unknown as CyWindow).__crosslinkCy;
    return cy.nodes().map((n) => ({ id: n.id(), x: Math.round(n.position().x), y: Math.round(n.position().y) })).sort((a, b) => a.id.localeCompare(b.id));
  });

describe('the board journal', () => {
  let db: string;
  let home: string;
  let context: BrowserContext;
  let host: { child: ChildProcess; url: string } | null = null;

  beforeAll(async () => {
    const dir = tmpDir();
    home = path.join(dir, 'home');
    const demo = path.join(dir, 'demo');
    await generateDemo({ out: demo, seed: 7 });
    db = path.join(dir, 'journal.crosslink');
    const b = new Backend({ host: 'cli', version: 'test', dataDir: home, backup: { intervalMinutes: 0 } });
    await call(b, 'case.create', { path: db, name: 'Journal' });
    await runImport(b, demo);
    await b.close();
    context = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    host?.child.kill('SIGKILL');
    await context?.close();
  });

  it('restores the board after the backend is killed', async () => {
    host = await startHost(db, home);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(host.url);
    await page.getByTestId('status-bar').getByText('journal.crosslink').waitFor();
    await page.getByTestId('search-input').fill('EL PASO');
    await page.getByTestId('search-result').first().click();
    await expect.poll(() => page.evaluate(() => (window as unknown as CyWindow).__crosslinkCy.nodes().length)).toBe(1);
    await page.evaluate(() => (window as unknown as CyWindow).__crosslinkCy.nodes().emit('dbltap'));
    // A port has many neighbours: the summary asks first; take what it offers, or the graph.
    const summary = page.getByTestId('summary-dialog');
    await Promise.race([summary.waitFor({ timeout: 10_000 }).then(() => page.keyboard.press('Escape')).catch(() => {}), page.waitForTimeout(3000)]);
    const before = await boardOf(page);
    expect(before.length).toBeGreaterThanOrEqual(1);
    await page.waitForTimeout(1000); // the journal keeps at most the last second
    host.child.kill('SIGKILL');
    await new Promise((r) => host!.child.once('exit', r));

    host = await startHost(db, home);
    await page.goto(host.url);
    await page.getByText('Restored your board').first().waitFor({ timeout: 20_000 });
    await expect.poll(() => boardOf(page), { timeout: 10_000 }).toEqual(before);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(SCREENSHOTS, '30-board-restored.png') });
  }, 120_000);
});
