// After the first import, each import resolves incrementally: only pairs with a new record
// are compared (with the model learnt before), earlier persons stay whole, and the result
// agrees with the truth as well as a full run does.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../electron/backend/demo/generate';
import { tmpDir } from '../../fixtures/bundle-builder';
import { pairwise } from '../../bench/datasets';
import { call, newCase, runImport } from '../../helpers/case';

function truthOf(bundle: string): Map<string, string> {
  const lines = fs.readFileSync(`${bundle}.truth/persons.csv`, 'utf8').trim().split('\n').slice(1);
  return new Map(lines.map((l) => l.split(',')).map(([, id, person]) => [id, person]));
}

describe('incremental resolution', () => {
  it('compares only new records after the first import, and agrees with a full run', async () => {
    const dir = tmpDir();
    const days = [path.join(dir, 'day1'), path.join(dir, 'day2')];
    await generateDemo({ out: days[0], seed: 21, people: 600, days: 1, startDate: '2025-12-01' });
    await generateDemo({ out: days[1], seed: 21, people: 600, days: 1, startDate: '2025-12-02' });
    const truth = new Map([...truthOf(days[0]), ...truthOf(days[1])]);
    const { backend, file } = await newCase();
    try {
      await runImport(backend, days[0]);
      await runImport(backend, days[1]);
      const runs = (() => {
        const db = new Database(file, { readonly: true });
        try {
          return db.prepare('SELECT records, candidate_pairs AS pairs FROM resolution_run ORDER BY id').all() as Array<{ records: number; pairs: number }>;
        } finally {
          db.close();
        }
      })();
      expect(runs).toHaveLength(2);
      expect(runs[1].records).toBeGreaterThan(runs[0].records);
      const score = async () => {
        const rows = (await call(backend, 'resolution.rows', {})).filter((r) => r.kind === 'person' && truth.has(r.recordId));
        const index = new Map([...new Set(rows.map((r) => r.entityId))].map((e, i) => [e, i]));
        return pairwise(rows.map((r) => index.get(r.entityId)!), rows.map((r) => truth.get(r.recordId)!));
      };
      const incremental = await score();
      const full = await call(backend, 'resolution.run', {});
      expect(full.incremental).toBe(false);
      // The incremental run compared fewer pairs than the full one over both days.
      expect(runs[1].pairs).toBeLessThan(full.candidatePairs);
      const again = await score();
      expect(incremental.precision).toBeGreaterThan(0.98);
      expect(incremental.f1).toBeGreaterThan(again.f1 - 0.02);
    } finally {
      await backend.close();
    }
  }, 120_000);
});
