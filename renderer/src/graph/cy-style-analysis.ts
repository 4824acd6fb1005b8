// Canvas rules for the Analyse menu, appended to CY_STYLE: nodes sized by a metric,
// coloured by community, hidden by filters, and a highlighted path over faded others.
// Sizes and colours travel in `data` (anSize, anColour) set by the canvas binder.
import type { StylesheetStyle } from 'cytoscape';

export const PATH_COLOUR = '#f59e0b';

export const ANALYSIS_STYLES: StylesheetStyle[] = [
  { selector: 'node.an-sized', style: { width: 'data(anSize)', height: 'data(anSize)' } },
  {
    selector: 'node.an-coloured',
    style: { 'background-color': 'data(anColour)', 'border-color': 'data(anColour)', 'border-width': 3, 'border-opacity': 0.45 },
  },
  { selector: '.an-hidden', style: { display: 'none' } },
  { selector: '.an-faded', style: { opacity: 0.25, 'text-opacity': 0.4 } },
  {
    selector: 'node.an-path',
    style: { 'underlay-color': PATH_COLOUR, 'underlay-opacity': 0.45, 'underlay-padding': 9, 'underlay-shape': 'ellipse', 'font-weight': 'bold', 'z-index': 20 } as never,
  },
  {
    selector: 'edge.an-path',
    style: { 'line-color': PATH_COLOUR, width: 5, opacity: 1, label: 'data(label)', 'z-index': 19 },
  },
  { selector: 'edge[kind = "travelled_with"]', style: { 'line-color': '#0e7490', width: 3, 'line-style': 'solid' } },
];
