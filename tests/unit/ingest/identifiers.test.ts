import { describe, expect, it } from 'vitest';
import { addressKey, documentKey, normaliseEmail, normalisePhone, normalisePlate } from '../../../electron/backend/ingest/identifiers';
import { dob, timestamp } from '../../../electron/backend/ingest/rules';
import { ftsQuery } from '../../../electron/backend/graph/search';
import { compact, foldText, nameVariants } from '../../../electron/backend/util/text';

describe('identifier normalisers', () => {
  it('phones to E.164 whatever the writing', () => {
    expect(normalisePhone('+52 656 123 4567')).toBe('+526561234567');
    expect(normalisePhone('(915) 555-0134')).toBe('+19155550134');
    expect(normalisePhone('9155550134')).toBe('+19155550134');
    expect(normalisePhone('1-915-555-0134')).toBe('+19155550134');
    expect(normalisePhone('0052 656 123 4567')).toBe('+526561234567');
    expect(normalisePhone('12')).toBeNull();
    expect(normalisePhone('')).toBeNull();
  });

  it('plates upper case without separators', () => {
    expect(normalisePlate('abc 1234')).toBe('ABC1234');
    expect(normalisePlate('ABC-1234')).toBe('ABC1234');
    expect(normalisePlate(' - ')).toBeNull();
  });

  it('documents without spaces or dashes, keyed by type and country', () => {
    expect(documentKey('PASSPORT', 'mex', 'G 1234-5678')).toBe('PASSPORT|MEX|G12345678');
    expect(documentKey('NONE', 'MEX', '123')).toBeNull();
    expect(documentKey('PASSPORT', 'MEX', '')).toBeNull();
  });

  it('addresses case and space folded', () => {
    expect(addressKey(['22 Mesa St', 'El Paso', 'US-TX'])).toBe(addressKey(['22  MESA ST.', 'EL PASO', 'us-tx']));
    expect(normaliseEmail(' Anna@Example.COM ')).toBe('anna@example.com');
  });
});

describe('text folding for search', () => {
  it("meets O'NEIL, Müller and MULLER", () => {
    expect(foldText("O'NEIL")).toBe('oneil');
    expect(foldText('Müller')).toBe('muller');
    expect(foldText('Straße')).toBe('strasse');
    expect(nameVariants('Müller')).toContain('mueller');
    expect(nameVariants("O'NEIL")).toContain('o neil');
    expect(compact('A 123-456')).toBe('a123456');
  });

  it('builds FTS queries that cannot inject syntax', () => {
    expect(ftsQuery('"; DROP TABLE node; --')).toBe('("drop"* AND "table"* AND "node"*) OR "droptablenode"*');
    expect(ftsQuery('NEAR(a b)')).toBe('("near"* AND "a"* AND "b"*) OR "nearab"*');
    expect(ftsQuery('  ')).toBeNull();
    expect(ftsQuery("o'neil")).toBe('"oneil"*');
  });
});

describe('date rules', () => {
  it('dob accepts unknown parts and refuses impossible dates', () => {
    expect(dob('19850000')).toBeNull();
    expect(dob('19850300')).toBeNull();
    expect(dob('20000229')).toBeNull();
    expect(dob('19000229')).toMatch(/impossible/);
    expect(dob('19851345')).toMatch(/month 13/);
    expect(dob('1985-01-01')).toMatch(/YYYYMMDD/);
  });

  it('timestamps need a zone and a real date', () => {
    expect(timestamp('2025-12-31T23:58:10-06:00')).toBeNull();
    expect(timestamp('2025-12-31T23:58:10Z')).toBeNull();
    expect(timestamp('2025-12-31')).toBeNull();
    expect(timestamp('2025-12-31T23:58:10')).toMatch(/without Z or offset/);
    expect(timestamp('2025-02-30T10:00:00Z')).toMatch(/impossible date/);
    expect(timestamp('2025-01-01T25:00:00Z')).toMatch(/impossible time/);
  });
});
