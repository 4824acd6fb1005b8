// pickCells reads some cells of a stored row without parsing all of it: it must agree with
// JSON.parse on any row, whatever the cells hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickCells } from '../../../electron/backend/resolve/case-records';

describe('pickCells', () => {
  it('agrees with JSON.parse on rows of strings with quotes, backslashes, control characters and non-ASCII text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 30 }), fc.array(fc.integer({ min: -1, max: 35 }), { maxLength: 14 }), (cells, at) => {
        const out = new Array<string>(at.length).fill('x');
        pickCells(JSON.stringify(cells), at, out);
        expect(out).toEqual(at.map((i) => (i >= 0 && i < cells.length ? cells[i].trim() : '')));
      }),
      { numRuns: 500 },
    );
  });

  it('reads numbers and null cells too', () => {
    const out = ['', '', '', ''];
    pickCells('[ "a", 12, null , "d\\"e" ]', [0, 1, 2, 3], out);
    expect(out).toEqual(['a', '12', '', 'd"e']);
  });
});
