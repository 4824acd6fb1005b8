// The CSV scanner against csv-parse as the oracle, on random valid files cut into random
// chunks, and on the malformed cases an export may carry.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvScanner, type CsvRow } from '../../../electron/backend/ingest/csv-scan';

function scan(text: string, cuts: number[] = []): CsvRow[] {
  const s = new CsvScanner();
  const out: CsvRow[] = [];
  const buf = Buffer.from(text, 'utf8');
  let from = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    const at = Math.min(buf.length, Math.max(from, c));
    out.push(...s.push(buf.subarray(from, at)));
    from = at;
  }
  out.push(...s.push(buf.subarray(from)));
  out.push(...s.end());
  return out;
}

function quote(v: string): string {
  return /[",\r\n]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v;
}

const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\n', '\r\n', 'é', 'ü', '漢', '😀', "'", '-'), maxLength: 12 }),
  fc.string({ maxLength: 8 }),
);

describe('CsvScanner', () => {
  it('reads what csv-parse reads, whatever the chunking (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(400), { maxLength: 6 }),
        (rows, eol, cuts) => {
          // A row of one empty cell is an empty line to both readers: leave it out.
          const kept = rows.filter((r) => !(r.length === 1 && r[0] === ''));
          const text = kept.map((r) => r.map(quote).join(',')).join(eol) + eol;
          const expected = parse(text, { record_delimiter: ['\r\n', '\n'], relax_column_count: true, skip_empty_lines: true }) as string[][];
          const got = scan(text, cuts);
          expect(got.every((r) => r.error === undefined)).toBe(true);
          expect(got.map((r) => r.cells)).toEqual(expected);
          // Each row starts on the line after the previous row's newlines.
          let line = 1;
          got.forEach((r, i) => {
            expect(r.line).toBe(line);
            line += kept[i].join('').split('\n').length; // 1 + the newlines inside its cells
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('strips a BOM split across chunks and keeps multibyte characters split across chunks', () => {
    const text = '\ufeffname,city\nMüller,Ciudad Juárez\n';
    const bytes = Buffer.from(text, 'utf8');
    for (let cut = 0; cut <= bytes.length; cut++) {
      const s = new CsvScanner();
      const rows = [...s.push(bytes.subarray(0, cut)), ...s.push(bytes.subarray(cut)), ...s.end()];
      expect(rows.map((r) => r.cells)).toEqual([['name', 'city'], ['Müller', 'Ciudad Juárez']]);
    }
  });

  it('counts skipped empty lines and quoted newlines in line numbers', () => {
    const rows = scan('a,b\n\n"x\ny",1\r\n\r\nlast,2');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['x\ny', '1'] },
      { line: 6, cells: ['last', '2'] },
    ]);
  });

  it('rejects a stray character after a closing quote and goes on at the next line', () => {
    const rows = scan('a,b\n"x"y,2\nok,3\n');
    expect(rows[1]).toEqual({ line: 2, error: 'stray character after a closing quote' });
    expect(rows[2]).toEqual({ line: 3, cells: ['ok', '3'] });
  });

  it('rejects a quote inside an unquoted cell', () => {
    const rows = scan('a,b\nO"NEIL,2\nok,3\n');
    expect(rows[1].error).toMatch(/quote inside an unquoted cell/);
    expect(rows[2]).toEqual({ line: 3, cells: ['ok', '3'] });
  });

  it('an unclosed quote at the end is one error row; the rows before it are kept', () => {
    const rows = scan('a,b\n1,2\n"never closed,3\n4,5\n');
    expect(rows.slice(0, 2).map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2']]);
    expect(rows[2]).toEqual({ line: 3, error: 'quote opened but never closed' });
    expect(rows).toHaveLength(3);
  });

  it('never throws on random bytes, and every row is cells or a named error (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat(600), { maxLength: 4 }), (bytes, cuts) => {
        const rows = scan(Buffer.from(bytes).toString('latin1'), cuts);
        for (const r of rows) {
          expect(r.line).toBeGreaterThanOrEqual(1);
          if (r.error !== undefined) expect(r.error.length).toBeGreaterThan(5);
          else expect(Array.isArray(r.cells)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
