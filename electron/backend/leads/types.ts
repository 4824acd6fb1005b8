// What a detector finds: a candidate lead, before it meets the analyst's earlier verdicts.
import type { LeadKind } from '../../../shared/contract';

export interface Candidate {
  kind: LeadKind;
  /** Stable across runs (what the lead is about), so a verdict sticks to it. */
  key: string;
  score: number;
  title: string;
  summary: string;
  /** The entities the lead is about (node ids). */
  entities: number[];
  /** The subgraph to open on a board: nodes and links (ids). */
  evidence: { nodes: number[]; links: number[] };
  /** Links whose source rows back the lead (their provenance is shown). */
  sourceLinks: number[];
  /** The evidence in a form that grows when new evidence arrives (sorted ids, counts). */
  items: string[];
}

export const clampScore = (s: number): number => Math.max(0, Math.min(100, Math.round(s * 10) / 10));
