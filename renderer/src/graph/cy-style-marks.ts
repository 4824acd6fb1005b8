// Styles for the analyst's marks (pins, notes, groups) and for timeline brushing. Appended
// after CY_STYLE, so these win over the defaults.
import type { StylesheetStyle } from 'cytoscape';

export const MARK_STYLES: StylesheetStyle[] = [
  // The icon of a marked node carries its badges and is drawn over the whole node.
  { selector: 'node[?badged]', style: { 'background-width': '100%', 'background-height': '100%' } },
  { selector: 'node[?pinned]', style: { 'border-style': 'double', 'border-width': 'mapData(ringWidth, 0, 10, 3, 10)' as never } },
  { selector: 'edge.has-note', style: { label: 'data(noteLabel)', 'font-size': 10, color: '#92400e', 'text-background-color': '#fffbeb', 'text-background-opacity': 0.95 } },
  {
    selector: 'node.board-group',
    style: {
      shape: 'round-rectangle',
      'background-color': 'data(colour)',
      'background-opacity': 0.07,
      'background-image': 'none',
      'border-color': 'data(colour)',
      'border-width': 1.5,
      'border-style': 'dashed',
      'border-opacity': 0.9,
      padding: '22px' as never,
      label: 'data(label)',
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': -4,
      'font-weight': 'bold',
      'font-size': 12,
      color: 'data(colour)',
      'text-background-opacity': 0.9,
      'compound-sizing-wrt-labels': 'exclude',
      'z-compound-depth': 'bottom',
    },
  },
  {
    selector: 'node.board-group.collapsed',
    style: {
      width: 64,
      height: 64,
      'background-opacity': 0.92,
      'border-style': 'solid',
      'border-width': 3,
      'border-color': '#ffffff',
      'text-valign': 'bottom',
      'text-margin-y': 6,
      color: '#0f172a',
      'background-image': 'data(icon)',
      'background-width': '62%',
      'background-height': '62%',
    },
  },
  { selector: 'node.board-group:selected', style: { 'border-width': 3, 'overlay-opacity': 0 } },
  { selector: 'node.in-collapsed', style: { display: 'none' } },
  // Timeline brushing: elements outside the brushed period fade (or hide), events highlight.
  { selector: '.tl-faded', style: { opacity: 0.12, 'text-opacity': 0.15 } },
  { selector: '.tl-hidden', style: { display: 'none' } },
  { selector: 'node.tl-highlight', style: { 'underlay-color': '#f59e0b', 'underlay-opacity': 0.45, 'underlay-padding': 9, 'underlay-shape': 'ellipse' } as never },
  { selector: 'edge.tl-highlight', style: { 'line-color': '#f59e0b', width: 3, opacity: 1 } },
];
