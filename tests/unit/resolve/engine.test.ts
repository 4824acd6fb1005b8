// The resolver's decisions on small, readable cases: what must merge, what must not.
import { describe, expect, it } from 'vitest';
import { explainPair, resolvePersons, type PersonRecord } from '../../../electron/backend/resolve/engine';

/** A population in which the cases under test are a small minority, so EM has data. */
function population(n: number): PersonRecord[] {
  const first = ['ANA', 'LUIS', 'CARMEN', 'JORGE', 'SOFIA', 'PEDRO', 'ELENA', 'RAUL', 'IRMA', 'HECTOR', 'NORA', 'OSCAR'];
  const last = ['RAMIREZ', 'TORRES', 'FLORES', 'RIVERA', 'GOMEZ', 'DIAZ', 'REYES', 'MORALES', 'ORTIZ', 'CHAVEZ', 'RUIZ', 'CASTILLO', 'VARGAS', 'MENDOZA'];
  const out: PersonRecord[] = [];
  for (let i = 0; i < n; i++) {
    const base: PersonRecord = {
      id: `P${i}`,
      given: first[i % first.length],
      family: `${last[(i * 7) % last.length]} ${last[(i * 3 + 1) % last.length]}`,
      dob: `19${50 + (i % 50)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`,
      docs: [{ type: 'PASSPORT', country: 'MEX', number: `G${1000000 + i * 7919}` }],
      city: 'EL PASO',
    };
    out.push(base);
    // a second record of every third person, with the usual entry differences: one part of
    // the compound surname, or the whole name with another document
    if (i % 3 === 0) out.push({ ...base, id: `P${i}b`, family: base.family.split(' ')[0], docs: [{ type: 'PASSPORT', country: 'MEX', number: base.docs![0].number.replace(/(\d{3})/, '$1-') }] });
    if (i % 6 === 1) out.push({ ...base, id: `P${i}c`, docs: [{ type: 'BORDER_CROSSING_CARD', country: 'MEX', number: `BC${2000000 + i * 31}` }] });
  }
  return out;
}

const entityOfId = (recs: PersonRecord[], r: { entityOf: Int32Array }) => (id: string) => r.entityOf[recs.findIndex((x) => x.id === id)];

describe('resolvePersons', () => {
  it('merges the same man across agencies: compound surname, nickname, spelling', () => {
    const recs = [
      ...population(300),
      { id: 'ICE-1', given: 'JOSE', family: 'GONZALEZ LOPEZ', dob: '19850312', docs: [{ type: 'PASSPORT', country: 'MEX', number: 'G 1234-5678' }] },
      { id: 'CBP-X', given: 'Jose', family: 'Gonzales', dob: '19850312', docs: [{ type: 'PASSPORT', country: 'MEX', number: 'G12345678' }] },
      { id: 'USCIS-1', given: 'PEPE', family: 'GONZALEZ', dob: '19851203', docs: [{ type: 'PASSPORT', country: 'MEX', number: 'G1234567B' }] },
    ];
    const r = resolvePersons(recs);
    const e = entityOfId(recs, r);
    expect(e('ICE-1')).toBe(e('CBP-X'));
    expect(e('USCIS-1')).toBe(e('ICE-1'));
    // and the population's own second records are found
    expect(e('P0b')).toBe(e('P0'));
    expect(e('P3b')).toBe(e('P3'));
    expect(e('P1')).not.toBe(e('P0'));
  });

  it('never merges across a hard contradiction (same document type and country, other number, other birth date)', () => {
    const recs = [
      ...population(300),
      { id: 'A', given: 'JOSE ANTONIO', family: 'IBANEZ', dob: '19640714', docs: [{ type: 'PASSPORT', country: 'MEX', number: 'M11112222' }], address: '2744 DYER ST', city: 'EL PASO' },
      { id: 'B', given: 'JOSE ANTONIO', family: 'IBANEZ', dob: '19890403', docs: [{ type: 'PASSPORT', country: 'MEX', number: 'M99998888' }], address: '2744 DYER ST', city: 'EL PASO' },
    ];
    const r = resolvePersons(recs);
    const e = entityOfId(recs, r);
    expect(e('A')).not.toBe(e('B'));
    const why = explainPair(recs.at(-2)!, recs.at(-1)!, r.model);
    expect(why.contradiction).toMatch(/different numbers/);
    expect(why.features.find((f) => f.feature === 'family')!.level).toBe('exact');
  });

  it('does not chain two people together through a record that resembles both', () => {
    const recs = [
      ...population(300),
      { id: 'X1', given: 'MARIA', family: 'SANCHEZ', dob: '19700101', docs: [{ type: 'PASSPORT', country: 'MEX', number: 'A1000001' }], phone: '9155550100' },
      { id: 'X2', given: 'MARIA', family: 'SANCHEZ', dob: '19700101', phone: '9155550100' },
      { id: 'Y1', given: 'MARIO', family: 'SANCHEZ', dob: '19990909', docs: [{ type: 'PASSPORT', country: 'MEX', number: 'Z9999999' }], phone: '9155550100' },
    ];
    const r = resolvePersons(recs);
    const e = entityOfId(recs, r);
    expect(e('X1')).toBe(e('X2'));
    expect(e('Y1')).not.toBe(e('X1'));
  });

  it('learns its weights from the data: agreement on a document weighs more than on a city', () => {
    const r = resolvePersons(population(400));
    const w = (f: number, l: number) => Math.log2(r.model.m[f][l] / r.model.u[f][l]);
    expect(w(3, 0)).toBeGreaterThan(w(4, 2));
    expect(r.model.lambda).toBeGreaterThan(0);
    expect(r.model.lambda).toBeLessThan(1);
  });
});
