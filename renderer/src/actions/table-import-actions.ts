// File > Import table…: read a table's first spec (import.infer), edit it with a live preview
// (import.preview, 300 ms after the last edit), save and load specs, and start the import
// through the same job flow as bundles.
import type { ImportSpec } from '../../../shared/import-spec';
import { api } from '../api/client';
import { importGate, rejectSignature } from '../import-spec/import-gate';
import { checkSpec, specLoadProblems } from '../import-spec/spec-check';
import { caseStore } from '../state/case-store';
import { EMPTY_WIZARD, PREVIEW_ROWS, tableImportStore, type TableImport } from '../state/table-import-store';
import { errorMessage, toast } from '../state/toasts';
import { closeDialog, openDialog } from '../state/ui-store';
import { startImport } from './import-actions';

const PREVIEW_DEBOUNCE_MS = 300;

let timer: ReturnType<typeof setTimeout> | null = null;
/** Only the newest preview (and the newest read) may change the wizard. */
let seq = 0;

const set = (fn: (w: TableImport) => TableImport): void => tableImportStore.set(fn);

/** The mapping the wizard was closed on (Escape, Cancel), offered again when it next opens. */
let previous: TableImport | null = null;

/** File > Import table…: with no case open, a case is created first (as for bundles). */
export function beginTableImport(): void {
  if (!caseStore.get().info) {
    openDialog({ type: 'newCase', thenImport: 'table' });
    return;
  }
  cancelPreview();
  const w = tableImportStore.get();
  if (w.step === 'map' && w.spec && !w.imported) previous = w;
  tableImportStore.set(EMPTY_WIZARD);
  openDialog({ type: 'importTable' });
}

/** The file of the mapping that can be taken up again, if any. */
export const previousMapping = (): string | null => previous?.path ?? null;

/** Takes up the mapping the wizard was last closed on, as it was. */
export function reopenPreviousMapping(): void {
  if (!previous) return;
  tableImportStore.set({ ...previous, panel: null, importing: false, acceptedFor: null });
  previous = null;
  schedulePreview(0);
}

/** Back to the mapping of the last table import (its report said nothing was kept). */
export function resumeTableImport(): void {
  if (!tableImportStore.get().spec) return;
  set((w) => ({ ...w, step: 'map', panel: null, acceptedFor: null, importing: false, imported: false }));
  openDialog({ type: 'importTable' });
  schedulePreview(0);
}

/** Is there a mapping of this source to go back to? */
export function canResume(source: string): boolean {
  const w = tableImportStore.get();
  return !!w.spec && !!w.path && source.replace(/[\\/]+$/, '').endsWith(w.path.replace(/^.*[\\/]/, ''));
}

export function closeTableImport(): void {
  cancelPreview();
  closeDialog();
}

/** Reads a table (or folder / .zip of tables) and opens its first spec for editing. */
export async function readTable(path: string): Promise<void> {
  const mine = ++seq;
  set((w) => ({ ...w, step: 'reading', path, readError: null }));
  try {
    const [inference, kinds] = await Promise.all([api('import.infer', { path }), api('kinds.list', {})]);
    if (mine !== seq) return;
    set(() => ({ ...EMPTY_WIZARD, step: 'map', path, inference, caseKinds: kinds, spec: inference.spec, problems: checkSpec(inference.spec, kinds.nodes) }));
    schedulePreview(0);
  } catch (e) {
    if (mine === seq) set((w) => ({ ...w, step: 'pick', readError: errorMessage(e) }));
  }
}

/** Applies one edit to the spec; the preview follows shortly after the last one. */
export function editSpec(edit: (spec: ImportSpec) => ImportSpec): void {
  const w = tableImportStore.get();
  if (!w.spec) return;
  const spec = edit(w.spec);
  if (spec === w.spec) return;
  set((x) => ({ ...x, spec, problems: checkSpec(spec, [...x.caseKinds.nodes, ...x.caseKinds.links]) }));
  schedulePreview(PREVIEW_DEBOUNCE_MS);
}

export const selectPart = (part: number): void => set((w) => ({ ...w, part }));

/** Shows a row of the preview in the grid: its part, scrolled to the line. */
export function focusRow(file: string, line: number): void {
  set((w) => {
    const part = w.preview.result?.files.find((f) => f.file === file)?.part ?? w.part;
    return { ...w, part, focus: { file, line } };
  });
}
export const openSpecPanel = (panel: 'save' | 'load' | null): void => set((w) => ({ ...w, panel, loadError: null }));

function cancelPreview(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  seq++;
}

function schedulePreview(ms: number): void {
  if (timer) clearTimeout(timer);
  set((w) => ({ ...w, preview: { ...w.preview, status: w.problems.length ? 'invalid' : 'running' } }));
  timer = setTimeout(() => void runPreview(), ms);
}

async function runPreview(): Promise<void> {
  timer = null;
  const w = tableImportStore.get();
  if (!w.spec || !w.path) return;
  if (w.problems.length) {
    set((x) => ({ ...x, preview: { ...x.preview, status: 'invalid', error: null } }));
    return;
  }
  const mine = ++seq;
  try {
    const result = await api('import.preview', { path: w.path, spec: w.spec, limit: PREVIEW_ROWS });
    if (mine === seq) set((x) => ({ ...x, preview: { status: 'done', result, error: null } }));
  } catch (e) {
    if (mine === seq) set((x) => ({ ...x, preview: { ...x.preview, status: 'failed', error: errorMessage(e) } }));
  }
}

/** Ticks (or unticks) "Accept N rejected rows": the acceptance holds for these rejects only. */
export function acceptRejects(accept: boolean): void {
  set((w) => ({ ...w, acceptedFor: accept ? rejectSignature(w.preview.result) : null }));
}

export async function saveSpec(path: string): Promise<void> {
  const spec = tableImportStore.get().spec;
  if (!spec) return;
  try {
    const saved = await api('spec.save', { path, spec });
    set((w) => ({ ...w, specFile: saved.path, panel: null }));
    toast('success', 'Spec saved', `${saved.path} — use Load spec… for the next file of this shape.`);
  } catch (e) {
    toast('error', 'Could not save the spec', errorMessage(e));
  }
}

/** Loads a spec file in place of the one being edited; its problems are listed with their JSON paths. */
export async function loadSpec(path: string): Promise<void> {
  try {
    const loaded = await api('spec.load', { path });
    set((w) => ({
      ...w, spec: loaded.spec, specFile: loaded.path, part: 0, panel: null, loadError: null, acceptedFor: null,
      problems: checkSpec(loaded.spec, [...w.caseKinds.nodes, ...w.caseKinds.links]),
    }));
    schedulePreview(0);
  } catch (e) {
    set((w) => ({ ...w, loadError: specLoadProblems(errorMessage(e)) }));
  }
}

/** Starts the import when the gate allows it; the wizard closes once the job is queued. */
export async function importTable(): Promise<void> {
  const w = tableImportStore.get();
  const gate = importGate({ status: w.preview.status, preview: w.preview.result, problems: w.problems.length, acceptedFor: w.acceptedFor, importing: w.importing, limit: PREVIEW_ROWS });
  if (!gate.enabled || !w.spec || !w.path) return;
  cancelPreview();
  set((x) => ({ ...x, importing: true }));
  const started = await startImport(w.path, { spec: w.spec, acceptRejects: gate.acceptRejects });
  set((x) => ({ ...x, importing: false, imported: started }));
  if (started) previous = null;
  else schedulePreview(0);
}
