// The import wizard (File > Import table…): the table picked, the spec being edited, the
// preview of its first rows, and the wizard's own panels. One wizard at a time.
import type { SpecInference, SpecPreviewResult } from '../../../shared/spec-schemas';
import type { ImportSpec } from '../../../shared/import-spec';
import type { KindDef } from '../../../shared/model';
import type { PreviewStatus } from '../import-spec/import-gate';
import type { SpecProblem } from '../import-spec/spec-check';
import { createStore } from './store';

/** Rows per file the preview reads (and the grid shows). */
export const PREVIEW_ROWS = 100;

export interface WizardPreview {
  status: PreviewStatus;
  /** The newest answer; kept while a newer one runs or fails, so the grid stays. */
  result: SpecPreviewResult | null;
  error: string | null;
}

export interface TableImport {
  step: 'pick' | 'reading' | 'map';
  /** The table, folder or .zip being read. */
  path: string | null;
  readError: string | null;
  inference: SpecInference | null;
  spec: ImportSpec | null;
  /** The file part shown (spec.files index). */
  part: number;
  problems: SpecProblem[];
  preview: WizardPreview;
  /** Custom kinds the case already has, for the pickers. */
  caseKinds: { nodes: KindDef[]; links: KindDef[] };
  /** Where the spec was last saved to or loaded from. */
  specFile: string | null;
  panel: 'save' | 'load' | null;
  loadError: { summary: string; problems: Array<{ path: string; message: string }> } | null;
  /** A row of the grid to bring into view (a reject clicked in the preview). */
  focus: { file: string; line: number } | null;
  /** The rejects the analyst accepted (import-gate rejectSignature). */
  acceptedFor: string | null;
  importing: boolean;
  /** The import of this mapping was started (closing the wizard then loses nothing). */
  imported: boolean;
}

export const EMPTY_WIZARD: TableImport = {
  step: 'pick',
  path: null,
  readError: null,
  inference: null,
  spec: null,
  part: 0,
  problems: [],
  preview: { status: 'idle', result: null, error: null },
  caseKinds: { nodes: [], links: [] },
  specFile: null,
  panel: null,
  loadError: null,
  focus: null,
  acceptedFor: null,
  importing: false,
  imported: false,
};

export const tableImportStore = createStore<TableImport>(EMPTY_WIZARD);
