// Electron only: briefs drawn by the app's own Chromium, so a workstation needs no separate
// browser. A hidden, sandboxed window with scripts off loads the self-contained page from a
// data: URL; printToPDF makes the PDF (CSS page boxes carry the handling banner) and
// capturePage the chart PNG.
import { BrowserWindow } from 'electron';
import type { BriefRenderer } from './backend/brief/model';

function hiddenWindow(width: number, height: number): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width,
    height,
    useContentSize: true,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, offscreen: true },
  });
}

async function load(win: BrowserWindow, html: string): Promise<void> {
  // Nothing but the page itself: every request other than data: is refused.
  win.webContents.session.webRequest.onBeforeRequest((d, cb) => cb({ cancel: !d.url.startsWith('data:') }));
  await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
}

export class ElectronBriefRenderer implements BriefRenderer {
  async pdf(html: string): Promise<Buffer> {
    const win = hiddenWindow(1240, 1754);
    try {
      await load(win, html);
      return await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true });
    } finally {
      win.destroy();
    }
  }

  async png(svg: string, width: number, height: number): Promise<Buffer> {
    const win = hiddenWindow(width, height);
    try {
      await load(win, `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}</style></head><body>${svg}</body></html>`);
      return (await win.webContents.capturePage({ x: 0, y: 0, width, height })).toPNG();
    } finally {
      win.destroy();
    }
  }

  async close(): Promise<void> {}
}
