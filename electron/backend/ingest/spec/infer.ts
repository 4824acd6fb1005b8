// A first spec for files nobody wrote one for, for the analyst to check and edit: a graph
// database's export (infer-graph.ts) or any other table (infer-table.ts).
import path from 'node:path';
import { inferGraph, NEO_ID, NEO_START } from './infer-graph';
import { inferTables } from './infer-table';
import type { Heads, Inference, InferOptions } from './infer-types';
import { formatOf, openTables, readTable, type TableSource } from './tables';

export type { Inference, InferOptions, InferredFile } from './infer-types';
export { guessFields, guessType } from './guess';

const HEADER_FILE = /^(.*?)[-_.]header\.(csv|tsv|txt)$/i;

export async function inferSpec(location: string, o: InferOptions): Promise<Inference> {
  const src = await openTables(location);
  try {
    const name = o.name?.trim() || path.basename(location).replace(/\.(zip|csv|tsv|txt|xlsx)$/i, '') || 'import';
    const headers = new Map<string, string[]>();
    for (const f of src.names()) {
      if (formatOf(f) === 'xlsx') continue;
      const m = HEADER_FILE.exec(f);
      if (m) headers.set(m[1], await firstRow(src, f));
    }
    const files = src.names().filter((f) => !HEADER_FILE.test(f));
    const heads: Heads = new Map();
    for (const f of files) {
      const base = [...headers.keys()].find((b) => f.startsWith(b) && f !== b);
      heads.set(f, base !== undefined ? { header: headers.get(base)!, own: false } : { header: await firstRow(src, f), own: true });
    }
    const isGraph = [...heads.values()].some(({ header }) => header.some((h) => NEO_ID.test(h) || NEO_START.test(h)));
    const base = { type: 'crosslink-import-spec' as const, version: 1 as const, name, source: { agency: o.agency, handling: o.handling ?? 'SHARED', timezone: 'Z' } };
    if (isGraph) return await inferGraph(src, base, heads, headers);
    return await inferTables(src, base, files, o.sampleRows ?? 200);
  } finally {
    src.close();
  }
}

async function firstRow(src: TableSource, file: string): Promise<string[]> {
  const stream = await src.open(file);
  try {
    for await (const rows of readTable(stream, { format: formatOf(file) })) {
      for (const r of rows) if (r.cells && r.cells.some((c) => c.trim())) return r.cells.map((c) => c.trim());
    }
    return [];
  } finally {
    stream.destroy();
  }
}
