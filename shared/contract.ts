// Every call the renderer may make: name -> zod input + output schema. The single source
// of truth for both transports (Electron IPC and the browser host's HTTP/WebSocket).
import { z } from 'zod';
import { AGENCY, HANDLING, LINK_KIND, LINK_REF, NODE_KIND, NODE_REF, PROFILE } from './model';
import { SESSION_HOST_INPUT, SESSION_SELF, SESSION_STATUS } from './session-schemas';
import { AUDIT_ACTION, AUDIT_ENTRY, AUDIT_VERIFY, BRIEF_RESULT } from './access-schemas';
import {
  BOARD_SLICE, CONNECT_RESULT, COTRAVEL_OPTIONS, COTRAVEL_PAIR, COTRAVEL_RUN, EXPANSION, LINK_DETAILS, METRICS_RESULT, NODE_DETAILS, PATH_OPTIONS, PATH_RESULT,
  SEARCH_HIT, STATS, TIMELINE_ITEM, nodeId, nodeSpec,
} from './graph-schemas';
import { IMPORT_SPEC } from './import-spec';
import { KIND_DEFS, RANK_METRICS, RANK_RESULT, SPEC_INFERENCE, SPEC_PREVIEW } from './spec-schemas';
import { IMPORT_PROGRESS, IMPORT_REPORT } from './import-schemas';
import { BACKUP_INFO, HEALTH } from './ops-schemas';
import { LEAD, LEAD_KIND, LEAD_STATUS, LEADS_RUN, PORT_TREND, WATCH_KIND, WATCH_NEWS, WATCH_RULE } from './leads-schemas';

// The contract's schemas by subject; everyone imports them from here.
export * from './access-schemas';
export * from './session-schemas';
export * from './graph-schemas';
export * from './leads-schemas';
export * from './spec-schemas';
export * from './import-schemas';
export * from './ops-schemas';

const path = z.string().min(1).max(4096);

export const CASE_INFO = z.object({
  path: z.string(),
  name: z.string(),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  counts: z.object({ nodes: z.number().int(), links: z.number().int(), imports: z.number().int() }),
  /** Things the analyst must be told on opening, e.g. an interrupted import that was taken back out. */
  notices: z.array(z.string()),
  /** The case's analyst profile, chosen when it was created. */
  profile: PROFILE,
  /** The profile every answer is filtered for: the case's, or the host's --as. */
  actingAs: PROFILE,
});
export type CaseInfo = z.infer<typeof CASE_INFO>;

export const DIR_ENTRY = z.object({
  name: z.string(),
  path: z.string(),
  type: z.enum(['dir', 'file']),
  size: z.number(),
  isBundle: z.boolean(),
});
export type DirEntry = z.infer<typeof DIR_ENTRY>;

const shortText = z.string().max(2000);
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/** The analyst's marks on a board element: a note, a pin, a colour, a size, a group. */
export const ELEMENT_MARKS = z.object({
  note: shortText.optional(),
  pinned: z.boolean().optional(),
  colour: colour.optional(),
  /** A size factor (1 = as drawn by default). */
  scale: z.number().min(0.25).max(4).optional(),
  /** The id of the group (in `groups`) holding the node. */
  group: z.string().max(100).optional(),
});
export type ElementMarks = z.infer<typeof ELEMENT_MARKS>;

export const BOARD_GROUP = z.object({ id: z.string().min(1).max(100), label: z.string().max(200), collapsed: z.boolean().default(false), colour: colour.optional() });
export type BoardGroup = z.infer<typeof BOARD_GROUP>;

/** A board: what is on the canvas, where, and the analyst's marks. Version 1 had no marks. */
export const BOARD_STATE = z.object({
  type: z.literal('crosslink-board').optional(),
  version: z.number().int().min(1).max(2).optional(),
  nodes: z.array(z.object({ ref: NODE_REF, pos: z.object({ x: z.number(), y: z.number() }), marks: ELEMENT_MARKS.optional() })).max(50_000),
  links: z.array(LINK_REF.extend({ marks: ELEMENT_MARKS.pick({ note: true, colour: true }).optional() })).max(200_000),
  groups: z.array(BOARD_GROUP).max(1000).optional(),
  viewport: z.object({ zoom: z.number(), x: z.number(), y: z.number() }).optional(),
});
export type BoardState = z.infer<typeof BOARD_STATE>;

export const BOARD_INFO = z.object({ id: z.number().int(), name: z.string(), savedAt: z.string(), nodes: z.number().int(), links: z.number().int() });
export type BoardInfo = z.infer<typeof BOARD_INFO>;

