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
      const moved = new Map<number, Pos>();
      e.target.union(cy.nodes(':selected')).forEach((n: NodeSingular) => { moved.set(n.data('nodeId'), { ...n.position() }); });
      recordPositions(moved);
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
