// Wires the board's marks and the timeline to the live canvas: groups as compound nodes,
// brushing and highlighting. GraphCanvas draws nodes and links; this runs after it.
import { boardStore } from '../../graph/graph-store';
import { onCy } from '../canvas/cy-registry';
import { bindTimelineCanvas } from '../timeline/timeline-canvas';
import { followBoard } from '../timeline/timeline-data';
import { syncGroups } from './cy-groups';
import { syncMarks } from './cy-marks';

let installed = false;

export function installBoardCanvas(): void {
  if (installed) return;
  installed = true;
  let off: (() => void) | null = null;
  // GraphCanvas subscribes to the board before it publishes `cy`, so this sync runs
  // after it has added or removed the nodes of a change.
  onCy((cy) => {
    off?.();
    off = null;
    if (!cy) return;
    syncGroups(cy, boardStore.get().graph);
    off = boardStore.subscribe((n, p) => {
      if (cy.destroyed()) return;
      syncMarks(cy, p.graph, n.graph);
      if (n.graph.nodes !== p.graph.nodes || n.graph.groups !== p.graph.groups) syncGroups(cy, n.graph);
    });
  });
  bindTimelineCanvas();
  followBoard();
}
