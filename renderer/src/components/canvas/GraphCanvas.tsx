// The one component that owns `cy`: created once, fed diffs of the board store inside
// cy.batch(), destroyed on unmount. Everything else lives in plain modules.
import cytoscape, { type Core } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { CY_STYLE } from '../../graph/cy-style';
import { diffGraph, isEmptyDiff, type GraphDiff } from '../../graph/diff';
import { boardStore, resetBoard, runCommand } from '../../graph/graph-store';
import { cyNodeId, EMPTY_GRAPH, EMPTY_SLICE } from '../../graph/state';
import type { CanvasNode, GraphState, Slice } from '../../graph/types';
import { onCanvasRequest, requestCanvas, type CanvasRequest } from '../../state/canvas-bus';
import { bindEvents } from './cy-events';
import { handleRequest } from './cy-requests';
import { applyDiff } from './cy-sync';
import { setCy } from './cy-registry';

declare global {
  interface Window {
    /** The browser host exposes the instance to end-to-end tests. */
    __crosslinkCy?: Core;
    /** Browser host only: lets the bench and tests put a synthetic board up and send requests. */
    __crosslinkTest?: { loadBoard(slice: Slice): void; request(r: CanvasRequest): void };
  }
}

const TEST_HOOK: NonNullable<Window['__crosslinkTest']> = {
  loadBoard: (slice) => {
    resetBoard();
    runCommand({ label: 'Load a test board', add: slice, remove: EMPTY_SLICE });
  },
  request: requestCanvas,
};

/** Above this many nodes and links, pan and zoom move a snapshot of the board instead of
 * redrawing it (a 5,000-node board takes about 100 ms a redraw in software), and the canvas
 * draws at one pixel per CSS pixel. Smaller boards redraw in full, sharp on HiDPI screens. */
const LARGE_BOARD_ELEMENTS = 2500;

/** Cytoscape reads these options only when it starts; the renderer keeps them as fields. */
function tuneForSize(cy: Core): void {
  const large = cy.elements().length > LARGE_BOARD_ELEMENTS;
  const r = (cy as unknown as { renderer(): Record<string, unknown> | undefined }).renderer();
  if (!r || r.textureOnViewport === large) return;
  r.textureOnViewport = large;
  r.hideEdgesOnViewport = large;
  r.hideLabelsOnViewport = large;
  r.forcedPixelRatio = large ? 1 : null;
  (cy as unknown as { forceRender(): void }).forceRender();
}

/** Drags and layouts move nodes on the canvas first, then record the positions; the store's
 * echo is no news for those nodes and, applied as an update, would restyle every one. */
function withoutMovesShown(cy: Core, shown: GraphState, d: GraphDiff): GraphDiff {
  if (!d.updateNodes.length) return d;
  const updateNodes = d.updateNodes.filter((n) => {
    const old = shown.nodes.get(n.ref.id);
    if (!old || !onlyMoved(old, n)) return true;
    const el = cy.getElementById(cyNodeId(n.ref.id));
    const p = el.position();
    if (p.x !== n.pos.x || p.y !== n.pos.y) el.position({ ...n.pos });
    return false;
  });
  return { ...d, updateNodes };
}

/** The same node (ref, marks, whatever else it carries) at another place. */
function onlyMoved(a: CanvasNode, b: CanvasNode): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('pos');
  return [...keys].every((k) => a[k as keyof CanvasNode] === b[k as keyof CanvasNode]);
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
      const d = withoutMovesShown(cy, shown, diffGraph(shown, next));
      shown = next;
      if (!isEmptyDiff(d)) applyDiff(cy, d);
      tuneForSize(cy);
    };
    sync();
    const unsubscribe = boardStore.subscribe(sync);
    const unbind = bindEvents(cy);
    const unlisten = onCanvasRequest((r) => handleRequest(cy, r));
    if (!window.crosslink) {
      window.__crosslinkCy = cy;
      window.__crosslinkTest = TEST_HOOK;
    }
    setCy(cy);
    return () => {
      unsubscribe();
      unbind();
      unlisten();
      if (window.__crosslinkCy === cy) delete window.__crosslinkCy;
      setCy(null);
      cy.destroy();
    };
  }, []);
  return <div className="cy" data-testid="canvas" ref={container} />;
}
