import { describe, expect, it } from 'vitest';
import { IMPORT_SPEC } from '../../../../shared/import-spec';
import { addEntityFromColumn, kindForColumn, newKindDef, setEntityKind, setKey, setLabelKind, setLabelTemplate } from '../../../../renderer/src/import-spec/entity-edit';
import { addLink, decodeEndpoint, encodeEndpoint, setEndpoint, setLinkAt, setTypeKind, toggleLinkAttribute, typeKind } from '../../../../renderer/src/import-spec/link-edit';
import { freshEntityId, removeEntity, setPartOptions, setSource, updateEntity, upsertKindDef } from '../../../../renderer/src/import-spec/spec-edit';
import { PEOPLE_HEADER, graphSpec, peopleSpec } from './fixtures';

describe('spec edits', () => {
  it('sets and clears the source columns, leaving the input untouched', () => {
    const s = peopleSpec();
    const a = setSource(s, { agency: 'CBP', handling: 'LES', agencyColumn: 'Agency' });
    expect(a.source).toEqual({ agency: 'CBP', handling: 'LES', agencyColumn: 'Agency', timezone: 'Z' });
    expect(setSource(a, { agencyColumn: null }).source).not.toHaveProperty('agencyColumn');
    expect(s.source.agency).toBe('ICE');
  });

  it('part options: header row clamped, empty separator and sheet removed', () => {
    const part = peopleSpec().files[0];
    expect(setPartOptions(part, { headerRow: 0 }).headerRow).toBe(1);
    expect(setPartOptions(part, { delimiter: ';' }).delimiter).toBe(';');
    expect(setPartOptions({ ...part, sheet: 'People' }, { sheet: '' })).not.toHaveProperty('sheet');
  });

  it('makes an entity of a phone column: a Phone linked by has_phone, the field taken back', () => {
    const s = addEntityFromColumn(peopleSpec(), 0, 'Mobile');
    const part = s.files[0];
    expect(part.entities[1]).toMatchObject({ id: 'phone', kind: 'phone', key: { columns: ['Mobile'], normalise: 'phone' }, optional: true });
    expect(part.entities[0].fields.phone).toBeUndefined();
    expect(part.links).toEqual([{ kind: 'has_phone', from: { entity: 'person' }, to: { entity: 'phone' }, attributes: [], optional: true }]);
    expect(IMPORT_SPEC.safeParse(s).success).toBe(true);
  });

  it('makes a custom kind of an employer column, with its look and the employer link', () => {
    const s = addEntityFromColumn(peopleSpec(), 0, 'Employer');
    expect(s.kinds).toEqual([newKindDef('Employer')]);
    expect(s.kinds[0]).toMatchObject({ kind: 'x.employer', label: 'Employer', icon: 'organisation' });
    expect(s.files[0].entities[1]).toMatchObject({ kind: 'x.employer', label: '{Employer}' });
    expect(s.files[0].links[0].kind).toBe('employer');
    expect(s.files[0].entities[0].attributes.map((a) => a.column)).toEqual(['Ref', 'DOB (DD/MM/YYYY)']);
    expect(IMPORT_SPEC.safeParse(s).success).toBe(true);
  });

  it('guesses identifier kinds from column names', () => {
    expect(kindForColumn('E-mail address')).toBe('email');
    expect(kindForColumn('Cell phone')).toBe('phone');
    expect(kindForColumn('VIN')).toBe('vin');
    expect(kindForColumn('Passport no')).toBe('document');
    expect(kindForColumn('Bank account')).toBe('x.bank_account');
  });

  it('gives new entities ids unique in their part', () => {
    const part = addEntityFromColumn(peopleSpec(), 0, 'Mobile').files[0];
    expect(freshEntityId(part, 'phone')).toBe('phone2');
    expect(freshEntityId(part, 'x.bank_account')).toBe('bank_account');
    expect(freshEntityId(part, '9lives')).toBe('lives');
  });

  it('removing an entity removes the links that join it', () => {
    const s = addEntityFromColumn(peopleSpec(), 0, 'Mobile');
    const part = removeEntity(s.files[0], 1);
    expect(part.entities.map((e) => e.id)).toEqual(['person']);
    expect(part.links).toEqual([]);
  });

  it('switching to an identifier kind normalises its key', () => {
    const e = setEntityKind(graphSpec().files[0].entities[0], 'phone');
    expect(e.key.normalise).toBe('phone');
    expect(setKey(e, { normalise: 'none', space: null }).key).toEqual({ columns: ['personId:ID(Person)'], normalise: 'none' });
  });

  it('maps a graph label to a Crosslink kind', () => {
    const s = updateEntity(graphSpec(), 0, 0, (e) => setLabelKind(e, 'Person', 'subject'));
    expect(s.files[0].entities[0].kindFrom!.map).toEqual({ Person: 'subject' });
    expect(IMPORT_SPEC.safeParse(s).success).toBe(true);
  });

  it('empties a label template to the default', () => {
    expect(setLabelTemplate(graphSpec().files[0].entities[0], '  ')).not.toHaveProperty('label');
  });

  it('upserts custom kind looks', () => {
    const s = upsertKindDef(graphSpec(), { kind: 'x.person', label: 'Individual', colour: '#000000', icon: 'person' }, false);
    expect(s.kinds.map((d) => d.label)).toEqual(['Individual', 'Phone']);
    expect(upsertKindDef(s, newKindDef('works for', true), true).linkKinds.map((d) => d.kind)).toEqual(['x.uses', 'x.works_for']);
  });
});

