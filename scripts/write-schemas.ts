// npm run schemas: writes resources/schemas/*.schema.json from the zod types.
import fs from 'node:fs';
import path from 'node:path';
import { FILE_FORMATS, schemaText } from '../electron/backend/formats';

const dir = path.resolve('resources/schemas');
fs.mkdirSync(dir, { recursive: true });
for (const name of Object.keys(FILE_FORMATS) as Array<keyof typeof FILE_FORMATS>) {
  fs.writeFileSync(path.join(dir, name), schemaText(name));
  console.log(`wrote resources/schemas/${name}`);
}
