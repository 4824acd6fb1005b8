// Accuracy floors on the shared record-linkage datasets (the bench reports the figures;
// these guard against a change that breaks resolution outright).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolvePersons } from '../../../electron/backend/resolve/engine';
import { DATASETS, fake1000, febrl, febrl4, pairwise } from '../../bench/datasets';

const present = fs.existsSync(DATASETS);

describe.skipIf(!present)('resolution on ../shared/datasets', () => {
  it('Febrl 1 (dedup) and 4a+4b (linkage)', () => {
    for (const ds of [febrl(1), febrl4()]) {
      const r = resolvePersons(ds.records);
      const s = pairwise(r.entityOf, ds.truth, ds.linkage ? ds.records.map((x) => x.source) : undefined);
      expect(s.f1, ds.name).toBeGreaterThan(0.97);
      expect(s.precision, ds.name).toBeGreaterThan(0.98);
    }
  });

  it('Splink fake_1000', () => {
    const ds = fake1000();
    const s = pairwise(resolvePersons(ds.records).entityOf, ds.truth);
    expect(s.f1).toBeGreaterThan(0.85);
  });
});

it.skipIf(present)('skipped: ../shared/datasets absent', () => {});
