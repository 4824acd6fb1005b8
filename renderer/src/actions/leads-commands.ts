// Commands of the leads inbox and the trends view (listed in the Analyse menu).
import type { AppCommand } from '../command-types';
import { caseStore } from '../state/case-store';
import { openInbox, openTrends, runDetectors } from './leads-actions';

const hasCase = (): boolean => !!caseStore.get().info;

export const LEADS_COMMANDS: AppCommand[] = [
  { id: 'leads.inbox', label: 'Leads inbox…', keys: ['Ctrl+Shift+L'], run: () => openInbox(), enabled: hasCase },
  { id: 'leads.run', label: 'Run detectors now', keys: [], run: () => void runDetectors(), enabled: hasCase },
  { id: 'leads.trends', label: 'Trends: crossings per port…', keys: ['Ctrl+Alt+T'], run: openTrends, enabled: hasCase },
];

export const LEADS_MENU: string[] = ['leads.inbox', 'leads.run', 'leads.trends'];
