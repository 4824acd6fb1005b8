// Canvas rules for review sessions, appended to CY_STYLE: an element another participant has
// selected carries a halo in their colour (session/remote-selection.ts sets the class).
import type { StylesheetStyle } from 'cytoscape';

export const SESSION_STYLES: StylesheetStyle[] = [
  {
    selector: 'node.remote-sel',
    style: { 'underlay-color': 'data(remoteColour)', 'underlay-opacity': 0.55, 'underlay-padding': 9, 'underlay-shape': 'ellipse' } as never,
  },
  {
    selector: 'edge.remote-sel',
    style: { 'underlay-color': 'data(remoteColour)', 'underlay-opacity': 0.5, 'underlay-padding': 6 } as never,
  },
];
