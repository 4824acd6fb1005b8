// Contract schemas of the audit trail and briefing packages. Part of the contract (contract.ts re-exports them).
import { z } from 'zod';
import { AGENCY, HANDLING } from './model';

export const AUDIT_ACTIONS = ['case.open', 'search', 'view', 'expand', 'path', 'connect', 'import', 'export', 'brief', 'resolution', 'lead', 'board', 'watch', 'profile', 'session'] as const;
export const AUDIT_ACTION = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AUDIT_ACTION>;
/** One entry of the case's append-only, hash-chained audit log. */
export const AUDIT_ENTRY = z.object({
  id: z.number().int(),
  at: z.string(),
  /** The analyst's name and agency, e.g. "R. Ortega (ICE)". */
  who: z.string(),
  agency: AGENCY,
  action: AUDIT_ACTION,
  /** What was acted on: an entity's source id or label, a query, a file. */
  target: z.string(),
  /** A sentence of detail, e.g. "12 hits" or "audience CBP, 3 items withheld". */
  detail: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AUDIT_ENTRY>;
export const AUDIT_VERIFY = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** The first entry that was edited, deleted or moved, and why verification failed there. */
  firstBad: z.object({ id: z.number().int(), reason: z.string() }).nullable(),
});

export const BRIEF_RESULT = z.object({
  file: z.string(),
  bytes: z.number().int(),
  audience: AGENCY,
  /** The highest handling inside the package (its banner). */
  handling: HANDLING,
  /** Items replaced by pointers or removed for the audience. */
  withheld: z.number().int(),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int(), sha256: z.string() })),
});
export type BriefResult = z.infer<typeof BRIEF_RESULT>;
