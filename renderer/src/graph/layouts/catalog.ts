// The layouts an analyst can pick, for menus. Cheap to import: no layout code here.
import type { LayoutName } from './types';

export const DEFAULT_LAYOUT: LayoutName = 'force';

export const LAYOUTS: ReadonlyArray<{ name: LayoutName; label: string; hint: string }> = [
  { name: 'force', label: 'Force-directed', hint: 'Linked nodes close together, clusters apart' },
  { name: 'concentric', label: 'Concentric', hint: 'Rings by number of links, busiest at the centre' },
  { name: 'hierarchical', label: 'Hierarchical', hint: 'A tree from the selected nodes (or the busiest one)' },
  { name: 'grid', label: 'Grid', hint: 'Rows and columns, grouped by kind' },
  { name: 'time', label: 'Time-ordered', hint: 'Left to right by the earliest dated link; undated at the left' },
];

export function isLayoutName(s: unknown): s is LayoutName {
  return LAYOUTS.some((l) => l.name === s);
}
