// Contract schemas of graph questions: search, details, neighbours, paths, co-travel,
// metrics and timelines. Part of the contract (contract.ts re-exports them).
import { z } from 'zod';
import { ATTRIBUTE, LINK_KIND, LINK_REF, NODE_KIND, NODE_REF, PROVENANCE } from './model';

export const nodeId = z.number().int().positive();

export const SEARCH_HIT = NODE_REF.extend({ matched: z.string() });
export type SearchHit = z.infer<typeof SEARCH_HIT>;

export const NODE_DETAILS = z.object({
  node: NODE_REF,
  kindLabel: z.string(),
  attributes: z.array(ATTRIBUTE),
  /** For derived nodes (phone, document...): the rows that mention the value. */
  mentions: z.array(PROVENANCE),
  neighbourCounts: z.array(z.object({ kind: NODE_KIND, count: z.number().int() })),
});
export type NodeDetails = z.infer<typeof NODE_DETAILS>;

export const LINK_DETAILS = z.object({
  link: LINK_REF,
  kindLabel: z.string(),
  source: NODE_REF,
  target: NODE_REF,
  attributes: z.array(ATTRIBUTE),
  provenance: PROVENANCE.nullable(),
});
export type LinkDetails = z.infer<typeof LINK_DETAILS>;

export const NEIGHBOUR_SUMMARY = z.object({
  total: z.number().int(),
  byKind: z.array(z.object({ kind: NODE_KIND, count: z.number().int() })),
  byLinkKind: z.array(z.object({ kind: LINK_KIND, count: z.number().int() })),
  byPeriod: z.array(z.object({ period: z.string(), count: z.number().int() })),
});
export type NeighbourSummary = z.infer<typeof NEIGHBOUR_SUMMARY>;

export const EXPANSION = z.discriminatedUnion('type', [
  z.object({ type: z.literal('graph'), center: NODE_REF, nodes: z.array(NODE_REF), links: z.array(LINK_REF) }),
  z.object({ type: z.literal('summary'), center: NODE_REF, summary: NEIGHBOUR_SUMMARY }),
]);
export type Expansion = z.infer<typeof EXPANSION>;

export const STATS = z.object({
  nodes: z.array(z.object({ kind: NODE_KIND, count: z.number().int() })),
  links: z.array(z.object({ kind: LINK_KIND, count: z.number().int() })),
});
export type Stats = z.infer<typeof STATS>;


export const isoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?/, 'a date such as 2025-12-01 or 2025-12-01T08:30');
/** A node by its number on the board, or any id an analyst may quote (record_id, crossing_id, case_id, P-…). */
export const nodeSpec = z.union([nodeId, z.string().trim().min(1).max(200)]);

/** How a path search may walk the graph. */
export const PATH_OPTIONS = z.object({
  maxHops: z.number().int().min(1).max(12).default(6),
  /** Only these link kinds (all when absent). */
  linkKinds: z.array(LINK_KIND).max(LINK_KIND.options.length).optional(),
  /** Never these link kinds. */
  avoidLinkKinds: z.array(LINK_KIND).max(LINK_KIND.options.length).optional(),
  /** Do not pass through ports or very connected nodes (they make everything connected). */
  avoidHubs: z.boolean().default(true),
  /** Above this many links a node is a hub (default: chosen from the case's degrees). */
  hubDegree: z.number().int().min(2).max(10_000_000).optional(),
  /** Only dated links inside the window (undated links always count). */
  since: isoTime.optional(),
  until: isoTime.optional(),
  /** Each dated step no earlier than the step before (A met B before B met C). */
  timeRespecting: z.boolean().default(false),
});
export type PathOptions = z.input<typeof PATH_OPTIONS>;

export const PATH_NODE = NODE_REF.extend({ sourceIds: z.array(z.string()) });
export type PathNode = z.infer<typeof PATH_NODE>;

