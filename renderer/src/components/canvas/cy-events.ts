// Cytoscape events -> app actions: selection, double-click to expand, right-click menu, drags.
import type { Core, EventObject, NodeSingular } from 'cytoscape';
import { expandNode } from '../../actions/graph-actions';
import { recordPositions } from '../../graph/graph-store';
import type { Pos } from '../../graph/types';
import { setContextMenu, uiStore } from '../../state/ui-store';
import { pushSelection } from './cy-sync';

export function bindEvents(cy: Core): () => void {
  let lastSelected: string | null = null;
  let pending = false;
  // Selecting a box of 200 nodes fires 200 events: read the selection once afterwards.
  const scheduleSelection = () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      if (!cy.destroyed()) pushSelection(cy, lastSelected);
    });
  };
  const handlers: Array<[string, string | null, (e: EventObject) => void]> = [
    ['select', null, (e) => { lastSelected = e.target.id(); scheduleSelection(); }],
    ['unselect remove', null, () => scheduleSelection()],
    ['dbltap', 'node', (e) => void expandNode(e.target.data('nodeId'))],
    ['cxttap', 'node', (e) => {
      const n = e.target;
      if (!n.selected()) {
        cy.elements().unselect();
        n.select();
      }
      setContextMenu({ x: e.renderedPosition.x, y: e.renderedPosition.y, nodeId: n.data('nodeId') });
    }],
    ['cxttap', null, (e) => {
      if (e.target === cy) setContextMenu({ x: e.renderedPosition.x, y: e.renderedPosition.y, nodeId: null });
    }],
    ['tap', null, () => { if (uiStore.get().contextMenu) setContextMenu(null); }],
    ['viewport', null, () => { if (uiStore.get().contextMenu) setContextMenu(null); }],
    ['dragfree', 'node', (e) => {
      // One undoable move for everything that moved with it: the selection, a group's members.
      const moved = new Map<number, Pos>();
      const dragged = e.target.union(cy.nodes(':selected'));
      dragged.union(dragged.descendants()).forEach((n: NodeSingular) => {
        const id = n.data('nodeId') as number | undefined;
        if (id != null) moved.set(id, { ...n.position() });
      });
      recordPositions(moved);
    }],
    // A note, and what is withheld from this profile, show as the tooltip of the element.
    ['mouseover', 'node, edge', (e) => {
      const note = (e.target.data('note') as string | undefined) ?? '';
      const withheld = (e.target.data('withheld') as string | undefined) ?? '';
      const text = [note && `Note: ${note}`, withheld].filter(Boolean).join('\n');
      const box = cy.container();
      if (box && text) box.title = text;
    }],
    ['mouseout', 'node, edge', () => {
      const box = cy.container();
      if (box?.title) box.title = '';
    }],
    ['mouseover', 'edge', (e) => e.target.addClass('hover')],
    ['mouseout', 'edge', (e) => e.target.removeClass('hover')],
  ];
  for (const [ev, sel, fn] of handlers) {
    if (sel) cy.on(ev, sel, fn);
    else cy.on(ev, fn);
  }
  return () => {
    for (const [ev, sel, fn] of handlers) {
      if (sel) cy.off(ev, sel, fn);
      else cy.off(ev, fn);
    }
  };
}
