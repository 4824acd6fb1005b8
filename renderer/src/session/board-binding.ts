// Binds the canvas board to the session's shared maps. What others change arrives in the Y
// maps and is shown (labels asked of the host in batches, for ids not known yet); what this
// analyst changes on the canvas (drag end, layout, expand, search, remove) is written back.
// Marks (notes, pins, groups) stay local, as does what they may not share (pointers).
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { LinkRef, NodeRef } from '../../../shared/model';
import { api } from '../api/client';
import { boardStore, showGraph } from '../graph/graph-store';
import type { Pos } from '../graph/types';
import { requestCanvas } from '../state/canvas-bus';
import { planBoard, planWrites, type SharedBoard, type SharedEnds } from './board-sync';

/** Origin of this window's own writes to the shared maps. */
export const LOCAL_ORIGIN = 'crosslink-board';

function readShared(nodes: Y.Map<Pos>, links: Y.Map<SharedEnds>): SharedBoard {
  const n = new Map<number, Pos>();
  for (const [k, v] of nodes.entries()) n.set(Number(k), v);
  const l = new Map<number, SharedEnds>();
  for (const [k, v] of links.entries()) l.set(Number(k), v);
  return { nodes: n, links: l };
}

export function bindBoard(doc: Y.Doc, provider: WebsocketProvider): () => void {
  const ynodes = doc.getMap<Pos>('nodes');
  const ylinks = doc.getMap<SharedEnds>('links');
  const nodeRefs = new Map<number, NodeRef>();
  const linkRefs = new Map<number, LinkRef>();
  // What is on the canvas already is known (the host's own board when it starts a session).
  for (const n of boardStore.get().graph.nodes.values()) nodeRefs.set(n.ref.id, n.ref);
  for (const l of boardStore.get().graph.links.values()) linkRefs.set(l.ref.id, l.ref);
  const local = { nodes: new Set<number>(), links: new Set<number>() };
  const asked = { nodes: new Set<number>(), links: new Set<number>() };
  let synced = false;
  let applying = false;
  let scheduled = false;
  let fitted = false;
  let disposed = false;

  const ask = (missing: { nodes: number[]; links: number[] }) => {
    const nodes = missing.nodes.filter((id) => !asked.nodes.has(id));
    const links = missing.links.filter((id) => !asked.links.has(id));
    if (!nodes.length && !links.length) return;
    for (const id of nodes) asked.nodes.add(id);
    for (const id of links) asked.links.add(id);
    api('session.elements', { nodes, links })
      .then((r) => {
        for (const n of r.nodes) nodeRefs.set(n.id, n);
        for (const l of r.links) linkRefs.set(l.id, l);
        schedule();
      })
      .catch(() => {
        // The host is away: ask again on the next change (a reconnect brings one).
        for (const id of nodes) asked.nodes.delete(id);
        for (const id of links) asked.links.delete(id);
      });
  };

  const reconcile = () => {
    scheduled = false;
    if (disposed || !synced) return;
    const before = boardStore.get().graph;
    const plan = planBoard(before, readShared(ynodes, ylinks), nodeRefs, linkRefs, local);
    if (plan.graph !== before) {
      applying = true;
      try {
        showGraph(plan.graph);
      } finally {
        applying = false;
      }
      // A participant's first look at the board: all of it.
      if (!fitted && !before.nodes.size && plan.graph.nodes.size) {
        fitted = true;
        setTimeout(() => requestCanvas({ type: 'fit' }), 60);
      }
    }
    ask(plan.missing);
  };

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(reconcile);
  }

  const onShared = () => schedule();
  ynodes.observe(onShared);
  ylinks.observe(onShared);
  const onSync = (isSynced: boolean) => {
    if (!isSynced) return;
    synced = true;
    schedule();
  };
  provider.on('sync', onSync);

  const off = boardStore.subscribe((next, prev) => {
    if (applying || next.graph === prev.graph) return;
    const w = planWrites(prev.graph, next.graph, readShared(ynodes, ylinks), local);
    for (const id of w.localNodes) local.nodes.add(id);
    for (const id of w.localLinks) local.links.add(id);
    for (const id of local.nodes) if (!next.graph.nodes.has(id)) local.nodes.delete(id);
    for (const id of local.links) if (!next.graph.links.has(id)) local.links.delete(id);
    for (const n of next.graph.nodes.values()) nodeRefs.set(n.ref.id, n.ref);
    for (const l of next.graph.links.values()) linkRefs.set(l.ref.id, l.ref);
    if (!w.setNodes.length && !w.deleteNodes.length && !w.setLinks.length && !w.deleteLinks.length) return;
    doc.transact(() => {
      for (const id of w.deleteLinks) ylinks.delete(String(id));
      for (const id of w.deleteNodes) ynodes.delete(String(id));
      for (const [id, pos] of w.setNodes) ynodes.set(String(id), pos);
      for (const [id, ends] of w.setLinks) ylinks.set(String(id), ends);
    }, LOCAL_ORIGIN);
  });

  return () => {
    disposed = true;
    off();
    ynodes.unobserve(onShared);
    ylinks.unobserve(onShared);
    provider.off('sync', onSync);
  };
}