export const RESOLUTION_RUN = z.object({
  incremental: z.boolean(),
  vehicles: z.number().int(),
  records: z.number().int(),
  persons: z.number().int(),
  merged: z.number().int(),
  possible: z.number().int(),
  candidatePairs: z.number().int(),
  seconds: z.number(),
});
export const RESOLUTION_DECISION = z.object({
  id: z.number().int(),
  at: z.string(),
  who: z.string(),
  action: z.enum(['same', 'not_same', 'alone']),
  a: z.string(),
  b: z.string().nullable(),
  note: z.string().nullable(),
  undoneAt: z.string().nullable(),
});
const recordId = z.string().min(1).max(200);

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const contract = {
  'app.info': call(z.object({}), z.object({ version: z.string(), host: z.enum(['electron', 'web', 'cli', 'session']), demoCase: z.string().nullable() })),
  'case.create': call(z.object({ path, name: z.string().max(200).optional(), profile: PROFILE.optional() }), CASE_INFO),
  'case.open': call(z.object({ path }), CASE_INFO),
  'case.current': call(z.object({}), CASE_INFO.nullable()),
  'case.close': call(z.object({}), z.object({ closed: z.boolean() })),
  'fs.list': call(z.object({ path: path.optional() }), z.object({ path: z.string(), parent: z.string().nullable(), entries: z.array(DIR_ENTRY) })),
  /** A bundle, or with `spec` a table, folder or zip of tables; a graph-database export needs no spec (it is inferred). */
  'import.start': call(
    z.object({ path, spec: IMPORT_SPEC.optional(), acceptRejects: z.boolean().default(false) }),
    z.object({ jobId: z.string() }),
  ),
  /** The first rows through a spec, as the import would write them (nothing is kept). */
  'import.preview': call(z.object({ path, spec: IMPORT_SPEC, limit: z.number().int().min(1).max(1000).default(100) }), SPEC_PREVIEW),
  /** A first spec for a table or graph export (the wizard starts from it). */
  'import.infer': call(z.object({ path, name: z.string().trim().max(200).optional() }), SPEC_INFERENCE),
  /** Import specs as files: saved for the next file of the same shape, shared, edited by hand. */
  'spec.save': call(z.object({ path, spec: IMPORT_SPEC }), z.object({ path: z.string() })),
  'spec.load': call(z.object({ path }), z.object({ path: z.string(), spec: IMPORT_SPEC })),
  /** The custom kinds of the case (label, colour, icon). */
  'kinds.list': call(z.object({}), KIND_DEFS),
  'import.progress': call(z.object({ jobId: z.string().min(1).max(100) }), IMPORT_PROGRESS),
  'import.cancel': call(z.object({ jobId: z.string().min(1).max(100) }), z.object({ cancelled: z.boolean() })),
  'import.list': call(z.object({}), z.array(IMPORT_REPORT.omit({ rejects: true, files: true, rejectsByReason: true }))),
  'import.report': call(
    z.object({ importId: z.number().int().positive(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
    IMPORT_REPORT,
  ),
  'import.rejectsCsv': call(z.object({ importId: z.number().int().positive() }), z.object({ filename: z.string(), csv: z.string() })),
  'search': call(z.object({ q: z.string().max(500), limit: z.number().int().min(1).max(500).default(50), kinds: z.array(NODE_KIND).optional() }), z.array(SEARCH_HIT)),
  'graph.stats': call(z.object({}), STATS),
  'graph.node': call(z.object({ id: nodeId }), NODE_DETAILS),
  'graph.link': call(z.object({ id: nodeId }), LINK_DETAILS),
  'graph.resolveId': call(z.object({ sourceId: z.string().min(1).max(200) }), NODE_REF.nullable()),
  'graph.expand': call(
    z.object({ id: nodeId, force: z.boolean().default(false), limit: z.number().int().min(1).max(5000).default(200), kinds: z.array(NODE_KIND).optional() }),
    EXPANSION,
  ),
  'backup.create': call(z.object({}), BACKUP_INFO),
  'backup.list': call(z.object({ casePath: path.optional() }), z.object({ dir: z.string(), backups: z.array(BACKUP_INFO) })),
  'backup.verify': call(z.object({ file: path }), z.object({ ok: z.boolean(), problem: z.string().nullable() })),
  'backup.restore': call(
    z.object({ file: path, casePath: path.optional() }),
    z.object({ restored: BACKUP_INFO, savedCurrent: z.string().nullable(), case: CASE_INFO }),
  ),
  'resolution.run': call(z.object({}), RESOLUTION_RUN),
  'resolution.explain': call(
    z.object({ a: recordId, b: recordId }),
    z.object({
      features: z.array(z.object({ feature: z.string(), level: z.string().nullable(), weight: z.number() })),
      weight: z.number(),
      probability: z.number(),
      contradiction: z.string().nullable(),
      decision: z.string().nullable(),
      sameEntity: z.boolean(),
    }),
  ),
  'resolution.decide': call(
    z.object({ action: z.enum(['same', 'not_same', 'alone']), a: recordId, b: recordId.optional(), note: z.string().max(1000).optional() }),
    z.object({ decisionId: z.number().int(), run: RESOLUTION_RUN }),
  ),
  'resolution.undo': call(z.object({ decisionId: z.number().int().positive() }), z.object({ run: RESOLUTION_RUN })),
  'resolution.decisions': call(z.object({}), z.array(RESOLUTION_DECISION)),
  'resolution.queue': call(
    z.object({ limit: z.number().int().min(1).max(1000).default(200) }),
    z.array(z.object({ linkId: z.number().int(), a: NODE_REF, b: NODE_REF, probability: z.number(), evidence: z.string(), recordA: z.string(), recordB: z.string() })),
  ),
  'resolution.rows': call(z.object({}), z.array(z.object({ recordId: z.string(), kind: z.enum(['person', 'vehicle']), entityId: z.string() }))),
  /** Boards of the case; board 1 is the working board every case starts with. */
  /** Review sessions (session/): the host's calls, and the participants' own. */
  'session.host': call(SESSION_HOST_INPUT, SESSION_STATUS),
  'session.status': call(z.object({}), SESSION_STATUS.nullable()),
  /** Sessions of this case that were not ended (the host stopped or crashed): Host review resumes them. */
  'session.interrupted': call(
    z.object({}),
    z.array(z.object({ id: z.number().int(), boardId: z.number().int(), board: z.string(), startedAt: z.string(), port: z.number().int() })),
  ),
  'session.admit': call(z.object({ ticket: z.string().max(100) }), SESSION_STATUS),
  'session.deny': call(z.object({ ticket: z.string().max(100) }), SESSION_STATUS),
  'session.remove': call(z.object({ participant: z.string().max(80) }), SESSION_STATUS),
  'session.end': call(z.object({}), z.object({ ended: z.boolean() })),
  'session.self': call(z.object({}), SESSION_SELF),
  /** Labels and kinds of the session board's ids, as the caller may see them. */
  'session.elements': call(z.object({ nodes: z.array(z.number().int()).max(50_000), links: z.array(z.number().int()).max(200_000) }), BOARD_SLICE),
  'board.list': call(z.object({}), z.array(BOARD_INFO)),
  'board.create': call(z.object({ name: z.string().trim().min(1).max(200), state: BOARD_STATE.optional() }), BOARD_INFO),
  'board.rename': call(z.object({ id: z.number().int().positive(), name: z.string().trim().min(1).max(200) }), BOARD_INFO),
  'board.delete': call(z.object({ id: z.number().int().positive() }), z.object({ deleted: z.boolean() })),
  'board.save': call(z.object({ id: z.number().int().positive().default(1), state: BOARD_STATE }), z.object({ savedAt: z.string() })),
  'board.load': call(
    z.object({ id: z.number().int().positive().default(1) }),
    z.object({ id: z.number().int(), name: z.string(), state: BOARD_STATE, savedAt: z.string(), from: z.enum(['case', 'journal']) }).nullable(),
  ),
  'graph.path': call(PATH_OPTIONS.extend({ from: nodeSpec, to: nodeSpec, k: z.number().int().min(1).max(20).default(1) }), PATH_RESULT),
  'graph.connect': call(PATH_OPTIONS.extend({ ids: z.array(nodeId).min(2).max(100) }), CONNECT_RESULT),
  'graph.metrics': call(
    z.object({ nodes: z.array(nodeId).max(50_000), links: z.array(z.tuple([nodeId, nodeId])).max(200_000) }),
    METRICS_RESULT,
  ),
  /** The case's entities ranked by a metric over the whole entity graph (or the kinds named). */
  'graph.rank': call(
    z.object({
      metric: z.enum(RANK_METRICS),
      kinds: z.array(NODE_KIND).max(100).optional(),
      linkKinds: z.array(LINK_KIND).max(100).optional(),
      top: z.number().int().min(1).max(10_000).default(20),
    }),
    RANK_RESULT,
  ),
  'graph.timeline': call(
    z.object({ ids: z.array(nodeId).max(50_000), limit: z.number().int().min(1).max(200_000).default(100_000) }),
    z.object({ items: z.array(TIMELINE_ITEM), truncated: z.boolean() }),
  ),
  'cotravel.run': call(COTRAVEL_OPTIONS, COTRAVEL_RUN),
  'cotravel.list': call(
    z.object({ minCount: z.number().int().min(1).default(1), limit: z.number().int().min(1).max(5000).default(200), personId: nodeId.optional() }),
    z.object({ pairs: z.array(COTRAVEL_PAIR), total: z.number().int(), lastRun: COTRAVEL_RUN.nullable() }),
  ),
  'leads.run': call(z.object({}), LEADS_RUN),
  'leads.list': call(
    z.object({
      kinds: z.array(LEAD_KIND).optional(),
      status: z.array(LEAD_STATUS).optional(),
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    z.object({
      leads: z.array(LEAD),
      total: z.number().int(),
      byKind: z.array(z.object({ kind: LEAD_KIND, count: z.number().int() })),
      /** Leads nobody looked at yet (the badge). */
      unseen: z.number().int(),
      lastRun: LEADS_RUN.nullable(),
    }),
  ),
  /** A lead with its evidence: the subgraph to open on a new board. */
  'leads.get': call(z.object({ id: z.number().int().positive() }), LEAD.extend({ evidence: BOARD_SLICE })),
  'leads.mark': call(
    z.object({ id: z.number().int().positive(), status: LEAD_STATUS, reason: z.string().trim().max(1000).optional() }),
    LEAD,
  ),
  'watch.add': call(z.object({ kind: WATCH_KIND, target: z.string().trim().min(1).max(500), label: z.string().trim().max(200).optional() }), WATCH_RULE),
  'watch.list': call(z.object({}), z.array(WATCH_RULE)),
  'watch.remove': call(z.object({ id: z.number().int().positive() }), z.object({ removed: z.boolean() })),
  /** Evaluates every rule now (also done after every import); answers only what is new. */
  'watch.run': call(z.object({}), z.array(WATCH_NEWS)),
  'trends.ports': call(
    z.object({ top: z.number().int().min(1).max(500).default(12), threshold: z.number().min(1).max(20).default(3.5) }),
    z.object({ days: z.array(z.string()), ports: z.array(PORT_TREND) }),
  ),
  'ops.health': call(z.object({}), HEALTH),
  'ops.diagnostics': call(z.object({}), z.object({ text: z.string() })),
  'audit.list': call(
    z.object({
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
      action: AUDIT_ACTION.optional(),
      who: z.string().max(200).optional(),
      /** Words to find in the target or detail. */
      q: z.string().max(200).optional(),
    }),
    z.object({ entries: z.array(AUDIT_ENTRY), total: z.number().int() }),
  ),
  'audit.verify': call(z.object({}), AUDIT_VERIFY),
  'brief.export': call(
    z.object({
      boardId: z.number().int().positive(),
      title: z.string().trim().min(1).max(200),
      summary: z.string().max(20_000).default(''),
      /** The agency the package is for (tear line); default the acting profile's. */
      audience: AGENCY.optional(),
      /** Only these nodes of the board (a selection); default the whole board. */
      nodeIds: z.array(nodeId).max(50_000).optional(),
      /** Where to write the .zip; default a briefs/ folder beside the case. */
      out: path.optional(),
    }),
    BRIEF_RESULT,
  ),
  'brief.verify': call(z.object({ file: path }), z.object({ ok: z.boolean(), problems: z.array(z.string()) })),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type Input<N extends CallName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type Output<N extends CallName> = z.output<Contract[N]['output']>;

export const ERROR_CODES = [
  'invalid_input',
  'unknown_call',
  'no_case',
  'not_found',
  'conflict',
  'bad_bundle',
  'io_error',
  'db_too_new',
  'damaged',
  'unauthorized',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export interface CallError {
  code: ErrorCode;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** Events the backend pushes to the renderer (progress, completion). */
export const events = {
  /** The hosted session's participants and lobby changed (null: it ended or stopped). */
  'session.changed': SESSION_STATUS.nullable(),
  'import.progress': IMPORT_PROGRESS,
  /** After an import's detectors ran: what is new for the analyst (toast + badge). */
  'leads.updated': z.object({
    added: z.number().int(),
    reopened: z.number().int(),
    unseen: z.number().int(),
    top: z.array(z.object({ id: z.number().int(), title: z.string(), score: z.number() })),
    /** Watch rules that found something new in this import. */
    watches: z.array(WATCH_NEWS),
  }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

/** The client every renderer module uses; both transports implement it. */
export interface ContractClient {
  call<N extends CallName>(name: N, input: Input<N>): Promise<Result<Output<N>>>;
  on<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): () => void;
}

export { HANDLING };
