// Every answer of the contract, as one agency may see it. The graph modules compute for the
// whole case; these functions take their answers apart and put back only what the profile may
// read, with pointers where content is withheld. They run in the DB worker, next to the data.
import type {
  BoardSlice, BoardState, ConnectResult, CotravelPair, Expansion, Lead, LinkDetails, NeighbourSummary, NodeDetails, PathResult, SearchHit, TimelineItem,
} from '../../../shared/contract';
import { LINK_KIND_LABEL, NODE_KIND_LABEL, type LinkRef, type NodeKind, type NodeRef } from '../../../shared/model';
import { AppError } from '../errors';
import { ftsQuery } from '../graph/search';
import type { DbLink } from '../graph/rows';
import { Access, isEntityKind, pointerLabel } from './access';

function linkRow(acc: Access, id: number): DbLink | null {
  return acc.link(id);
}

/** A link the profile may not read, shown only as "something joins these". */
function withheldLink(l: LinkRef): LinkRef {
  return { ...l, kind: 'withheld', label: LINK_KIND_LABEL.withheld, at: null };
}

function linkVisible(acc: Access, l: LinkRef): boolean {
  const row = linkRow(acc, l.id);
  if (row) return acc.linkVisible(row);
  // Links that are no longer stored (a re-run replaced them): judged by their ends and marking.
  return acc.canRead(l.handling, null) && acc.sees(l.source) && acc.sees(l.target);
}

/** Nodes and links for the canvas: hidden nodes become pointers, joined by a withheld link
 * when a visible node points at them; hidden links between visible nodes are dropped. */
export function redactSlice(acc: Access, slice: BoardSlice): BoardSlice {
  acc.prefetch([...slice.nodes.map((n) => n.id), ...slice.links.flatMap((l) => [l.source, l.target])], slice.links.map((l) => l.id));
  const nodes = slice.nodes.map((n) => acc.ref(n));
  const pointerIds = new Set(nodes.filter((n) => n.kind === 'pointer').map((n) => n.id));
  const links: LinkRef[] = [];
  const pointerLinks = new Set<string>();
  for (const l of slice.links) {
    if (linkVisible(acc, l)) links.push(l);
    else if (pointerIds.has(l.source) !== pointerIds.has(l.target)) {
      const key = `${l.source}:${l.target}`;
      if (!pointerLinks.has(key)) links.push(withheldLink(l));
      pointerLinks.add(key);
    }
  }
  return { nodes, links };
}

export function redactSearch(acc: Access, hits: SearchHit[], q: string): SearchHit[] {
  const out: SearchHit[] = [];
  const pointers = new Set<string>();
  const expr = ftsQuery(q);
  for (const h of hits) {
    let ref = acc.ref(h);
    // A person found through a withheld alias must not give the person away: the hit stands
    // only if a readable record of it matches too.
    if (ref.kind !== 'pointer' && ref.pointer && isEntityKind(h.kind) && expr) {
      const members = acc.visibleMembers(h.id);
      const ok =
        members.length > 0 &&
        (acc.db.prepare(`SELECT count(*) FROM node_fts WHERE node_fts MATCH ? AND rowid IN (${members.slice(0, 900).join(',')})`).pluck().get(expr) as number) > 0;
      if (!ok && !h.sourceId?.toUpperCase().includes(q.trim().toUpperCase())) {
        const pointer = ref.pointer;
        ref = { id: h.id, kind: 'pointer', label: pointerLabel(pointer), sourceId: null, handling: h.handling, degree: 0, pointer };
      }
    }
    if (ref.kind === 'pointer') {
      // "Hit / no hit": one pointer per holder and contact is enough.
      if (pointers.has(ref.label)) continue;
      pointers.add(ref.label);
      out.push({ ...ref, label: `${ref.label} (matches your search)`, matched: '' });
    } else out.push({ ...ref, matched: h.matched });
  }
  return out;
}

export function redactNodeDetails(acc: Access, d: NodeDetails): NodeDetails {
  const node = acc.ref(d.node);
  if (node.kind === 'pointer') {
    return { node, kindLabel: NODE_KIND_LABEL.pointer, attributes: [], mentions: [], neighbourCounts: [] };
  }
  return {
    node,
    kindLabel: d.kindLabel,
    attributes: d.attributes.filter((a) => acc.canRead(a.handling, a.provenance.agency) && acc.canRead(a.provenance.handling, a.provenance.agency)),
    mentions: d.mentions.filter((m) => acc.canRead(m.handling, m.agency)),
    neighbourCounts: neighbourCounts(acc, d.node.id),
  };
}

