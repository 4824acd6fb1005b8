// The audit trail on a real case file: append-only through SQLite's own triggers, and with
// the triggers gone (someone edited the file by hand) verification names the first entry
// that was edited, deleted or moved.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, entryHash, GENESIS_HASH, listAudit, verifyAudit, type AuditInput } from '../../../electron/backend/access/audit';
import { openCase } from '../../../electron/backend/db/connection';
import { AUDIT_ACTIONS, AUDIT_ENTRY } from '../../../shared/contract';
import { tmpDir } from '../../fixtures/bundle-builder';

const ANALYSTS = [
  { who: 'R. Ortega (ICE)', agency: 'ICE' },
  { who: 'J. Kim (CBP)', agency: 'CBP' },
] as const;

function entry(i: number): AuditInput {
  const a = ANALYSTS[i % 2];
  const action = (['search', 'view', 'expand', 'path', 'export'] as const)[i % 5];
  return {
    at: new Date(Date.UTC(2025, 11, 1, 8, 0, i)).toISOString(),
    who: a.who,
    agency: a.agency,
    action,
    target: action === 'search' ? `garcia ${i}` : `ICE-S-${String(i).padStart(4, '0')}`,
    detail: `${i} hits`,
  };
}

let db: Database.Database | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

function caseWith(n: number): Database.Database {
  db = openCase(path.join(tmpDir(), 'audit.crosslink'), { create: true });
  appendAudit(db, Array.from({ length: n }, (_, i) => entry(i + 1)));
  return db;
}

/** What someone with the file and the sqlite3 shell could do. */
function dropTriggers(d: Database.Database): void {
  d.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
}

