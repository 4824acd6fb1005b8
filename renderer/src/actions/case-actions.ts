// Opening, creating and closing cases, and refreshing what the window shows about them.
import type { Profile } from '../../../shared/model';
import { api, CallFailed } from '../api/client';
import { loadBoard, suspendBoardJournal } from './board-journal';
import { invalidateQueries } from '../api/query-cache';
import { resetBoard } from '../graph/graph-store';
import { setCustomKinds } from '../icons/kinds';
import { caseStore } from '../state/case-store';
import { EMPTY_WIZARD, tableImportStore } from '../state/table-import-store';
import { toast, toastError } from '../state/toasts';
import { EMPTY_SELECTION, closeDialog, openDialog, setSelection } from '../state/ui-store';

/** Reloads case info, stats and the imports list. Failures become toasts. */
export async function refreshCase(): Promise<void> {
  try {
    const [app, info] = await Promise.all([caseStore.get().app ?? api('app.info', {}), api('case.current', {})]);
    const [stats, imports, kinds] = info ? await Promise.all([api('graph.stats', {}), api('import.list', {}), api('kinds.list', {})]) : [null, [], null];
    // Custom kinds (import specs) take their label, colour and icon before anything draws them.
    setCustomKinds(kinds ? [...kinds.nodes, ...kinds.links] : []);
    const before = caseStore.get().info?.path ?? null;
    caseStore.set({ ready: true, app, info, stats, imports });
    // A case newly in the window (at start, opened, created): bring its board back.
    if (info && info.path !== before) await loadBoard();
  } catch (e) {
    caseStore.set((c) => ({ ...c, ready: true }));
    toastError('Could not read the case', e);
  }
}

function caseChanged(): void {
  suspendBoardJournal();
  caseStore.set((c) => ({ ...c, info: null }));
  invalidateQueries();
  resetBoard();
  setSelection(EMPTY_SELECTION);
}

export async function openCase(path: string): Promise<boolean> {
  try {
    const info = await api('case.open', { path });
    caseChanged();
    closeDialog();
    await refreshCase();
    toast('success', `Opened case “${info.name}”`, `${info.counts.nodes.toLocaleString('en-US')} nodes, ${info.counts.imports} imports`);
    for (const notice of info.notices) toast('info', 'Recovered on opening', notice);
    return true;
  } catch (e) {
    // A damaged case is not opened: offer its backups instead.
    if (e instanceof CallFailed && e.code === 'damaged') {
      openDialog({ type: 'backups', casePath: path, damaged: e.message });
      return false;
    }
    toastError('Could not open the case', e);
    return false;
  }
}

/** `thenImport`: a bundle (true) or a table ('table') is picked next, into the new case. */
export async function createCase(path: string, name: string, thenImport: boolean | 'table' = false, profile?: Profile): Promise<boolean> {
  try {
    const info = await api('case.create', { path, name: name.trim() || undefined, profile });
    caseChanged();
    await refreshCase();
    toast('success', `Created case “${info.name}”`, info.path);
    if (thenImport === 'table') {
      tableImportStore.set(EMPTY_WIZARD);
      openDialog({ type: 'importTable' });
    } else if (thenImport) openDialog({ type: 'file', mode: 'import' });
    else closeDialog();
    return true;
  } catch (e) {
    toastError('Could not create the case', e);
    return false;
  }
}

export async function closeCase(): Promise<void> {
  try {
    await api('case.close', {});
    caseChanged();
    await refreshCase();
  } catch (e) {
    toastError('Could not close the case', e);
  }
}

/** File > Import bundle: with no case open, a case is created first. */
export function beginImport(): void {
  if (caseStore.get().info) openDialog({ type: 'file', mode: 'import' });
  else openDialog({ type: 'newCase', thenImport: true });
}
