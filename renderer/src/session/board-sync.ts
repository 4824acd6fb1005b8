// The session board (Y maps 'nodes' and 'links') and the canvas board, as pure functions:
// what the canvas should show for a state of the shared maps, and which keys to write after
// the analyst changed the canvas. The shared maps hold ids and places only; labels come from
// the host (session.elements), as this analyst may see them.
import type { LinkRef, NodeRef } from '../../../shared/model';
import { diffGraph } from '../graph/diff';
import type { CanvasLink, CanvasNode, GraphState, Pos } from '../graph/types';

export interface SharedEnds {
  s: number;
  t: number;
}

/** The shared maps, read as plain data (keys are ids). */
export interface SharedBoard {
  nodes: ReadonlyMap<number, Pos>;
  links: ReadonlyMap<number, SharedEnds>;
}

/** Elements on this analyst's canvas that are not shared: what they may not add (pointers,
 * withheld links). They stay on their own canvas until they remove them. */
export interface LocalOnly {
  nodes: ReadonlySet<number>;
  links: ReadonlySet<number>;
}

export const NO_LOCAL: LocalOnly = { nodes: new Set(), links: new Set() };

export interface Planned {
  /** The board to show; the same object as the one given when nothing changes. */
  graph: GraphState;
  /** Ids on the shared board whose labels are not known yet: ask the host, then plan again. */
  missing: { nodes: number[]; links: number[] };
}

const samePos = (a: Pos, b: Pos): boolean => a.x === b.x && a.y === b.y;

/** The canvas board for the shared maps: their nodes at their places and their links, keeping
 * local marks (notes, pins) and the analyst's local-only elements. */
export function planBoard(
  graph: GraphState,
  shared: SharedBoard,
  nodeRefs: ReadonlyMap<number, NodeRef>,
  linkRefs: ReadonlyMap<number, LinkRef>,
  local: LocalOnly = NO_LOCAL,
): Planned {
  const missing = { nodes: [] as number[], links: [] as number[] };
  let changed = false;
  const nodes = new Map<number, CanvasNode>();
  for (const [id, pos] of shared.nodes) {
    const old = graph.nodes.get(id);
    if (old) {
      if (samePos(old.pos, pos)) nodes.set(id, old);
      else {
        nodes.set(id, { ...old, pos: { x: pos.x, y: pos.y } });
        changed = true;
      }
      continue;
    }
    const ref = nodeRefs.get(id);
    if (!ref) {
      missing.nodes.push(id);
      continue;
    }
    nodes.set(id, { ref, pos: { x: pos.x, y: pos.y } });
    changed = true;
  }
  for (const [id, n] of graph.nodes) {
    if (nodes.has(id)) continue;
    if (local.nodes.has(id)) nodes.set(id, n);
    else changed = true;
  }
  const links = new Map<number, CanvasLink>();
  const add = (id: number, l: CanvasLink | undefined, ref?: LinkRef): boolean => {
    const r = l?.ref ?? ref;
    if (!r || !nodes.has(r.source) || !nodes.has(r.target)) return false;
    links.set(id, l ?? { ref: r });
    return true;
  };
  for (const [id, ends] of shared.links) {
    const old = graph.links.get(id);
    if (old) {
      if (!add(id, old)) changed = true;
      continue;
    }
    const ref = linkRefs.get(id);
    if (!ref) {
      // Only worth asking about once both of its ends are on the canvas.
      if (nodes.has(ends.s) && nodes.has(ends.t)) missing.links.push(id);
      continue;
    }
    if (add(id, undefined, ref)) changed = true;
  }
  for (const [id, l] of graph.links) {
    if (links.has(id)) continue;
    if (local.links.has(id) && add(id, l)) continue;
    changed = true;
  }
  if (!changed && nodes.size === graph.nodes.size && links.size === graph.links.size) return { graph, missing };
  return { graph: { ...graph, nodes, links }, missing };
}

/** Writes to the shared maps after the analyst changed the canvas from `prev` to `next`. */
export interface Writes {
  setNodes: Array<[number, Pos]>;
  deleteNodes: number[];
  setLinks: Array<[number, SharedEnds]>;
  deleteLinks: number[];
  /** Added on the canvas but not shareable by this analyst (kept on their canvas only). */
  localNodes: number[];
  localLinks: number[];
}

export const isEmptyWrites = (w: Writes): boolean =>
  !w.setNodes.length && !w.deleteNodes.length && !w.setLinks.length && !w.deleteLinks.length && !w.localNodes.length && !w.localLinks.length;

/** The host refuses coordinates beyond this (SESSION_NODE). */
const LIMIT = 1e7;
const coord = (v: number): number => (Number.isFinite(v) ? Math.max(-LIMIT, Math.min(LIMIT, Math.round(v * 100) / 100)) : 0);
export const sharedPos = (p: Pos): Pos => ({ x: coord(p.x), y: coord(p.y) });

/** A node this analyst may put on the shared board: one they may read (not a pointer). */
export const shareableNode = (ref: NodeRef): boolean => ref.kind !== 'pointer';
/** A link they may put there: one they may read, between nodes on the shared board. */
export const shareableLink = (ref: LinkRef): boolean => ref.kind !== 'withheld';

export function planWrites(prev: GraphState, next: GraphState, shared: SharedBoard, local: LocalOnly = NO_LOCAL): Writes {
  const w: Writes = { setNodes: [], deleteNodes: [], setLinks: [], deleteLinks: [], localNodes: [], localLinks: [] };
  const d = diffGraph(prev, next);
  const willShare = new Set<number>();
  for (const n of [...d.addNodes, ...d.updateNodes]) {
    const id = n.ref.id;
    const inShared = shared.nodes.get(id);
    if (!inShared) {
      // A node no one shared: this analyst puts it there if they may read it.
      if (local.nodes.has(id)) continue;
      if (!shareableNode(n.ref)) {
        w.localNodes.push(id);
        continue;
      }
    }
    willShare.add(id);
    const pos = sharedPos(n.pos);
    if (!inShared || !samePos(inShared, pos)) w.setNodes.push([id, pos]);
  }
  for (const id of d.removeNodes) if (shared.nodes.has(id)) w.deleteNodes.push(id);
  const onShared = (id: number): boolean => (shared.nodes.has(id) || willShare.has(id)) && !w.deleteNodes.includes(id);
  const readded = new Set(d.addLinks.map((l) => l.ref.id));
  for (const id of d.removeLinks) if (!readded.has(id) && shared.links.has(id)) w.deleteLinks.push(id);
  for (const l of d.addLinks) {
    const { id, source, target } = l.ref;
    const inShared = shared.links.get(id);
    if (inShared && inShared.s === source && inShared.t === target) continue;
    if (local.links.has(id)) continue;
    if (!shareableLink(l.ref) || !onShared(source) || !onShared(target)) w.localLinks.push(id);
    else w.setLinks.push([id, { s: source, t: target }]);
  }
  return w;
}
