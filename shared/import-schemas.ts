// The contract's schemas for import jobs: progress, the report, rejected rows.
import { z } from 'zod';

export const REJECT = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.string().nullable(),
  reason: z.string(),
});
export type Reject = z.infer<typeof REJECT>;

export const IMPORT_PROGRESS = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  file: z.string().nullable(),
  rowsRead: z.number().int(),
  rowsTotal: z.number().int().nullable(),
  rowsPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  phase: z.string(),
  error: z.string().nullable(),
  /** Set when the import finished: the report to show. */
  importId: z.number().int().nullable(),
  /** A sentence for the status line, e.g. "already loaded; nothing added". */
  note: z.string().nullable(),
});
export type ImportProgress = z.infer<typeof IMPORT_PROGRESS>;

/** What became of the rows of a file, or of a whole import. */
const ROW_COUNTS = {
  rowsRead: z.number().int(),
  rowsLoaded: z.number().int(),
  rowsRejected: z.number().int(),
  rowsSkipped: z.number().int(),
};

export const FILE_REPORT = z.object({
  file: z.string(),
  ...ROW_COUNTS,
  refused: z.string().nullable(),
});

export const IMPORT_REPORT = z.object({
  importId: z.number().int(),
  exportId: z.string(),
  source: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.string(),
  ...ROW_COUNTS,
  nodesAdded: z.number().int(),
  linksAdded: z.number().int(),
  seconds: z.number(),
  files: z.array(FILE_REPORT),
  rejects: z.array(REJECT),
  rejectsByReason: z.array(z.object({ reason: z.string(), count: z.number().int() })),
});
export type ImportReport = z.infer<typeof IMPORT_REPORT>;
