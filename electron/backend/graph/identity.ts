// Who an unresolved record stands for. Resolution folds records into persons; a record it
// left alone (not run yet, skipped on a very large case, or too weak a match) that gives the
// document of a resolved record joins that person; otherwise records giving the same
// document are one person, represented by the first record (lowest id) with it.
// Co-travel and the lead detectors use this, so they agree on who is who.
// Node ids are small dense integers, so each answer is an array lookup (a national case has
// millions of records: maps of them cost seconds).
import type Database from 'better-sqlite3';
import type { Column } from '../util/column';

export interface Identity {
  /** The entity a record stands for: its person, else its document's person or first record, else itself. */
  whoOf(record: number): number;
}

/** Pairs of node ids as two columns: (record, entity) or (record, document). */
export interface Pairs {
  a: Column;
  b: Column;
}

/** Above every node id of the case: the size of an array indexed by node id. */
export function nodeIdBound(db: Database.Database): number {
  return ((db.prepare('SELECT max(id) FROM node').pluck().get() as number | null) ?? 0) + 1;
}

/**
 * From the 'resolved_as' pairs and the record -> document pairs (any order, repeats allowed);
 * `size` is above every node id (max(node.id) + 1).
 */
export function identityFrom(size: number, resolved: Pairs, documents: Pairs): Identity {
  const personOf = new Int32Array(size).fill(-1);
  for (let i = 0; i < resolved.a.n; i++) personOf[resolved.a.data[i]] = resolved.b.data[i];
  // A record's document: the lowest document node it gives (a record rarely gives two).
  const docOf = new Int32Array(size).fill(-1);
  for (let i = 0; i < documents.a.n; i++) {
    const rec = documents.a.data[i];
    const doc = documents.b.data[i];
    if (docOf[rec] < 0 || doc < docOf[rec]) docOf[rec] = doc;
  }
  // Per document node: the person of a resolved record giving it, else the first record.
  const byDoc = new Int32Array(size).fill(-1);
  const docHasPerson = new Uint8Array(size);
  for (let i = 0; i < documents.a.n; i++) {
    const rec = documents.a.data[i];
    const doc = docOf[rec];
    if (doc !== documents.b.data[i]) continue; // not the record's own (lowest) document
    const person = personOf[rec];
    if (person >= 0) {
      if (!docHasPerson[doc]) {
        docHasPerson[doc] = 1;
        byDoc[doc] = person;
      }
    } else if (!docHasPerson[doc] && (byDoc[doc] < 0 || rec < byDoc[doc])) byDoc[doc] = rec;
  }
  return {
    whoOf: (rec) => {
      if (rec < 0 || rec >= size) return rec;
      const p = personOf[rec];
      if (p >= 0) return p;
      const doc = docOf[rec];
      return doc < 0 ? rec : byDoc[doc] >= 0 ? byDoc[doc] : rec;
    },
  };
}
