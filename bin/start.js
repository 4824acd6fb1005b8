#!/usr/bin/env node
// `npm start`: Electron where its binary is installed, otherwise the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The Electron binary, if it is on this machine. Read the way electron's index.js does,
 * without requiring it: since electron 38 a require() of the package tries to download a
 * missing binary, which here only prints a stack trace.
 */
function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const pathFile = join(dir, 'path.txt');
    const exe = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
    if (override) return join(override, exe || 'electron');
    if (!exe) return null;
    const full = join(dir, 'dist', exe);
    return existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

const run = (cmd, args) => {
  const child = spawn(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
};

const bin = electronBinary();
if (bin) {
  const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  run(bin, ['.']);
} else {
  console.log('Electron is not installed on this machine (its binary could not be downloaded); starting the browser host instead.');
  run('npm', ['run', 'web']);
}
