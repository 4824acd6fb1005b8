import { z } from 'zod';
import { AppError } from '../errors';
import type { BundleSource } from './bundle-source';
import type { Manifest } from './format';

const MANIFEST = z.object({
  export_id: z.string().trim().min(1).max(200),
  exported_at: z.string().max(100).optional(),
  source_system: z.string().max(200).optional(),
  region: z.string().max(200).optional(),
  files: z.record(
    z.string(),
    z.object({
      rows: z.number().int().min(0).optional(),
      sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'sha256 must be 64 hex digits').optional(),
    }).passthrough(),
  ),
}).passthrough();

const MAX_MANIFEST_BYTES = 1 << 20;

export async function readManifest(src: BundleSource): Promise<Manifest> {
  if (!src.names().includes('manifest.json')) {
    throw new AppError('bad_bundle', `${src.location} is not a TECS bundle: it has no manifest.json.`);
  }
  if (src.size('manifest.json') > MAX_MANIFEST_BYTES) {
    throw new AppError('bad_bundle', 'manifest.json is larger than 1 MB; refusing to read it.');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of await src.open('manifest.json')) chunks.push(chunk as Buffer);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new AppError('bad_bundle', `manifest.json is not valid JSON: ${(e as Error).message}.`);
  }
  const parsed = MANIFEST.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_bundle', `manifest.json: ${issue.path.join('.') || '(top)'}: ${issue.message}.`);
  }
  return parsed.data as Manifest;
}
