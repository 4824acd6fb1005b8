// The BriefRenderer of the command line and the browser host: the system's Chromium driven by
// playwright-core (no browser download of its own). Electron brings its own (printToPDF).
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { AppError } from '../errors';
import type { BriefRenderer } from './model';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const KNOWN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const ON_PATH = ['google-chrome', 'google-chrome-stable'];

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** CROSSLINK_CHROMIUM, else a system Chromium, else Google Chrome on the PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, knownPaths: readonly string[] = KNOWN_PATHS): string {
  const chosen = env.CROSSLINK_CHROMIUM?.trim();
  if (chosen) {
    if (isExecutable(chosen)) return chosen;
    throw new AppError('io_error', `CROSSLINK_CHROMIUM is set to ${chosen}, which is not an executable file. Point it at a Chromium or Chrome binary, or unset it.`);
  }
  for (const file of knownPaths) if (isExecutable(file)) return file;
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of ON_PATH) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  throw new AppError(
    'io_error',
    'Writing a briefing package needs Chromium to draw the PDF and the chart, and none was found ' +
      '(looked for /usr/bin/chromium, /usr/bin/chromium-browser and google-chrome on the PATH). ' +
      'Install it (Debian/Ubuntu: apt-get install chromium) or set CROSSLINK_CHROMIUM to its path.',
  );
}

const DOCTYPE = '<!doctype html><html><head><meta charset="utf-8"></head>';

export class ChromiumRenderer implements BriefRenderer {
  private browser: Promise<Browser> | null = null;
  private context: Promise<BrowserContext> | null = null;

  constructor(private readonly executablePath: string = findChromium()) {}

  /** Started on first use and kept for the next page: launching costs most of a second. */
  private open(): Promise<BrowserContext> {
    if (!this.context) {
      // Playwright's launch gives the browser a fresh temporary profile and removes it on close.
      this.browser = chromium.launch({ executablePath: this.executablePath, args: ARGS, timeout: 60_000 }).catch((err: Error) => {
        const why = err.message.split('\n').find((l) => l.trim()) ?? String(err);
        throw new AppError('io_error', `Chromium at ${this.executablePath} could not start, so the brief cannot be drawn: ${why}`);
      });
      this.context = this.browser.then(async (b) => {
        // Pages are self-contained: scripts off, offline, and any request but data: refused.
        const ctx = await b.newContext({ javaScriptEnabled: false, offline: true });
        await ctx.route(/.*/, (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient')));
        return ctx;
      });
      this.context.catch(() => {
        this.browser = null;
        this.context = null;
      });
    }
    return this.context;
  }

  async pdf(html: string): Promise<Buffer> {
    const page = await (await this.open()).newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: false });
    } finally {
      await page.close();
    }
  }

  async png(svg: string, width: number, height: number): Promise<Buffer> {
    const page = await (await this.open()).newPage();
    try {
      await page.setViewportSize({ width, height });
      // As an image the SVG cannot run script or reach anything, whatever it holds.
      const src = `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
      await page.setContent(`${DOCTYPE}<body style="margin:0;background:#fff"><img src="${src}" width="${width}" height="${height}" style="display:block"></body></html>`, { waitUntil: 'load' });
      return await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height } });
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    this.context = null;
    if (b) await (await b.catch(() => null))?.close();
  }
}
