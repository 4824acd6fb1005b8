// Cells as an import spec reads them: other systems' dates and numbers, normalisers, and the
// type a column's sample cells suggest.
import { describe, expect, it } from 'vitest';
import { guessFields, guessType } from '../../../electron/backend/ingest/spec/infer';
import { fillTemplate, matches } from '../../../electron/backend/ingest/spec/compile';
import { readValue } from '../../../electron/backend/ingest/spec/values';
import { cellText } from '../../../electron/backend/ingest/spec/tables';

const read = (raw: string, type: 'string' | 'int' | 'float' | 'boolean' | 'date' | 'datetime', format?: string, normalise: 'none' | 'phone' | 'plate' | 'name' = 'none', tz = 'Z') =>
  readValue(raw, { type, format, normalise }, tz);

describe('reading a cell', () => {
  it('dates in the forms other systems write them', () => {
    expect(read('12/03/1985', 'date', 'DD/MM/YYYY')).toEqual({ ok: true, value: '1985-03-12' });
    expect(read('3/12/1985', 'date', 'M/D/YYYY')).toEqual({ ok: true, value: '1985-03-12' });
    expect(read('19850312', 'date', 'yyyymmdd')).toEqual({ ok: true, value: '1985-03-12' });
    expect(read('85-03-12', 'date', 'YY-MM-DD')).toEqual({ ok: true, value: '1985-03-12' });
    expect(read('31121999', 'date', 'DDMMYYYY')).toEqual({ ok: true, value: '1999-12-31' });
    expect(read('45000', 'date', 'excel')).toEqual({ ok: true, value: '2023-03-15' });
    // A workbook's date cell arrives as ISO, whatever format the spec names for text cells.
    expect(read('1985-03-12', 'date', 'DD/MM/YYYY')).toEqual({ ok: true, value: '1985-03-12' });
  });

  it('times keep their offset, or take the source timezone', () => {
    expect(read('2025-12-01T08:30:00-07:00', 'datetime')).toEqual({ ok: true, value: '2025-12-01T08:30:00-07:00' });
    expect(read('01/12/2025 8:30', 'datetime', 'DD/MM/YYYY H:mm', 'none', '-06:00')).toEqual({ ok: true, value: '2025-12-01T08:30:00-06:00' });
    expect(read('2025-12-01 08:30', 'datetime')).toEqual({ ok: true, value: '2025-12-01T08:30:00Z' });
  });

  it('impossible and unreadable dates are reasons, not values', () => {
    expect(read('31/02/1990', 'date', 'DD/MM/YYYY')).toEqual({ ok: false, reason: "impossible date '31/02/1990'" });
    expect(read('12.03.1985', 'date', 'DD/MM/YYYY')).toEqual({ ok: false, reason: "not a date in the form DD/MM/YYYY: '12.03.1985'" });
    expect(read('2025-12-01T25:00:00Z', 'datetime')).toEqual({ ok: false, reason: "impossible time '2025-12-01T25:00:00Z'" });
    expect(read('soon', 'date')).toMatchObject({ ok: false });
  });

  it('numbers with thousands separators or a decimal comma', () => {
    expect(read('1,234', 'int')).toEqual({ ok: true, value: '1234' });
    expect(read('1.234,50', 'float', '1.234,5')).toEqual({ ok: true, value: '1234.5' });
    expect(read(' 12.5 ', 'float')).toEqual({ ok: true, value: '12.5' });
    expect(read('12.5', 'int')).toEqual({ ok: false, reason: "not a whole number: '12.5'" });
    expect(read('x', 'int')).toEqual({ ok: false, reason: "not a number: 'x'" });
    expect(read('Yes', 'boolean')).toEqual({ ok: true, value: 'true' });
  });

  it('an empty cell is unknown, and normalisers meet the bundle’s forms', () => {
    expect(read('   ', 'date', 'DD/MM/YYYY')).toEqual({ ok: true, value: '' });
    expect(read('(915) 555-0134', 'string', undefined, 'phone')).toEqual({ ok: true, value: '+19155550134' });
    expect(read('abc 1234', 'string', undefined, 'plate')).toEqual({ ok: true, value: 'ABC1234' });
    expect(read('de la  Cruz', 'string', undefined, 'name')).toEqual({ ok: true, value: 'DE LA CRUZ' });
  });

  it('workbook cells as text', () => {
    expect(cellText(new Date(Date.UTC(1985, 2, 12)))).toBe('1985-03-12');
    expect(cellText(new Date(Date.UTC(1985, 2, 12, 8, 30)))).toBe('1985-03-12T08:30:00Z');
    expect(cellText({ richText: [{ text: 'Rio ' }, { text: 'Freight' }] })).toBe('Rio Freight');
    expect(cellText({ formula: 'A1+1', result: 3 })).toBe('3');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(null)).toBe('');
  });
});

describe('guessing a first spec', () => {
  it('reads a column’s type off its cells', () => {
    expect(guessType(['12', '7', '003'])).toEqual({ type: 'string' });
    expect(guessType(['12', '7', '-3'])).toEqual({ type: 'int' });
    expect(guessType(['1.5', '2'])).toEqual({ type: 'float' });
    expect(guessType(['1985-03-12', ''])).toEqual({ type: 'date', format: 'iso' });
    expect(guessType(['31/12/1985', '01/02/1990'])).toEqual({ type: 'date', format: 'D/M/YYYY' });
    expect(guessType(['12/31/1985', '01/02/1990'])).toEqual({ type: 'date', format: 'M/D/YYYY' });
    expect(guessType(['03/04/1985'])).toEqual({ type: 'date', format: 'M/D/YYYY' });
  });

  it('maps column names to TECS fields', () => {
    const f = guessFields(['Ref', 'Surname', 'Given names', 'Date of birth', 'Mobile', 'E-mail', 'Passport No', 'Zip']);
    expect(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.column]))).toEqual({
      last_name: 'Surname', first_name: 'Given names', dob: 'Date of birth', phone: 'Mobile', email: 'E-mail', doc_number: 'Passport No', postal_code: 'Zip',
    });
    expect(guessFields(['name:string', 'born:int'])).toEqual({});
  });

  it('labels from templates; files by name patterns', () => {
    expect(fillTemplate(['', 1, ', ', 0, ''], ['Mei', 'Chen'])).toBe('Chen, Mei');
    expect(fillTemplate(['', 1, ', ', 0, ''], ['', 'Chen'])).toBe('Chen');
    expect(matches('roster-*.csv', 'ROSTER-2025-11.csv')).toBe(true);
    expect(matches('roster-?.csv', 'roster-12.csv')).toBe(false);
    expect(matches('a.b', 'axb')).toBe(false);
  });
});
