// Brushing and hovering the timeline on the canvas: elements without an event in the
// brushed period fade (or hide); nodes with events in the bar under the pointer light up.
import type { Core } from 'cytoscape';
import { boardStore } from '../../graph/graph-store';
import { timelineStore, type TimelineView } from '../../state/timeline-store';
import { onCy } from '../canvas/cy-registry';
import { inPeriod } from './timeline-bins';

/** The board node ids that stay lit for a brush, or null when nothing is brushed. */
export function litNodes(t: TimelineView): Set<number> | null {
  if (!t.visible || !t.brush) return null;
  const { nodes, links } = inPeriod(t.items, t.brush);
  // The two ends of a board link dated in the period stay lit too.
  for (const l of boardStore.get().graph.links.values()) {
    if (links.has(l.ref.id)) {
      nodes.add(l.ref.source);
      nodes.add(l.ref.target);
    }
  }
  return nodes;
}

export function applyTimeline(cy: Core, t: TimelineView): void {
  const lit = litNodes(t);
  const hover = new Set(t.visible ? t.hover : []);
  cy.batch(() => {
    cy.elements().removeClass('tl-faded tl-hidden tl-highlight');
    if (lit) {
      const cls = t.outside === 'hide' ? 'tl-hidden' : 'tl-faded';
      const out = cy.nodes('[nodeId]').filter((n) => !lit.has(n.data('nodeId') as number));
      out.addClass(cls);
      out.connectedEdges().addClass(cls);
    }
    if (hover.size) cy.nodes('[nodeId]').filter((n) => hover.has(n.data('nodeId') as number)).addClass('tl-highlight');
  });
}

/** Keeps the canvas in step with the timeline; call once. */
export function bindTimelineCanvas(): () => void {
  let cy: Core | null = null;
  const sync = () => { if (cy && !cy.destroyed()) applyTimeline(cy, timelineStore.get()); };
  const offCy = onCy((c) => { cy = c; sync(); });
  const offT = timelineStore.subscribe((n, p) => {
    if (n.brush !== p.brush || n.hover !== p.hover || n.outside !== p.outside || n.items !== p.items || n.visible !== p.visible) sync();
  });
  // New elements on the board are brushed like the others.
  const offB = boardStore.subscribe((n, p) => { if (n.graph.nodes !== p.graph.nodes || n.graph.links !== p.graph.links) queueMicrotask(sync); });
  return () => { offCy(); offT(); offB(); };
}
