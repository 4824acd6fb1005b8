// A small file browser for the renderer's open/import dialogs: the browser host cannot
// hand the renderer real paths, so both hosts use the same listing through the contract.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DirEntry } from '../../shared/contract';
import { AppError } from './errors';

export function listDir(dir: string | undefined, fallback: string): { path: string; parent: string | null; entries: DirEntry[] } {
  const target = path.resolve(dir && dir.trim() ? dir : fallback || os.homedir());
  let names: fs.Dirent[];
  try {
    names = fs.readdirSync(target, { withFileTypes: true });
  } catch (e) {
    throw new AppError('not_found', `Cannot list ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  const entries: DirEntry[] = [];
  for (const d of names) {
    if (d.name.startsWith('.')) continue;
    const full = path.join(target, d.name);
    let st: fs.Stats;
    try {
      st = fs.statSync(full);
    } catch {
      continue;
    }
    const isDir = st.isDirectory();
    const isBundle = isDir ? fs.existsSync(path.join(full, 'manifest.json')) : d.name.toLowerCase().endsWith('.zip');
    entries.push({ name: d.name, path: full, type: isDir ? 'dir' : 'file', size: st.size, isBundle });
  }
  entries.sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'dir' ? -1 : 1));
  const parent = path.dirname(target);
  return { path: target, parent: parent === target ? null : parent, entries };
}