describe('audit trail', () => {
  it('chains 50 entries from the genesis hash and verifies them', () => {
    const d = caseWith(50);
    const rows = d.prepare('SELECT * FROM audit ORDER BY id').all() as Array<{ id: number; prev_hash: string; hash: string }>;
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(rows[0].hash).toBe(entryHash(GENESIS_HASH, { id: 1, ...entry(1) }));
    expect(verifyAudit(d)).toEqual({ ok: true, entries: 50, firstBad: null });
  });

  it('a later append continues the chain', () => {
    const d = caseWith(3);
    appendAudit(d, [entry(4)]);
    appendAudit(d, []);
    expect(verifyAudit(d)).toEqual({ ok: true, entries: 4, firstBad: null });
  });

  it('an empty trail is intact', () => {
    expect(verifyAudit(caseWith(0))).toEqual({ ok: true, entries: 0, firstBad: null });
  });

  it('refuses UPDATE and DELETE through the triggers', () => {
    const d = caseWith(5);
    expect(() => d.prepare(`UPDATE audit SET detail = 'nothing' WHERE id = 2`).run()).toThrow(/append-only/);
    expect(() => d.prepare('DELETE FROM audit WHERE id = 2').run()).toThrow(/append-only/);
    expect(() => d.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(verifyAudit(d).ok).toBe(true);
  });

  it('names an edited entry', () => {
    const d = caseWith(50);
    dropTriggers(d);
    d.prepare(`UPDATE audit SET target = 'someone else' WHERE id = 12`).run();
    d.prepare(`UPDATE audit SET detail = 'later edit' WHERE id = 30`).run();
    expect(verifyAudit(d)).toEqual({ ok: false, entries: 50, firstBad: { id: 12, reason: 'entry #12 was edited: its hash does not match its content' } });
  });

  it('names an entry whose hash alone was rewritten', () => {
    const d = caseWith(10);
    dropTriggers(d);
    d.prepare(`UPDATE audit SET hash = ? WHERE id = 7`).run('f'.repeat(64));
    expect(verifyAudit(d).firstBad?.id).toBe(7);
  });

  it('names where an entry was deleted', () => {
    const d = caseWith(50);
    dropTriggers(d);
    d.prepare('DELETE FROM audit WHERE id = 11').run();
    expect(verifyAudit(d)).toEqual({ ok: false, entries: 49, firstBad: { id: 12, reason: 'an entry before #12 was deleted' } });
  });

  it('names a deletion hidden by renumbering the entries after it', () => {
    const d = caseWith(20);
    dropTriggers(d);
    d.prepare('DELETE FROM audit WHERE id = 11').run();
    // Ascending, one at a time, so the primary key never collides.
    for (let id = 12; id <= 20; id++) d.prepare('UPDATE audit SET id = id - 1 WHERE id = ?').run(id);
    expect(verifyAudit(d).firstBad).toEqual({ id: 11, reason: 'an entry before #11 was deleted or replaced' });
  });

  it('names a deleted first entry', () => {
    const d = caseWith(5);
    dropTriggers(d);
    d.prepare('DELETE FROM audit WHERE id = 1').run();
    expect(verifyAudit(d).firstBad).toEqual({ id: 2, reason: 'an entry before #2 was deleted' });
  });

  it('names an entry rewritten with a fresh hash of its own (a careful forger)', () => {
    const d = caseWith(10);
    dropTriggers(d);
    const r = d.prepare('SELECT * FROM audit WHERE id = 5').get() as { prev_hash: string } & AuditInput;
    const forged = { ...r, id: 5, target: 'nobody' };
    d.prepare('UPDATE audit SET target = ?, hash = ? WHERE id = 5').run('nobody', entryHash(r.prev_hash, forged));
    expect(verifyAudit(d).firstBad).toEqual({ id: 6, reason: 'an entry before #6 was deleted or replaced' });
  });

  it('names reordered entries', () => {
    const d = caseWith(50);
    dropTriggers(d);
    d.exec('UPDATE audit SET id = -1 WHERE id = 20; UPDATE audit SET id = 20 WHERE id = 21; UPDATE audit SET id = 21 WHERE id = -1;');
    expect(verifyAudit(d)).toEqual({ ok: false, entries: 50, firstBad: { id: 20, reason: 'entry #20 was moved: it was written right after the entry now at #21' } });
  });

  it('names a first entry swapped with the second', () => {
    const d = caseWith(5);
    dropTriggers(d);
    d.exec('UPDATE audit SET id = -1 WHERE id = 1; UPDATE audit SET id = 1 WHERE id = 2; UPDATE audit SET id = 2 WHERE id = -1;');
    expect(verifyAudit(d).firstBad).toEqual({ id: 1, reason: 'entry #1 was moved: it was written right after the entry now at #2' });
  });

  it('names the first of several breaks by id', () => {
    const d = caseWith(50);
    dropTriggers(d);
    d.prepare('DELETE FROM audit WHERE id = 40').run();
    d.prepare(`UPDATE audit SET who = 'X' WHERE id = 25`).run();
    d.exec('UPDATE audit SET id = -1 WHERE id = 8; UPDATE audit SET id = 8 WHERE id = 9; UPDATE audit SET id = 9 WHERE id = -1;');
    expect(verifyAudit(d).firstBad?.id).toBe(8);
  });

  it('truncates long targets and details, and stays verifiable with odd text', () => {
    const d = caseWith(0);
    const long = `${'a'.repeat(499)}😀tail`;
    appendAudit(d, [
      { ...entry(1), target: long, detail: 'x'.repeat(5000) },
      { ...entry(2), target: 'lone \uD800 surrogate', detail: 'nul \u0000 inside, 100% _wild_' },
      { ...entry(3), target: 'Müller O’Neil 李', detail: '' },
    ]);
    const { entries } = listAudit(d, { limit: 10, offset: 0 });
    const first = entries.find((e) => e.id === 1)!;
    expect(first.target).toBe('a'.repeat(499));
    expect(first.detail).toHaveLength(2000);
    expect(entries.find((e) => e.id === 2)!.target).toBe('lone \uFFFD surrogate');
    expect(entries.find((e) => e.id === 2)!.detail).toBe('nul \u0000 inside, 100% _wild_');
    expect(verifyAudit(d)).toEqual({ ok: true, entries: 3, firstBad: null });
  });

  it('lists newest first, filters by action, who and words, and pages', () => {
    const d = caseWith(50);
    const all = listAudit(d, { limit: 20, offset: 0 });
    expect(all.total).toBe(50);
    expect(all.entries.map((e) => e.id)).toEqual(Array.from({ length: 20 }, (_, i) => 50 - i));
    for (const e of all.entries) expect(AUDIT_ENTRY.parse(e)).toEqual(e);
    expect(all.entries[0]).not.toHaveProperty('prev_hash');

    const page3 = listAudit(d, { limit: 20, offset: 40 });
    expect(page3.entries.map((e) => e.id)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(listAudit(d, { limit: 20, offset: 60 }).entries).toEqual([]);

    const searches = listAudit(d, { limit: 100, offset: 0, action: 'search' });
    expect(searches.total).toBe(10);
    expect(searches.entries.every((e) => e.action === 'search')).toBe(true);

    const kim = listAudit(d, { limit: 100, offset: 0, who: 'kim' });
    expect(kim.total).toBe(25);
    expect(kim.entries.every((e) => e.who === 'J. Kim (CBP)' && e.agency === 'CBP')).toBe(true);

    expect(listAudit(d, { limit: 100, offset: 0, q: 'ICE-S-0012' }).entries.map((e) => e.id)).toEqual([12]);
    expect(listAudit(d, { limit: 100, offset: 0, q: 'garcia 15' }).entries.map((e) => e.id)).toEqual([15]);
    expect(listAudit(d, { limit: 100, offset: 0, q: '33 hits' }).entries.map((e) => e.id)).toEqual([33]);
    expect(listAudit(d, { limit: 100, offset: 0, action: 'search', who: 'ortega', q: 'garcia' }).total).toBe(5);
  });

  it('treats % and _ in the search as plain characters', () => {
    const d = caseWith(0);
    appendAudit(d, [
      { ...entry(1), target: '100% match' },
      { ...entry(2), target: '1000 match' },
      { ...entry(3), target: 'a_b' },
      { ...entry(4), target: 'axb' },
      { ...entry(5), target: 'back\\slash' },
    ]);
    const ids = (q: string) => listAudit(d, { limit: 10, offset: 0, q }).entries.map((e) => e.id);
    expect(ids('100%')).toEqual([1]);
    expect(ids('a_b')).toEqual([3]);
    expect(ids('%')).toEqual([1]);
    expect(ids('back\\slash')).toEqual([5]);
    expect(listAudit(d, { limit: 10, offset: 0, who: '%' }).total).toBe(0);
  });

  it('has an index for the action filter', () => {
    const d = caseWith(0);
    const plan = (d.prepare(`EXPLAIN QUERY PLAN SELECT * FROM audit WHERE action = 'search' ORDER BY id DESC LIMIT 10`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/USING INDEX audit_action/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    expect(AUDIT_ACTIONS).toContain('search');
  });
});
