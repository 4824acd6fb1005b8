// Carries out canvas requests (fit, re-layout, focus) on the live Cytoscape instance.
import type { Collection, Core, NodeSingular } from 'cytoscape';
import { recordPositions } from '../../graph/graph-store';
import { cyNodeId } from '../../graph/state';
import type { CanvasRequest } from '../../state/canvas-bus';
import { toastError } from '../../state/toasts';
import { setBusy } from '../../state/ui-store';
import { runLayout } from './run-layout';

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

async function relayout(cy: Core): Promise<void> {
  const nodes = cy.nodes();
  if (nodes.empty()) return;
  setBusy(`Laying out ${nodes.length} nodes…`);
  try {
    const positions = new Map(
      await runLayout({
        nodes: nodes.map((n) => ({ id: n.data('nodeId'), ...n.position(), size: n.data('size') })),
        links: cy.edges().map((e) => ({ source: e.source().data('nodeId'), target: e.target().data('nodeId') })),
      }),
    );
    if (cy.destroyed()) return;
    const target = cy.nodes().filter((n) => positions.has(n.data('nodeId')));
    const layout = target.layout({
      name: 'preset',
      positions: (n: NodeSingular) => positions.get(n.data('nodeId'))!,
      animate: true,
      animationDuration: 350,
      fit: false,
    } as never);
    layout.one('layoutstop', () => {
      recordPositions(positions);
      fitTo(cy, cy.elements());
    });
    layout.run();
  } catch (e) {
    toastError('Could not lay out the canvas', e);
  } finally {
    setBusy(null);
  }
}

export function handleRequest(cy: Core, r: CanvasRequest): void {
  switch (r.type) {
    case 'fit':
      fitTo(cy, cy.elements());
      return;
    case 'relayout':
      void relayout(cy);
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
