// What every import shares: rows committed in batches inside the import, a cancel that
// unwinds them, and the page cache an import runs with.
import type Database from 'better-sqlite3';
import type { GraphWriter } from './graph-writer';
import type { ImportControl, ImportProgressInfo } from './import-bundle';

export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled; the case is as it was before the import.');
  }
}

/** Page cache for the import in KiB (CROSSLINK_IMPORT_CACHE_MB, default 384 MiB). */
export function importCacheKib(): number {
  const mb = Number(process.env.CROSSLINK_IMPORT_CACHE_MB);
  return (Number.isFinite(mb) && mb >= 16 ? mb : 384) * 1024;
}

/**
 * Rows are committed in batches: one huge transaction spilled the page cache into the WAL
 * and made every insert slower as the import grew (100 k crossings: 40 s -> 12 s).
 * CROSSLINK_IMPORT_BATCH_ROWS tunes it (tests use small batches to exercise recovery).
 */
function batchRows(): number {
  const n = Number(process.env.CROSSLINK_IMPORT_BATCH_ROWS);
  return Number.isInteger(n) && n > 0 ? n : 100_000;
}

export class Batch {
  private rows = 0;
  private readonly size = batchRows();
  constructor(
    private readonly db: Database.Database,
    private readonly writer: GraphWriter,
  ) {}

  begin(): void {
    this.db.exec('BEGIN IMMEDIATE');
  }

  commit(): void {
    this.writer.flushSearchIndex();
    this.db.exec('COMMIT');
    this.rows = 0;
  }

  /** Counts a row; commits and starts the next batch when this one is full. */
  row(): void {
    if (++this.rows >= this.size) {
      this.commit();
      this.begin();
    }
  }

  abandon(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }
}


/** Reports progress at most every 150 ms (or when forced), and stops the import when the analyst cancelled it. */
export function progressTicker(progress: ImportProgressInfo, started: number, ctl: ImportControl): (force?: boolean) => void {
  let lastTick = 0;
  return (force = false) => {
    const t = Date.now();
    if (!force && t - lastTick < 150) return;
    lastTick = t;
    progress.elapsed = (t - started) / 1000;
    ctl.onProgress?.({ ...progress });
    if (ctl.isCancelled?.()) throw new ImportCancelled();
  };
}
