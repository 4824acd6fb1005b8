// Leads from the command line: what the detectors found, ranked, with the entities.
import type { Backend } from '../backend/api';
import { LEAD_KINDS, type LeadKind, type WatchKind } from '../../shared/contract';
import { call, int, need, print, UsageError } from './cli-util';

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

export const WATCH_USAGE = `  crosslink watch add --db FILE --kind entity|search|near-case|shares-identifier --target ID|QUERY [--label TEXT]
  crosslink watch list|run --db FILE [--json]      run: what is new for each rule since its last run
  crosslink watch remove --db FILE --id N`;

const WATCH_KINDS: Record<string, WatchKind> = { entity: 'entity', search: 'search', 'near-case': 'near_case', 'shares-identifier': 'shares_identifier' };

export async function cmdWatch(b: Backend, sub: string | undefined, v: { json?: boolean; kind?: string; target?: string; label?: string; id?: string }): Promise<number> {
  switch (sub) {
    case 'add': {
      const kind = WATCH_KINDS[v.kind ?? ''];
      if (!kind) throw new UsageError(`--kind must be one of ${Object.keys(WATCH_KINDS).join(', ')}`);
      const r = await call(b, 'watch.add', { kind, target: need(v.target, 'target'), label: v.label });
      print(v.json, r, () => `Added watch rule #${r.id}: ${r.label}`);
      return 0;
    }
    case 'list': {
      const rules = await call(b, 'watch.list', {});
      print(v.json, rules, () => (rules.length ? rules.map((r) => `#${r.id}  ${r.kind.padEnd(18)} ${r.label}${r.lastRunAt ? `  (last run ${r.lastRunAt}, ${r.lastNews.length} new)` : ''}`).join('\n') : 'No watch rules.'));
      return 0;
    }
    case 'run': {
      const news = await call(b, 'watch.run', {});
      print(v.json, news, () => (news.length ? news.map((n) => `#${n.ruleId} ${n.label}\n${n.news.map((x) => `   ${x}`).join('\n')}`).join('\n') : 'Nothing new for any watch rule.'));
      return 0;
    }
    case 'remove': {
      const r = await call(b, 'watch.remove', { id: int(v.id, 'id') ?? 0 });
      print(v.json, r, () => (r.removed ? 'Removed.' : 'No such watch rule.'));
      return r.removed ? 0 : 1;
    }
    default:
      throw new UsageError('watch takes: add --kind K --target T [--label L] | list | run | remove --id N');
  }
}
