// The ground-truth folder written beside the bundle: planted.json and README.md.
// persons.csv and vehicles.csv are streamed by generate.ts while the bundle is written.

import fs from 'node:fs';
import path from 'node:path';
import type { BadHit } from './crossings';

export const TRUTH_HEADERS = {
  persons: ['source_file', 'source_id', 'person_id'],
  vehicles: ['source_file', 'source_id', 'vehicle_id'],
} as const;

export interface Planted {
  seed: number;
  export_id: string;
  network: {
    person_ids: string[];
    roles: Record<string, string>;
    record_ids: string[];
    vehicle_record_ids: string[];
    crossing_ids: string[];
    phone: string;
    phone_digits: string;
    address: string;
    vehicle_plate: string;
    vehicle_plate_region: string;
    vehicle_vin: string;
    vehicle_id: string;
    port_code: string;
    case_id: string;
    lookout_id: string;
  };
  alias_trap: { person_ids: string[]; record_ids: string[]; name: string; dobs: string[]; address: string };
  orcon_canary: string;
  orcon_case_id: string;
  bad_rows: { file: string; line: number; reason: string; id: string }[];
}

const README = `# Ground truth for a Crosslink demo bundle

Written by the demo generator (electron/backend/demo) next to the bundle folder. It is what
the generator *knows* and an analyst has to *find*; never load it into the workstation.

## persons.csv

\`source_file,source_id,person_id\`: the true person behind every record. One row for each
\`subjects.csv\` record_id and each \`crossings.csv\` crossing_id. Records with the same
person_id describe one human, however differently they are spelled. Ids \`P-000123\` are the
modelled population; \`P-S0000123\` are synthetic one-off travellers of the background traffic
(each appears once).

## vehicles.csv

\`source_file,source_id,vehicle_id\`: the true vehicle behind every \`vehicles.csv\` record_id
and every \`crossings.csv\` row that names a vehicle. \`V-S...\` ids are one-off background vehicles.

## planted.json

- \`network\`: a smuggling cell. Its members share a burner phone (written in different
  formats) and a stash-house address across records with different names; one truck is driven by
  three of them; they cross minutes apart at one port (\`crossing_ids\`); an ICE HUMAN_SMUGGLING
  case names two of them (\`case_id\`) and a lookout sits on one (\`lookout_id\`).
- \`alias_trap\`: father and son with the same name (the son is sometimes written JR), the same
  address and phone, birth dates decades apart. Entity resolution must keep them apart.
- \`orcon_canary\`: a string that appears only in the summary of the ORCON ICE case
  \`orcon_case_id\`. No export, screen, log or report shown to a CBP or USCIS analyst may contain it.
- \`bad_rows\`: rows broken on purpose (file, 1-based physical line, reason, id). The loader
  should reject exactly these and load the rest.
`;

export function writeTruthExtras(dir: string, planted: Planted): void {
  fs.writeFileSync(path.join(dir, 'planted.json'), `${JSON.stringify(planted, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'README.md'), README);
}

export function badRowsJson(hits: readonly BadHit[]): Planted['bad_rows'] {
  return hits.map((h) => ({ file: h.file, line: h.line, reason: h.reason, id: h.id }));
}
