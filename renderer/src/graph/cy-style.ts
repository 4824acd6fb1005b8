// The Cytoscape stylesheet: icon on a kind-coloured shape, handling as the border ring,
// labels under nodes on a light text background.
import type { StylesheetStyle } from 'cytoscape';
import { ANALYSIS_STYLES } from './cy-style-analysis';
import { MARK_STYLES } from './cy-style-marks';
import { POINTER_STYLES } from './cy-style-pointer';
import { SESSION_STYLES } from './cy-style-session';

const BASE_STYLE: StylesheetStyle[] = [
  {
    selector: 'node',
    style: {
      shape: 'data(shape)' as never,
      width: 'data(size)',
      height: 'data(size)',
      'background-color': 'data(colour)',
      'background-image': 'data(icon)',
      'background-width': '58%',
      'background-height': '58%',
      'background-clip': 'none',
      'border-color': 'data(ring)',
      'border-width': 'data(ringWidth)',
      'border-opacity': 1,
      label: 'data(label)',
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      'font-size': 11,
      color: '#0f172a',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 5,
      'text-wrap': 'ellipsis',
      'text-max-width': '150px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      'text-background-shape': 'roundrectangle',
      'min-zoomed-font-size': 7,
    },
  },
  {
    selector: 'node:selected',
    style: {
      'overlay-color': '#2563eb',
      'overlay-opacity': 0.18,
      'overlay-padding': 7,
      'font-weight': 'bold',
      'z-index': 10,
    },
  },
  {
    selector: 'node.expanding',
    style: { 'overlay-color': '#f59e0b', 'overlay-opacity': 0.25, 'overlay-padding': 10 },
  },
  {
    selector: 'edge',
    style: {
      width: 1.6,
      'line-color': 'data(colour)',
      'line-style': 'data(lineStyle)' as never,
      'curve-style': 'bezier',
      'target-arrow-shape': 'none',
      opacity: 0.85,
      'font-size': 10,
      color: '#334155',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '1px',
      'text-rotation': 'autorotate',
    },
  },
  {
    selector: 'edge:selected, edge.hover',
    style: { label: 'data(label)', width: 3, 'line-color': '#2563eb', opacity: 1, 'z-index': 9 },
  },
];

/** The base look, then withheld content, then the analyst's marks (notes, pins, groups),
 * then analysis overlays (metric sizes, filters, the highlighted path), which win where they overlap. */
export const CY_STYLE: StylesheetStyle[] = [...BASE_STYLE, ...POINTER_STYLES, ...MARK_STYLES, ...ANALYSIS_STYLES, ...SESSION_STYLES];
