// Writing and reading the package's .zip.
//
// yazl writes it: the writer by the author of yauzl, which ingest/ already uses to read
// bundles, so one family of code handles our zips both ways. It is small, has one dependency
// (buffer-crc32), streams to disk, takes a fixed mtime and per-entry compression (entries
// come out in the order added, byte for byte the same for the same input), and has been
// maintained for a decade.
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';

export interface ZipInput {
  name: string;
  data: Buffer;
  /** PDF and PNG are compressed already: stored as they are. */
  compress: boolean;
}

export async function writeZip(file: string, entries: ZipInput[], mtime: Date): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { mtime, mode: 0o100644, compress: e.compress, forceDosTimestamp: true });
  zip.end();
  const out = fs.createWriteStream(file, { flags: 'wx' });
  await pipeline(zip.outputStream, out);
  // The bytes are on disk before the package takes its final name.
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface ZipEntryRead {
  name: string;
  data: Buffer | null;
  /** Why the entry could not be read (damaged, too big). */
  error: string | null;
}

/** Far above any brief; a bound so a hostile zip cannot fill memory. */
const MAX_ENTRY_BYTES = 1 << 30;
const MAX_ENTRIES = 1000;

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (err, zip) => (err || !zip ? reject(err ?? new Error('unreadable')) : resolve(zip)));
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('unreadable'));
      const parts: Buffer[] = [];
      stream.on('data', (b: Buffer) => parts.push(b));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(parts)));
    });
  });
}

/** Every entry of a zip with its bytes, in the zip's order. Throws when the zip itself cannot be read. */
export async function readZip(file: string): Promise<ZipEntryRead[]> {
  const zip = await openZip(file);
  try {
    const entries: ZipEntryRead[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        const done = (data: Buffer | null, error: string | null): void => {
          entries.push({ name: entry.fileName, data, error });
          if (entries.length > MAX_ENTRIES) reject(new Error(`more than ${MAX_ENTRIES} entries`));
          else zip.readEntry();
        };
        if (entry.fileName.endsWith('/')) done(null, 'a folder');
        else if (entry.uncompressedSize > MAX_ENTRY_BYTES) done(null, `too big (${entry.uncompressedSize} bytes)`);
        else readEntry(zip, entry).then((b) => done(b, null), (e: Error) => done(null, `cannot be read (${e.message})`));
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
    return entries;
  } finally {
    zip.close();
  }
}
