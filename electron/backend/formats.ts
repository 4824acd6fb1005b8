// The versioned file formats Crosslink writes for people and other programs, with the JSON
// Schema of each derived from its zod type (DESIGN.md practice 10): resources/schemas holds
// them, and a test fails when a type changes and its schema was not written again
// (npm run schemas).
import { z } from 'zod';
import { BOARD_STATE } from '../../shared/contract';
import { BRIEF_MANIFEST } from './brief/manifest';
import { IMPORT_SPEC } from '../../shared/import-spec';

export const FILE_FORMATS = {
  'crosslink-board.v2.schema.json': {
    title: 'Crosslink board (board.json, version 2)',
    schema: BOARD_STATE.extend({ type: z.literal('crosslink-board'), version: z.literal(2) }),
  },
  'crosslink-import-spec.v1.schema.json': {
    title: 'Crosslink import spec (version 1): how the columns of tables or a graph export become entities and links',
    schema: IMPORT_SPEC,
  },
  'crosslink-brief-manifest.v1.schema.json': {
    title: 'Crosslink briefing package manifest (manifest.json, version 1)',
    schema: BRIEF_MANIFEST,
  },
} as const;

export function schemaText(name: keyof typeof FILE_FORMATS): string {
  const f = FILE_FORMATS[name];
  const json = { title: f.title, ...z.toJSONSchema(f.schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) };
  return `${JSON.stringify(json, null, 2)}\n`;
}
