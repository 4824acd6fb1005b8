// Graph questions from the command line: paths, neighbours, co-travel.
import { RANK_METRICS } from '../../shared/contract';
import { LINK_KINDS, NODE_KINDS, isCustomKind, type LinkKind, type NodeKind } from '../../shared/model';
import type { Backend } from '../backend/api';
import { AppError } from '../backend/errors';
import { call, int, need, print, UsageError } from './cli-util';

export const GRAPH_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  'max-hops': { type: 'string' },
  k: { type: 'string' },
  'link-kinds': { type: 'string' },
  'avoid-kinds': { type: 'string' },
  'allow-hubs': { type: 'boolean' },
  'hub-degree': { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  'time-order': { type: 'boolean' },
  min: { type: 'string' },
  window: { type: 'string' },
  metric: { type: 'string' },
  top: { type: 'string' },
} as const;

export const GRAPH_USAGE = `  crosslink path --db FILE --from ID --to ID [--max-hops N] [--k N] [--link-kinds A,B] [--avoid-kinds A,B]
                 [--allow-hubs] [--hub-degree N] [--since DATE] [--until DATE] [--time-order] [--json]
                                                 shortest paths, shortest first, each step with its date and source row;
                                                 ports and very connected nodes are not passed through unless --allow-hubs
  crosslink metrics --db FILE --metric degree|betweenness|pagerank [--kinds A,B] [--link-kinds A,B] [--top N] [--json]
                                                 the case's entities ranked over the whole entity graph
  crosslink neighbours --db FILE --id ID [--json]
  crosslink cotravel --db FILE [--min N] [--window MINUTES] [--limit N] [--json]
                                                 finds persons crossing together (same event, or same port within
                                                 MINUTES, default 5) at least N times (default 2); stores 'travelled with' links`;

interface GraphValues {
  db?: string;
  json?: boolean;
  id?: string;
  limit?: string;
  from?: string;
  to?: string;
  'max-hops'?: string;
  k?: string;
  'link-kinds'?: string;
  'avoid-kinds'?: string;
  'allow-hubs'?: boolean;
  'hub-degree'?: string;
  since?: string;
  until?: string;
  'time-order'?: boolean;
  min?: string;
  window?: string;
}

function kinds(v: string | undefined, name: string): LinkKind[] | undefined {
  if (!v) return undefined;
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((k) => !(LINK_KINDS as readonly string[]).includes(k) && !isCustomKind(k));
  if (bad.length) throw new UsageError(`--${name}: unknown link kind ${bad.map((b) => `'${b}'`).join(', ')} (known: ${LINK_KINDS.join(', ')}, or a custom kind x.NAME)`);
  return list as LinkKind[];
}

function nodeKinds(v: string | undefined): NodeKind[] | undefined {
  if (!v) return undefined;
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((k) => !(NODE_KINDS as readonly string[]).includes(k) && !isCustomKind(k));
  if (bad.length) throw new UsageError(`--kinds: unknown kind ${bad.map((b) => `'${b}'`).join(', ')} (known: ${NODE_KINDS.join(', ')}, or a custom kind x.NAME)`);
  return list as NodeKind[];
}

export async function cmdMetrics(b: Backend, v: GraphValues & { metric?: string; kinds?: string; top?: string }): Promise<number> {
  const metric = need(v.metric, 'metric');
  if (!(RANK_METRICS as readonly string[]).includes(metric)) throw new UsageError(`--metric must be one of ${RANK_METRICS.join(', ')}, got '${metric}'`);
  const r = await call(b, 'graph.rank', {
    metric: metric as (typeof RANK_METRICS)[number],
    kinds: nodeKinds(v.kinds),
    linkKinds: kinds(v['link-kinds'], 'link-kinds'),
    top: int(v.top, 'top', 20),
  });
  const out = { metric: r.metric, nodes: r.nodes, links: r.links, ms: r.ms, note: r.note, top: r.top.map((t) => ({ id: t.id, kind: t.kind, label: t.label, source_id: t.sourceId, score: t.score })) };
  print(v.json, out, () =>
    [`${r.metric} over ${r.nodes.toLocaleString('en-US')} entities and ${r.links.toLocaleString('en-US')} links (${r.ms} ms)${r.note ? `, ${r.note}` : ''}:`, ...r.top.map((t, i) => `${String(i + 1).padStart(4)}. ${(Number.isInteger(t.score) ? String(t.score) : t.score.toPrecision(6)).padStart(12)}  ${t.kind.padEnd(16)} ${t.label}${t.sourceId ? `  (${t.sourceId})` : ''}`)].join('\n'),
  );
  return 0;
}

/** A number is a node id; anything else is a source id (record_id, crossing_id, P-…). */
const spec = (v: string): number | string => (/^\d+$/.test(v) ? Number(v) : v);

