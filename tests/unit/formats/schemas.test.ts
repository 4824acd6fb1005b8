// The JSON Schemas shipped in resources/schemas are the ones the types give today.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_FORMATS, schemaText } from '../../../electron/backend/formats';

describe('file format schemas', () => {
  for (const name of Object.keys(FILE_FORMATS) as Array<keyof typeof FILE_FORMATS>) {
    it(`${name} matches its type (npm run schemas writes it)`, () => {
      const file = path.resolve('resources/schemas', name);
      expect(fs.existsSync(file), `${file} is missing: run npm run schemas`).toBe(true);
      expect(fs.readFileSync(file, 'utf8')).toBe(schemaText(name));
      const schema = JSON.parse(schemaText(name)) as { type: string; properties: Record<string, unknown>; required: string[] };
      expect(schema.type).toBe('object');
      expect(schema.required).toEqual(expect.arrayContaining(['type', 'version']));
    });
  }
});
