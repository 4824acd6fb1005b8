// The import jobs of this window, oldest first: the running one and those queued behind it
// (the case has one writer, so bundles dropped together load one after the other).
import type { ImportProgress } from '../../../shared/contract';
import { createStore } from './store';

export interface Job {
  jobId: string;
  path: string;
  progress: ImportProgress | null;
  cancelling: boolean;
}

export const jobStore = createStore<Job[]>([]);

export const updateJob = (jobId: string, f: (j: Job) => Job): void =>
  jobStore.set((jobs) => jobs.map((j) => (j.jobId === jobId ? f(j) : j)));
