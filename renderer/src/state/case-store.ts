// What the sidebar and status bar show about the open case, refreshed after every change.
import type { CaseInfo, ImportReport, Output, Stats } from '../../../shared/contract';
import { createStore } from './store';

export type ImportRow = Omit<ImportReport, 'rejects' | 'files' | 'rejectsByReason'>;

export interface CaseView {
  /** False until the first case.current answer arrives. */
  ready: boolean;
  app: Output<'app.info'> | null;
  info: CaseInfo | null;
  stats: Stats | null;
  imports: ImportRow[];
}

export const caseStore = createStore<CaseView>({ ready: false, app: null, info: null, stats: null, imports: [] });
