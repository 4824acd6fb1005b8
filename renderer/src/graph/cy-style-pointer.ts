// How withheld content looks on the canvas: a pointer is a grey padlock with a dashed edge
// (it stands for something, it is not the thing); a partly withheld node keeps its own look
// with a dashed grey ring outside its handling ring. Applied after the base style and
// before the analyst's marks, so a pin still shows on a pointer.
import type { StylesheetStyle } from 'cytoscape';

const GREY = '#4b5563';

export const POINTER_STYLES: StylesheetStyle[] = [
  {
    selector: 'node[kind = "pointer"]',
    style: {
      'border-style': 'dashed',
      'border-color': GREY,
      'border-width': 2.5,
      'text-wrap': 'wrap',
      'text-max-width': '150px',
      color: '#374151',
      'font-style': 'italic',
    },
  },
  {
    selector: 'node[?partial]',
    style: { 'outline-width': 2, 'outline-style': 'dashed', 'outline-color': GREY, 'outline-offset': 3, 'outline-opacity': 0.9 },
  },
  { selector: 'edge[kind = "withheld"]', style: { 'line-dash-pattern': [5, 4], width: 1.4 } },
];
