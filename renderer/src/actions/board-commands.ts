// The Board menu: boards of the case, pins, notes, groups, the timeline. Its items are
// listed in BOARD_MENU (ids of these commands, '-' for a separator).
import type { AppCommand } from '../command-types';
import { installBoardCanvas } from '../components/board/board-canvas';
import { caseStore } from '../state/case-store';
import { timelineStore, toggleTimeline } from '../state/timeline-store';
import { openDialog, uiStore } from '../state/ui-store';
import { askGroup, editNote, hasGroups, noteTarget, selectedGroups, toggleCollapseSelected, togglePinSelected, ungroupSelected } from './board-actions';
import { currentBoard } from './board-journal';

installBoardCanvas();

const hasCase = (): boolean => !!caseStore.get().info;
const hasSelection = (): boolean => uiStore.get().selection.nodes.length > 0;
const dialog = (name: string, data?: unknown) => () => openDialog({ type: 'board', name, data });

export const BOARD_COMMANDS: AppCommand[] = [
  { id: 'board.new', label: 'New board…', keys: [], run: dialog('new'), enabled: hasCase },
  { id: 'board.open', label: 'Open board…', keys: ['Ctrl+Shift+O'], run: dialog('open'), enabled: hasCase },
  {
    id: 'board.rename', label: 'Rename board…', keys: [], enabled: hasCase,
    run: () => openDialog({ type: 'board', name: 'rename', data: currentBoard.get() }),
    describe: () => `Rename “${currentBoard.get().name}”…`,
  },
  { id: 'board.saveAs', label: 'Save board as…', keys: ['Ctrl+Shift+S'], run: dialog('saveAs'), enabled: hasCase },
  {
    id: 'board.delete', label: 'Delete board…', keys: [], enabled: () => hasCase() && currentBoard.get().id !== 1,
    run: () => openDialog({ type: 'board', name: 'delete', data: currentBoard.get() }),
  },
  { id: 'board.pin', label: 'Pin / unpin selected', keys: ['P'], run: togglePinSelected, enabled: hasSelection },
  { id: 'board.note', label: 'Note…', keys: ['N'], run: editNote, enabled: () => !!noteTarget() },
  { id: 'board.style', label: 'Colour and size…', keys: [], run: () => openDialog({ type: 'board', name: 'style', data: uiStore.get().selection.nodes }), enabled: hasSelection },
  { id: 'board.group', label: 'Group selected…', keys: ['G'], run: askGroup, enabled: hasSelection },
  { id: 'board.ungroup', label: 'Ungroup', keys: ['Shift+G'], run: ungroupSelected, enabled: () => hasGroups() && selectedGroups().length > 0 },
  { id: 'board.collapse', label: 'Collapse / expand group', keys: ['C'], run: toggleCollapseSelected, enabled: () => hasGroups() && selectedGroups().length > 0 },
  {
    id: 'board.timeline', label: 'Show timeline', keys: ['T', 'Ctrl+Shift+T'], run: toggleTimeline, enabled: hasCase,
    describe: () => (timelineStore.get().visible ? 'Hide timeline' : 'Show timeline'),
  },
];

export const BOARD_MENU: string[] = [
  'board.new', 'board.open', 'board.rename', 'board.saveAs', 'board.delete', '-',
  'board.pin', 'board.note', 'board.style', 'board.group', 'board.ungroup', 'board.collapse', '-',
  'board.timeline',
];

