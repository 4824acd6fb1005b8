// Checks a briefing package against its manifest: every listed file present with its size and
// SHA-256, nothing unlisted, the manifest itself well formed. Each problem names the file.
import path from 'node:path';
import { BRIEF_MANIFEST, MANIFEST_NAME, sha256, type BriefManifest } from './manifest';
import { readZip } from './zip';

export interface VerifyResult {
  ok: boolean;
  problems: string[];
}

export async function verifyPackage(file: string): Promise<VerifyResult> {
  const { ok, problems } = await checkPackage(file);
  return { ok, problems };
}

/** verifyPackage with the manifest it checked against, when it could be read. */
export async function checkPackage(file: string): Promise<VerifyResult & { manifest: BriefManifest | null }> {
  const problems: string[] = [];
  const base = path.basename(file);
  let entries;
  try {
    entries = await readZip(file);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such file' : `not a readable .zip (${e.message})`;
    return { ok: false, problems: [`${base}: ${why}`], manifest: null };
  }

  const byName = new Map<string, Buffer | null>();
  for (const e of entries) {
    if (byName.has(e.name)) problems.push(`${e.name}: stored more than once`);
    if (e.error) problems.push(`${e.name}: ${e.error}`);
    byName.set(e.name, e.data);
  }

  const raw = byName.get(MANIFEST_NAME);
  if (raw === undefined) return { ok: false, problems: [...problems, `${MANIFEST_NAME}: missing, so nothing in ${base} can be checked`], manifest: null };
  if (raw === null) return { ok: false, problems, manifest: null };
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch (err) {
    return { ok: false, problems: [...problems, `${MANIFEST_NAME}: not valid JSON (${(err as Error).message})`], manifest: null };
  }
  const parsed = BRIEF_MANIFEST.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, problems: [...problems, `${MANIFEST_NAME}: not a crosslink-brief version 1 manifest (${first.path.join('.') || 'top'}: ${first.message})`], manifest: null };
  }

  const listed = new Set<string>();
  for (const f of parsed.data.files) {
    if (listed.has(f.name)) problems.push(`${f.name}: listed twice in the manifest`);
    listed.add(f.name);
    const data = byName.get(f.name);
    if (data === undefined) problems.push(`${f.name}: listed in the manifest but missing from the package`);
    else if (data === null) continue; // already reported as unreadable
    else if (data.length !== f.bytes) problems.push(`${f.name}: ${data.length} bytes, the manifest says ${f.bytes}: changed after packaging`);
    else if (sha256(data) !== f.sha256) problems.push(`${f.name}: SHA-256 does not match the manifest: changed after packaging`);
  }
  for (const name of byName.keys()) {
    if (name !== MANIFEST_NAME && !listed.has(name)) problems.push(`${name}: in the package but not listed in the manifest`);
  }
  return { ok: problems.length === 0, problems, manifest: parsed.data };
}
