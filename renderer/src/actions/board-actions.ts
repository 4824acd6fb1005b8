// What the analyst does with boards (new, open, rename, save as, delete) and with marks on
// them (pins, notes, groups, colours). Each mark is one undoable command of the board store.
import type { BoardInfo } from '../../../shared/contract';
import { api } from '../api/client';
import { getCy } from '../components/canvas/cy-registry';
import { truncate } from '../graph/format';
import { boardStore, runCommand } from '../graph/graph-store';
import { collapseCommand, groupCommand, groupsOfNodes, noteCommand, renameGroupCommand, styleCommand, togglePinCommand, ungroupCommand, type Target } from '../graph/marks';
import { toBoardState } from '../graph/marks-format';
import { groupsOf } from '../graph/state';
import { caseStore } from '../state/case-store';
import { createStore } from '../state/store';
import { toast, toastError } from '../state/toasts';
import { closeDialog, openDialog, uiStore } from '../state/ui-store';
import { currentBoard, flushBoard, switchBoard } from './board-journal';

export const boardsStore = createStore<BoardInfo[]>([]);

export async function refreshBoards(): Promise<void> {
  if (!caseStore.get().info) {
    boardsStore.set([]);
    return;
  }
  try {
    boardsStore.set(await api('board.list', {}));
  } catch (e) {
    toastError('Could not list the boards', e);
  }
}

// A case opened or closed: its boards, not the last case's.
caseStore.subscribe((next, prev) => {
  if (next.info?.path !== prev.info?.path) void refreshBoards();
});
currentBoard.subscribe(() => void refreshBoards());

async function guarded<T>(what: string, fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (e) {
    toastError(what, e);
    return null;
  }
}

export async function openBoard(id: number): Promise<void> {
  if (id === currentBoard.get().id) return;
  await switchBoard(id);
  closeDialog();
}

export async function newBoard(name: string): Promise<boolean> {
  const made = await guarded('Could not create the board', () => api('board.create', { name, state: toBoardState({ nodes: new Map(), links: new Map() }) }));
  if (!made) return false;
  await switchBoard(made.id, { quiet: true });
  toast('success', `New board “${made.name}”`, 'Search or expand to put entities on it; your other boards are in the sidebar.');
  return true;
}

/** Saves what is on the canvas as a new board and continues on it. */
export async function saveBoardAs(name: string): Promise<boolean> {
  await flushBoard();
  const made = await guarded('Could not save the board', () => api('board.create', { name, state: toBoardState(boardStore.get().graph) }));
  if (!made) return false;
  await switchBoard(made.id, { quiet: true });
  toast('success', `Saved as “${made.name}”`, `${made.nodes} nodes and ${made.links} links; you are now working on this board.`);
  return true;
}

export async function renameBoard(id: number, name: string): Promise<boolean> {
  const done = await guarded('Could not rename the board', () => api('board.rename', { id, name }));
  if (!done) return false;
  if (id === currentBoard.get().id) currentBoard.set({ id, name: done.name });
  else await refreshBoards();
  return true;
}

export async function deleteBoard(id: number): Promise<boolean> {
  if (id === currentBoard.get().id) await switchBoard(1, { quiet: true });
  const done = await guarded('Could not delete the board', () => api('board.delete', { id }));
  await refreshBoards();
  return !!done?.deleted;
}

// Marks on the selection.

const selectedNodes = (): number[] => uiStore.get().selection.nodes;

/** Groups picked on the canvas: selected group nodes, and the groups of selected members. */
export function selectedGroups(): string[] {
  const cy = getCy();
  const picked = cy ? cy.nodes('.board-group:selected').map((n) => n.data('groupId') as string) : [];
  return [...new Set([...picked, ...groupsOfNodes(boardStore.get().graph, selectedNodes())])];
}

export function togglePinSelected(): void {
  if (!runCommand(togglePinCommand(boardStore.get().graph, selectedNodes()))) toast('info', 'Select nodes to pin', 'Pinned nodes stay where they are when you drag others or re-lay out.');
}

/** The element a note goes on: the focused one in the details panel. */
export function noteTarget(): Target | null {
  const s = uiStore.get().selection;
  return s.focus ?? (s.nodes[0] != null ? { type: 'node', id: s.nodes[0] } : s.links[0] != null ? { type: 'link', id: s.links[0] } : null);
}

export function noteOf(t: Target): string {
  const g = boardStore.get().graph;
  return (t.type === 'node' ? g.nodes.get(t.id)?.marks?.note : g.links.get(t.id)?.marks?.note) ?? '';
}

export function targetLabel(t: Target): string {
  const g = boardStore.get().graph;
  if (t.type === 'node') return truncate(g.nodes.get(t.id)?.ref.label ?? `#${t.id}`, 50);
  const l = g.links.get(t.id)?.ref;
  if (!l) return 'link';
  const end = (id: number) => truncate(g.nodes.get(id)?.ref.label ?? `#${id}`, 24);
  return `${l.label || l.kind} · ${end(l.source)} – ${end(l.target)}`;
}

export function editNote(): void {
  const t = noteTarget();
  if (!t) toast('info', 'Select a node or a link', 'A note goes on the element shown in the details panel.');
  else openDialog({ type: 'board', name: 'note', data: t });
}

export function setNote(t: Target, text: string): void {
  runCommand(noteCommand(boardStore.get().graph, t, text));
}

export function setStyle(ids: number[], style: { colour?: string; scale?: number }): void {
  runCommand(styleCommand(boardStore.get().graph, ids, style));
}

export function askGroup(): void {
  if (!selectedNodes().length) toast('info', 'Select nodes to group', 'Drag a box or Shift-click nodes, then press G.');
  else openDialog({ type: 'board', name: 'group', data: selectedNodes() });
}

export function groupNodes(ids: number[], label: string): void {
  runCommand(groupCommand(boardStore.get().graph, ids, label));
}

export function ungroupSelected(): void {
  if (!runCommand(ungroupCommand(boardStore.get().graph, selectedGroups()))) toast('info', 'Select a group', 'Click a group’s frame or one of its members.');
}

export function toggleCollapseSelected(): void {
  if (!runCommand(collapseCommand(boardStore.get().graph, selectedGroups()))) toast('info', 'Select a group', 'Click a group’s frame or one of its members.');
}

export function renameGroup(id: string, label: string): void {
  runCommand(renameGroupCommand(boardStore.get().graph, id, label));
}

export const hasGroups = (): boolean => groupsOf(boardStore.get().graph).size > 0;
