import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCase } from '../../../electron/backend/db/connection';
import { LATEST_VERSION, MIGRATIONS } from '../../../electron/backend/db/migrations/index';
import { tmpDir } from '../../fixtures/bundle-builder';

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring a new file to the latest version, and reopening changes nothing', () => {
    const file = path.join(tmpDir(), 'm.crosslink');
    const db = openCase(file, { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name`).all() as Array<{ name: string }>).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['import', 'link', 'meta', 'node', 'node_fts', 'reject', 'source_file']));
    db.close();
    const again = openCase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(again.pragma('journal_mode', { simple: true })).toBe('wal');
    again.close();
  });

  it('refuse a case written by a newer Crosslink', () => {
    const file = path.join(tmpDir(), 'newer.crosslink');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expect(() => openCase(file)).toThrow(/newer Crosslink \(schema \d+; this version knows up to \d+\)/);
  });

  it('refuse a file that is not a case', () => {
    const file = path.join(tmpDir(), 'not-a-case.crosslink');
    fs.writeFileSync(file, 'crossing_id,event_id\nX1,E1\n');
    expect(() => openCase(file)).toThrow(/is not a Crosslink case/);
  });

  it('important queries use indexes (EXPLAIN QUERY PLAN)', () => {
    const db = openCase(path.join(tmpDir(), 'plan.crosslink'), { create: true });
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan(`SELECT id FROM node WHERE kind = 'subject' AND key = 'X'`)).toMatch(/USING (COVERING )?INDEX node_kind_key/);
    expect(plan('SELECT * FROM link WHERE src = 1')).toMatch(/USING INDEX link_src/);
    expect(plan('SELECT * FROM link WHERE dst = 1')).toMatch(/USING INDEX link_dst/);
    expect(plan('SELECT 1 FROM link WHERE src = 1 AND kind = \'has_phone\' AND dst = 2')).toMatch(/USING INDEX link_(src|dst)/);
    expect(plan(`SELECT * FROM node WHERE kind IN ('subject', 'vehicle') AND key = 'X'`)).toMatch(/USING INDEX node_kind_key/);
    // A resolution re-run replaces its links without scanning every structural link (013).
    expect(plan(`DELETE FROM link WHERE kind = 'resolved_as'`)).toMatch(/USING (COVERING )?INDEX link_resolved_as/);
    expect(plan(`DELETE FROM link WHERE kind = 'possibly_same'`)).toMatch(/USING (COVERING )?INDEX link_possibly_same/);
    db.close();
  });
});
