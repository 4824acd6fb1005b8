// Messages between the main thread and a DB worker.
import type { CallError } from '../../../shared/contract';
import type { Agency } from '../../../shared/model';

export type ToWorker =
  | { type: 'call'; id: number; op: string; args: unknown; as: Agency }
  | { type: 'cancel'; id: number }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; error: CallError }
  | { type: 'progress'; id: number; payload: unknown }
  | { type: 'result'; id: number; ok: true; value: unknown; ms: number; plan?: string[] }
  | { type: 'result'; id: number; ok: false; error: CallError; ms: number; plan?: string[] }
  | { type: 'closed' };

export interface WorkerInit {
  path: string;
  /** The analyst is a second reader for graph algorithms, so a long one never delays search. */
  role: 'writer' | 'reader' | 'analyst';
  create: boolean;
  backupDir?: string;
}

/** An operation slower than this reports the query plans of its statements (100 ms, the
 * operations issue's figure; DESIGN.md cites Signal's 40 ms). */
export const SLOW_MS = 100;
