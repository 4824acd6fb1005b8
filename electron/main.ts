// Electron only: the window, its security settings, menus, and the IPC transport.
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Notification, session, shell } from 'electron';
import type { EventPayload } from '../shared/contract';
import { Backend } from './backend/api';
import { crosslinkHome, ensureDemoCase } from './backend/demo-case';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc';
import { ElectronBriefRenderer } from './brief-renderer';
import { sameFingerprint } from './backend/session/tls';

// wss: the host's window joins the review session it hosts over the session's TLS port, on
// whichever address the host bound it to (the certificate is pinned in setCertificateVerifyProc).
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const here = path.dirname(fileURLToPath(import.meta.url));

/** A native notification when an import brings new leads or watch-rule news. */
function notifyLeads(p: EventPayload<'leads.updated'>): void {
  if (!Notification.isSupported()) return;
  const fresh = p.added + p.reopened;
  const news = p.watches.reduce((s, w) => s + w.news.length, 0);
  if (!fresh && !news) return;
  const body = [
    ...(fresh ? [`${fresh} new lead${fresh === 1 ? '' : 's'}${p.top[0] ? `: ${p.top[0].title}` : ''}`] : []),
    ...p.watches.slice(0, 3).map((w) => `${w.label}: ${w.news[0]}${w.news.length > 1 ? ` (+${w.news.length - 1})` : ''}`),
  ].join('\n');
  new Notification({ title: 'Crosslink: new since the last import', body }).show();
}
let backend: Backend | null = null;
/** Session servers joined from this workstation: origin -> the fingerprint their join link gave. */
const pinned = new Map<string, string>();

function joinPin(url: string): { origin: string; fingerprint: string } | null {
  try {
    const u = new URL(url);
    const fp = new URLSearchParams(u.hash.slice(1)).get('fp');
    return u.protocol === 'https:' && u.pathname === '/join' && fp ? { origin: u.origin, fingerprint: fp } : null;
  } catch {
    return null;
  }
}

async function createWindow(): Promise<void> {
  const demoCase = await ensureDemoCase(crosslinkHome()).catch(() => null);
  backend = new Backend({ host: 'electron', version: app.getVersion(), demoCase, homeDir: crosslinkHome(), briefRenderer: () => new ElectronBriefRenderer() });
  if (demoCase) await backend.handle('case.open', { path: demoCase });

  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Crosslink',
    webPreferences: {
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  // Navigation and new windows are denied; external links open in the system browser, except
  // a review session's join link: it opens in a window of its own (no preload, sandboxed) that
  // trusts only the certificate whose fingerprint the link carries.
  win.webContents.setWindowOpenHandler(({ url }) => {
    const pin = joinPin(url);
    if (pin) {
      pinned.set(pin.origin, pin.fingerprint);
      return { action: 'allow', overrideBrowserWindowOptions: { width: 1440, height: 900, title: 'Crosslink review session', webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } } };
    }
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  backend.on((event, payload) => {
    if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event, payload);
    if (event === 'leads.updated') notifyLeads(payload as EventPayload<'leads.updated'>);
  });
  await win.loadFile(path.join(here, '../renderer/index.html'));
}

app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  // A review session's certificate is self-signed: trusted when its SHA-256 is the hosted
  // session's own fingerprint or the one a join link opened here gave for that host,
  // otherwise judged by Chromium as usual.
  session.defaultSession.setCertificateVerifyProc((req, callback) => {
    const own = backend?.sessions.status()?.fingerprint;
    const joined = [...pinned].filter(([origin]) => new URL(origin).hostname === req.hostname).map(([, fp]) => fp);
    let trusted = false;
    try {
      const seen = new crypto.X509Certificate(req.certificate.data).fingerprint256;
      trusted = [own, ...joined].some((fp) => !!fp && sameFingerprint(seen, fp));
    } catch {
      trusted = false;
    }
    callback(trusted ? 0 : -3);
  });
  ipcMain.handle(CALL_CHANNEL, (_e, name: unknown, input: unknown) => backend!.handle(String(name), input));
  void createWindow();
});

app.on('window-all-closed', async () => {
  await backend?.close();
  app.quit();
});
