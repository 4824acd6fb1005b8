// Who an unresolved record stands for. Resolution folds records into persons; before it ran
// (or on a case too large for it to run after each import), records giving the same
// document are taken as one person, represented by the first record (lowest id) with it.
// Co-travel and the lead detectors use this, so they agree on who is who.
import type Database from 'better-sqlite3';

export interface Identity {
  /** The entity a record stands for: its person, else its document's first record, else itself. */
  whoOf(record: number): number;
  /** Records folded by document because they were not resolved. */
  readonly byDocument: number;
}

export function loadIdentity(db: Database.Database): Identity {
  const personOf = new Map<number, number>();
  for (const [rec, ent] of db.prepare(`SELECT src, dst FROM link WHERE kind = 'resolved_as'`).raw(true).iterate() as Iterable<[number, number]>) personOf.set(rec, ent);
  const docOf = new Map<number, number>();
  const firstWithDoc = new Map<number, number>();
  for (const [rec, doc] of db
    // Only subject records and crossings give documents.
    .prepare(`SELECT src, min(dst) FROM link WHERE kind = 'has_document' GROUP BY src`)
    .raw(true)
    .iterate() as Iterable<[number, number]>) {
    if (personOf.has(rec)) continue;
    docOf.set(rec, doc);
    const first = firstWithDoc.get(doc);
    if (first === undefined || rec < first) firstWithDoc.set(doc, rec);
  }
  return {
    whoOf: (rec) => personOf.get(rec) ?? firstWithDoc.get(docOf.get(rec) ?? -1) ?? rec,
    byDocument: docOf.size,
  };
}