describe('link edits', () => {
  it('adds a link between the first two entities of a part, or to a key column', () => {
    const s = addEntityFromColumn(peopleSpec(), 0, 'Email');
    const part = addLink({ ...s.files[0], links: [] }, PEOPLE_HEADER);
    expect(part.links[0]).toMatchObject({ kind: 'has_email', from: { entity: 'person' }, to: { entity: 'email' } });
    const lone = addLink(peopleSpec().files[0], PEOPLE_HEADER);
    expect(lone.links[0]).toMatchObject({ from: { entity: 'person' }, to: { column: 'Surname' } });
  });

  it('an end keeps its id space when its column changes', () => {
    const l = graphSpec().files[1].links[0];
    expect(encodeEndpoint(l.to)).toBe('column::END_ID(Phone)');
    const moved = setEndpoint(l, 'to', 'column:other');
    expect(moved.to).toEqual({ column: 'other', space: 'export/Phone', normalise: 'none' });
    expect(decodeEndpoint('entity:person', l.to)).toEqual({ entity: 'person' });
  });

  it('dates a link by a column, keeping its format while the column stays', () => {
    const l = graphSpec().files[1].links[0];
    expect(setLinkAt(l, 'first_seen:date').at).toBe(l.at);
    expect(setLinkAt(l, 'when').at).toMatchObject({ column: 'when', type: 'date', format: 'iso' });
    expect(setLinkAt(l, null)).not.toHaveProperty('at');
  });

  it('maps a relationship type to a Crosslink link kind, and back to its own', () => {
    const l = graphSpec().files[1].links[0];
    const m = setTypeKind(l, 'USES', 'has_phone');
    expect(typeKind(m, 'USES')).toBe('has_phone');
    expect(typeKind(setTypeKind(m, 'USES', 'x.uses'), 'USES')).toBe('x.uses');
    expect(setTypeKind(m, 'USES', 'x.uses').kindFrom!.map).toEqual({});
  });

  it('toggles a link attribute', () => {
    const l = toggleLinkAttribute(graphSpec().files[1].links[0], 'since:int');
    expect(l.attributes.map((a) => a.column)).toEqual(['since:int']);
    expect(toggleLinkAttribute(l, 'since:int').attributes).toEqual([]);
  });
});
