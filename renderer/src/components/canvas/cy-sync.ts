// Applies a board diff to Cytoscape in one batch, and reads the selection back.
import type { Core, NodeSingular } from 'cytoscape';
import type { GraphDiff } from '../../graph/diff';
import { linkData, nodeData } from '../../graph/elements';
import { cyLinkId, cyNodeId } from '../../graph/state';
import { setSelection, uiStore, type Selection } from '../../state/ui-store';

export function applyDiff(cy: Core, d: GraphDiff): void {
  cy.batch(() => {
    for (const id of d.removeLinks) cy.getElementById(cyLinkId(id)).remove();
    for (const id of d.removeNodes) cy.getElementById(cyNodeId(id)).remove();
    if (d.addNodes.length) {
      const added = cy.add(d.addNodes.map((n) => ({ group: 'nodes' as const, data: { ...nodeData(n) }, position: { ...n.pos } })));
      added.forEach((el) => { if (el.data('pinned')) el.lock(); });
    }
    for (const n of d.updateNodes) {
      const el = cy.getElementById(cyNodeId(n.ref.id)) as NodeSingular;
      if (el.empty()) continue;
      el.data(nodeData(n));
      const p = el.position();
      // A pinned node is locked: Cytoscape refuses to move it, so unlock around an undo.
      if (p.x !== n.pos.x || p.y !== n.pos.y) {
        el.unlock();
        el.position({ ...n.pos });
      }
      if (n.marks?.pinned) el.lock();
      else el.unlock();
    }
    if (d.addLinks.length) {
      const added = cy.add(d.addLinks.map((l) => ({ group: 'edges' as const, data: { ...linkData(l) } })));
      added.forEach((e) => { e.toggleClass('has-note', !!e.data('note')); });
    }
  });
}

/** The selection as ids; the details panel shows `focus`, the most recently selected element. */
export function readSelection(cy: Core, lastSelected: string | null): Selection {
  // Group nodes (compound parents) carry no nodeId: they are not entities.
  const nodes = cy.nodes('[nodeId]:selected').map((n) => n.data('nodeId') as number);
  const links = cy.edges(':selected').map((e) => e.data('linkId') as number);
  const prev = uiStore.get().selection.focus;
  const still = (f: Selection['focus']) => !!f && (f.type === 'node' ? nodes.includes(f.id) : links.includes(f.id));
  let focus: Selection['focus'] = null;
  const last = lastSelected ? cy.getElementById(lastSelected) : cy.collection();
  if (last.nonempty() && last.selected()) {
    const isNode = last.group() === 'nodes';
    focus = isNode ? { type: 'node', id: last.data('nodeId') } : { type: 'link', id: last.data('linkId') };
  } else if (still(prev)) focus = prev;
  else if (nodes.length) focus = { type: 'node', id: nodes[0] };
  else if (links.length) focus = { type: 'link', id: links[0] };
  return { nodes, links, focus };
}

export function pushSelection(cy: Core, lastSelected: string | null): void {
  const next = readSelection(cy, lastSelected);
  const cur = uiStore.get().selection;
  const same =
    cur.nodes.join() === next.nodes.join() && cur.links.join() === next.links.join() &&
    cur.focus?.type === next.focus?.type && cur.focus?.id === next.focus?.id;
  if (!same) setSelection(next);
}
