import { describe, expect, it } from 'vitest';
import { rememberedProfile, rememberProfile } from '../../../renderer/src/access/last-profile';
import { agenciesText, partlyWithheldSentence, pointerSentence, withheldText } from '../../../renderer/src/access/pointer-text';
import { profileText, viewingAs, windowTitle } from '../../../renderer/src/access/profile-text';

const ortega = { name: 'R. Ortega', agency: 'ICE' as const };

describe('the case in the title bar', () => {
  it('names the case and its analyst as DESIGN.md sketches it', () => {
    const info = { name: 'EL PASO Q4', profile: ortega, actingAs: ortega };
    expect(windowTitle(info)).toBe('Crosslink — case EL PASO Q4 (ICE analyst R. Ortega)');
    expect(viewingAs(info)).toBeNull();
  });

  it('says whose eyes the answers are for when the host acts as another agency', () => {
    const info = { name: 'EL PASO Q4', profile: ortega, actingAs: { name: 'R. Ortega', agency: 'CBP' as const } };
    expect(viewingAs(info)).toBe('CBP');
    expect(windowTitle(info)).toBe('Crosslink — case EL PASO Q4 (ICE analyst R. Ortega) — viewing as CBP');
  });

  it('leaves out the placeholder name of cases made before profiles', () => {
    expect(profileText({ name: 'analyst', agency: 'ICE' })).toBe('ICE analyst');
    expect(windowTitle(null)).toBe('Crosslink');
  });
});

describe('withheld content in words', () => {
  it('names one, two or three agencies', () => {
    expect(agenciesText(['ICE'])).toBe('ICE');
    expect(agenciesText(['ICE', 'CBP'])).toBe('ICE and CBP');
    expect(agenciesText(['CBP', 'ICE', 'USCIS'])).toBe('CBP, ICE and USCIS');
    expect(agenciesText([])).toBe('another agency');
  });

  it('describes a pointer without its content', () => {
    const p = { agencies: ['ICE' as const], contact: 'HSI EL PASO', withheld: 1 };
    expect(pointerSentence(p)).toBe('Withheld under handling rules — ICE holds a record. Contact: HSI EL PASO.');
    expect(pointerSentence({ ...p, withheld: 3 })).toBe('Withheld under handling rules — ICE holds 3 records. Contact: HSI EL PASO.');
    expect(pointerSentence({ ...p, contact: ' ' })).toBe('Withheld under handling rules — ICE holds a record.');
    expect(withheldText('pointer', p)).toBe(pointerSentence(p));
  });

  it('counts the withheld records of a partly visible entity', () => {
    const p = { agencies: ['ICE' as const], contact: 'HSI EL PASO', withheld: 2 };
    expect(partlyWithheldSentence(p)).toBe('2 records withheld: ICE holds them; contact HSI EL PASO');
    expect(partlyWithheldSentence({ ...p, withheld: 1 })).toBe('1 record withheld: ICE holds it; contact HSI EL PASO');
    expect(withheldText('person', p)).toBe(partlyWithheldSentence(p));
    expect(withheldText('person', undefined)).toBe('');
  });
});

describe('the remembered analyst profile', () => {
  it('comes back for the next case and ignores what is not a profile', () => {
    const m = new Map<string, string>();
    const storage = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    expect(rememberedProfile(storage)).toBeNull();
    rememberProfile(ortega, storage);
    expect(rememberedProfile(storage)).toEqual(ortega);
    m.set('crosslink.profile', '{"name":"X","agency":"FBI"}');
    expect(rememberedProfile(storage)).toBeNull();
    m.set('crosslink.profile', 'not json');
    expect(rememberedProfile(storage)).toBeNull();
  });
});
