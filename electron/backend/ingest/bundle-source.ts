// A bundle is a folder or a .zip of that folder. Both are read as streams of named
// files; nothing is extracted to disk.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../errors';

export interface BundleSource {
  readonly location: string;
  /** File names at the bundle's top level (a single wrapping folder in a zip is looked through). */
  names(): string[];
  size(name: string): number;
  open(name: string): Promise<Readable>;
  close(): void;
}

export async function openBundle(location: string): Promise<BundleSource> {
  let st: fs.Stats;
  try {
    st = fs.statSync(location);
  } catch {
    throw new AppError('not_found', `No bundle at ${location}.`);
  }
  if (st.isDirectory()) return dirSource(location);
  if (st.isFile()) return zipSource(location);
  throw new AppError('bad_bundle', `${location} is neither a folder nor a .zip file.`);
}

function dirSource(dir: string): BundleSource {
  const names = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
  return {
    location: dir,
    names: () => names,
    size: (name) => fs.statSync(path.join(dir, name)).size,
    open: async (name) => fs.createReadStream(path.join(dir, name), { highWaterMark: 1 << 20 }),
    close: () => {},
  };
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(new AppError('bad_bundle', `${path.basename(file)} is not a readable .zip bundle: ${err?.message ?? 'unknown error'}.`));
      else resolve(zip);
    });
  });
}

async function zipSource(file: string): Promise<BundleSource> {
  const zip = await openZip(file);
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      if (!e.fileName.endsWith('/')) entries.set(e.fileName, e);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', (err: Error) => reject(new AppError('bad_bundle', `${path.basename(file)}: damaged zip (${err.message}).`)));
    zip.readEntry();
  });
  // Look through one wrapping folder (zip of the bundle folder), ignore deeper nesting.
  const byName = new Map<string, yauzl.Entry>();
  const top = [...entries.keys()].filter((n) => !n.includes('/'));
  const prefix = top.includes('manifest.json') ? '' : commonFolder([...entries.keys()]);
  for (const [name, e] of entries) {
    if (!name.startsWith(prefix)) continue;
    const rest = name.slice(prefix.length);
    if (!rest.includes('/')) byName.set(rest, e);
  }
  return {
    location: file,
    names: () => [...byName.keys()],
    size: (name) => byName.get(name)?.uncompressedSize ?? 0,
    open: (name) =>
      new Promise((resolve, reject) => {
        const e = byName.get(name);
        if (!e) return reject(new AppError('not_found', `${name} is not in ${path.basename(file)}.`));
        zip.openReadStream(e, (err, stream) => {
          if (err || !stream) reject(new AppError('bad_bundle', `${path.basename(file)}: cannot read ${name} (${err?.message}).`));
          else resolve(stream);
        });
      }),
    close: () => zip.close(),
  };
}

function commonFolder(names: string[]): string {
  const manifest = names.find((n) => n.endsWith('/manifest.json') && n.split('/').length === 2);
  if (manifest) return manifest.slice(0, manifest.length - 'manifest.json'.length);
  // No manifest (a zip of tables): one folder holding everything is looked through too.
  const tops = new Set(names.map((n) => (n.includes('/') ? n.slice(0, n.indexOf('/') + 1) : '')));
  return tops.size === 1 && !tops.has('') ? [...tops][0] : '';
}
