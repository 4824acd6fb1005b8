// What the wizard's file pickers act on: the table (or folder / .zip of tables) to read, the
// spec file to load, the spec file to write. Pure, like dialogs/file-target.ts.
import type { DirEntry } from '../../../shared/contract';
import { TABLE_FILE, type Listing, type Target } from '../dialogs/file-target';
import { joinPath } from '../graph/paths';

const ABSOLUTE = /^(\/|[A-Za-z]:[\\/])/;

export function tableTarget(listing: Listing | null, selected: DirEntry | null, typed: string): Target | null {
  if (selected?.type === 'file' && TABLE_FILE.test(selected.name)) {
    return { path: selected.path, label: /\.zip$/i.test(selected.name) ? 'Read this .zip' : 'Read this table' };
  }
  if (selected?.type === 'dir') return { path: selected.path, label: 'Read this folder' };
  const t = typed.trim();
  if (t && t !== listing?.path) return { path: t, label: 'Read' };
  const tables = listing?.entries.filter((e) => e.type === 'file' && TABLE_FILE.test(e.name) && !/\.zip$/i.test(e.name)).length ?? 0;
  if (listing && tables > 0) return { path: listing.path, label: tables === 1 ? 'Read the table in this folder' : `Read all ${tables} tables in this folder` };
  return null;
}

/** Load spec…: a .json clicked in the list, or a path typed or pasted. */
export function specFileTarget(listing: Listing | null, selected: DirEntry | null, typed: string): string | null {
  if (selected?.type === 'file') return selected.path;
  const t = typed.trim();
  return t && t !== listing?.path && /\.json$/i.test(t) ? t : null;
}

/** Save spec…: the file name in the folder shown (or clicked), `.json` added; an absolute name stands alone. */
export function specSavePath(listing: Listing | null, selected: DirEntry | null, name: string): string | null {
  let n = name.trim();
  if (!n) return null;
  if (!/\.json$/i.test(n)) n = `${n}.json`;
  if (ABSOLUTE.test(n)) return n;
  if (/[\\/]/.test(n)) return null;
  const folder = selected?.type === 'dir' ? selected.path : listing?.path;
  return folder ? joinPath(folder, n) : null;
}

/** `people` -> `people.spec.json`: a name that says what the file is. */
export function defaultSpecName(specName: string): string {
  const stem = specName.trim().replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, '-').slice(0, 80) || 'import';
  return `${stem}.spec.json`;
}
