// Backups, restore, health and the diagnostic report, as the menus and dialogs use them.
import type { BackupInfo, CaseInfo } from '../../../shared/contract';
import { api } from '../api/client';
import { invalidateQueries } from '../api/query-cache';
import { resetBoard } from '../graph/graph-store';
import { toast, toastError } from '../state/toasts';
import { EMPTY_SELECTION, setSelection } from '../state/ui-store';
import { loadBoard, suspendBoardJournal } from './board-journal';
import { refreshCase } from './case-actions';

export async function backUpNow(): Promise<void> {
  try {
    const b = await api('backup.create', {});
    toast('success', 'Backup taken and verified', `${b.counts.nodes.toLocaleString('en-US')} nodes · ${b.file}`);
  } catch (e) {
    toastError('Backup failed', e);
  }
}

export async function afterRestore(info: CaseInfo, restored: BackupInfo): Promise<void> {
  suspendBoardJournal();
  invalidateQueries();
  resetBoard();
  setSelection(EMPTY_SELECTION);
  await refreshCase();
  await loadBoard();
  toast('success', `Restored “${info.name}”`, `The backup of ${new Date(restored.createdAt).toLocaleString()}: ${restored.counts.nodes.toLocaleString('en-US')} nodes, ${restored.counts.links.toLocaleString('en-US')} links.`);
}

export async function copyDiagnostics(): Promise<void> {
  try {
    const { text } = await api('ops.diagnostics', {});
    try {
      await navigator.clipboard.writeText(text);
      toast('success', 'Diagnostic report copied', 'Versions, settings, figures and recent errors; no record content.');
    } catch {
      // No clipboard permission (plain http in some browsers): offer the text as a file.
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
      a.download = 'crosslink-diagnostics.txt';
      a.click();
      toast('info', 'Diagnostic report saved as a file', 'The clipboard was not available.');
    }
  } catch (e) {
    toastError('Could not collect the diagnostic report', e);
  }
}
