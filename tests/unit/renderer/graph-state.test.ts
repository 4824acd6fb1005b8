import { describe, expect, it } from 'vitest';
import { EMPTY_GRAPH, centroid, incidentLinks, parseCyId, withAdded, withPositions, withRemoved } from '../../../renderer/src/graph/state';
import { link, node } from './fixtures';

const n = (id: number, x = 0, y = 0) => ({ ref: node(id), pos: { x, y } });
const l = (id: number, s: number, t: number) => ({ ref: link(id, s, t) });

describe('board state', () => {
  it('adds nodes and only the links whose two ends are present', () => {
    const g = withAdded(EMPTY_GRAPH, { nodes: [n(1), n(2)], links: [l(10, 1, 2), l(11, 1, 3)] });
    expect([...g.nodes.keys()]).toEqual([1, 2]);
    expect([...g.links.keys()]).toEqual([10]);
  });

  it('removing a node removes its links, never leaving one dangling', () => {
    const g = withAdded(EMPTY_GRAPH, { nodes: [n(1), n(2), n(3)], links: [l(10, 1, 2), l(11, 2, 3)] });
    const h = withRemoved(g, { nodes: [n(2)], links: [] });
    expect([...h.nodes.keys()]).toEqual([1, 3]);
    expect(h.links.size).toBe(0);
    expect(g.nodes.size).toBe(3); // the old state is untouched
  });

  it('returns the same state object when nothing changes', () => {
    expect(withAdded(EMPTY_GRAPH, { nodes: [], links: [] })).toBe(EMPTY_GRAPH);
    expect(withRemoved(EMPTY_GRAPH, { nodes: [], links: [] })).toBe(EMPTY_GRAPH);
    const g = withAdded(EMPTY_GRAPH, { nodes: [n(1, 5, 5)], links: [] });
    expect(withPositions(g, new Map([[1, { x: 5, y: 5 }], [99, { x: 1, y: 1 }]]))).toBe(g);
  });

  it('records moved positions as new node objects', () => {
    const g = withAdded(EMPTY_GRAPH, { nodes: [n(1), n(2)], links: [] });
    const h = withPositions(g, new Map([[1, { x: 10, y: 20 }]]));
    expect(h.nodes.get(1)!.pos).toEqual({ x: 10, y: 20 });
    expect(h.nodes.get(2)).toBe(g.nodes.get(2));
    expect(h.links).toBe(g.links);
  });

  it('finds incident links and the centroid', () => {
    const g = withAdded(EMPTY_GRAPH, { nodes: [n(1), n(2), n(3)], links: [l(10, 1, 2), l(11, 2, 3)] });
    expect(incidentLinks(g, [1]).map((x) => x.ref.id)).toEqual([10]);
    expect(centroid([{ x: 0, y: 0 }, { x: 10, y: 20 }])).toEqual({ x: 5, y: 10 });
    expect(centroid([])).toEqual({ x: 0, y: 0 });
  });

  it('parses Cytoscape ids', () => {
    expect(parseCyId('n12')).toEqual({ type: 'node', id: 12 });
    expect(parseCyId('l7')).toEqual({ type: 'link', id: 7 });
    expect(parseCyId('x1')).toBeNull();
    expect(parseCyId('n')).toBeNull();
  });
});
