// Building undoable commands from what the user asked for. A command records full nodes
// (with positions) so that undoing a removal puts things back where they were.
import type { LinkRef, NodeRef } from '../../../shared/model';
import { incidentLinks, withAdded, withRemoved, withUpdated } from './state';
import type { CanvasNode, Command, GraphState, Pos, Slice } from './types';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Nodes of `refs` that are not on the board yet, without duplicates, in input order. */
export function newNodes(state: GraphState, refs: NodeRef[]): NodeRef[] {
  const seen = new Set<number>();
  return refs.filter((r) => {
    if (state.nodes.has(r.id) || seen.has(r.id)) return false;
    seen.add(r.id);
    return true;
  });
}

/**
 * Adds the nodes not yet on the board at the given positions and the links whose two
 * ends will be on the board. Returns null when nothing would change.
 */
export function addCommand(
  state: GraphState,
  refs: NodeRef[],
  links: LinkRef[],
  placed: ReadonlyMap<number, Pos>,
  label?: string,
): Command | null {
  const nodes: CanvasNode[] = newNodes(state, refs).map((ref) => ({ ref, pos: placed.get(ref.id) ?? { x: 0, y: 0 } }));
  const present = new Set([...state.nodes.keys(), ...nodes.map((n) => n.ref.id)]);
  const seen = new Set<number>();
  const addLinks = links
    .filter((l) => {
      if (state.links.has(l.id) || seen.has(l.id)) return false;
      seen.add(l.id);
      return present.has(l.source) && present.has(l.target);
    })
    .map((ref) => ({ ref }));
  if (!nodes.length && !addLinks.length) return null;
  const what = nodes.length ? plural(nodes.length, 'node') : plural(addLinks.length, 'link');
  return { label: label ?? `Add ${what}`, add: { nodes, links: addLinks }, remove: { nodes: [], links: [] } };
}

/** Removes nodes (with their links) and links. Returns null when none of them is on the board. */
export function removeCommand(state: GraphState, nodeIds: Iterable<number>, linkIds: Iterable<number> = [], label?: string): Command | null {
  const nodes = [...new Set(nodeIds)].map((id) => state.nodes.get(id)).filter((n): n is CanvasNode => !!n);
  const links = new Map(incidentLinks(state, nodes.map((n) => n.ref.id)).map((l) => [l.ref.id, l]));
  for (const id of linkIds) {
    const l = state.links.get(id);
    if (l) links.set(id, l);
  }
  if (!nodes.length && !links.size) return null;
  const what = nodes.length ? plural(nodes.length, 'node') : plural(links.size, 'link');
  return { label: label ?? `Remove ${what}`, add: { nodes: [], links: [] }, remove: { nodes, links: [...links.values()] } };
}

export function clearCommand(state: GraphState): Command | null {
  const cmd = removeCommand(state, state.nodes.keys(), state.links.keys(), 'Clear canvas');
  if (cmd && state.groups?.size) cmd.remove.groups = [...state.groups.values()];
  return cmd;
}

export function applyCommand(state: GraphState, cmd: Command): GraphState {
  return withUpdated(withAdded(withRemoved(state, cmd.remove), cmd.add), cmd.update?.after);
}

export function invertCommand(cmd: Command): Command {
  const inv: Command = { label: cmd.label, add: cmd.remove, remove: cmd.add };
  if (cmd.update) inv.update = { before: cmd.update.after, after: cmd.update.before };
  return inv;
}

export function sliceSize(s: Slice): number {
  return s.nodes.length + s.links.length + (s.groups?.length ?? 0);
}