export async function cmdPath(b: Backend, v: GraphValues): Promise<number> {
  const res = await call(b, 'graph.path', {
    from: spec(need(v.from, 'from')),
    to: spec(need(v.to, 'to')),
    maxHops: int(v['max-hops'], 'max-hops', 6),
    k: int(v.k, 'k', 1),
    linkKinds: kinds(v['link-kinds'], 'link-kinds'),
    avoidLinkKinds: kinds(v['avoid-kinds'], 'avoid-kinds'),
    avoidHubs: !v['allow-hubs'],
    hubDegree: int(v['hub-degree'], 'hub-degree'),
    since: v.since,
    until: v.until,
    timeRespecting: !!v['time-order'],
  });
  const out = {
    from: { id: res.from.id, kind: res.from.kind, label: res.from.label, source_id: res.from.sourceId },
    to: { id: res.to.id, kind: res.to.kind, label: res.to.label, source_id: res.to.sourceId },
    paths: res.paths.map((p) => ({
      length: p.length,
      nodes: p.nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label, source_ids: n.sourceIds })),
      links: p.links.map((l) => ({
        kind: l.kind,
        from: l.from,
        to: l.to,
        link_id: l.linkId,
        source_ids: l.via.length ? l.via.map((r) => r.sourceId).filter(Boolean) : [],
        dates: l.at ? [l.at] : [],
        source: l.provenance ? { export_id: l.provenance.exportId, file: l.provenance.file, line: l.provenance.line } : null,
        detail: l.detail,
      })),
    })),
    hubs_avoided: res.hubsAvoided.map((h) => ({ id: h.id, kind: h.kind, label: h.label, degree: h.degree })),
    hub_degree: res.hubDegree,
    note: res.note,
    ms: res.ms,
  };
  print(v.json, out, () => {
    const lines = [`${res.from.label} → ${res.to.label}: ${res.paths.length} path${res.paths.length === 1 ? '' : 's'} (${res.ms} ms)`];
    res.paths.forEach((p, i) => {
      lines.push(`\n${i + 1}. ${p.length} hop${p.length === 1 ? '' : 's'}`);
      const byId = new Map(p.nodes.map((n) => [n.id, n]));
      lines.push(`   ${byId.get(p.links[0]?.from ?? p.nodes[0].id)?.label ?? ''}`);
      for (const l of p.links) {
        const src = l.provenance ? `  [${l.provenance.exportId} ${l.provenance.file}:${l.provenance.line}]` : '';
        lines.push(`   —${l.label}${l.at ? ` ${l.at}` : ''}${l.via.length ? ` via ${l.via.map((r) => r.sourceId ?? r.label).join(', ')}` : ''}${src}`);
        lines.push(`   ${byId.get(l.to)?.label ?? l.to}`);
      }
    });
    if (res.note) lines.push(`\n${res.note}`);
    if (res.hubsAvoided.length) lines.push(`Hubs not passed through (--allow-hubs to use them): ${res.hubsAvoided.map((h) => `${h.label} (${h.degree} links)`).join(', ')}`);
    return lines.join('\n');
  });
  return 0;
}

export async function cmdNeighbours(b: Backend, v: GraphValues): Promise<number> {
  const id = need(v.id, 'id');
  const ref = await call(b, 'graph.resolveId', { sourceId: id });
  if (!ref) throw new AppError('not_found', `Nothing with id '${id}' in this case.`);
  const exp = await call(b, 'graph.expand', { id: ref.id, force: true, limit: int(v.limit, 'limit', 5000) });
  const neighbours = exp.type === 'graph'
    ? exp.links.map((l) => {
        const n = exp.nodes.find((x) => x.id === (l.source === ref.id ? l.target : l.source))!;
        return { id: n.id, kind: n.kind, label: n.label, source_id: n.sourceId, link: l.kind, at: l.at };
      })
    : [];
  print(v.json, { id: ref.id, kind: ref.kind, label: ref.label, source_id: ref.sourceId, neighbours }, () =>
    [`${ref.label} (#${ref.id}): ${neighbours.length} neighbours`, ...neighbours.map((n) => `  ${n.link.padEnd(16)} ${n.kind.padEnd(14)} ${n.label}${n.at ? `  ${n.at}` : ''}`)].join('\n'),
  );
  return 0;
}

export async function cmdCotravel(b: Backend, v: GraphValues): Promise<number> {
  const minCount = int(v.min, 'min', 2)!;
  const run = await call(b, 'cotravel.run', { minCount, windowMinutes: int(v.window, 'window', 5) });
  const list = await call(b, 'cotravel.list', { minCount, limit: int(v.limit, 'limit', 200) });
  const pairs = list.pairs.map((p) => ({
    a: { id: p.a.id, label: p.a.label, source_id: p.a.sourceId },
    b: { id: p.b.id, label: p.b.label, source_id: p.b.sourceId },
    count: p.count, same_event: p.sameEvent, first: p.first, last: p.last, ports: p.ports, link_id: p.linkId,
  }));
  print(v.json, { run, total: list.total, pairs }, () =>
    [
      `${run.pairs} pairs of persons crossed together at least ${minCount} times (${run.crossings.toLocaleString('en-US')} crossings, ${run.seconds} s; same event, or same port within ${run.windowMinutes} min)`,
      ...(run.note ? [run.note] : []),
      ...list.pairs.map((p) => `  ${String(p.count).padStart(3)}×  ${p.a.label}  +  ${p.b.label}   ${p.first.slice(0, 10)} … ${p.last.slice(0, 10)}  ${p.ports.join(' ')}${p.sameEvent ? `  (${p.sameEvent} in the same vehicle/group)` : ''}`),
    ].join('\n'),
  );
  return 0;
}
