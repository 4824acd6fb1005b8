// RFC 4180 CSV output (LF line ends) streamed to disk in large chunks, hashing as it goes.

import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';

const NEEDS_QUOTES = /[",\r\n]/;

/** Quote a cell when it holds a comma, a quote or a line break; double inner quotes. */
export function esc(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (with its trailing LF) from raw cell values. */
export function csvLine(cells: readonly string[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out += ',';
    out += esc(cells[i]!);
  }
  return `${out}\n`;
}

const CHUNK = 1 << 22;

export interface WrittenFile { path: string; rows: number; bytes: number; sha256: string }

/**
 * Encodes each line straight into one reusable 4 MB buffer and writes it out when full, so
 * millions of rows cost a few hundred write calls and no row string outlives its row (which
 * keeps the garbage collector idle). The SHA-256 covers exactly the bytes written.
 */
export class CsvWriter {
  rows = 0;
  bytes = 0;
  private readonly buf = Buffer.allocUnsafe(CHUNK);
  private pos = 0;
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');

  constructor(readonly path: string, header: readonly string[] | null) {
    this.fd = fs.openSync(path, 'w');
    if (header) this.put(csvLine(header));
  }

  private put(s: string): void {
    // A UTF-16 code unit never takes more than 3 UTF-8 bytes.
    if (this.pos + s.length * 3 > CHUNK) {
      this.flush();
      if (s.length * 3 > CHUNK) {
        this.writeOut(Buffer.from(s, 'utf8'));
        return;
      }
    }
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /** A data row from raw cells. */
  row(cells: readonly string[]): void {
    this.put(csvLine(cells));
    this.rows++;
  }

  /** A data row already escaped and terminated with LF. */
  raw(line: string): void {
    this.put(line);
    this.rows++;
  }

  private writeOut(b: Buffer): void {
    this.hash.update(b);
    let off = 0;
    while (off < b.length) off += fs.writeSync(this.fd, b, off, b.length - off);
    this.bytes += b.length;
  }

  /** Writes the pending bytes to disk (and into the hash). */
  flush(): void {
    if (this.pos === 0) return;
    this.writeOut(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }

  close(): WrittenFile {
    this.flush();
    fs.closeSync(this.fd);
    return { path: this.path, rows: this.rows, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

/** Writes a whole small file at once. */
export function writeCsv(path: string, header: readonly string[], rows: readonly (readonly string[])[]): WrittenFile {
  const w = new CsvWriter(path, header);
  for (const r of rows) w.row(r);
  return w.close();
}
