// Import specs as files (crosslink-import-spec v1, JSON): written whole or not at all, read
// back with every problem named by its JSON path.
import fs from 'node:fs';
import path from 'node:path';
import { parseSpec, type ImportSpec } from '../../../../shared/import-spec';
import { AppError } from '../../errors';

/** Larger than any spec a person writes; a bigger file is not a spec. */
const MAX_SPEC_BYTES = 5 * 1024 * 1024;

export function saveSpecFile(file: string, spec: ImportSpec): { path: string } {
  const target = path.resolve(/\.json$/i.test(file) ? file : `${file}.json`);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, `${JSON.stringify(spec, null, 2)}\n`);
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new AppError('io_error', `Could not save the spec to ${target}: ${(err as Error).message}`);
  }
  return { path: target };
}

export function readSpecText(file: string): unknown {
  const target = path.resolve(file);
  let st: fs.Stats;
  try {
    st = fs.statSync(target);
  } catch {
    throw new AppError('not_found', `No spec file at ${target}.`);
  }
  if (!st.isFile()) throw new AppError('invalid_input', `${target} is not a file.`);
  if (st.size > MAX_SPEC_BYTES) throw new AppError('invalid_input', `${path.basename(target)} is ${(st.size / 1024 / 1024).toFixed(1)} MB; an import spec is a small JSON file.`);
  const text = fs.readFileSync(target, 'utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AppError('invalid_input', `${path.basename(target)} is not JSON: ${(err as Error).message}`);
  }
}

export function loadSpecFile(file: string): { path: string; spec: ImportSpec } {
  const value = readSpecText(file);
  const r = parseSpec(value);
  if (!r.ok) throw new AppError('invalid_input', `${path.basename(file)} is not a valid import spec: ${r.problems.join('; ')}`);
  return { path: path.resolve(file), spec: r.spec };
}
