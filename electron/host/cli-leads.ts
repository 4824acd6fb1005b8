// Leads from the command line: what the detectors found, ranked, with the entities.
import type { Backend } from '../backend/api';
import { call, int, print } from './cli-util';
import { LEAD_KINDS, type LeadKind } from '../../shared/contract';
import { UsageError } from './cli-util';

export const LEADS_USAGE = `  crosslink leads --db FILE [--run] [--kinds K1,K2] [--all] [--limit N] [--json]
                                                 leads ranked by score (--run: run the detectors first;
                                                 --all: dismissed ones too)`;

export async function cmdLeads(b: Backend, v: { json?: boolean; limit?: string; run?: boolean; all?: boolean; kinds?: string }): Promise<number> {
  if (v.run) await call(b, 'leads.run', {});
  const kinds = v.kinds?.split(',').map((k) => k.trim()).filter(Boolean);
  const bad = kinds?.filter((k) => !(LEAD_KINDS as readonly string[]).includes(k)) ?? [];
  if (bad.length) throw new UsageError(`--kinds: unknown lead kind ${bad.map((x) => `'${x}'`).join(', ')} (known: ${LEAD_KINDS.join(', ')})`);
  const res = await call(b, 'leads.list', {
    limit: int(v.limit, 'limit', 50),
    kinds: kinds as LeadKind[] | undefined,
    status: v.all ? ['new', 'reviewed', 'escalated', 'dismissed'] : undefined,
  });
  const out = {
    total: res.total,
    unseen: res.unseen,
    last_run: res.lastRun,
    leads: res.leads.map((l) => ({
      id: l.id, kind: l.kind, score: l.score, status: l.status, title: l.title, summary: l.summary, whats_new: l.whatsNew,
      entities: l.entities.map((e) => ({ id: e.id, kind: e.kind, label: e.label, source_ids: e.sourceId ? [e.sourceId] : [] })),
      sources: l.sources.map((s) => ({ export_id: s.exportId, file: s.file, line: s.line })),
    })),
  };
  print(v.json, out, () =>
    [
      `${res.total} lead${res.total === 1 ? '' : 's'} (${res.unseen} new)${res.lastRun ? `, detectors run ${res.lastRun.at} in ${res.lastRun.seconds} s` : ''}`,
      ...res.leads.map((l) => `\n#${l.id}  ${String(l.score).padStart(5)}  ${l.kind}  [${l.status}]\n   ${l.title}\n   ${l.summary}${l.whatsNew ? `\n   ${l.whatsNew}` : ''}`),
    ].join('\n'),
  );
  return 0;
}
