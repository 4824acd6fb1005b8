// File > Audit trail… (the command lives here so the menus and shortcuts list find it).
import type { AppCommand } from '../command-types';
import { caseStore } from '../state/case-store';
import { openDialog } from '../state/ui-store';

export const AUDIT_COMMANDS: AppCommand[] = [
  { id: 'file.audit', label: 'Audit trail…', keys: [], run: () => openDialog({ type: 'audit' }), enabled: () => !!caseStore.get().info },
];