/** Neighbours by kind, the withheld ones counted as pointers. */
function neighbourCounts(acc: Access, id: number): NodeDetails['neighbourCounts'] {
  const rows = acc.db
    .prepare(
      `SELECT n.kind, n.handling, n.agency, l.handling AS lh, count(*) AS c FROM (
         SELECT dst AS other, handling FROM link WHERE src = @id UNION ALL SELECT src, handling FROM link WHERE dst = @id) l
       JOIN node n ON n.id = l.other GROUP BY 1, 2, 3, 4`,
    )
    .all({ id }) as Array<{ kind: NodeKind; handling: string; agency: string | null; lh: string; c: number }>;
  const counts = new Map<NodeKind, number>();
  for (const r of rows) {
    const readable = acc.canRead(r.lh, r.agency) && (isEntityKind(r.kind) || !['subject', 'vehicle', 'traveller', 'case', 'lookout'].includes(r.kind) || acc.canRead(r.handling, r.agency));
    const kind: NodeKind = readable ? r.kind : 'pointer';
    counts.set(kind, (counts.get(kind) ?? 0) + r.c);
  }
  return [...counts].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count);
}

export function redactLinkDetails(acc: Access, d: LinkDetails): LinkDetails {
  const row = linkRow(acc, d.link.id);
  const source = acc.ref(d.source);
  const target = acc.ref(d.target);
  if (row && acc.linkVisible(row)) return { ...d, source, target };
  return { link: withheldLink(d.link), kindLabel: LINK_KIND_LABEL.withheld, source, target, attributes: [], provenance: null };
}

export function redactExpansion(acc: Access, e: Expansion): Expansion {
  const center = acc.ref(e.center);
  if (center.kind === 'pointer') {
    return { type: 'graph', center, nodes: [], links: [] };
  }
  if (e.type === 'summary') return { type: 'summary', center, summary: redactSummary(acc, e.center.id, e.summary) };
  const slice = redactSlice(acc, { nodes: e.nodes, links: e.links });
  return { type: 'graph', center, nodes: slice.nodes.filter((n) => n.id !== center.id), links: slice.links };
}

function redactSummary(acc: Access, id: number, s: NeighbourSummary): NeighbourSummary {
  const byKind = neighbourCounts(acc, id);
  const total = byKind.reduce((a, k) => a + k.count, 0);
  const hidden = byKind.find((k) => k.kind === 'pointer')?.count ?? 0;
  // Link kinds would tell what a withheld neighbour is: they are folded into "withheld".
  const byLinkKind = hidden ? [...s.byLinkKind.filter((k) => k.kind !== 'case_names' && k.kind !== 'lookout_on'), { kind: 'withheld' as const, count: hidden }] : s.byLinkKind;
  return { total, byKind, byLinkKind, byPeriod: s.byPeriod };
}

export function redactPaths(acc: Access, r: PathResult): PathResult {
  const from = acc.ref(r.from);
  const to = acc.ref(r.to);
  if (from.kind === 'pointer' || to.kind === 'pointer') {
    return { ...r, from, to, paths: [], hubsAvoided: [], note: `${from.kind === 'pointer' ? from.label : to.label}: paths through withheld records are not shown.` };
  }
  let dropped = 0;
  const paths = r.paths.filter((p) => {
    const ok = p.nodes.every((n) => acc.sees(n.id)) && p.links.every((s) => linkOk(acc, s.linkId)) && p.links.every((s) => s.via.every((v) => acc.sees(v.id)));
    if (!ok) dropped++;
    return ok;
  });
  const shown = paths.map((p) => ({
    ...p,
    nodes: p.nodes.map((n) => ({ ...acc.ref(n), sourceIds: acc.seesAll(n.id) ? n.sourceIds : [] })),
    links: p.links.map((s) => ({ ...s, via: s.via.map((v) => acc.ref(v)), provenance: s.provenance && acc.canRead(s.provenance.handling, s.provenance.agency) ? s.provenance : null })),
    board: redactSlice(acc, p.board),
  }));
  const note = dropped ? `${dropped} path${dropped > 1 ? 's' : ''} pass${dropped > 1 ? '' : 'es'} through records you may not see; ask the agencies that hold them.` : r.note;
  return { ...r, from, to, paths: shown, hubsAvoided: r.hubsAvoided.filter((h) => acc.sees(h.id)).map((h) => acc.ref(h)), note };
}

