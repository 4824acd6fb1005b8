// Where a row came from: export, file, line, agency, handling, and when it was loaded.
import type Database from 'better-sqlite3';
import type { Provenance } from '../../../shared/model';

interface FileRow {
  name: string;
  header: string;
  export_id: string;
  loaded_at: string;
}

export class ProvenanceLookup {
  private readonly files = new Map<number, FileRow>();
  constructor(private readonly db: Database.Database) {}

  file(fileId: number): FileRow {
    let f = this.files.get(fileId);
    if (!f) {
      f = this.db
        .prepare(
          `SELECT f.name, f.header, i.export_id, coalesce(i.finished_at, i.started_at) AS loaded_at
           FROM source_file f JOIN import i ON i.id = f.import_id WHERE f.id = ?`,
        )
        .get(fileId) as FileRow;
      this.files.set(fileId, f);
    }
    return f;
  }

  of(row: { file_id: number | null; line: number | null; agency: string | null; handling: string }): Provenance | null {
    if (row.file_id === null || row.line === null) return null;
    const f = this.file(row.file_id);
    return {
      exportId: f.export_id,
      file: f.name,
      line: row.line,
      agency: (row.agency as Provenance['agency']) ?? null,
      handling: row.handling as Provenance['handling'],
      loadedAt: f.loaded_at,
    };
  }
}
