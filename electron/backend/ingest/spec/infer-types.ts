// What a spec inference answers, shared by the graph-export and the table guessers.
import type { ImportSpec } from '../../../../shared/import-spec';
import type { Agency, Handling } from '../../../../shared/model';

export interface InferredFile {
  file: string;
  role: 'nodes' | 'relationships' | 'table' | 'header';
  header: string[];
  rows: number;
  /** Labels (node files) or types (relationship files) found, with their counts. */
  values: Array<{ value: string; count: number }>;
}

export interface Inference {
  style: 'neo4j' | 'table';
  spec: ImportSpec;
  files: InferredFile[];
  notes: string[];
}

export interface InferOptions {
  name?: string;
  agency: Agency;
  handling?: Handling;
  /** Rows read to guess column types (tables); graph exports are read whole for their labels. */
  sampleRows?: number;
}

export type Base = Pick<ImportSpec, 'type' | 'version' | 'name' | 'source'>;

/** A file's header, and whether it is the file's own first row (or a separate header file's). */
export type Heads = Map<string, { header: string[]; own: boolean }>;