function linkOk(acc: Access, id: number): boolean {
  const row = linkRow(acc, id);
  return !row || acc.linkVisible(row);
}

export function redactConnect(acc: Access, r: ConnectResult): ConnectResult {
  return { ...r, board: redactSlice(acc, r.board), pairs: r.pairs.filter((p) => acc.sees(p.a) && acc.sees(p.b)) };
}

export function redactTimeline(acc: Access, t: { items: TimelineItem[]; truncated: boolean }): { items: TimelineItem[]; truncated: boolean } {
  return { ...t, items: t.items.filter((i) => acc.sees(i.nodeId) && linkOk(acc, i.linkId)) };
}

export function redactCotravel(acc: Access, pairs: CotravelPair[]): CotravelPair[] {
  return pairs.filter((p) => acc.sees(p.a.id) && acc.sees(p.b.id)).map((p) => ({ ...p, a: acc.ref(p.a), b: acc.ref(p.b) }));
}

/** A lead made from rows the profile may not all read: its title and summary were written from
 * them, so they are replaced; what may be seen stays, with pointers for the rest. */
export function redactLead<L extends Lead>(acc: Access, lead: L): L | null {
  const entities = lead.entities.map((e) => acc.ref(e));
  const whole = lead.entities.every((e) => acc.seesAll(e.id)) && lead.sources.every((s) => acc.canRead(s.handling, s.agency));
  if (whole) return { ...lead, entities };
  if (!entities.some((e) => e.kind !== 'pointer')) return null;
  const held = entities.filter((e) => e.pointer).map((e) => e.pointer!);
  const agencies = [...new Set(held.flatMap((p) => p.agencies))];
  const contacts = [...new Set(held.map((p) => p.contact))].slice(0, 3);
  const visible = entities.filter((e) => e.kind !== 'pointer').map((e) => e.label).slice(0, 3);
  return {
    ...lead,
    title: `${visible.join(', ')}: ${agencies.length ? agencies.join(' and ') : 'another agency'} hold${agencies.length === 1 ? 's' : ''} records on this`,
    summary: `Part of this lead rests on records you may not see. ${agencies.join(' and ') || 'The holding agency'} can tell you more: contact ${contacts.join('; ') || 'the originating agency'}.`,
    entities,
    sources: lead.sources.filter((s) => acc.canRead(s.handling, s.agency)),
    whatsNew: lead.whatsNew ? 'New evidence arrived.' : null,
    reason: lead.reason,
  };
}

export function redactLeadWithEvidence<L extends Lead & { evidence: BoardSlice }>(acc: Access, lead: L): L {
  const r = redactLead(acc, lead);
  if (!r) throw new AppError('not_found', `Lead #${lead.id} rests on records you may not see.`);
  return { ...r, evidence: redactSlice(acc, lead.evidence) };
}

/** A saved board as the profile may see it: nodes re-read from the case (never the labels
 * someone else saved), hidden ones as pointers, notes on them dropped. */
export function redactBoard(acc: Access, state: BoardState): BoardState {
  const present = state.nodes.filter((n) => acc.row(n.ref.id) !== null);
  const slice = redactSlice(acc, { nodes: present.map((n) => n.ref), links: state.links });
  const refs = new Map(slice.nodes.map((n) => [n.id, n]));
  const marksOf = new Map(state.links.map((l) => [l.id, l.marks]));
  return {
    ...state,
    nodes: present
      .filter((n) => refs.has(n.ref.id))
      .map((n) => {
        const ref = refs.get(n.ref.id)!;
        const marks = ref.kind === 'pointer' && n.marks ? { ...n.marks, note: undefined } : n.marks;
        return { ...n, ref, ...(marks ? { marks } : {}) };
      }),
    links: slice.links.map((l) => {
      const marks = l.kind === 'withheld' ? undefined : marksOf.get(l.id);
      return marks ? { ...l, marks } : l;
    }),
  };
}

export function redactRef(acc: Access, ref: NodeRef | null): NodeRef | null {
  return ref ? acc.ref(ref) : null;
}
