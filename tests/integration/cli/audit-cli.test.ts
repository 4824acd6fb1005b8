// `crosslink audit` on a real case: what the analyst did is listed, an untouched trail is
// intact, and a copy tampered with by hand (triggers dropped, then a row edited, deleted
// or two rows swapped) fails with exit 1 naming the entry.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../electron/backend/access/audit';
import { tmpDir, writeBundle } from '../../fixtures/bundle-builder';
import { baseFiles } from '../../fixtures/bundles';

const BIN = path.resolve('bin/crosslink.js');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** A copy of the case with `sql` run on it after the triggers are gone, as with the sqlite3 shell. */
function tampered(src: string, name: string, sql: string): string {
  const out = path.join(path.dirname(src), `${name}.crosslink`);
  const from = new Database(src, { readonly: true });
  from.exec(`VACUUM INTO '${out.replace(/'/g, "''")}'`);
  from.close();
  const db = new Database(out);
  db.exec(`DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; ${sql}`);
  db.close();
  return out;
}

// Each run starts a CLI process (a few seconds on a busy 2-core machine).
describe('crosslink audit', { timeout: 180_000 }, () => {
  let db: string;
  beforeAll(() => {
    const dir = tmpDir();
    db = path.join(dir, 'case.crosslink');
    expect(run('import', writeBundle(path.join(dir, 'bundle'), { files: baseFiles() }), '--db', db, '--no-resolve').code).toBe(0);
    expect(run('search', '--db', db, '--q', 'garcia').code).toBe(0);
    // More history than a few CLI runs make, written the way the backend writes it.
    const raw = new Database(db);
    appendAudit(raw, Array.from({ length: 20 }, (_, i) => ({ at: new Date().toISOString(), who: 'R. Ortega (ICE)', agency: 'ICE' as const, action: 'view' as const, target: `ICE-S-${i}`, detail: 'details' })));
    raw.close();
  });

  it('lists what was done, newest first, filtered by action and words', () => {
    const all = run('audit', 'list', '--db', db, '--json');
    expect(all.code).toBe(0);
    const { entries, total } = JSON.parse(all.out) as { entries: Array<{ id: number; action: string; target: string; detail: string }>; total: number };
    expect(total).toBeGreaterThan(20);
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a));
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['import', 'search', 'view', 'case.open']));

    const searches = JSON.parse(run('audit', 'list', '--db', db, '--action', 'search', '--json').out) as { entries: Array<{ target: string; detail: string }> };
    expect(searches.entries).toEqual([expect.objectContaining({ target: 'garcia', detail: expect.stringMatching(/^\d+ hits?$/) })]);

    const text = run('audit', 'list', '--db', db, '--q', 'ICE-S-7', '--limit', '5');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^1 entry\n#\d+ {2}\S+ {2}R\. Ortega \(ICE\) {2}view {2}ICE-S-7 {2}\(details\)\n$/);

    const bad = run('audit', 'list', '--db', db, '--action', 'delete');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--action: unknown action 'delete'/);
  });

  it('verify: intact, exit 0', () => {
    const r = run('audit', 'verify', '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^audit trail intact: \d+ entries\n$/);
    const j = run('audit', 'verify', '--db', db, '--json');
    expect(JSON.parse(j.out)).toMatchObject({ ok: true, firstBad: null, entries: expect.any(Number) });
  });

  it('verify: an edited entry, exit 1', () => {
    const r = run('audit', 'verify', '--db', tampered(db, 'edited', `UPDATE audit SET target = 'someone else' WHERE id = 10`));
    expect(r.code).toBe(1);
    expect(r.err).toBe('audit trail broken at entry #10: entry #10 was edited: its hash does not match its content\n');
  });

  it('verify: a deleted entry, exit 1', () => {
    const r = run('audit', 'verify', '--db', tampered(db, 'deleted', 'DELETE FROM audit WHERE id = 8'), '--json');
    expect(r.code).toBe(1);
    expect(r.err).toBe('audit trail broken at entry #9: an entry before #9 was deleted\n');
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, firstBad: { id: 9 } });
  });

  it('verify: two entries swapped, exit 1', () => {
    const r = run('audit', 'verify', '--db', tampered(db, 'swapped', 'UPDATE audit SET id = -1 WHERE id = 5; UPDATE audit SET id = 5 WHERE id = 6; UPDATE audit SET id = 6 WHERE id = -1;'));
    expect(r.code).toBe(1);
    expect(r.err).toBe('audit trail broken at entry #5: entry #5 was moved: it was written right after the entry now at #6\n');
  });
});
