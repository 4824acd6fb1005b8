// A streaming RFC 4180 scanner that hands rows over in batches, with the line each row
// starts on. Measured on the national-day crossings.csv (1.4 M rows, 277 MB): csv-parse
// took 43.5 s (31 us a row), more than the whole import budget, so the reader is ours.
// Lines without a quote take a fast path (indexOf + split); quoted fields, doubled
// quotes, quoted newlines and CRLF/LF go through a small state machine. Its output is
// checked against csv-parse by a property test (tests/unit/ingest/csv-scan.test.ts).
import { StringDecoder } from 'node:string_decoder';

export type CsvRow =
  | { line: number; cells: string[]; error?: undefined }
  | { line: number; cells?: undefined; error: string };

/** Largest record the scanner buffers; a longer one is rejected and skipped. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

const QUOTE = 34;
const LF = 10;
const CR = 13;

type Parsed = { kind: 'row'; cells: string[]; end: number; lines: number } | { kind: 'bad'; reason: string; end: number; lines: number } | null;

export class CsvScanner {
  private buf = '';
  private line = 1;
  private started = false;
  private readonly decoder = new StringDecoder('utf8');
  private readonly sep: number;

  /** The separator is a comma for the bundle; tables may use a tab or a semicolon. */
  constructor(private readonly delimiter = ',') {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') throw new Error(`bad CSV separator ${JSON.stringify(delimiter)}`);
    this.sep = delimiter.charCodeAt(0);
  }

  /** Feeds bytes; returns the complete rows they finish. */
  push(chunk: Buffer | string): CsvRow[] {
    let text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.buf = this.buf.length ? this.buf + text : text;
    return this.drain(false);
  }

  /** Ends the input; returns the last rows (an unfinished quote becomes an error row). */
  end(): CsvRow[] {
    const rest = this.decoder.end();
    if (rest) this.buf += rest;
    return this.drain(true);
  }

  private drain(final: boolean): CsvRow[] {
    const out: CsvRow[] = [];
    const s = this.buf;
    const n = s.length;
    let pos = 0;
    // Next quote at or after pos (-2: not looked up yet); found once, not once a row,
    // or a chunk without quotes is scanned to its end on every row.
    let quoteAt = -2;
    while (pos < n) {
      const c = s.charCodeAt(pos);
      // Empty lines are skipped but counted.
      if (c === LF) {
        pos++;
        this.line++;
        continue;
      }
      if (c === CR && pos + 1 < n && s.charCodeAt(pos + 1) === LF) {
        pos += 2;
        this.line++;
        continue;
      }
      const nl = s.indexOf('\n', pos);
      if (nl === -1 && !final) break;
      const stop = nl === -1 ? n : nl;
      if (quoteAt !== -1 && quoteAt < pos) quoteAt = s.indexOf('"', pos);
      if (quoteAt === -1 || quoteAt > stop) {
        // Fast path: no quote on this line.
        const lineEnd = stop > pos && s.charCodeAt(stop - 1) === CR ? stop - 1 : stop;
        out.push({ line: this.line, cells: s.slice(pos, lineEnd).split(this.delimiter) });
        pos = nl === -1 ? n : nl + 1;
        this.line++;
        continue;
      }
      const rec = parseRecord(s, pos, final, this.sep);
      if (rec === null) {
        if (n - pos > MAX_RECORD_CHARS) {
          out.push({ line: this.line, error: `record larger than ${MAX_RECORD_CHARS / 1024 / 1024} MB` });
          // Skip the oversized text; parsing resumes after the next line end.
          const skipTo = s.indexOf('\n', pos + MAX_RECORD_CHARS);
          this.line += countLf(s, pos, skipTo === -1 ? n : skipTo + 1);
          pos = skipTo === -1 ? n : skipTo + 1;
          continue;
        }
        break;
      }
      if (rec.kind === 'row') out.push({ line: this.line, cells: rec.cells });
      else out.push({ line: this.line, error: rec.reason });
      this.line += rec.lines;
      pos = rec.end;
    }
    this.buf = pos >= n ? '' : s.slice(pos);
    return out;
  }
}

function countLf(s: string, from: number, to: number): number {
  let k = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) k++;
  return k;
}

/**
 * One record from `pos` that has a quote somewhere. Returns null when the text ends
 * before the record does (and more may come); `end` is just past its line end.
 */
function parseRecord(s: string, pos: number, final: boolean, sep: number): Parsed {
  const n = s.length;
  const cells: string[] = [];
  let lines = 0;
  let i = pos;
  for (;;) {
    // One field starting at i.
    if (i < n && s.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = s.indexOf('"', from);
        if (q === -1) {
          if (!final) return null;
          return { kind: 'bad', reason: 'quote opened but never closed', end: n, lines: lines + countLf(s, from, n) };
        }
        lines += countLf(s, from, q);
        if (q + 1 < n && s.charCodeAt(q + 1) === QUOTE) {
          value += s.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        if (q + 1 >= n && !final) return null;
        value += s.slice(from, q);
        i = q + 1;
        break;
      }
      cells.push(value);
      const c = i < n ? s.charCodeAt(i) : -1;
      if (c === sep) {
        i++;
        continue;
      }
      if (c === -1) return { kind: 'row', cells, end: n, lines: 0 };
      if (c === LF) return { kind: 'row', cells, end: i + 1, lines: lines + 1 };
      if (c === CR && i + 1 < n && s.charCodeAt(i + 1) === LF) return { kind: 'row', cells, end: i + 2, lines: lines + 1 };
      if (c === CR && i + 1 >= n && !final) return null;
      return skipBad(s, i, final, lines, 'stray character after a closing quote');
    }
    // Unquoted field: up to the next comma or line end; a quote inside it is an error.
    let j = i;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (c === sep || c === LF || c === QUOTE) break;
      j++;
    }
    if (j < n && s.charCodeAt(j) === QUOTE) {
      return skipBad(s, j + 1, final, lines, 'quote inside an unquoted cell (quote the whole cell and double its quotes)', false);
    }
    let fieldEnd = j;
    if (j < n && s.charCodeAt(j) === LF && j > i && s.charCodeAt(j - 1) === CR) fieldEnd = j - 1;
    else if (j === n && j > i && s.charCodeAt(j - 1) === CR) fieldEnd = j - 1;
    cells.push(s.slice(i, fieldEnd));
    if (j >= n) {
      if (!final) return null;
      return { kind: 'row', cells, end: n, lines: 0 };
    }
    if (s.charCodeAt(j) === sep) {
      i = j + 1;
      continue;
    }
    return { kind: 'row', cells, end: j + 1, lines: lines + 1 };
  }
}

/**
 * A malformed record: the rest of it is skipped. Its end is the next line end outside
 * quotes, so a quoted newline further on does not start a phantom row.
 */
function skipBad(s: string, from: number, final: boolean, lines: number, reason: string, trackQuotes = true): Parsed {
  const n = s.length;
  let inQuote = false;
  let k = lines;
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === QUOTE && trackQuotes) inQuote = !inQuote;
    else if (c === LF) {
      k++;
      if (!inQuote) return { kind: 'bad', reason, end: i + 1, lines: k };
    }
  }
  if (!final) return null;
  return { kind: 'bad', reason, end: n, lines: k };
}
