// Streams a CSV file as batches of rows (see csv-scan.ts), each with the line it starts
// on. Malformed records become error rows; the rest of the file still loads.
import type { Readable } from 'node:stream';
import { CsvScanner, type CsvRow } from './csv-scan';

export type { CsvRow } from './csv-scan';

/** Rows in batches of one input chunk: no promise per row. */
export async function* readCsvBatches(input: Readable, delimiter = ','): AsyncGenerator<CsvRow[]> {
  const scanner = new CsvScanner(delimiter);
  for await (const chunk of input as AsyncIterable<Buffer>) {
    const rows = scanner.push(chunk);
    if (rows.length) yield rows;
  }
  const last = scanner.end();
  if (last.length) yield last;
}

export async function* readCsv(input: Readable): AsyncGenerator<CsvRow> {
  for await (const batch of readCsvBatches(input)) yield* batch;
}
