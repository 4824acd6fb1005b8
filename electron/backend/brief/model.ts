// What a briefing package is made from: a board already redacted for its audience, and the
// analyst's words around it. Deciding what the audience may see happens before this model.
import { z } from 'zod';
import { BOARD_STATE, type BoardState } from '../../../shared/contract';
import { AGENCY, ATTRIBUTE, HANDLING, LINK_REF, NODE_REF, PROFILE, type Agency, type Attribute, type Handling, type LinkRef, type NodeRef, type Profile } from '../../../shared/model';
import type { BriefReview } from './review';

export interface BriefModel {
  title: string;
  summary: string;
  createdAt: string;
  author: Profile;
  audience: Agency;
  /** The highest handling inside the package: it drives the banner on every page. */
  handling: Handling;
  /** Items replaced by pointers or removed for the audience. */
  withheld: number;
  /** Sentences for the tear-line notice, e.g. "ICE holds 2 records; contact HSI EL PASO". */
  withheldNotes: string[];
  /** The board as a crosslink-board v2 object, already redacted; written to board.json as is. */
  board: BoardState;
  entities: Array<{ ref: NodeRef; attributes: Attribute[] }>;
  links: LinkRef[];
  paths: Array<{ title: string; steps: string[] }>;
  leads: Array<{ kind: string; score: number; title: string; summary: string }>;
  timeline: Array<{ at: string; label: string }>;
  sources: Array<{ exportId: string; file: string; line: number; agency: string | null; handling: Handling }>;
  /** The board's review session (brief/review.ts), when it had one. */
  review?: BriefReview | null;
}

/** The model checked where it enters (DESIGN practice 2): every kind and marking known. */
export const BRIEF_MODEL = z.object({
  title: z.string().min(1),
  summary: z.string(),
  createdAt: z.string(),
  author: PROFILE,
  audience: AGENCY,
  handling: HANDLING,
  withheld: z.number().int().min(0),
  withheldNotes: z.array(z.string()),
  board: BOARD_STATE,
  entities: z.array(z.object({ ref: NODE_REF, attributes: z.array(ATTRIBUTE) })),
  links: z.array(LINK_REF),
  paths: z.array(z.object({ title: z.string(), steps: z.array(z.string()) })),
  leads: z.array(z.object({ kind: z.string(), score: z.number(), title: z.string(), summary: z.string() })),
  timeline: z.array(z.object({ at: z.string(), label: z.string() })),
  sources: z.array(z.object({ exportId: z.string(), file: z.string(), line: z.number().int(), agency: z.string().nullable(), handling: HANDLING })),
  review: z
    .object({
      startedAt: z.string(),
      endedAt: z.string().nullable(),
      participants: z.array(z.object({ name: z.string(), agency: AGENCY, role: z.enum(['host', 'participant']) })),
      verdicts: z.array(z.object({ about: z.string(), verdict: z.string(), name: z.string(), agency: AGENCY, at: z.string(), note: z.string() })),
      comments: z.array(z.object({ about: z.string(), name: z.string(), agency: AGENCY, at: z.string(), text: z.string() })),
      minutes: z.string(),
      withheld: z.number().int().min(0),
    })
    .nullable()
    .optional(),
});

// The schema and the interface must describe the same thing.
const _sameShape: z.ZodType<BriefModel> = BRIEF_MODEL;

/**
 * Turns HTML into a PDF and SVG into a PNG. Small on purpose: the command line and the browser
 * host use Chromium through playwright-core (chromium-renderer.ts); Electron injects its own
 * (printToPDF). Pages handed to it are self-contained: no network, no scripts needed.
 */
export interface BriefRenderer {
  pdf(html: string): Promise<Buffer>;
  png(svg: string, width: number, height: number): Promise<Buffer>;
  close(): Promise<void>;
}

export interface PackagedFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface BriefPackageResult {
  file: string;
  bytes: number;
  files: PackagedFile[];
}
