// The resolution run reads the vehicles on another thread while it resolves the persons:
// the worker's answer, read through its own connection, is the one this thread would read.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/api';
import { generateDemo } from '../../../electron/backend/demo/generate';
import { readVehicleGroups, startVehicleReads } from '../../../electron/backend/resolve/case-vehicles';
import { tmpDir } from '../../fixtures/bundle-builder';
import { call, newCase, runImport } from '../../helpers/case';

describe('vehicle reads on their own thread', () => {
  let backend: Backend;
  let file: string;

  beforeAll(async () => {
    const bundle = path.join(tmpDir(), 'demo');
    await generateDemo({ out: bundle, seed: 11, people: 400, crossings: 3000 });
    ({ backend, file } = await newCase());
    await runImport(backend, bundle);
  }, 120_000);
  afterAll(async () => backend?.close());

  it('answers what this thread would read, and the run writes a vehicle for each group', async () => {
    const db = new Database(file, { readonly: true });
    try {
      const here = readVehicleGroups(db);
      expect(here.start.length).toBeGreaterThan(10);
      const reads = startVehicleReads(db)!;
      expect(reads).not.toBeNull();
      const there = reads.take();
      expect(reads.answeredBy).toBe('worker');
      expect(there).toEqual(here);
      const vehicles = (await call(backend, 'resolution.run', {})).vehicles;
      expect(vehicles).toBe(here.start.length - 1);
    } finally {
      db.close();
    }
  }, 120_000);

  it('an in-memory database reads on this thread', () => {
    const db = new Database(':memory:');
    expect(startVehicleReads(db)).toBeNull();
    db.close();
  });
});
