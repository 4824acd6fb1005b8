// A spec's preview: the first rows of each file written through the same code as the import,
// inside a savepoint that is rolled back, so it shows exactly what the import would make.
import type Database from 'better-sqlite3';
import type { ImportSpec } from '../../../../shared/import-spec';
import { nodeKindLabel, type KindDef, type LinkKind, type NodeKind } from '../../../../shared/model';
import { GraphWriter } from '../graph-writer';
import type { ImportProgressInfo } from '../import-bundle';
import { currentMarks } from '../import-marks';
import { loadPart, planJobs, type PreviewSink } from './import-table';
import { kindDefs } from './kinds';
import { openTables } from './tables';

export interface SpecPreview {
  files: Array<{
    file: string;
    part: number;
    header: string[];
    rows: Array<{ line: number; cells: string[] }>;
    refused: string | null;
    rowsRead: number;
  }>;
  entities: Array<{ id: number; kind: NodeKind; kindLabel: string; label: string; key: string; file: string; line: number | null; isNew: boolean }>;
  links: Array<{ kind: LinkKind; source: number; target: number; sourceLabel: string; targetLabel: string; file: string; line: number | null }>;
  rejects: Array<{ file: string; line: number; column: string | null; reason: string }>;
  counts: { entities: number; links: number; rejects: number; rows: number };
  /** Node ids above this were made by the preview (and are gone again). */
  nodeMark: number;
}

/** The first rows of each file through the spec, written and then rolled back: exactly what the import would make of them. */
export async function previewSpec(db: Database.Database, location: string, spec: ImportSpec, limit = 100): Promise<SpecPreview> {
  const src = await openTables(location);
  const out: SpecPreview = { files: [], entities: [], links: [], rejects: [], counts: { entities: 0, links: 0, rejects: 0, rows: 0 }, nodeMark: 0 };
  db.exec('SAVEPOINT spec_preview');
  try {
    const jobs = planJobs(src, spec);
    const marks = currentMarks(db);
    out.nodeMark = marks.node;
    const importId = Number(
      db.prepare(`INSERT INTO import(export_id, source, started_at, status, node_mark, link_mark) VALUES ('preview', ?, ?, 'running', ?, ?)`)
        .run(src.location, new Date().toISOString(), marks.node, marks.link).lastInsertRowid,
    );
    const writer = new GraphWriter(db);
    const progress: ImportProgressInfo = { file: null, phase: 'preview', rowsRead: 0, rowsTotal: null, bytesDone: 0, bytesTotal: 0, elapsed: 0 };
    const met = new Map<string, { label: string; link: boolean }>();
    const touched = new Set<number>();
    for (const job of jobs) {
      const sink: PreviewSink = { limit, header: [], rows: [], refused: null, touched };
      const c = await loadPart(db, writer, null, src, spec, job, importId, null, progress, () => {}, met, sink);
      out.files.push({ file: job.file, part: job.partIndex, header: sink.header, rows: sink.rows, refused: sink.refused, rowsRead: c.read });
      out.counts.rows += c.read;
    }
    const fileName = db.prepare('SELECT name FROM source_file WHERE id = ?').pluck();
    const shown = 2000;
    // Entities this preview touched: every node it made (the identifiers a record's fields name
    // too), and the nodes of the case its rows named.
    type Row = { id: number; kind: NodeKind; label: string; key: string; file_id: number | null; line: number | null };
    const made = db.prepare('SELECT id, kind, label, key, file_id, line FROM node WHERE id > ? ORDER BY id LIMIT ?').all(marks.node, shown) as Row[];
    const older = [...touched].filter((id) => id <= marks.node).sort((x, y) => x - y);
    const byId = db.prepare('SELECT id, kind, label, key, file_id, line FROM node WHERE id = ?');
    const touchedRows = [...older.slice(0, shown).map((id) => byId.get(id) as Row), ...made].slice(0, shown);
    out.counts.entities = older.length + (db.prepare('SELECT count(*) FROM node WHERE id > ?').pluck().get(marks.node) as number);
    const defs = kindDefs(db);
    const labels = new Map<string, KindDef>([...defs.nodes, ...defs.links].map((d) => [d.kind, d]));
    for (const r of touchedRows) {
      const label = labels.get(r.kind)?.label ?? (met.get(r.kind)?.label !== r.kind ? met.get(r.kind)?.label : undefined);
      out.entities.push({
        id: r.id, kind: r.kind, kindLabel: label ?? nodeKindLabel(r.kind), label: r.label, key: r.key,
        file: r.file_id ? String(fileName.get(r.file_id)) : '', line: r.line, isNew: r.id > marks.node,
      });
    }
    const links = db
      .prepare(
        `SELECT l.kind, l.src, l.dst, l.file_id, l.line, a.label AS a, b.label AS b FROM link l JOIN node a ON a.id = l.src JOIN node b ON b.id = l.dst
         WHERE l.id > ? ORDER BY l.id LIMIT ?`,
      )
      .all(marks.link, shown) as Array<{ kind: LinkKind; src: number; dst: number; file_id: number | null; line: number | null; a: string; b: string }>;
    out.counts.links = db.prepare('SELECT count(*) FROM link WHERE id > ?').pluck().get(marks.link) as number;
    for (const l of links) {
      out.links.push({ kind: l.kind, source: l.src, target: l.dst, sourceLabel: l.a, targetLabel: l.b, file: l.file_id ? String(fileName.get(l.file_id)) : '', line: l.line });
    }
    out.rejects = db.prepare('SELECT file, line, column_name AS "column", reason FROM reject WHERE import_id = ? ORDER BY id LIMIT ?').all(importId, shown) as SpecPreview['rejects'];
    out.counts.rejects = db.prepare('SELECT count(*) FROM reject WHERE import_id = ?').pluck().get(importId) as number;
    return out;
  } finally {
    db.exec('ROLLBACK TO spec_preview');
    db.exec('RELEASE spec_preview');
    src.close();
  }
}
