// manifest.json: what the package is, for whom, at what handling, and the SHA-256 of every
// other file in it, so a recipient can tell that nothing was changed on the way.
import crypto from 'node:crypto';
import { z } from 'zod';
import { AGENCY, HANDLING, PROFILE } from '../../../shared/model';
import type { BriefModel, PackagedFile } from './model';

export const MANIFEST_NAME = 'manifest.json';

export const BRIEF_MANIFEST = z.object({
  type: z.literal('crosslink-brief'),
  version: z.literal(1),
  title: z.string(),
  createdAt: z.string(),
  author: PROFILE,
  profile: PROFILE,
  audience: AGENCY,
  handling: HANDLING,
  withheld: z.number().int().min(0),
  files: z.array(z.object({ name: z.string().min(1), bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type BriefManifest = z.infer<typeof BRIEF_MANIFEST>;

export const sha256 = (data: Buffer): string => crypto.createHash('sha256').update(data).digest('hex');

export function describe(name: string, data: Buffer): PackagedFile {
  return { name, bytes: data.length, sha256: sha256(data) };
}

export function buildManifest(m: BriefModel, files: PackagedFile[]): BriefManifest {
  return {
    type: 'crosslink-brief',
    version: 1,
    title: m.title,
    createdAt: m.createdAt,
    author: { name: m.author.name, agency: m.author.agency },
    // The profile the package was made under: the author's, whose eyes chose what went in.
    profile: { name: m.author.name, agency: m.author.agency },
    audience: m.audience,
    handling: m.handling,
    withheld: m.withheld,
    files,
  };
}
