// Specs as import.infer answers them, for the wizard's pure rules.
import type { ImportSpec } from '../../../../shared/import-spec';

export const PEOPLE_HEADER = ['Ref', 'Surname', 'Given names', 'DOB (DD/MM/YYYY)', 'Mobile', 'Email', 'Employer'];

const v = (column: string, extra: object = {}) => ({ column, type: 'string' as const, normalise: 'none' as const, required: false, ...extra });

/** A table of people: a person record per row, phone and email as its fields. */
export function peopleSpec(): ImportSpec {
  return {
    type: 'crosslink-import-spec',
    version: 1,
    name: 'people',
    source: { agency: 'ICE', handling: 'SHARED', timezone: 'Z' },
    kinds: [],
    linkKinds: [],
    files: [
      {
        match: 'people.csv',
        format: 'auto',
        headerRow: 1,
        entities: [
          {
            id: 'person',
            kind: 'subject',
            key: { columns: ['Ref'], normalise: 'none' },
            fields: { last_name: v('Surname'), first_name: v('Given names'), phone: v('Mobile'), email: v('Email') },
            attributes: [v('Ref'), v('DOB (DD/MM/YYYY)', { type: 'date', format: 'D/M/YYYY' }), v('Employer')],
            optional: false,
          },
        ],
        links: [],
      },
    ],
  };
}

/** A neo4j-admin node file and a relationship file. */
export function graphSpec(): ImportSpec {
  return {
    type: 'crosslink-import-spec',
    version: 1,
    name: 'export',
    source: { agency: 'ICE', handling: 'SHARED', timezone: 'Z' },
    kinds: [
      { kind: 'x.person', label: 'Person', colour: '#0f766e', icon: 'person' },
      { kind: 'x.phone', label: 'Phone', colour: '#1d4ed8', icon: 'phone' },
    ],
    linkKinds: [{ kind: 'x.uses', label: 'uses', colour: '#1d4ed8', icon: 'tag', directed: true }],
    files: [
      {
        match: 'persons.csv',
        format: 'auto',
        headerRow: 1,
        entities: [
          {
            id: 'node',
            kind: 'x.person',
            kindFrom: { column: ':LABEL', map: { Person: 'x.person' } },
            key: { columns: ['personId:ID(Person)'], normalise: 'none', space: 'export/Person' },
            label: '{name}',
            fields: {},
            attributes: [v('name'), v('dob:date', { type: 'date' })],
            optional: false,
          },
        ],
        links: [],
      },
      {
        match: 'uses.csv',
        format: 'auto',
        headerRow: 1,
        entities: [],
        links: [
          {
            kind: 'x.uses',
            kindFrom: { column: ':TYPE', map: {} },
            from: { column: ':START_ID(Person)', space: 'export/Person', normalise: 'none' },
            to: { column: ':END_ID(Phone)', space: 'export/Phone', normalise: 'none' },
            at: v('first_seen:date', { type: 'date' }),
            attributes: [],
            optional: false,
          },
        ],
      },
    ],
  };
}
