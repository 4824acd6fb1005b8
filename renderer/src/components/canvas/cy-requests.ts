// Carries out canvas requests (fit, re-layout, focus) on the live Cytoscape instance.
// Layouts to offer in menus: LAYOUTS in graph/layouts/catalog; ask with { type: 'relayout', layout }.
import type { Collection, Core, NodeSingular } from 'cytoscape';
import { boardStore, recordPositions } from '../../graph/graph-store';
import { DEFAULT_LAYOUT, LAYOUTS } from '../../graph/layouts/catalog';
import type { LayoutInput, LayoutName } from '../../graph/layouts/types';
import { cyNodeId } from '../../graph/state';
import type { Pos } from '../../graph/types';
import type { CanvasRequest } from '../../state/canvas-bus';
import { toastError } from '../../state/toasts';
import { setBusy } from '../../state/ui-store';
import { LayoutSuperseded, runLayout } from './run-layout';

const MAX_FIT_ZOOM = 1.3;

/** Room taken by the toolbar (top) and the legend (bottom-left) floating over the canvas. */
function overlays(cy: Core): { top: number; bottom: number } {
  const legend = cy.container()?.parentElement?.querySelector<HTMLElement>('.legend');
  return { top: 56, bottom: 20 + (legend?.offsetHeight ?? 0) };
}

/** Fits the elements without zooming a lone node up to giant size. */
export function fitTo(cy: Core, eles: Collection, animate = true): void {
  if (eles.empty()) return;
  const bb = eles.boundingBox({});
  const side = 40;
  const { top, bottom } = overlays(cy);
  const w = Math.max(50, cy.width() - 2 * side);
  const h = Math.max(50, cy.height() - top - bottom);
  const z = Math.max(cy.minZoom(), Math.min(MAX_FIT_ZOOM, w / Math.max(bb.w, 1), h / Math.max(bb.h, 1)));
  const pan = { x: cy.width() / 2 - z * (bb.x1 + bb.w / 2), y: top + h / 2 - z * (bb.y1 + bb.h / 2) };
  if (animate) cy.animate({ zoom: z, pan }, { duration: 250 });
  else cy.viewport({ zoom: z, pan });
}

function inView(cy: Core, eles: Collection): boolean {
  const ext = cy.extent();
  const bb = eles.boundingBox({});
  return bb.x1 >= ext.x1 && bb.x2 <= ext.x2 && bb.y1 >= ext.y1 && bb.y2 <= ext.y2;
}

/** Boards up to this size glide to a new layout; bigger ones jump (an animation would stutter). */
const ANIMATE_MAX_NODES = 500;

/** What the layout needs from the canvas: positions, sizes, kinds, pins (locked nodes), dates. */
export function layoutInput(cy: Core, layout: LayoutName): LayoutInput {
  const links = boardStore.get().graph.links;
  return {
    layout,
    nodes: cy.nodes('[nodeId]').map((n) => ({ id: n.data('nodeId'), ...n.position(), size: n.width(), kind: n.data('kind'), fixed: n.locked() })),
    links: cy.edges().map((e) => ({
      source: e.source().data('nodeId'),
      target: e.target().data('nodeId'),
      at: links.get(e.data('linkId'))?.ref.at ?? null,
    })),
    roots: cy.nodes(':selected').map((n) => n.data('nodeId')),
  };
}

/** Moves the nodes to their laid-out places, records them, fits, then tells listeners. */
function applyPositions(cy: Core, positions: Map<number, Pos>, done: () => void): void {
  const target = cy.nodes('[nodeId]').filter((n) => !n.locked() && positions.has(n.data('nodeId')));
  const finish = () => {
    recordPositions(positions, 'Re-layout');
    fitTo(cy, cy.elements(), target.length <= ANIMATE_MAX_NODES);
    done();
  };
  if (target.length > ANIMATE_MAX_NODES) {
    cy.batch(() => target.forEach((n) => { n.position({ ...positions.get(n.data('nodeId'))! }); }));
    finish();
    return;
  }
  const layout = target.layout({
    name: 'preset',
    positions: (n: NodeSingular) => positions.get(n.data('nodeId'))!,
    animate: true,
    animationDuration: 350,
    fit: false,
  } as never);
  layout.one('layoutstop', finish);
  layout.run();
}

async function relayout(cy: Core, layout: LayoutName): Promise<void> {
  const nodes = cy.nodes('[nodeId]');
  if (nodes.empty()) return;
  const started = performance.now();
  const label = LAYOUTS.find((l) => l.name === layout)?.label.toLowerCase() ?? layout;
  setBusy(`Laying out ${nodes.length.toLocaleString()} nodes (${label})…`);
  try {
    const positions = new Map(await runLayout(layoutInput(cy, layout)));
    if (cy.destroyed()) return;
    setBusy(null);
    // Tests and the bench wait on this event: the time from request to positions on screen.
    applyPositions(cy, positions, () => cy.emit('relayoutdone', [{ layout, nodes: positions.size, ms: performance.now() - started }]));
  } catch (e) {
    if (e instanceof LayoutSuperseded) return;
    setBusy(null);
    toastError('Could not lay out the canvas', e);
  }
}

export function handleRequest(cy: Core, r: CanvasRequest): void {
  switch (r.type) {
    case 'fit':
      fitTo(cy, cy.elements());
      return;
    case 'relayout':
      void relayout(cy, r.layout ?? DEFAULT_LAYOUT);
      return;
    case 'flash':
      cy.getElementById(cyNodeId(r.nodeId)).toggleClass('expanding', r.on);
      return;
    case 'focus': {
      const byIds = (ids: number[]) => ids.reduce((c, id) => c.union(cy.getElementById(cyNodeId(id))), cy.collection());
      const sel = byIds(r.select);
      cy.elements(':selected').difference(sel).unselect();
      sel.select();
      const ctx = sel.union(byIds(r.context ?? []));
      if (ctx.nonempty() && !inView(cy, ctx)) fitTo(cy, ctx.length > 1 ? ctx : ctx.closedNeighborhood());
      return;
    }
  }
}
