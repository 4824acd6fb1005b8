// Electron only: the window, its security settings, menus, and the IPC transport.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { Backend } from './backend/api';
import { crosslinkHome, ensureDemoCase } from './backend/demo-case';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const here = path.dirname(fileURLToPath(import.meta.url));
let backend: Backend | null = null;

async function createWindow(): Promise<void> {
  const demoCase = await ensureDemoCase(crosslinkHome()).catch(() => null);
  backend = new Backend({ host: 'electron', version: app.getVersion(), demoCase, homeDir: crosslinkHome() });
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
  // Navigation and new windows are denied; external links open in the system browser.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  backend.on((event, payload) => {
    if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event, payload);
  });
  await win.loadFile(path.join(here, '../renderer/index.html'));
}

app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ipcMain.handle(CALL_CHANNEL, (_e, name: unknown, input: unknown) => backend!.handle(String(name), input));
  void createWindow();
});

app.on('window-all-closed', async () => {
  await backend?.close();
  app.quit();
});
