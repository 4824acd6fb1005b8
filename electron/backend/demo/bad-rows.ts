// Deliberately broken rows, so the loader's rejection path has something to reject.
// Each is placed on an ordinary (not planted) record; the ground truth lists file, line, reason.

import { COLUMNS } from '../ingest/format';
import { Rng } from './rng';
import type { BadHit, BadTarget } from './crossings';

export interface BadRowPlan {
  /** Rows in file order; line of rows[i] is i + 2 (header on line 1, no embedded line breaks). */
  rows: string[][];
  file: 'subjects.csv' | 'vehicles.csv' | 'lookouts.csv' | 'associations.csv';
  /** Rows that must stay intact (planted records). */
  keep: (i: number) => boolean;
}

function pickRow(rng: Rng, plan: BadRowPlan): number {
  const n = plan.rows.length;
  if (n === 0) return -1;
  const start = rng.int(n);
  for (let k = 0; k < n; k++) {
    const i = (start + k) % n;
    if (!plan.keep(i)) return i;
  }
  return -1;
}

/** Breaks one row of each given table in place and returns what was broken where. */
export function breakRows(rng: Rng, plans: readonly BadRowPlan[]): BadHit[] {
  const hits: BadHit[] = [];
  for (const plan of plans) {
    const i = pickRow(rng, plan);
    if (i < 0) continue;
    const row = plan.rows[i]!;
    const cols = COLUMNS[plan.file];
    const id = row[0] ?? '';
    let reason = '';
    switch (plan.file) {
      case 'subjects.csv': {
        const c = cols.indexOf('dob');
        row[c] = '20251345';
        reason = 'impossible dob 20251345';
        break;
      }
      case 'vehicles.csv':
        row.push('SEE NARRATIVE');
        reason = `wrong cell count: ${row.length} cells, expected ${cols.length}`;
        break;
      case 'lookouts.csv': {
        const c = cols.indexOf('reason');
        row[c] = 'UNSPECIFIED';
        reason = 'unknown reason code UNSPECIFIED';
        break;
      }
      case 'associations.csv':
        row.pop();
        reason = `wrong cell count: ${row.length} cells, expected ${cols.length}`;
        break;
    }
    hits.push({ file: plan.file, line: i + 2, reason, id });
  }
  return hits;
}

/** Where the two broken crossing rows go (row indices, 0-based), for a file of n rows. */
export function crossingBadTargets(n: number): BadTarget[] {
  if (n < 20) return [];
  return [
    { row: Math.floor(n * 0.37), kind: 'unknown-result' },
    { row: Math.floor(n * 0.71), kind: 'impossible-date' },
  ];
}
