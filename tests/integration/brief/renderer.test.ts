// The Chromium renderer: found where an analyst's machine has it, and fetching nothing even
// when the page it is handed asks to.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumRenderer, findChromium } from '../../../electron/backend/brief/chromium-renderer';

describe('findChromium', () => {
  it('takes CROSSLINK_CHROMIUM first, and says when it points nowhere', () => {
    expect(findChromium({ CROSSLINK_CHROMIUM: process.execPath })).toBe(process.execPath);
    expect(() => findChromium({ CROSSLINK_CHROMIUM: '/nowhere/chrome' })).toThrow(/CROSSLINK_CHROMIUM is set to \/nowhere\/chrome/);
  });

  it('falls back to google-chrome on the PATH, and names what to install when there is none', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosslink-path-'));
    try {
      expect(() => findChromium({ PATH: dir }, ['/nowhere/chromium'])).toThrow(/apt-get install chromium.*CROSSLINK_CHROMIUM/);
      try {
        findChromium({ PATH: dir }, []);
      } catch (err) {
        expect(err).toMatchObject({ name: 'AppError', code: 'io_error' });
      }
      const chrome = path.join(dir, 'google-chrome');
      fs.writeFileSync(chrome, '#!/bin/sh\n', { mode: 0o755 });
      expect(findChromium({ PATH: dir }, ['/nowhere/chromium'])).toBe(chrome);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});

describe('ChromiumRenderer', () => {
  let server: http.Server;
  let hits: string[];
  let base: string;
  let renderer: ChromiumRenderer;

  beforeAll(async () => {
    hits = [];
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    renderer = new ChromiumRenderer();
  });

  afterAll(async () => {
    await renderer?.close();
    server?.close();
  });

  it('prints a page that asks for the network without fetching anything', async () => {
    const html = `<!doctype html><html><head><link rel="stylesheet" href="${base}/style.css"><style>@import url("${base}/import.css"); body { background: url(${base}/bg.png); } @font-face { font-family: X; src: url(${base}/font.woff); } p { font-family: X; }</style><script src="${base}/script.js"></script></head>
      <body><p>Hello</p><img src="${base}/img.png"><iframe src="${base}/frame.html"></iframe><object data="${base}/obj"></object></body></html>`;
    const pdf = await renderer.pdf(html);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(hits).toEqual([]);
  });

  it('draws an SVG to a PNG of the asked size, external images left out', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"><rect width="320" height="200" fill="#1e3a8a"/><image href="${base}/pic.png" width="10" height="10"/></svg>`;
    const png = await renderer.png(svg, 320, 200);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([320, 200]);
    expect(hits).toEqual([]);
  });

  it('can be closed and used again', async () => {
    await renderer.close();
    const png = await renderer.png('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', 10, 10);
    expect(png.readUInt32BE(16)).toBe(10);
  });
});

describe('ChromiumRenderer that cannot start', () => {
  it('says which program failed, as an AppError', async () => {
    const r = new ChromiumRenderer('/bin/false');
    await expect(r.pdf('<p>x</p>')).rejects.toMatchObject({ name: 'AppError', code: 'io_error', message: expect.stringContaining('Chromium at /bin/false could not start') });
    await r.close();
  });
});
