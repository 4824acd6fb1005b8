// Starts a browser host on a fresh home folder and Debian's Chromium against it.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startWebHost, type WebHost } from '../../electron/host/web';
import { tmpDir } from '../fixtures/bundle-builder';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('tests/e2e/screenshots');

export interface Session {
  host: WebHost;
  context: BrowserContext;
  page: Page;
  home: string;
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Debian's Chromium with a fresh profile (playwright-core passes it as --user-data-dir). */
export async function launchChromium(): Promise<BrowserContext> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (bash .ci/run does it)`);
  return chromium.launchPersistentContext(tmpDir('crosslink-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function openSession(opts: { db?: string; demoCase?: string | null } = {}): Promise<Session> {
  const home = tmpDir('crosslink-home-');
  const host = await startWebHost({ port: 0, homeDir: home, db: opts.db, demoCase: opts.demoCase ?? null, checkOutput: true });
  const context = await launchChromium();
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(host.url);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    host,
    context,
    page,
    home,
    shot: async (name) => {
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    close: async () => {
      await context.close();
      await host.close();
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    },
  };
}
