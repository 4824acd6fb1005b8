// From a saved board to what a briefing package may hold for its audience: only what both the
// author and the audience may read (the tear line), pointers for the rest, and the facts
// around the chart: attributes with their sources, the leads on its entities, the paths the
// chart draws between the analyst's key entities, and a timeline. Runs in a DB worker.
import type Database from 'better-sqlite3';
import type { BoardState } from '../../../shared/contract';
import { linkKindLabel, type Agency, type Attribute, type LinkRef, type NodeRef, type Profile } from '../../../shared/model';
import { Access } from '../access/access';
import { redactBoard, redactLead, redactNodeDetails, redactTimeline } from '../access/redact';
import { nodeDetails } from '../graph/details';
import { timeline } from '../graph/timeline';
import { listLeads } from '../leads/store';
import { strictestHandling } from '../access/rules';
import type { BriefModel } from './model';
import { boardReview } from './review';

export interface BriefRequest {
  state: BoardState;
  title: string;
  summary: string;
  author: Profile;
  audience: Agency;
  nodeIds?: number[];
  createdAt: string;
  /** The board's id, to include its review session (minutes, verdicts). */
  boardId?: number;
}

const MAX_ENTITIES = 150;
const MAX_ATTRIBUTES = 40;
const MAX_TIMELINE = 400;
const MAX_PATHS = 6;

