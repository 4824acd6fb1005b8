// What the file dialog's confirm button would act on, from the listing, the selected entry
// and the typed path. Pure, so the rules are tested without a browser.
import type { DirEntry } from '../../../shared/contract';

export type FileMode = 'open' | 'import';

export interface Listing {
  path: string;
  parent: string | null;
  entries: DirEntry[];
}

export interface Target {
  path: string;
  label: string;
}

export const CASE_FILE = /\.(crosslink|sqlite|db)$/i;

export const isBundleFolder = (l: Listing | null): boolean =>
  !!l?.entries.some((e) => e.type === 'file' && e.name.toLowerCase() === 'manifest.json');

/** What a file browser lists: a case to open, a bundle to import, a folder, a briefing package,
 * a table to map (File > Import table…), an import spec. */
export type BrowseMode = FileMode | 'folder' | 'package' | 'table' | 'spec';

/** Tables the import wizard reads, alone or in a folder or .zip. */
export const TABLE_FILE = /\.(csv|tsv|tab|txt|xlsx|zip)$/i;

/** Which entries the list shows: folders always; files only of the kind the mode opens. */
export function visibleEntry(mode: BrowseMode, e: DirEntry): boolean {
  if (e.type === 'dir') return true;
  if (mode === 'table') return TABLE_FILE.test(e.name);
  if (mode === 'spec') return /\.json$/i.test(e.name);
  if (mode === 'import' || mode === 'package') return e.name.toLowerCase().endsWith('.zip');
  return CASE_FILE.test(e.name);
}

export function fileTarget(mode: FileMode, listing: Listing | null, selected: DirEntry | null, typed: string): Target | null {
  const t = typed.trim();
  const typedElsewhere = t !== '' && t !== listing?.path;
  if (mode === 'import') {
    if (selected?.isBundle) return { path: selected.path, label: selected.type === 'dir' ? 'Import this bundle' : 'Import this .zip' };
    if (typedElsewhere) return { path: t, label: 'Import' };
    if (isBundleFolder(listing)) return { path: listing!.path, label: 'Import this folder' };
    return null;
  }
  if (selected?.type === 'file') return { path: selected.path, label: 'Open case' };
  if (typedElsewhere) return { path: t, label: 'Open case' };
  return null;
}

/** Brief > Verify a package: a .zip clicked in the list, or a path typed or pasted. */
export function packageTarget(listing: Listing | null, selected: DirEntry | null, typed: string): string | null {
  if (selected?.type === 'file') return selected.path;
  const t = typed.trim();
  return t !== '' && t !== listing?.path && /\.zip$/i.test(t) ? t : null;
}
