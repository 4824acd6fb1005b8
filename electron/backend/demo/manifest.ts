// manifest.json of the bundle: export id, time, source system, region and per-file rows and SHA-256.

import fs from 'node:fs';
import path from 'node:path';
import { BUNDLE_FILES, type Manifest } from '../ingest/format';
import type { WrittenFile } from './csv-writer';

export function writeManifest(
  dir: string,
  head: { exportId: string; exportedAt: string; region: string },
  files: Readonly<Record<string, WrittenFile>>,
): Manifest {
  const m: Manifest = {
    export_id: head.exportId,
    exported_at: head.exportedAt,
    source_system: 'TECS',
    region: head.region,
    files: {},
  };
  for (const name of BUNDLE_FILES) {
    const f = files[name];
    if (f) m.files[name] = { rows: f.rows, sha256: f.sha256 };
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(m, null, 2)}\n`);
  return m;
}
