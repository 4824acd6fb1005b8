import { describe, expect, it } from 'vitest';
import { checkSpec, describePath, rejectTarget, specLoadProblems } from '../../../../renderer/src/import-spec/spec-check';
import { isIdentifierKind, isRecordKind, kindHint, linkKindChoices, linkKindLabel, mergeDefs, nodeKindChoices, nodeKindLabel, recordFieldsOf } from '../../../../renderer/src/import-spec/kind-catalog';
import { defaultSpecName, specFileTarget, specSavePath, tableTarget } from '../../../../renderer/src/import-spec/table-target';
import { visibleEntry } from '../../../../renderer/src/dialogs/file-target';
import type { DirEntry } from '../../../../shared/contract';
import { graphSpec, peopleSpec } from './fixtures';

describe('spec problems', () => {
  it('a valid spec has none', () => {
    expect(checkSpec(peopleSpec())).toEqual([]);
    expect(checkSpec(graphSpec())).toEqual([]);
  });

  it('names the file, the entity and the field, and the JSON path', () => {
    const s = peopleSpec();
    s.files[0].entities[0].key.columns = [];
    s.name = ' ';
    const problems = checkSpec(s);
    expect(problems).toContainEqual({ path: '$.files[0].entities[0].key.columns', where: 'people.csv › Person record (subject) “person” › key columns', message: 'choose at least one key column' });
    expect(problems).toContainEqual(expect.objectContaining({ path: '$.name', where: 'Spec name', message: 'give the spec a name' }));
  });

  it('finds links whose entity is gone', () => {
    const s = peopleSpec();
    s.files[0].links.push({ kind: 'has_phone', from: { entity: 'person' }, to: { entity: 'phone' }, attributes: [], optional: true });
    expect(checkSpec(s)).toEqual([expect.objectContaining({ path: '$.files[0].links[0].to.entity', where: 'people.csv › link “has phone” › to entity' })]);
  });

  it('describes paths into fields and custom kinds', () => {
    expect(describePath(peopleSpec(), ['files', 0, 'entities', 0, 'fields', 'dob', 'format'])).toBe('people.csv › Person record (subject) “person” › Date of birth');
    expect(describePath(graphSpec(), ['kinds', 1, 'label'])).toBe('Custom kind “Phone” › label');
    expect(describePath(graphSpec(), ['source', 'agency'])).toBe('Source › agency');
  });

  it('splits a spec.load failure into its problems', () => {
    const r = specLoadProblems("people.spec.json is not a valid import spec: $.version: Invalid input: expected 1; $.files[0].entities[0].kind: Invalid input; a: b");
    expect(r.summary).toBe('people.spec.json is not a valid import spec');
    expect(r.problems).toEqual([
      { path: '$.version', message: 'Invalid input: expected 1' },
      { path: '$.files[0].entities[0].kind', message: 'Invalid input; a: b' },
    ]);
    expect(specLoadProblems('No spec file at /x.json.')).toEqual({ summary: 'No spec file at /x.json.', problems: [] });
  });

  it('reads which part and entity a reject names', () => {
    expect(rejectTarget("$.files[1].entities[0].fields.dob: impossible date")).toEqual({ part: 1, entity: 0, link: null });
    expect(rejectTarget('$.files[0].links[2].to: empty')).toEqual({ part: 0, entity: null, link: 2 });
    expect(rejectTarget('expected 3 cells')).toBeNull();
  });
});

describe('kind catalog', () => {
  it('names the mappable kinds for an analyst', () => {
    expect(nodeKindLabel('subject')).toBe('Person record (subject)');
    expect(nodeKindLabel('x.bank_account')).toBe('Bank account');
    expect(nodeKindLabel('x.person', graphSpec().kinds)).toBe('Person');
    expect(linkKindLabel('has_phone')).toBe('has phone');
    expect(linkKindLabel('x.works_at')).toBe('works at');
    expect(isRecordKind('vehicle') && isIdentifierKind('phone') && !isIdentifierKind('x.phone')).toBe(true);
    expect(kindHint('subject')).toMatch(/resolved/);
    expect(recordFieldsOf(['x.a', 'subject'])).toContain('dob');
  });

  it('lists built-in kinds, then custom ones once each', () => {
    const choices = nodeKindChoices(mergeDefs(graphSpec().kinds, [{ kind: 'x.person', label: 'Old person', colour: '#000000', icon: 'person' }, { kind: 'x.ship', label: 'Ship', colour: '#000000', icon: 'vehicle' }]));
    expect(choices.slice(0, 3).map((c) => c.label)).toEqual(['Person record (subject)', 'Vehicle record', 'Case']);
    expect(choices.filter((c) => c.group === 'Custom kinds').map((c) => c.label)).toEqual(['Person', 'Phone', 'Ship']);
    expect(linkKindChoices(graphSpec().linkKinds).at(-1)).toEqual({ value: 'x.uses', label: 'uses', group: 'Custom link kinds' });
  });
});

describe('wizard file targets', () => {
  const e = (name: string, type: 'dir' | 'file'): DirEntry => ({ name, path: `/data/${name}`, type, size: 1, isBundle: name.endsWith('.zip') });
  const listing = { path: '/data', parent: '/', entries: [e('exports', 'dir'), e('people.csv', 'file'), e('people.xlsx', 'file'), e('graph.zip', 'file'), e('notes.pdf', 'file'), e('p.spec.json', 'file')] };

  it('shows tables, zips and folders to read; specs to load', () => {
    expect(listing.entries.filter((x) => visibleEntry('table', x)).map((x) => x.name)).toEqual(['exports', 'people.csv', 'people.xlsx', 'graph.zip']);
    expect(listing.entries.filter((x) => visibleEntry('spec', x)).map((x) => x.name)).toEqual(['exports', 'p.spec.json']);
  });

  it('reads the table, folder or zip picked, a typed path, or the tables of the folder shown', () => {
    expect(tableTarget(listing, listing.entries[1], '/data')).toEqual({ path: '/data/people.csv', label: 'Read this table' });
    expect(tableTarget(listing, listing.entries[3], '/data')).toEqual({ path: '/data/graph.zip', label: 'Read this .zip' });
    expect(tableTarget(listing, listing.entries[0], '/data')).toEqual({ path: '/data/exports', label: 'Read this folder' });
    expect(tableTarget(listing, null, '/tmp/x.csv')).toEqual({ path: '/tmp/x.csv', label: 'Read' });
    expect(tableTarget(listing, null, '/data')).toEqual({ path: '/data', label: 'Read all 2 tables in this folder' });
    expect(tableTarget({ ...listing, entries: [] }, null, '/data')).toBeNull();
  });

  it('loads a picked or typed .json, saves under the folder shown', () => {
    expect(specFileTarget(listing, listing.entries[5], '/data')).toBe('/data/p.spec.json');
    expect(specFileTarget(listing, null, '/specs/a.json')).toBe('/specs/a.json');
    expect(specFileTarget(listing, null, '/data')).toBeNull();
    expect(specSavePath(listing, null, 'people.spec')).toBe('/data/people.spec.json');
    expect(specSavePath(listing, listing.entries[0], 'x.json')).toBe('/data/exports/x.json');
    expect(specSavePath(listing, null, '/abs/s.json')).toBe('/abs/s.json');
    expect(specSavePath(listing, null, 'a/b.json')).toBeNull();
    expect(defaultSpecName('EL PASO people')).toBe('EL-PASO-people.spec.json');
  });
});
