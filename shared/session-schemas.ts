// Review sessions: the shape of the shared Yjs document and of the session calls. Part of the
// contract (contract.ts re-exports them). The shared document holds ids, positions and what
// the participants wrote, never case content: labels and details are asked of the host under
// each participant's own profile.
import { z } from 'zod';
import { AGENCY } from './model';

/** Top-level types of a session document; anything else in an update is refused. */
export const SESSION_MAPS = ['nodes', 'links', 'comments', 'verdicts', 'meta'] as const;
export type SessionMap = (typeof SESSION_MAPS)[number];
export const SESSION_TEXT = 'minutes';

export const SESSION_LIMITS = {
  /** One WebSocket frame (a Yjs update or an awareness update). */
  frameBytes: 1 << 20,
  /** Frames a participant may send per second, averaged over a few seconds. */
  framesPerSecond: 60,
  burst: 240,
  commentChars: 4000,
  minutesChars: 200_000,
  nodes: 50_000,
  participants: 32,
  nameChars: 80,
} as const;

const coord = z.number().finite().min(-1e7).max(1e7);
/** nodes: key = node id; where it sits on the board. */
export const SESSION_NODE = z.object({ x: coord, y: coord }).strict();
/** links: key = link id; its two ends (must be the link's own). */
export const SESSION_LINK = z.object({ s: z.number().int(), t: z.number().int() }).strict();

/** What a comment or verdict is about: a node, a link or a lead of the case. */
export const SESSION_TARGET = z.string().regex(/^(node|link|lead):\d{1,15}$/);
export type SessionTarget = z.infer<typeof SESSION_TARGET>;

export const SESSION_COMMENT = z
  .object({
    target: SESSION_TARGET,
    text: z.string().min(1).max(SESSION_LIMITS.commentChars),
    /** The participant who wrote it (the host checks it is the sender) and their name. */
    by: z.string().max(80),
    name: z.string().max(SESSION_LIMITS.nameChars),
    agency: AGENCY,
    at: z.string().max(40),
    /** The comment this one answers (a thread). */
    replyTo: z.string().max(80).nullable().optional(),
  })
  .strict();
export type SessionComment = z.infer<typeof SESSION_COMMENT>;

export const VERDICT = z.enum(['confirmed', 'refuted', 'follow-up']);
export type Verdict = z.infer<typeof VERDICT>;
/** verdicts: key = target. */
export const SESSION_VERDICT = z
  .object({ verdict: VERDICT, by: z.string().max(80), name: z.string().max(SESSION_LIMITS.nameChars), agency: AGENCY, at: z.string().max(40), note: z.string().max(1000).optional() })
  .strict();
export type SessionVerdict = z.infer<typeof SESSION_VERDICT>;

/** meta: written by the host only. */
export const SESSION_META = {
  /** The participant everyone may follow (their viewport), or null. */
  presenter: z.string().max(80).nullable(),
  board: z.string().max(200),
  endedAt: z.string().max(40).nullable(),
} as const;

/** What each participant tells the others (Yjs awareness), checked and filtered by the host. */
export const SESSION_PRESENCE = z.object({
  user: z.object({ id: z.string().max(80), name: z.string().max(SESSION_LIMITS.nameChars), agency: AGENCY, colour: z.string().max(20) }).optional(),
  /** Selected elements as targets ("node:12"); ids another agency may not see are dropped for it. */
  selection: z.array(SESSION_TARGET).max(500).optional(),
  pointer: z.object({ x: coord, y: coord }).nullable().optional(),
  viewport: z.object({ x: coord, y: coord, zoom: z.number().finite().min(0.001).max(1000) }).nullable().optional(),
});
export type SessionPresence = z.infer<typeof SESSION_PRESENCE>;

export const SESSION_ROLE = z.enum(['host', 'participant']);
export const SESSION_PARTICIPANT = z.object({
  id: z.string(),
  name: z.string(),
  agency: AGENCY,
  colour: z.string(),
  role: SESSION_ROLE,
  admittedAt: z.string(),
  online: z.boolean(),
});
export type SessionParticipant = z.infer<typeof SESSION_PARTICIPANT>;

export const SESSION_KNOCK = z.object({ ticket: z.string(), name: z.string(), agency: AGENCY, at: z.string(), from: z.string() });
export type SessionKnock = z.infer<typeof SESSION_KNOCK>;

export const SESSION_STATUS = z.object({
  id: z.number().int(),
  boardId: z.number().int(),
  board: z.string(),
  /** The link to give participants: address, join code and certificate fingerprint. */
  joinUrl: z.string(),
  code: z.string(),
  fingerprint: z.string(),
  bind: z.string(),
  port: z.number().int(),
  startedAt: z.string(),
  participants: z.array(SESSION_PARTICIPANT),
  lobby: z.array(SESSION_KNOCK),
});
export type SessionStatus = z.infer<typeof SESSION_STATUS>;

export const SESSION_HOST_INPUT = z.object({
  boardId: z.number().int().positive().default(1),
  port: z.number().int().min(0).max(65535).default(0),
  /** Loopback unless the host says otherwise. */
  bind: z.string().max(100).default('127.0.0.1'),
});

/** The caller's own place in the session (the participant's window asks it first). */
export const SESSION_SELF = z.object({
  sessionId: z.number().int(),
  participant: SESSION_PARTICIPANT,
  board: z.string(),
  /** Path of the Yjs WebSocket on the same origin. */
  yjsPath: z.string(),
  /** For the host's own window where it is not served over HTTP (Electron): the session
   * server's Yjs address and the host's token for it. Null for participants. */
  hostYjs: z.object({ url: z.string(), token: z.string(), fingerprint: z.string() }).nullable(),
});
export type SessionSelf = z.infer<typeof SESSION_SELF>;
