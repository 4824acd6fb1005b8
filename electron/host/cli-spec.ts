// Import specs from the command line: infer one for a table or graph export, check one,
// and preview what it would make of a file (nothing is written).
import fs from 'node:fs';
import path from 'node:path';
import { parseSpec } from '../../shared/import-spec';
import type { Backend } from '../backend/api';
import { AppError } from '../backend/errors';
import { readSpecText } from '../backend/ingest/spec/spec-file';
import { call, int, need, print, UsageError } from './cli-util';

export const SPEC_OPTIONS = {
  spec: { type: 'string' },
  'accept-rejects': { type: 'boolean' },
  name: { type: 'string' },
} as const;

export const SPEC_USAGE = `  crosslink import PATH --spec SPEC.json --db FILE [--accept-rejects] [--json]
                                                 a CSV, TSV or XLSX (or a folder or .zip of them) through an import spec;
                                                 with rejected rows nothing is kept unless --accept-rejects
  crosslink import PATH --db FILE                a neo4j-admin export (node files with :ID/:LABEL, relationship files
                                                 with :START_ID/:END_ID/:TYPE) imports with an inferred spec
  crosslink spec infer PATH [--name NAME] [--out SPEC.json] [--json]   a first spec for a table or graph export
  crosslink spec check SPEC.json                 exit 1 and the JSON path of every problem
  crosslink spec preview PATH --spec SPEC.json --db FILE [--limit N] [--json]   the first rows as entities, links, rejects`;

interface SpecValues {
  db?: string;
  json?: boolean;
  out?: string;
  spec?: string;
  name?: string;
  limit?: string;
}

export async function cmdSpecInfer(b: Backend, location: string, v: SpecValues): Promise<number> {
  const r = await call(b, 'import.infer', { path: location, name: v.name });
  if (v.out) {
    await call(b, 'spec.save', { path: path.resolve(v.out), spec: r.spec });
  }
  if (!v.out || v.json) {
    print(true, v.out ? { ...r, saved: path.resolve(v.out) } : r.spec, () => '');
  } else {
    const lines = [`Inferred a ${r.style === 'neo4j' ? 'graph-export' : 'table'} spec '${r.spec.name}' and saved it to ${path.resolve(v.out)}:`];
    for (const f of r.files) lines.push(`  ${f.file}: ${f.role}${f.rows ? `, ${f.rows.toLocaleString('en-US')} rows` : ''}${f.values.length ? ` (${f.values.slice(0, 8).map((x) => `${x.value} ${x.count}`).join(', ')})` : ''}`);
    for (const n of r.notes) lines.push(`  note: ${n}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return 0;
}

export function cmdSpecCheck(file: string | undefined, json: boolean): number {
  const f = path.resolve(need(file, 'SPEC.json'));
  let value: unknown;
  try {
    value = readSpecText(f);
  } catch (err) {
    print(json, { ok: false, problems: [(err as Error).message] }, () => `${(err as Error).message}`);
    return 1;
  }
  const r = parseSpec(value);
  const problems = r.ok ? [] : r.problems;
  print(json, { ok: r.ok, problems }, () => (r.ok ? `${path.basename(f)}: a valid import spec ('${r.spec.name}', ${r.spec.files.length} part${r.spec.files.length === 1 ? '' : 's'}).` : [`${path.basename(f)} is not a valid import spec:`, ...problems.map((p) => `  ${p}`)].join('\n')));
  return r.ok ? 0 : 1;
}

export async function cmdSpecPreview(b: Backend, location: string, v: SpecValues): Promise<number> {
  const { spec } = await call(b, 'spec.load', { path: path.resolve(need(v.spec, 'spec')) });
  const p = await call(b, 'import.preview', { path: location, spec, limit: int(v.limit, 'limit', 100) });
  print(v.json, p, () => {
    const lines = [`${p.counts.rows} rows read: ${p.counts.entities} entities, ${p.counts.links} links, ${p.counts.rejects} rejected.`];
    for (const f of p.files) if (f.refused) lines.push(`  REFUSED ${f.refused}`);
    for (const e of p.entities.slice(0, 20)) lines.push(`  ${e.kindLabel.padEnd(18)} ${e.label}  [${e.file}:${e.line ?? '-'}]${e.isNew ? '' : ' (already in the case)'}`);
    for (const l of p.links.slice(0, 20)) lines.push(`  ${l.sourceLabel} —${l.kind}→ ${l.targetLabel}  [${l.file}:${l.line ?? '-'}]`);
    for (const r of p.rejects.slice(0, 20)) lines.push(`  REJECT ${r.file}:${r.line}${r.column ? ` [${r.column}]` : ''} ${r.reason}`);
    return lines.join('\n');
  });
  return p.files.some((f) => f.refused) ? 1 : 0;
}

/** The spec an import runs with, read and checked (problems named by their JSON path). */
export async function specFor(b: Backend, file: string | undefined) {
  if (!file) return undefined;
  if (!fs.existsSync(path.resolve(file))) throw new AppError('not_found', `No spec file at ${path.resolve(file)}.`);
  return (await call(b, 'spec.load', { path: path.resolve(file) })).spec;
}

export function specSub(sub: string | undefined): 'infer' | 'check' | 'preview' {
  if (sub === 'infer' || sub === 'check' || sub === 'preview') return sub;
  throw new UsageError('spec needs one of: infer, check, preview');
}
