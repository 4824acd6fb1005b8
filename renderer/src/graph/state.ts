// Pure operations on the board state. Links never dangle: removing a node removes its links,
// and a link is only added when both of its ends are on the board.
import type { CanvasLink, CanvasNode, GraphState, Group, Pos, Slice } from './types';

export const EMPTY_GRAPH: GraphState = { nodes: new Map(), links: new Map() };
export const EMPTY_SLICE: Slice = { nodes: [], links: [] };

export const cyNodeId = (id: number): string => `n${id}`;
export const cyLinkId = (id: number): string => `l${id}`;

/** `n12` -> { type: 'node', id: 12 }; anything else -> null. */
export function parseCyId(cyId: string): { type: 'node' | 'link'; id: number } | null {
  const m = /^([nl])(\d+)$/.exec(cyId);
  if (!m) return null;
  return { type: m[1] === 'n' ? 'node' : 'link', id: Number(m[2]) };
}

const hasGroups = (s: Slice): boolean => !!s.groups?.length;

export function withAdded(state: GraphState, slice: Slice): GraphState {
  if (!slice.nodes.length && !slice.links.length && !hasGroups(slice)) return state;
  const groups = hasGroups(slice) ? new Map(state.groups ?? []) : state.groups;
  for (const g of slice.groups ?? []) (groups as Map<string, Group>).set(g.id, g);
  const nodes = new Map(state.nodes);
  for (const n of slice.nodes) nodes.set(n.ref.id, n);
  const links = new Map(state.links);
  for (const l of slice.links) {
    if (nodes.has(l.ref.source) && nodes.has(l.ref.target)) links.set(l.ref.id, l);
  }
  return withGroups({ nodes, links }, groups);
}

export function withRemoved(state: GraphState, slice: Slice): GraphState {
  if (!slice.nodes.length && !slice.links.length && !hasGroups(slice)) return state;
  const groups = hasGroups(slice) ? new Map(state.groups ?? []) : state.groups;
  for (const g of slice.groups ?? []) (groups as Map<string, Group>).delete(g.id);
  const nodes = new Map(state.nodes);
  for (const n of slice.nodes) nodes.delete(n.ref.id);
  const links = new Map(state.links);
  for (const l of slice.links) links.delete(l.ref.id);
  for (const [id, l] of links) {
    if (!nodes.has(l.ref.source) || !nodes.has(l.ref.target)) links.delete(id);
  }
  return withGroups({ nodes, links }, groups);
}

/** Replaces, in place, the nodes, links and groups of `slice` that are on the board (groups always). */
export function withUpdated(state: GraphState, slice: Slice | undefined): GraphState {
  if (!slice || (!slice.nodes.length && !slice.links.length && !hasGroups(slice))) return state;
  let nodes: Map<number, CanvasNode> | null = null;
  for (const n of slice.nodes) {
    if (!state.nodes.has(n.ref.id)) continue;
    nodes ??= new Map(state.nodes);
    nodes.set(n.ref.id, n);
  }
  let links: Map<number, CanvasLink> | null = null;
  for (const l of slice.links) {
    if (!state.links.has(l.ref.id)) continue;
    links ??= new Map(state.links);
    links.set(l.ref.id, l);
  }
  let groups = state.groups;
  if (hasGroups(slice)) {
    const g = new Map(state.groups ?? []);
    for (const x of slice.groups!) g.set(x.id, x);
    groups = g;
  }
  return withGroups({ nodes: nodes ?? state.nodes, links: links ?? state.links }, groups);
}

function withGroups(s: GraphState, groups: ReadonlyMap<string, Group> | undefined): GraphState {
  return groups ? { ...s, groups } : s;
}

export const groupsOf = (s: GraphState): ReadonlyMap<string, Group> => s.groups ?? NO_GROUPS;
const NO_GROUPS: ReadonlyMap<string, Group> = new Map();

/** Links of the board that touch any of the given nodes. */
export function incidentLinks(state: GraphState, nodeIds: Iterable<number>): CanvasLink[] {
  const ids = new Set(nodeIds);
  return [...state.links.values()].filter((l) => ids.has(l.ref.source) || ids.has(l.ref.target));
}

export function positions(state: GraphState): Pos[] {
  return [...state.nodes.values()].map((n) => n.pos);
}

/** Records where nodes were dragged or laid out; unknown ids, pinned nodes and unchanged positions are ignored. */
export function withPositions(state: GraphState, moved: ReadonlyMap<number, Pos>): GraphState {
  let nodes: Map<number, CanvasNode> | null = null;
  for (const [id, pos] of moved) {
    const n = state.nodes.get(id);
    if (!n || n.marks?.pinned || (n.pos.x === pos.x && n.pos.y === pos.y)) continue;
    nodes ??= new Map(state.nodes);
    nodes.set(id, { ...n, pos: { x: pos.x, y: pos.y } });
  }
  return nodes ? { ...state, nodes } : state;
}

export function centroid(points: Pos[]): Pos {
  if (!points.length) return { x: 0, y: 0 };
  const s = points.reduce((a, p) => ({ x: a.x + p.x, y: a.y + p.y }), { x: 0, y: 0 });
  return { x: s.x / points.length, y: s.y / points.length };
}
