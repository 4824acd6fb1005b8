// The integer link scan the detectors read the case through (graph/link-scan.ts) against
// the same links read row by row, on a real case file: every field, odd dates, chunk edges.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../electron/backend/demo/generate';
import type { Backend } from '../../../electron/backend/api';
import { scanLinks } from '../../../electron/backend/graph/link-scan';
import { tmpDir } from '../../fixtures/bundle-builder';
import { newCase, runImport } from '../../helpers/case';

interface Row {
  id: number;
  kind: string;
  src: number;
  dst: number;
  at: string | null;
  file_id: number | null;
  attrs: string | null;
}

/** What the scan should say of a link, computed here from the row. */
function expected(r: Row): number[] {
  const iso = r.at && /^\d{4}-\d{2}-\d{2}/.test(r.at) ? Date.parse(`${r.at.slice(0, 19)}${r.at.length > 10 ? '' : 'T00:00:00'}Z`) : NaN;
  return [r.id, r.src, r.dst, r.file_id ?? -1, /"role":"DRIVER"/.test(r.attrs ?? '') ? 1 : 0, Number.isNaN(iso) ? -1 : iso / 1000];
}

describe('link scan', () => {
  let backend: Backend;
  let db: Database.Database;
  beforeAll(async () => {
    const dir = tmpDir();
    await generateDemo({ out: path.join(dir, 'bundle'), seed: 3 });
    const c = await newCase();
    backend = c.backend;
    await runImport(backend, path.join(dir, 'bundle'));
    db = new Database(c.file);
    // Odd rows a spec import or a hostile file could leave: no date, a date only, not a date,
    // an offset far from UTC, a driver without a file.
    const [a, b] = db.prepare('SELECT id FROM node LIMIT 2').pluck().all() as number[];
    const add = db.prepare(`INSERT INTO link (kind, src, dst, at, file_id, attrs) VALUES ('travelled_in', ?, ?, ?, NULL, ?)`);
    for (const [at, attrs] of [
      [null, null],
      ['2025-02-03', '{"role":"PASSENGER"}'],
      ['yesterday', '{"role":"DRIVER"}'],
      ['2025-12-31T23:59:59+14:00', '{"role":"DRIVER","x":"a,b;c"}'],
    ]) add.run(a, b, at, attrs);
  }, 120_000);
  afterAll(async () => {
    db?.close();
    await backend?.close();
  });

  const rows = () => db.prepare(`SELECT id, kind, src, dst, at, file_id, attrs FROM link WHERE kind IN ('travelled_in', 'has_document') ORDER BY id`).all() as Row[];

  it.each([[250_000], [7]])('reads every link of the asked kinds with each field, in id order (chunks of %i ids)', (chunk) => {
    const got: Array<[number, number[]]> = [];
    scanLinks(
      db,
      [
        { kinds: ['travelled_in'], fields: ['id', 'src', 'dst', 'file', 'driver', 'local'] },
        { kinds: ['has_document'], fields: ['id', 'src', 'dst'] },
      ],
      (part, f) => got.push([part, Array.from(f.subarray(0, part === 0 ? 6 : 3))]),
      { chunk },
    );
    const want = rows().map((r): [number, number[]] => (r.kind === 'travelled_in' ? [0, expected(r)] : [1, [r.id, r.src, r.dst]]));
    expect(want.filter(([p]) => p === 0).length).toBeGreaterThan(100);
    expect(got).toEqual(want);
  });

  it('keeps to a where clause and to the links above a given id', () => {
    const all = rows().filter((r) => r.kind === 'travelled_in' && r.at);
    const after = all[Math.floor(all.length / 2)].id;
    const ids: number[] = [];
    scanLinks(db, [{ kinds: ['travelled_in'], fields: ['id'], where: "at IS NOT NULL AND at <> ''" }], (_p, f) => ids.push(f[0]), { after, chunk: 100 });
    expect(ids).toEqual(all.filter((r) => r.id > after).map((r) => r.id));
  });
});
