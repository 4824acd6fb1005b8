// Which contract calls leave a trace in the audit trail, and in what words. The target and
// detail are made from the answer the analyst received (already filtered for the profile), so
// the trail never holds more than its writer could see.
import type { AuditAction, CallName } from '../../../shared/contract';
import type { NodeRef } from '../../../shared/model';

export interface AuditNote {
  action: AuditAction;
  target: string;
  detail: string;
}

const refText = (r: NodeRef | null | undefined): string => (r ? `${r.sourceId ?? `#${r.id}`} ${r.label}`.trim() : '');
const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

type Mapper = (input: any, value: any) => AuditNote | null; // eslint-disable-line @typescript-eslint/no-explicit-any

const MAPPERS: Partial<Record<CallName, Mapper>> = {
  'case.open': (i) => ({ action: 'case.open', target: i.path, detail: 'opened' }),
  'case.create': (i) => ({ action: 'case.open', target: i.path, detail: 'created' }),
  search: (i, v: unknown[]) => ({ action: 'search', target: i.q, detail: plural(v.length, 'hit') }),
  'graph.node': (_i, v: { node: NodeRef; attributes: unknown[] }) => ({ action: 'view', target: refText(v.node), detail: `details: ${plural(v.attributes.length, 'attribute')}` }),
  'graph.expand': (_i, v: { type: string; center: NodeRef; nodes?: unknown[] }) => ({
    action: 'expand',
    target: refText(v.center),
    detail: v.type === 'graph' ? plural(v.nodes?.length ?? 0, 'neighbour') : 'summary of neighbours',
  }),
  'graph.path': (i, v: { from: NodeRef; to: NodeRef; paths: unknown[] }) => ({
    action: 'path',
    target: `${refText(v.from)} → ${refText(v.to)}`,
    detail: `${plural(v.paths.length, 'path')} (max ${i.maxHops} hops${i.timeRespecting ? ', time-respecting' : ''})`,
  }),
  'graph.connect': (i, v: { board: { nodes: unknown[] } }) => ({ action: 'connect', target: plural(i.ids.length, 'entity'), detail: `${plural(v.board.nodes.length, 'node')} on the answer` }),
  'import.start': (i) => ({ action: 'import', target: i.path, detail: 'import started' }),
  'import.rejectsCsv': (i) => ({ action: 'export', target: `import #${i.importId}`, detail: 'rejected rows saved as CSV' }),
  'resolution.decide': (i) => ({ action: 'resolution', target: [i.a, i.b].filter(Boolean).join(' / '), detail: `${i.action}${i.note ? `: ${i.note}` : ''}` }),
  'resolution.undo': (i) => ({ action: 'resolution', target: `decision #${i.decisionId}`, detail: 'undone' }),
  'resolution.run': () => ({ action: 'resolution', target: 'whole case', detail: 'resolution re-run' }),
  'leads.mark': (i) => ({ action: 'lead', target: `lead #${i.id}`, detail: `${i.status}${i.reason ? `: ${i.reason}` : ''}` }),
  'leads.get': (_i, v: { id: number; title: string }) => ({ action: 'view', target: `lead #${v.id}`, detail: v.title }),
  'board.create': (i) => ({ action: 'board', target: i.name, detail: 'created' }),
  'board.rename': (i) => ({ action: 'board', target: `board #${i.id}`, detail: `renamed to ${i.name}` }),
  'board.delete': (i) => ({ action: 'board', target: `board #${i.id}`, detail: 'deleted' }),
  'watch.add': (i) => ({ action: 'watch', target: i.target, detail: `watch ${i.kind} added` }),
  'watch.remove': (i) => ({ action: 'watch', target: `rule #${i.id}`, detail: 'removed' }),
  'brief.export': (i, v: { file: string; audience: string; withheld: number; handling: string }) => ({
    action: 'brief',
    target: v.file,
    detail: `board #${i.boardId} "${i.title}" for ${v.audience}, ${v.handling}, ${plural(v.withheld, 'item')} withheld`,
  }),
  'backup.restore': (i) => ({ action: 'export', target: i.file ?? 'newest backup', detail: 'backup restored' }),
};

export function auditNoteFor(name: CallName, input: unknown, value: unknown): AuditNote | null {
  const m = MAPPERS[name];
  return m ? m(input, value) : null;
}
