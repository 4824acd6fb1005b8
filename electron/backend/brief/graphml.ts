// graph.graphml: the board for Gephi and Cytoscape desktop. Plain GraphML (no yEd or Gephi
// extensions) with declared keys, so both read labels, kinds and the board's positions.
import type { BoardState } from '../../../shared/contract';
import { esc } from './escape';
import { entityName } from './words';

const KEYS: Array<[id: string, target: 'node' | 'edge', name: string, type: 'string' | 'double']> = [
  ['label', 'node', 'label', 'string'],
  ['kind', 'node', 'kind', 'string'],
  ['handling', 'node', 'handling', 'string'],
  ['source_id', 'node', 'source_id', 'string'],
  ['x', 'node', 'x', 'double'],
  ['y', 'node', 'y', 'double'],
  ['e_kind', 'edge', 'kind', 'string'],
  ['e_label', 'edge', 'label', 'string'],
  ['e_at', 'edge', 'at', 'string'],
  ['e_handling', 'edge', 'handling', 'string'],
];

const data = (key: string, value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? '' : `<data key="${key}">${esc(value)}</data>`;

export function boardGraphml(board: BoardState): string {
  const ids = new Set(board.nodes.map((nd) => nd.ref.id));
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...KEYS.map(([id, target, name, type]) => `  <key id="${id}" for="${target}" attr.name="${name}" attr.type="${type}"/>`),
    '  <graph id="board" edgedefault="directed">',
  ];
  for (const { ref, pos } of board.nodes) {
    out.push(
      `    <node id="n${ref.id}">${data('label', entityName(ref))}${data('kind', ref.kind)}${data('handling', ref.handling)}${data('source_id', ref.sourceId)}${data('x', Math.round(pos.x * 100) / 100)}${data('y', Math.round(pos.y * 100) / 100)}</node>`,
    );
  }
  // A link to a node not on the board would make the file invalid: it is left out.
  for (const l of board.links) {
    if (!ids.has(l.source) || !ids.has(l.target)) continue;
    out.push(`    <edge id="e${l.id}" source="n${l.source}" target="n${l.target}">${data('e_kind', l.kind)}${data('e_label', l.label)}${data('e_at', l.at)}${data('e_handling', l.handling)}</edge>`);
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
