// When the wizard's Import button may run, and what it says when it may not. Rows that would
// be rejected stop the import unless the analyst accepts exactly those rejects: an edit that
// changes them takes the acceptance back.
import { plural } from '../graph/format';
import { readWhole, refusedFiles, type Preview } from './preview-summary';

export type PreviewStatus = 'idle' | 'running' | 'done' | 'failed' | 'invalid';

/** The rejects an acceptance was given for. */
export function rejectSignature(p: Preview | null): string {
  if (!p) return '';
  return `${p.counts.rejects}\n${p.rejects.map((r) => `${r.file}:${r.line}:${r.column ?? ''}:${r.reason}`).join('\n')}`;
}

export interface GateInput {
  status: PreviewStatus;
  preview: Preview | null;
  problems: number;
  acceptedFor: string | null;
  importing: boolean;
  limit: number;
}

export interface Gate {
  enabled: boolean;
  /** Why not, when not (shown beside the button). */
  reason: string;
  /** The checkbox's words when the preview has rejects; null when there are none. */
  acceptLabel: string | null;
  accepted: boolean;
  /** What to pass as import.start's acceptRejects. */
  acceptRejects: boolean;
}

export function importGate(g: GateInput): Gate {
  const p = g.status === 'done' ? g.preview : null;
  const rejects = p?.counts.rejects ?? 0;
  const accepted = rejects > 0 && g.acceptedFor === rejectSignature(p);
  const acceptLabel = rejects > 0 ? `Accept ${plural(rejects, 'rejected row')} (they are listed in the import report)` : null;
  const no = (reason: string): Gate => ({ enabled: false, reason, acceptLabel, accepted, acceptRejects: false });
  if (g.importing) return no('Starting the import…');
  if (g.problems > 0) return no(`Fix ${plural(g.problems, 'problem')} of the spec first.`);
  if (g.status === 'running' || g.status === 'idle') return no('Waiting for the preview…');
  if (g.status === 'failed' || g.status === 'invalid' || !p) return no('The preview did not run: fix what it says first.');
  const refused = refusedFiles(p);
  if (refused.length) return no(`${refused.map((r) => r.file).join(', ')} would be refused whole: fix the spec first.`);
  if (p.counts.entities === 0 && p.counts.links === 0 && rejects === 0) return no('These rows make nothing: map at least one entity.');
  if (rejects > 0 && !accepted) return no(`Tick “Accept” to import without the ${plural(rejects, 'rejected row')}.`);
  // Rows past the preview are checked by the import itself: without an acceptance, one bad row keeps it all out.
  const later = readWhole(p, g.limit) || accepted ? '' : `The preview read the first ${g.limit} rows: if a later row breaks a rule, nothing is kept and the report lists it.`;
  return { enabled: true, reason: later, acceptLabel, accepted, acceptRejects: accepted };
}
