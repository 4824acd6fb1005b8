import type { ErrorCode } from '../../shared/contract';

/** An error whose code and message are meant for the analyst, not a stack trace. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function toCallError(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  const e = err as { code?: unknown; message?: unknown; name?: unknown };
  if (e && e.name === 'AppError' && typeof e.code === 'string') {
    return { code: e.code as ErrorCode, message: String(e.message) };
  }
  if (e && typeof e.code === 'string' && /^SQLITE_(FULL|IOERR)/.test(e.code)) {
    return { code: 'io_error', message: `Could not write the case file (disk full, file size limit or a failing disk): ${e.code}. Nothing of the interrupted work was kept.` };
  }
  if (e && typeof e.code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(e.code)) {
    return { code: 'io_error', message: `The case file is locked by another program (${e.code}); close it there and try again.` };
  }
  if (e && typeof e.code === 'string' && e.code.startsWith('SQLITE_READONLY')) {
    return { code: 'io_error', message: `The case file is read-only (${e.code}); copy it somewhere writable or open it from there.` };
  }
  if (e && typeof e.code === 'string' && e.code.startsWith('SQLITE_')) {
    return { code: 'io_error', message: `The case database reported ${e.code}: ${String(e.message)}` };
  }
  if (e && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) {
    return { code: 'io_error', message: String(e.message) };
  }
  return { code: 'internal', message: e && e.message ? String(e.message) : String(err) };
}
