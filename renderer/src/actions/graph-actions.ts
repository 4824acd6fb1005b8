// What the analyst does to the board: add a search hit, expand a node, remove, clear, undo.
// Each asks the backend if needed, builds one undoable command, and tells the canvas where to look.
import type { NodeKind, NodeRef } from '../../../shared/model';
import { api } from '../api/client';
import { addCommand, clearCommand, newNodes, removeCommand } from '../graph/commands';
import { fmtInt, truncate } from '../graph/format';
import { boardStore, redoBoard, runCommand, undoBoard } from '../graph/graph-store';
import { placeAround, placeOne } from '../graph/placement';
import { centroid, positions } from '../graph/state';
import type { Pos } from '../graph/types';
import { requestCanvas } from '../state/canvas-bus';
import { toast, toastError } from '../state/toasts';
import { openDialog, setBusy, uiStore } from '../state/ui-store';

/** Draw at most this many neighbours without asking first. */
export const EXPAND_LIMIT = 200;

/** Puts a node on the board (linked to what is already there) and selects it. */
export async function addToCanvas(ref: NodeRef): Promise<void> {
  const board = boardStore.get().graph;
  if (board.nodes.has(ref.id)) {
    requestCanvas({ type: 'focus', select: [ref.id] });
    return;
  }
  // Links to nodes already on the board, so the new node does not float alone.
  let links: Awaited<ReturnType<typeof neighbourLinks>> = [];
  if (board.nodes.size) {
    try {
      links = await neighbourLinks(ref.id);
    } catch (e) {
      toastError('Could not read the links of this node', e);
    }
  }
  const graph = boardStore.get().graph;
  const linked = links.map((l) => graph.nodes.get(l.source === ref.id ? l.target : l.source)?.pos).filter((p): p is Pos => !!p);
  const pos = placeOne(positions(graph), linked.length ? centroid(linked) : undefined);
  runCommand(addCommand(graph, [ref], links, new Map([[ref.id, pos]]), `Add “${truncate(ref.label, 30)}”`));
  requestCanvas({ type: 'focus', select: [ref.id] });
}

async function neighbourLinks(id: number) {
  const res = await api('graph.expand', { id, limit: EXPAND_LIMIT });
  return res.type === 'graph' ? res.links : [];
}

export interface ExpandOptions {
  kinds?: NodeKind[];
  force?: boolean;
}

/** Adds a node's neighbours around it; too many neighbours opens the summary dialog instead. */
export async function expandNode(id: number, opts: ExpandOptions = {}): Promise<void> {
  const known = boardStore.get().graph.nodes.get(id)?.ref;
  setBusy(`Expanding ${known ? `“${truncate(known.label, 40)}”` : 'node'}…`);
  requestCanvas({ type: 'flash', nodeId: id, on: true });
  try {
    const res = await api('graph.expand', { id, limit: EXPAND_LIMIT, force: opts.force ?? false, kinds: opts.kinds });
    if (res.type === 'summary') {
      openDialog({ type: 'summary', center: res.center, summary: res.summary });
      return;
    }
    const graph = boardStore.get().graph;
    const centrePos = graph.nodes.get(id)?.pos ?? placeOne(positions(graph));
    // Same kinds side by side on the rings, so a ring reads as "the documents", "the phones".
    const fresh = newNodes(graph, res.nodes).sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
    const slots = placeAround(centrePos, positions(graph), fresh.length);
    const placed = new Map<number, Pos>(fresh.map((n, i) => [n.id, slots[i]]));
    if (!graph.nodes.has(id)) placed.set(id, centrePos);
    const refs = graph.nodes.has(id) ? fresh : [res.center, ...fresh];
    const cmd = addCommand(graph, refs, res.links, placed, `Expand “${truncate(res.center.label, 30)}” (+${fresh.length})`);
    if (!runCommand(cmd)) {
      toast('info', 'Nothing new to add', `All ${fmtInt(res.nodes.length)} neighbours of “${truncate(res.center.label, 40)}” are already on the canvas.`);
    }
    requestCanvas({ type: 'focus', select: [id], context: fresh.map((n) => n.id) });
  } catch (e) {
    toastError('Could not expand the node', e);
  } finally {
    requestCanvas({ type: 'flash', nodeId: id, on: false });
    setBusy(null);
  }
}

export function expandSelected(): void {
  const { nodes } = uiStore.get().selection;
  if (!nodes.length) {
    toast('info', 'Select a node to expand', 'Click a node on the canvas, then press E or double-click it.');
    return;
  }
  for (const id of nodes.slice(0, 5)) void expandNode(id);
}

export function removeNodes(nodeIds: number[], linkIds: number[] = []): void {
  runCommand(removeCommand(boardStore.get().graph, nodeIds, linkIds));
}

export function removeSelected(): void {
  const { nodes, links } = uiStore.get().selection;
  removeNodes(nodes, links);
}

export function clearCanvas(): void {
  runCommand(clearCommand(boardStore.get().graph));
}

export function undoCanvas(): void {
  if (!undoBoard()) toast('info', 'Nothing to undo');
}

export function redoCanvas(): void {
  if (!redoBoard()) toast('info', 'Nothing to redo');
}
