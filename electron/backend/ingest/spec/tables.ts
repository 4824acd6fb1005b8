// The tables of a spec import: one CSV, TSV or XLSX file, or a folder or .zip of them,
// each read as a stream of row batches with the line (row number) each row starts on.
// CSV and TSV go through the bundle's own scanner; XLSX through exceljs's streaming reader,
// so a large workbook is never held in memory whole.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors';
import { openBundle, type BundleSource } from '../bundle-source';
import { readCsvBatches, type CsvRow } from '../csv-reader';

export type TableFormat = 'csv' | 'tsv' | 'xlsx';
export type TableRow = CsvRow;

/** Tables are read as a bundle is: named files of a folder, a zip, or one file alone. */
export type TableSource = BundleSource;

const TABLE_EXT = /\.(csv|tsv|tab|txt|xlsx)$/i;

export function formatOf(name: string, declared: 'auto' | TableFormat = 'auto'): TableFormat {
  if (declared !== 'auto') return declared;
  const ext = path.extname(name).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.tsv' || ext === '.tab') return 'tsv';
  return 'csv';
}

export async function openTables(location: string): Promise<TableSource> {
  let st: fs.Stats;
  try {
    st = fs.statSync(location);
  } catch {
    throw new AppError('not_found', `No file or folder at ${location}.`);
  }
  if (st.isFile() && !/\.zip$/i.test(location)) {
    if (!TABLE_EXT.test(location)) {
      throw new AppError('bad_bundle', `${path.basename(location)} is not a table Crosslink reads (CSV, TSV or XLSX).`);
    }
    const name = path.basename(location);
    return {
      location,
      names: () => [name],
      size: () => st.size,
      open: async () => fs.createReadStream(location, { highWaterMark: 1 << 20 }),
      close: () => {},
    };
  }
  const bundle: BundleSource = await openBundle(location);
  const names = bundle.names().filter((n) => TABLE_EXT.test(n)).sort();
  return { location, names: () => names, size: (n) => bundle.size(n), open: (n) => bundle.open(n), close: () => bundle.close() };
}

/** The SHA-256 of a table file, read once before it is loaded (the import's identity). */
export async function hashFile(src: TableSource, name: string): Promise<string> {
  const h = crypto.createHash('sha256');
  const stream = await src.open(name);
  for await (const chunk of stream as AsyncIterable<Buffer>) h.update(chunk);
  return h.digest('hex');
}

export interface ReadOptions {
  format: TableFormat;
  delimiter?: string;
  sheet?: string;
}

/** Rows in batches. A workbook's rows are numbered as Excel numbers them. */
export async function* readTable(stream: Readable, o: ReadOptions): AsyncGenerator<TableRow[]> {
  if (o.format === 'xlsx') {
    yield* readXlsx(stream, o.sheet);
    return;
  }
  yield* readCsvBatches(stream, o.delimiter ?? (o.format === 'tsv' ? '\t' : ','));
}

async function* readXlsx(stream: Readable, sheet: string | undefined): AsyncGenerator<TableRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // dates are numbers with a date format: the styles tell them apart
    worksheets: 'emit',
    entries: 'emit',
  });
  let found = false;
  const seen: string[] = [];
  try {
    for await (const ws of reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { name?: string }>) {
      const name = ws.name ?? `Sheet${seen.length + 1}`;
      seen.push(name);
      if (found || (sheet !== undefined && name !== sheet)) {
        for await (const _ of ws as AsyncIterable<unknown>) void _; // a stream reader must drain a sheet it skips
        continue;
      }
      found = true;
      let batch: TableRow[] = [];
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        batch.push({ line: row.number, cells });
        if (batch.length >= 2000) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('bad_bundle', `not a readable XLSX workbook (${(err as Error).message})`);
  }
  if (!found) {
    throw new AppError('bad_bundle', sheet ? `the workbook has no sheet '${sheet}' (sheets: ${seen.join(', ') || 'none'})` : 'the workbook has no sheet');
  }
}

/** A workbook cell as text: dates as ISO 8601 (a date alone without its midnight), formulas as their result. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string; formula?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o || 'formula' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return '';
  }
  return String(v);
}
