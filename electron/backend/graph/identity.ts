// Who an unresolved record stands for. Resolution folds records into persons; a record it
// left alone (not run yet, skipped on a very large case, or too weak a match) that gives the
// document of a resolved record joins that person; otherwise records giving the same
// document are one person, represented by the first record (lowest id) with it.
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
  /** A document one of whose records was resolved: the unresolved ones with it join that person. */
  const personWithDoc = new Map<number, number>();
  for (const [rec, doc] of db
    // Only subject records and crossings give documents.
    .prepare(`SELECT src, min(dst) FROM link WHERE kind = 'has_document' GROUP BY src`)
    .raw(true)
    .iterate() as Iterable<[number, number]>) {
    const person = personOf.get(rec);
    if (person !== undefined) {
      if (!personWithDoc.has(doc)) personWithDoc.set(doc, person);
      continue;
    }
    docOf.set(rec, doc);
    const first = firstWithDoc.get(doc);
    if (first === undefined || rec < first) firstWithDoc.set(doc, rec);
  }
  return {
    whoOf: (rec) => {
      const p = personOf.get(rec);
      if (p !== undefined) return p;
      const doc = docOf.get(rec);
      return doc === undefined ? rec : (personWithDoc.get(doc) ?? firstWithDoc.get(doc) ?? rec);
    },
    byDocument: docOf.size,
  };
}