export function assembleBrief(db: Database.Database, r: BriefRequest): BriefModel {
  const acc = new Access(db, r.author.agency, r.audience);
  const wanted = r.nodeIds?.length ? new Set(r.nodeIds) : null;
  const chosen: BoardState = wanted
    ? { ...r.state, nodes: r.state.nodes.filter((n) => wanted.has(n.ref.id)), links: r.state.links.filter((l) => wanted.has(l.source) && wanted.has(l.target)) }
    : r.state;
  const board = redactBoard(acc, chosen);
  const dropped = chosen.nodes.length - board.nodes.length + (chosen.links.length - board.links.length);
  const refs = board.nodes.map((n) => n.ref);
  const visible = refs.filter((n) => n.kind !== 'pointer');

  const entities = rankEntities(board).slice(0, MAX_ENTITIES).map((ref) => {
    if (ref.kind === 'pointer') return { ref, attributes: [] as Attribute[] };
    const d = redactNodeDetails(acc, nodeDetails(db, ref.id));
    return { ref: d.node, attributes: d.attributes.slice(0, MAX_ATTRIBUTES) };
  });

  const ids = new Set(visible.map((n) => n.id));
  const leads = listLeads(db, { limit: 500, offset: 0 })
    .leads.filter((l) => l.entities.some((e) => ids.has(e.id)))
    .map((l) => redactLead(acc, l))
    .filter((l) => l !== null)
    .slice(0, 10)
    .map((l) => ({ kind: l.kind, score: l.score, title: l.title, summary: l.summary }));

  const labelOf = new Map(refs.map((n) => [n.id, n.label]));
  const t = redactTimeline(acc, timeline(db, [...ids], MAX_TIMELINE));
  const items = t.items.map((i) => ({ at: i.at, label: `${labelOf.get(i.nodeId) ?? `#${i.nodeId}`}: ${i.label}` }));

  const sources = new Map<string, BriefModel['sources'][number]>();
  for (const e of entities) {
    for (const a of e.attributes) {
      const p = a.provenance;
      sources.set(`${p.exportId}|${p.file}|${p.line}`, { exportId: p.exportId, file: p.file, line: p.line, agency: p.agency, handling: p.handling });
    }
  }

  const pointers = refs.filter((n) => n.pointer);
  const notes = [...new Set(pointers.map((n) => (n.kind === 'pointer' ? n.label : `${n.label}: ${n.pointer!.withheld} more record(s) held by ${n.pointer!.agencies.join(' and ')}; contact ${n.pointer!.contact}`)))];
  const withheldLinks = board.links.filter((l) => l.kind === 'withheld').length;
  return {
    title: r.title,
    summary: r.summary,
    createdAt: r.createdAt,
    author: r.author,
    audience: r.audience,
    handling: strictestHandling([...visible.map((n) => n.handling), ...board.links.filter((l) => l.kind !== 'withheld').map((l) => l.handling), ...entities.flatMap((e) => e.attributes.map((a) => a.handling))]),
    withheld: pointers.length + withheldLinks + dropped,
    withheldNotes: notes.slice(0, 30),
    board: { ...board, type: 'crosslink-board', version: 2 },
    entities,
    links: board.links.map(({ id, kind, source, target, label, at, handling }) => ({ id, kind, source, target, label, at, handling })),
    paths: boardPaths(refs, board.links),
    leads,
    timeline: items,
    review: r.boardId ? boardReview(db, acc, r.boardId, (id) => labelOf.get(id)) : null,
    sources: [...sources.values()].sort((a, b) => a.exportId.localeCompare(b.exportId) || a.file.localeCompare(b.file) || a.line - b.line),
  };
}


/** The analyst's key entities first (noted, pinned, coloured), then persons and vehicles by links on the chart. */
function rankEntities(board: BoardState): NodeRef[] {
  const degree = new Map<number, number>();
  for (const l of board.links) for (const id of [l.source, l.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const weight = (n: BoardState['nodes'][number]): number =>
    (n.marks?.note ? 1000 : 0) + (n.marks?.pinned || n.marks?.colour ? 500 : 0) + (n.ref.kind === 'person' || n.ref.kind === 'vehicle_entity' ? 100 : 0) + (n.ref.kind === 'pointer' ? -50 : 0) + (degree.get(n.ref.id) ?? 0);
  return [...board.nodes].sort((a, b) => weight(b) - weight(a)).map((n) => n.ref);
}

/** Shortest chains on the chart between its key persons and vehicles, in words. */
function boardPaths(refs: NodeRef[], links: LinkRef[]): BriefModel['paths'] {
  const byId = new Map(refs.map((n) => [n.id, n]));
  const adj = new Map<number, Array<{ to: number; link: LinkRef }>>();
  for (const l of links) {
    if (l.kind === 'withheld') continue;
    adj.set(l.source, [...(adj.get(l.source) ?? []), { to: l.target, link: l }]);
    adj.set(l.target, [...(adj.get(l.target) ?? []), { to: l.source, link: l }]);
  }
  const key = refs.filter((n) => n.kind === 'person' || n.kind === 'vehicle_entity' || n.kind === 'case').slice(0, 5);
  const out: BriefModel['paths'] = [];
  for (let i = 0; i < key.length && out.length < MAX_PATHS; i++) {
    for (let j = i + 1; j < key.length && out.length < MAX_PATHS; j++) {
      const steps = bfs(key[i].id, key[j].id, adj);
      if (!steps || steps.length < 2) continue;
      out.push({
        title: `${key[i].label} → ${key[j].label} (${steps.length} links)`,
        steps: steps.map((s) => `${byId.get(s.from)?.label ?? `#${s.from}`} — ${linkKindLabel(s.link.kind)}${s.link.at ? ` (${s.link.at.slice(0, 10)})` : ''} → ${byId.get(s.to)?.label ?? `#${s.to}`}`),
      });
    }
  }
  return out;
}

function bfs(s: number, t: number, adj: Map<number, Array<{ to: number; link: LinkRef }>>): Array<{ from: number; to: number; link: LinkRef }> | null {
  const prev = new Map<number, { from: number; link: LinkRef }>();
  const seen = new Set([s]);
  let frontier = [s];
  while (frontier.length && !seen.has(t)) {
    const next: number[] = [];
    for (const u of frontier) {
      for (const e of adj.get(u) ?? []) {
        if (seen.has(e.to)) continue;
        seen.add(e.to);
        prev.set(e.to, { from: u, link: e.link });
        next.push(e.to);
      }
    }
    frontier = next;
  }
  if (!seen.has(t)) return null;
  const steps: Array<{ from: number; to: number; link: LinkRef }> = [];
  for (let v = t; v !== s; ) {
    const p = prev.get(v)!;
    steps.unshift({ from: p.from, to: v, link: p.link });
    v = p.from;
  }
  return steps;
}
