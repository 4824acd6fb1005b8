import { describe, expect, it } from 'vitest';
import type { DirEntry } from '../../../shared/contract';
import { fileTarget, isBundleFolder, visibleEntry, type Listing } from '../../../renderer/src/dialogs/file-target';

const e = (name: string, type: 'dir' | 'file', isBundle = false): DirEntry => ({ name, path: `/data/${name}`, type, size: 10, isBundle });
const listing = (entries: DirEntry[], path = '/data'): Listing => ({ path, parent: '/', entries });

describe('file dialog target', () => {
  const plain = listing([e('b1', 'dir', true), e('old', 'dir'), e('x.zip', 'file', true), e('notes.txt', 'file'), e('c.crosslink', 'file')]);

  it('imports a selected bundle folder or zip', () => {
    expect(fileTarget('import', plain, plain.entries[0], '/data')).toEqual({ path: '/data/b1', label: 'Import this bundle' });
    expect(fileTarget('import', plain, plain.entries[2], '/data')).toEqual({ path: '/data/x.zip', label: 'Import this .zip' });
  });

  it('offers "Import this folder" inside a bundle folder', () => {
    const inside = listing([e('manifest.json', 'file'), e('subjects.csv', 'file')], '/data/b1');
    expect(isBundleFolder(inside)).toBe(true);
    expect(fileTarget('import', inside, null, '/data/b1')).toEqual({ path: '/data/b1', label: 'Import this folder' });
  });

  it('uses a typed path that is not the folder shown', () => {
    expect(fileTarget('import', plain, null, ' /elsewhere/b.zip ')).toEqual({ path: '/elsewhere/b.zip', label: 'Import' });
    expect(fileTarget('open', plain, null, '/cases/a.crosslink')).toEqual({ path: '/cases/a.crosslink', label: 'Open case' });
  });

  it('has nothing to act on in a plain folder with nothing selected', () => {
    expect(fileTarget('import', plain, null, '/data')).toBeNull();
    expect(fileTarget('import', plain, plain.entries[1], '/data')).toBeNull();
    expect(fileTarget('open', plain, null, '/data')).toBeNull();
    expect(fileTarget('open', plain, plain.entries[1], '/data')).toBeNull();
  });

  it('opens a selected case file', () => {
    expect(fileTarget('open', plain, plain.entries[4], '/data')).toEqual({ path: '/data/c.crosslink', label: 'Open case' });
  });

  it('shows folders plus the files each mode can use', () => {
    const shown = (m: 'open' | 'import' | 'folder') => plain.entries.filter((x) => visibleEntry(m, x)).map((x) => x.name);
    expect(shown('import')).toEqual(['b1', 'old', 'x.zip']);
    expect(shown('open')).toEqual(['b1', 'old', 'c.crosslink']);
    expect(shown('folder')).toEqual(['b1', 'old', 'c.crosslink']);
  });
});
