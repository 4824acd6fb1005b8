// Which dialog is open, what is selected, and what the canvas is busy with.
import type { NeighbourSummary } from '../../../shared/contract';
import type { NodeRef } from '../../../shared/model';
import { createStore } from './store';

export type DialogState =
  | { type: 'file'; mode: 'open' | 'import' }
  /** `thenImport`: pick a bundle (true) or a table ('table') into the case once it exists. */
  | { type: 'newCase'; thenImport?: boolean | 'table' }
  /** File > Import table…: the mapping wizard, dialogs/import-table/ImportTableDialog.tsx. */
  | { type: 'importTable' }
  | { type: 'report'; importId: number; note?: string | null }
  | { type: 'summary'; center: NodeRef; summary: NeighbourSummary }
  | { type: 'shortcuts' }
  | { type: 'backups'; casePath?: string; damaged?: string }
  | { type: 'health' }
  | { type: 'review' }
  | { type: 'about' }
  /** File > Audit trail…: dialogs/audit/AuditDialog.tsx. */
  | { type: 'audit' }
  /** Dialogs of the Analyse menu (paths, co-travel, metrics, filters): dialogs/AnalysisDialogs.tsx. */
  | { type: 'analysis'; name: string; data?: unknown }
  /** Dialogs of the Board menu (boards, notes, groups): dialogs/BoardDialogs.tsx. */
  | { type: 'board'; name: string; data?: unknown }
  /** The leads inbox and the trends view: dialogs/LeadsDialogs.tsx. */
  | { type: 'leads'; name: string; data?: unknown }
  /** Brief > Export package… and Verify a package…: dialogs/BriefDialogs.tsx. */
  | { type: 'brief'; name: 'export' | 'verify' }
  /** Session > Host review…: dialogs/session/HostDialog.tsx. */
  | { type: 'session'; name: 'host' };

export interface Selection {
  nodes: number[];
  links: number[];
  /** The element the details panel shows: the last one selected. */
  focus: { type: 'node' | 'link'; id: number } | null;
}

export interface ContextMenuState {
  x: number;
  y: number;
  /** The node right-clicked, or null for the background. */
  nodeId: number | null;
}

export interface Ui {
  dialog: DialogState | null;
  selection: Selection;
  contextMenu: ContextMenuState | null;
  /** A sentence for the status bar while a canvas call runs ("Expanding EL PASO - BOTA…"). */
  busy: string | null;
}

export const EMPTY_SELECTION: Selection = { nodes: [], links: [], focus: null };

export const uiStore = createStore<Ui>({ dialog: null, selection: EMPTY_SELECTION, contextMenu: null, busy: null });

export const openDialog = (dialog: DialogState): void => uiStore.set((u) => ({ ...u, dialog, contextMenu: null }));
export const closeDialog = (): void => uiStore.set((u) => ({ ...u, dialog: null }));
export const setSelection = (selection: Selection): void => uiStore.set((u) => ({ ...u, selection }));
export const setContextMenu = (contextMenu: ContextMenuState | null): void => uiStore.set((u) => ({ ...u, contextMenu }));
export const setBusy = (busy: string | null): void => uiStore.set((u) => ({ ...u, busy }));
