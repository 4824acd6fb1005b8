// The Brief menu: write a briefing package of the board for an audience, check one.
import type { AppCommand } from '../command-types';
import { boardStore } from '../graph/graph-store';
import { caseStore } from '../state/case-store';
import { openDialog } from '../state/ui-store';

const hasCase = (): boolean => !!caseStore.get().info;

export const BRIEF_COMMANDS: AppCommand[] = [
  {
    id: 'brief.export', label: 'Export package…', keys: ['Ctrl+Shift+E'],
    run: () => openDialog({ type: 'brief', name: 'export' }),
    enabled: () => hasCase() && boardStore.get().graph.nodes.size > 0,
  },
  { id: 'brief.verify', label: 'Verify a package…', keys: [], run: () => openDialog({ type: 'brief', name: 'verify' }) },
];

export const BRIEF_MENU: string[] = ['brief.export', 'brief.verify'];
