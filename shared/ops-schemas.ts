// The contract's schemas for operations: backups and the health panel.
import { z } from 'zod';

export const BACKUP_INFO = z.object({
  file: z.string(),
  createdAt: z.string(),
  reason: z.enum(['manual', 'scheduled', 'before-import', 'before-migration', 'before-restore']),
  bytes: z.number().int(),
  integrity: z.string(),
  caseName: z.string().nullable(),
  counts: z.object({ nodes: z.number().int(), links: z.number().int(), imports: z.number().int(), lastExportId: z.string().nullable() }),
});
export type BackupInfo = z.infer<typeof BACKUP_INFO>;

export const HEALTH = z.object({
  casePath: z.string().nullable(),
  caseBytes: z.number().int(),
  nodes: z.number().int(),
  links: z.number().int(),
  lastImport: z.object({ exportId: z.string(), finishedAt: z.string().nullable(), rowsLoaded: z.number().int(), rowsRejected: z.number().int(), status: z.string() }).nullable(),
  lastBackup: z.object({ file: z.string(), createdAt: z.string(), ageHours: z.number() }).nullable(),
  backupDir: z.string().nullable(),
  freeDiskBytes: z.number().nullable(),
  memory: z.object({ rssBytes: z.number(), heapUsedBytes: z.number(), workers: z.array(z.object({ role: z.string(), heapUsedBytes: z.number() })) }),
  eventLoopLagMs: z.object({ p50: z.number(), p99: z.number(), max: z.number() }),
  slowQueries: z.array(z.object({ op: z.string(), ms: z.number(), at: z.string(), plan: z.array(z.string()) })),
  warnings: z.array(z.object({ level: z.enum(['warn', 'error']), text: z.string() })),
});
export type Health = z.infer<typeof HEALTH>;
