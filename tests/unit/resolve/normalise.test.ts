import { describe, expect, it } from 'vitest';
import { canonicalGiven, coreTokens, documentCompareKey, parseDob, sameGivenName } from '../../../electron/backend/resolve/normalise';
import { soundsAlike } from '../../../electron/backend/resolve/similarity';

describe('name normalisers', () => {
  it('fold case, diacritics and punctuation and set particles apart', () => {
    expect(coreTokens('De la Cruz')).toEqual(['cruz']);
    expect(coreTokens('AL-RASHID')).toEqual(['rashid']);
    expect(coreTokens("O'NEIL")).toEqual(['o', 'neil']);
    expect(coreTokens('GONZÁLEZ LÓPEZ')).toEqual(['gonzalez', 'lopez']);
    expect(coreTokens('DE LA')).toEqual(['de', 'la']); // nothing but particles: kept
  });

  it('know nicknames and transliterations', () => {
    for (const [a, b] of [['pancho', 'francisco'], ['lupe', 'guadalupe'], ['bill', 'william'], ['pepe', 'jose'], ['mohammed', 'muhammad'], ['mohamed', 'mohammad'], ['youssef', 'yusuf'], ['aleksandr', 'alexander']]) {
      expect(sameGivenName(a, b), `${a} ~ ${b}`).toBe(true);
    }
    expect(sameGivenName('maria', 'mario')).toBe(false);
    expect(canonicalGiven('pancho')).toBe('francisco');
  });

  it('hear GONZALEZ and GONZALES alike, not GONZALEZ and MARTINEZ', () => {
    expect(soundsAlike('gonzalez', 'gonzales')).toBe(true);
    expect(soundsAlike('gonzalez', 'martinez')).toBe(false);
  });
});

describe('dates of birth and documents', () => {
  it('read unknown parts as unknown', () => {
    expect(parseDob('19850000')).toEqual({ y: 1985, m: null, d: null });
    expect(parseDob('1971-06-24')).toEqual({ y: 1971, m: 6, d: 24 });
    expect(parseDob('')).toBeNull();
    expect(parseDob('00000000')).toBeNull();
  });

  it('fold spacing, dashes and O/0, I/1 misreadings of document numbers', () => {
    expect(documentCompareKey('G 1234-5678')).toBe(documentCompareKey('g12345678'));
    expect(documentCompareKey('O1I23')).toBe(documentCompareKey('01123'));
  });
});
