import { describe, expect, it } from 'vitest';
import {
  addToLabel, columnUses, decodeRole, encodeRole, fieldChoices, labelColumns, roleChoices, setColumnRole, setColumnValue, toggleKeyColumn,
} from '../../../../renderer/src/import-spec/column-roles';
import { PEOPLE_HEADER, graphSpec, peopleSpec } from './fixtures';

const person = () => peopleSpec().files[0].entities[0];

describe('column roles of an entity', () => {
  it('reads each column as key, field or attribute', () => {
    const uses = columnUses(person(), PEOPLE_HEADER);
    const of = (c: string) => uses.find((u) => u.column === c)!;
    expect(of('Ref')).toMatchObject({ key: true, role: { type: 'attribute' } });
    expect(of('Surname').role).toEqual({ type: 'field', name: 'last_name' });
    expect(of('DOB (DD/MM/YYYY)')).toMatchObject({ role: { type: 'attribute' }, value: { type: 'date', format: 'D/M/YYYY' } });
    expect(of('Mobile').role).toEqual({ type: 'field', name: 'phone' });
  });

  it('moves a date attribute to the date-of-birth field with its format', () => {
    const e = setColumnRole(person(), 'DOB (DD/MM/YYYY)', { type: 'field', name: 'dob' });
    expect(e.fields.dob).toEqual({ column: 'DOB (DD/MM/YYYY)', type: 'date', format: 'D/M/YYYY', normalise: 'none', required: false });
    expect(e.attributes.map((a) => a.column)).toEqual(['Ref', 'Employer']);
  });

  it('gives a field to one column only: the one that held it gives it up', () => {
    const e = setColumnRole(person(), 'Given names', { type: 'field', name: 'last_name' });
    expect(e.fields.last_name.column).toBe('Given names');
    expect(e.fields.first_name).toBeUndefined();
    expect(columnUses(e, PEOPLE_HEADER).find((u) => u.column === 'Surname')!.role).toEqual({ type: 'none' });
  });

  it('a text column made a date field is read as ISO until a format is given', () => {
    const e = setColumnRole(person(), 'Employer', { type: 'at' });
    expect(e.at).toMatchObject({ column: 'Employer', type: 'date', format: 'iso' });
    expect(e.attributes.some((a) => a.column === 'Employer')).toBe(false);
  });

  it('takes a column out of the import, and back as an attribute keeping its type', () => {
    let e = setColumnRole(person(), 'DOB (DD/MM/YYYY)', { type: 'none' });
    expect(columnUses(e, PEOPLE_HEADER).find((u) => u.column === 'DOB (DD/MM/YYYY)')!.value).toBeNull();
    e = setColumnRole(person(), 'Surname', { type: 'attribute' });
    expect(e.attributes.at(-1)).toEqual({ column: 'Surname', type: 'string', normalise: 'none', required: false });
    expect(e.fields.last_name).toBeUndefined();
  });

  it('changes the format of the use a column has, and drops it for text', () => {
    let e = setColumnRole(person(), 'DOB (DD/MM/YYYY)', { type: 'field', name: 'dob' });
    e = setColumnValue(e, 'DOB (DD/MM/YYYY)', { format: 'DD/MM/YYYY' });
    expect(e.fields.dob.format).toBe('DD/MM/YYYY');
    e = setColumnValue(e, 'DOB (DD/MM/YYYY)', { type: 'string' });
    expect(e.fields.dob).not.toHaveProperty('format');
    expect(setColumnValue(person(), 'Nope', { type: 'int' })).toEqual(person());
  });

  it('keeps key columns in header order', () => {
    let e = toggleKeyColumn(person(), 'Surname', PEOPLE_HEADER);
    e = toggleKeyColumn(e, 'DOB (DD/MM/YYYY)', PEOPLE_HEADER);
    expect(e.key.columns).toEqual(['Ref', 'Surname', 'DOB (DD/MM/YYYY)']);
    expect(toggleKeyColumn(e, 'Ref', PEOPLE_HEADER).key.columns).toEqual(['Surname', 'DOB (DD/MM/YYYY)']);
  });

  it('offers TECS fields only for record kinds, values only for identifiers', () => {
    expect(fieldChoices(person())).toContain('dob');
    const node = graphSpec().files[0].entities[0];
    expect(fieldChoices(node)).toEqual([]);
    expect(roleChoices(node).map((c) => c.value)).not.toContain('value');
    // The label column maps Person to a person record: its fields are offered.
    const mapped = { ...node, kindFrom: { column: ':LABEL', map: { Person: 'subject' as const, Phone: 'phone' as const } } };
    expect(fieldChoices(mapped)).toContain('last_name');
    expect(roleChoices(mapped).map((c) => c.value)).toContain('value');
    expect(columnUses(mapped, [':LABEL'])[0].kindFrom).toBe(true);
  });

  it('encodes roles for a select and reads label templates', () => {
    for (const r of [{ type: 'none' }, { type: 'attribute' }, { type: 'value' }, { type: 'at' }, { type: 'field', name: 'dob' }] as const) {
      expect(decodeRole(encodeRole(r))).toEqual(r);
    }
    expect(labelColumns('{Surname}, {Given names}')).toEqual(['Surname', 'Given names']);
    expect(addToLabel('{Surname},', 'Given names')).toBe('{Surname}, {Given names}');
    expect(addToLabel(undefined, 'Ref')).toBe('{Ref}');
  });
});
