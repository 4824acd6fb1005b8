// Who an unresolved record stands for. Resolution folds records into persons; a record it
// left alone (not run yet, skipped on a very large case, or too weak a match) that gives the
// document of a resolved record joins that person; otherwise records giving the same
// document are one person, represented by the first record (lowest id) with it.
// Co-travel and the lead detectors use this, so they agree on who is who.
import type Database from 'better-sqlite3';

export interface Identity {
  /** The entity a record stands for: its person, else its document's person or first record, else itself. */
  whoOf(record: number): number;
}

/** From the 'resolved_as' pairs and the record -> document pairs (any order, repeats allowed). */
export function identityFrom(personOf: ReadonlyMap<number, number>, documents: Iterable<[number, number]>): Identity {
  // A record's document: the lowest document node it gives (a record rarely gives two).
  const docOf = new Map<number, number>();
  for (const [rec, doc] of documents) {
    const d = docOf.get(rec);
    if (d === undefined || doc < d) docOf.set(rec, doc);
  }
  const firstWithDoc = new Map<number, number>();
  const personWithDoc = new Map<number, number>();
  for (const [rec, doc] of docOf) {
    const person = personOf.get(rec);
    if (person !== undefined) {
      if (!personWithDoc.has(doc)) personWithDoc.set(doc, person);
      continue;
    }
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
  };
}

export function loadIdentity(db: Database.Database): Identity {
  const personOf = new Map<number, number>();
  for (const [rec, ent] of db.prepare(`SELECT src, dst FROM link WHERE kind = 'resolved_as'`).raw(true).iterate() as Iterable<[number, number]>) personOf.set(rec, ent);
  // Only subject records and crossings give documents.
  return identityFrom(personOf, db.prepare(`SELECT src, dst FROM link WHERE kind = 'has_document'`).raw(true).iterate() as Iterable<[number, number]>);
}
