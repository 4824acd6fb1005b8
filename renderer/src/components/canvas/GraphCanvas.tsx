// The one component that owns `cy`: created once, fed diffs of the board store inside
// cy.batch(), destroyed on unmount. Everything else lives in plain modules.
import cytoscape, { type Core } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { CY_STYLE } from '../../graph/cy-style';
import { diffGraph, isEmptyDiff } from '../../graph/diff';
import { boardStore } from '../../graph/graph-store';
import { EMPTY_GRAPH } from '../../graph/state';
import { onCanvasRequest } from '../../state/canvas-bus';
import { bindEvents } from './cy-events';
import { handleRequest } from './cy-requests';
import { applyDiff } from './cy-sync';

declare global {
  interface Window {
    /** The browser host exposes the instance to end-to-end tests. */
    __crosslinkCy?: Core;
  }
}

export function GraphCanvas() {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const cy = cytoscape({
      container: container.current,
      style: CY_STYLE,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: true,
      selectionType: 'additive',
    });
    let shown = EMPTY_GRAPH;
    const sync = () => {
      const next = boardStore.get().graph;
      const d = diffGraph(shown, next);
      shown = next;
      if (!isEmptyDiff(d)) applyDiff(cy, d);
    };
    sync();
    const unsubscribe = boardStore.subscribe(sync);
    const unbind = bindEvents(cy);
    const unlisten = onCanvasRequest((r) => handleRequest(cy, r));
    if (!window.crosslink) window.__crosslinkCy = cy;
    return () => {
      unsubscribe();
      unbind();
      unlisten();
      if (window.__crosslinkCy === cy) delete window.__crosslinkCy;
      cy.destroy();
    };
  }, []);
  return <div className="cy" data-testid="canvas" ref={container} />;
}
