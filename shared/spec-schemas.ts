// The contract's schemas for imports through an import spec (tables, graph-database exports).
import { z } from 'zod';
import { IMPORT_SPEC } from './import-spec';
import { KIND_DEF, LINK_KIND, NODE_KIND } from './model';

const line = z.number().int().nullable();

export const SPEC_PREVIEW = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      part: z.number().int(),
      header: z.array(z.string()),
      rows: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })),
      refused: z.string().nullable(),
      rowsRead: z.number().int(),
    }),
  ),
  entities: z.array(
    z.object({ id: z.number().int(), kind: NODE_KIND, kindLabel: z.string(), label: z.string(), key: z.string(), file: z.string(), line, isNew: z.boolean() }),
  ),
  links: z.array(
    z.object({ kind: LINK_KIND, source: z.number().int(), target: z.number().int(), sourceLabel: z.string(), targetLabel: z.string(), file: z.string(), line }),
  ),
  rejects: z.array(z.object({ file: z.string(), line: z.number().int(), column: z.string().nullable(), reason: z.string() })),
  counts: z.object({ entities: z.number().int(), links: z.number().int(), rejects: z.number().int(), rows: z.number().int() }),
});
export type SpecPreviewResult = z.infer<typeof SPEC_PREVIEW>;

export const SPEC_INFERENCE = z.object({
  style: z.enum(['neo4j', 'table']),
  spec: IMPORT_SPEC,
  files: z.array(
    z.object({
      file: z.string(),
      role: z.enum(['nodes', 'relationships', 'table', 'header']),
      header: z.array(z.string()),
      rows: z.number().int(),
      values: z.array(z.object({ value: z.string(), count: z.number().int() })),
    }),
  ),
  notes: z.array(z.string()),
});
export type SpecInference = z.infer<typeof SPEC_INFERENCE>;

export const KIND_DEFS = z.object({ nodes: z.array(KIND_DEF), links: z.array(KIND_DEF) });

export const RANK_METRICS = ['degree', 'betweenness', 'pagerank'] as const;
export const RANK_RESULT = z.object({
  metric: z.enum(RANK_METRICS),
  /** Entities and links the metric was computed over (after the kind filters). */
  nodes: z.number().int(),
  links: z.number().int(),
  top: z.array(z.object({ id: z.number().int(), kind: NODE_KIND, label: z.string(), sourceId: z.string().nullable(), score: z.number() })),
  /** Set when the scores are estimated (betweenness of a very large graph), saying how. */
  note: z.string().nullable(),
  ms: z.number(),
});
export type RankResult = z.infer<typeof RANK_RESULT>;
