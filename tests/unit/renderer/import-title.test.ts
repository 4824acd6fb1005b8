// The sidebar names a bundle by its export id, and a table or graph export by its file.
import { describe, expect, it } from 'vitest';
import { importTitle } from '../../../renderer/src/graph/format';

describe('import titles in the sidebar', () => {
  it('a bundle by its export id, a spec import by its file or folder', () => {
    expect(importTitle({ exportId: 'TECS-EXP-20251231-R7', source: '/data/bundle.zip' })).toBe('TECS-EXP-20251231-R7');
    expect(importTitle({ exportId: 'spec:partner:0123456789abcdef', source: '/data/rosters/roster-2025-11.xlsx' })).toBe('roster-2025-11.xlsx');
    expect(importTitle({ exportId: 'spec:graph:0123456789abcdef', source: 'C:\\exports\\graphdb\\' })).toBe('graphdb');
  });
});
