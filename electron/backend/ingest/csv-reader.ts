// Streams an RFC 4180 file as rows with the line each row starts on. Malformed records
// (an unclosed quote, a stray quote) become error rows; the rest of the file still loads.
import type { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';

export type CsvRow =
  | { line: number; cells: string[]; error?: undefined }
  | { line: number; cells?: undefined; error: string };

/** Largest record the parser will buffer; above it the file stops with a clear error. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export async function* readCsv(input: Readable): AsyncGenerator<CsvRow> {
  const skipped: CsvRow[] = [];
  const parser = parse({
    bom: true,
    record_delimiter: ['\r\n', '\n'],
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    max_record_size: MAX_RECORD_BYTES,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      const e = err as (CsvError & { lines?: number }) | undefined;
      skipped.push({ line: e?.lines ?? 0, error: describe(e) });
      return undefined;
    },
  });
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  let lastEnd = 0;
  let lastEmpty = 0;
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
    while (skipped.length) yield skipped.shift()!;
    const { lines, empty_lines } = item.info;
    const start = lastEnd + 1 + (empty_lines - lastEmpty);
    lastEnd = lines;
    lastEmpty = empty_lines;
    yield { line: start, cells: item.record };
  }
  while (skipped.length) yield skipped.shift()!;
}

function describe(e: (CsvError & { lines?: number }) | undefined): string {
  if (!e) return 'malformed CSV record';
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'quote opened but never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'stray character after a closing quote';
    case 'CSV_MAX_RECORD_SIZE':
      return `record larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB`;
    default:
      return e.message.replace(/\s+/g, ' ').slice(0, 200);
  }
}
