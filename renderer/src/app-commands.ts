// Every command of the menus, with its shortcut. Menus, the shortcut handler and the
// Help > Keyboard shortcuts dialog all read this one list.
import { beginImport, closeCase } from './actions/case-actions';
import { backUpNow, copyDiagnostics } from './actions/ops-actions';
import { beginTableImport } from './actions/table-import-actions';
import { clearCanvas, expandSelected, redoCanvas, removeSelected, undoCanvas } from './actions/graph-actions';
import { boardStore } from './graph/graph-store';
import { redoLabel, undoLabel } from './graph/history';
import { requestCanvas } from './state/canvas-bus';
import { caseStore } from './state/case-store';
import { openDialog, uiStore } from './state/ui-store';
import type { AppCommand } from './command-types';
import { LAYOUTS } from './graph/layouts/catalog';
import { ANALYSIS_COMMANDS } from './actions/analysis-commands';
import { LEADS_COMMANDS } from './actions/leads-commands';
import { BOARD_COMMANDS } from './actions/board-commands';
import { AUDIT_COMMANDS } from './actions/audit-commands';
import { BRIEF_COMMANDS } from './actions/brief-commands';
import { SESSION_COMMANDS } from './actions/session-commands';
import { isParticipant } from './session/session-store';

export type { AppCommand } from './command-types';

export function focusSearch(): void {
  const el = document.querySelector<HTMLInputElement>('[data-testid="search-input"]');
  el?.focus();
  el?.select();
}

const hasCase = (): boolean => !!caseStore.get().info;
/** A case to search: the analyst's own, or the host's as a session participant may read it. */
const canSearch = (): boolean => hasCase() || isParticipant();
const hasNodes = (): boolean => boardStore.get().graph.nodes.size > 0;

export const COMMANDS: AppCommand[] = [
  { id: 'file.newCase', label: 'New case…', keys: ['Ctrl+Alt+N'], run: () => openDialog({ type: 'newCase' }) },
  { id: 'file.openCase', label: 'Open case…', keys: ['Ctrl+O'], run: () => openDialog({ type: 'file', mode: 'open' }) },
  { id: 'file.import', label: 'Import bundle…', keys: ['Ctrl+I'], run: beginImport },
  { id: 'file.importTable', label: 'Import table…', keys: ['Ctrl+Shift+I'], run: beginTableImport },
  { id: 'file.closeCase', label: 'Close case', keys: [], run: () => void closeCase(), enabled: hasCase },
  { id: 'file.backUp', label: 'Back up now', keys: ['Ctrl+Shift+B'], run: () => void backUpNow(), enabled: hasCase },
  { id: 'file.restore', label: 'Backups and restore…', keys: [], run: () => openDialog({ type: 'backups' }), enabled: hasCase },
  {
    id: 'edit.undo', label: 'Undo', keys: ['Ctrl+Z'], run: undoCanvas,
    enabled: () => boardStore.get().history.past.length > 0,
    describe: () => { const l = undoLabel(boardStore.get().history); return l ? `Undo ${l}` : 'Undo'; },
  },
  {
    id: 'edit.redo', label: 'Redo', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], run: redoCanvas,
    enabled: () => boardStore.get().history.future.length > 0,
    describe: () => { const l = redoLabel(boardStore.get().history); return l ? `Redo ${l}` : 'Redo'; },
  },
  { id: 'edit.expand', label: 'Expand selected', keys: ['E'], run: expandSelected, enabled: () => uiStore.get().selection.nodes.length > 0 },
  {
    id: 'edit.remove', label: 'Remove selected', keys: ['Delete', 'Backspace'], run: removeSelected,
    enabled: () => uiStore.get().selection.nodes.length + uiStore.get().selection.links.length > 0,
  },
  { id: 'view.search', label: 'Search', keys: ['Ctrl+K', '/'], run: focusSearch, enabled: canSearch },
  { id: 'view.fit', label: 'Fit to window', keys: ['F'], run: () => requestCanvas({ type: 'fit' }), enabled: hasNodes },
  { id: 'view.relayout', label: 'Re-layout', keys: ['L'], run: () => requestCanvas({ type: 'relayout' }), enabled: hasNodes },
  ...LAYOUTS.map((l) => ({
    id: `view.layout.${l.name}`,
    label: `Layout: ${l.label}`,
    keys: [],
    run: () => requestCanvas({ type: 'relayout', layout: l.name }),
    enabled: hasNodes,
  })),
  { id: 'view.clear', label: 'Clear canvas', keys: [], run: clearCanvas, enabled: hasNodes },
  { id: 'view.review', label: 'Review possible matches…', keys: ['Ctrl+Shift+R'], run: () => openDialog({ type: 'review' }), enabled: hasCase },
  { id: 'view.health', label: 'Health…', keys: ['Ctrl+Shift+H'], run: () => openDialog({ type: 'health' }) },
  { id: 'help.shortcuts', label: 'Keyboard shortcuts', keys: ['?', 'F1'], run: () => openDialog({ type: 'shortcuts' }) },
  { id: 'help.diagnostics', label: 'Copy diagnostic report', keys: [], run: () => void copyDiagnostics() },
  { id: 'help.about', label: 'About Crosslink', keys: [], run: () => openDialog({ type: 'about' }) },
  ...ANALYSIS_COMMANDS,
  ...LEADS_COMMANDS,
  ...BOARD_COMMANDS,
  ...AUDIT_COMMANDS,
  ...BRIEF_COMMANDS,
  ...SESSION_COMMANDS,
];

export const command = (id: string): AppCommand => {
  const c = COMMANDS.find((x) => x.id === id);
  if (!c) throw new Error(`unknown command ${id}`);
  return c;
};