/** One step of a path between two entities, explained: the link, its date and its source row. */
export const PATH_STEP = z.object({
  from: z.number().int(),
  to: z.number().int(),
  linkId: z.number().int(),
  kind: LINK_KIND,
  label: z.string(),
  at: z.string().nullable(),
  provenance: PROVENANCE.nullable(),
  /** The records the link joins when the ends are resolved entities (the subject record holding the phone). */
  via: z.array(NODE_REF),
  /** For derived links (travelled with): what they stand for. */
  detail: z.string().nullable(),
});
export type PathStep = z.infer<typeof PATH_STEP>;

/** Elements to draw on the board: nodes and links as stored (records included). */
export const BOARD_SLICE = z.object({ nodes: z.array(NODE_REF), links: z.array(LINK_REF) });
export type BoardSlice = z.infer<typeof BOARD_SLICE>;

export const PATH = z.object({ length: z.number().int(), nodes: z.array(PATH_NODE), links: z.array(PATH_STEP), board: BOARD_SLICE });
export type GraphPath = z.infer<typeof PATH>;

export const PATH_RESULT = z.object({
  from: NODE_REF,
  to: NODE_REF,
  paths: z.array(PATH),
  /** Hubs the search did not pass through (the first few), so the analyst can allow them. */
  hubsAvoided: z.array(NODE_REF),
  hubDegree: z.number().int().nullable(),
  /** Why nothing (or fewer than asked) was found, in a sentence. */
  note: z.string().nullable(),
  ms: z.number(),
});
export type PathResult = z.infer<typeof PATH_RESULT>;

export const CONNECT_RESULT = z.object({
  board: BOARD_SLICE,
  pairs: z.array(z.object({ a: z.number().int(), b: z.number().int(), length: z.number().int().nullable() })),
  note: z.string().nullable(),
  ms: z.number(),
});
export type ConnectResult = z.infer<typeof CONNECT_RESULT>;

export const COTRAVEL_OPTIONS = z.object({
  /** Together at least this many times. */
  minCount: z.number().int().min(1).max(1000).default(2),
  /** Also together when crossing at the same port within this many minutes (0: same event only). */
  windowMinutes: z.number().int().min(0).max(240).default(5),
});
export const COTRAVEL_RUN = z.object({
  pairs: z.number().int(),
  persons: z.number().int(),
  sameEventPairs: z.number().int(),
  windowPairs: z.number().int(),
  crossings: z.number().int(),
  seconds: z.number(),
  minCount: z.number().int(),
  windowMinutes: z.number().int(),
  /** Set when the threshold had to be raised to keep the number of pairs workable. */
  note: z.string().nullable().optional(),
});
export type CotravelRun = z.infer<typeof COTRAVEL_RUN>;
export const COTRAVEL_PAIR = z.object({
  linkId: z.number().int(),
  a: NODE_REF,
  b: NODE_REF,
  count: z.number().int(),
  sameEvent: z.number().int(),
  first: z.string(),
  last: z.string(),
  ports: z.array(z.string()),
});
export type CotravelPair = z.infer<typeof COTRAVEL_PAIR>;

export const METRIC = z.enum(['degree', 'betweenness', 'pagerank']);
export type Metric = z.infer<typeof METRIC>;
export const METRICS_RESULT = z.object({
  scores: z.array(z.object({ id: z.number().int(), degree: z.number(), betweenness: z.number(), pagerank: z.number(), community: z.number().int() })),
  communities: z.number().int(),
  modularity: z.number(),
  ms: z.number(),
});
export type MetricsResult = z.infer<typeof METRICS_RESULT>;

export const TIMELINE_ITEM = z.object({
  at: z.string(),
  /** The board node the event belongs to (a person for the crossings of its records). */
  nodeId: z.number().int(),
  linkId: z.number().int(),
  kind: LINK_KIND,
  label: z.string(),
});
export type TimelineItem = z.infer<typeof TIMELINE_ITEM>;
