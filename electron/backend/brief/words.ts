// Sentences the package prints in more than one file, so the PDF, chart and CSV agree.
import type { NodeRef } from '../../../shared/model';
import type { BriefModel } from './model';

/** "TECS-2025-0042 subjects.csv:17": where a value came from. */
export function citation(p: { exportId: string; file: string; line: number }): string {
  return `${p.exportId} ${p.file}:${p.line}`;
}

/** What a pointer stands for: who holds what, and whom to ask. Two lines for the chart. */
export function pointerLines(ref: NodeRef): [string, string] {
  const p = ref.pointer;
  if (!p) return [ref.label, ''];
  const who = p.agencies.length ? p.agencies.join(' and ') : 'Another agency';
  const what = p.withheld > 1 ? `${p.withheld} records` : 'a record';
  return [`${who} ${p.agencies.length > 1 ? 'hold' : 'holds'} ${what}`, p.contact ? `contact ${p.contact}` : ''];
}

/** "ICE holds a record — contact HSI EL PASO". */
export function pointerSentence(ref: NodeRef): string {
  const [a, b] = pointerLines(ref);
  return b ? `${a} — ${b}` : a;
}

/** What an entity is called in the package: its label, or for a pointer what it points to. */
export function entityName(ref: NodeRef): string {
  return ref.kind === 'pointer' ? pointerSentence(ref) : ref.label;
}

/** "Prepared by R. Ortega (ICE) for CBP. 4 items are withheld or replaced by pointers under the handling rules." */
export function tearLineSentence(m: BriefModel): string {
  const items = m.withheld === 1 ? '1 item is' : `${m.withheld} items are`;
  return `Prepared by ${m.author.name} (${m.author.agency}) for ${m.audience}. ${items} withheld or replaced by pointers under the handling rules.`;
}
