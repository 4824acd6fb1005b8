// Contract schemas of leads, port trends and watch rules. Part of the contract (contract.ts re-exports them).
import { z } from 'zod';
import { NODE_REF, PROVENANCE } from './model';

export const LEAD_KINDS = ['shared_identifier', 'vehicle_drivers', 'cotravel', 'cross_agency', 'lookout_proximity', 'person_anomaly', 'port_anomaly'] as const;
export const LEAD_KIND = z.enum(LEAD_KINDS);
export type LeadKind = z.infer<typeof LEAD_KIND>;
export const LEAD_KIND_LABEL: Record<LeadKind, string> = {
  shared_identifier: 'Shared identifier',
  vehicle_drivers: 'Vehicle with many drivers',
  cotravel: 'Repeated co-travel',
  cross_agency: 'Cross-agency overlap',
  lookout_proximity: 'Near a lookout',
  person_anomaly: 'Unusual travel',
  port_anomaly: 'Port volume anomaly',
};
export const LEAD_STATUS = z.enum(['new', 'reviewed', 'dismissed', 'escalated']);
export type LeadStatus = z.infer<typeof LEAD_STATUS>;

/** Something new and worth a look, found after an import, with its evidence. */
export const LEAD = z.object({
  id: z.number().int(),
  kind: LEAD_KIND,
  /** 0-100: how much it deserves a look (ranking in the inbox). */
  score: z.number(),
  title: z.string(),
  /** In plain language, with the figures that make it a lead. */
  summary: z.string(),
  entities: z.array(NODE_REF),
  /** The source rows behind it (export, file, line), the first ones. */
  sources: z.array(PROVENANCE),
  status: LEAD_STATUS,
  reason: z.string().nullable(),
  /** Set when a dismissed or reviewed lead came back because its evidence grew: what is new. */
  whatsNew: z.string().nullable(),
  firstSeen: z.string(),
  lastSeen: z.string(),
});
export type Lead = z.infer<typeof LEAD>;

export const LEADS_RUN = z.object({
  at: z.string(),
  leads: z.number().int(),
  added: z.number().int(),
  reopened: z.number().int(),
  seconds: z.number(),
  byDetector: z.array(z.object({ kind: LEAD_KIND, leads: z.number().int(), ms: z.number() })),
});
export type LeadsRun = z.infer<typeof LEADS_RUN>;

export const PORT_TREND = z.object({
  port: z.string(),
  label: z.string(),
  /** Crossings per day, one per entry of `days`. */
  counts: z.array(z.number().int()),
  /** Days flagged against the port's own baseline (robust z = (count - median) / (1.4826 MAD)). */
  anomalies: z.array(z.object({ day: z.string(), count: z.number().int(), median: z.number(), z: z.number() })),
});
export type PortTrend = z.infer<typeof PORT_TREND>;

export const WATCH_KIND = z.enum(['entity', 'search', 'near_case', 'shares_identifier']);
export type WatchKind = z.infer<typeof WATCH_KIND>;
/** A watch rule: what to tell the analyst about after every import. */
export const WATCH_RULE = z.object({
  id: z.number().int(),
  kind: WATCH_KIND,
  /** entity / shares_identifier: a node id or source id; search: the query; near_case: a case id. */
  target: z.string(),
  label: z.string(),
  createdAt: z.string(),
  lastRunAt: z.string().nullable(),
  /** What the last run found new, in sentences. */
  lastNews: z.array(z.string()),
});
export type WatchRule = z.infer<typeof WATCH_RULE>;
export const WATCH_NEWS = z.object({ ruleId: z.number().int(), label: z.string(), news: z.array(z.string()) });
