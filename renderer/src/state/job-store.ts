// The running import, as the progress panel and status bar show it.
import type { ImportProgress } from '../../../shared/contract';
import { createStore } from './store';

export interface Job {
  jobId: string;
  path: string;
  progress: ImportProgress | null;
  cancelling: boolean;
}

export const jobStore = createStore<Job | null>(null);
