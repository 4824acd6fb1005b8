import { describe, expect, it } from 'vitest';
import { evidenceBoardState } from '../../../renderer/src/graph/evidence-board';
import { fromBoardState } from '../../../renderer/src/graph/marks-format';
import { link, node } from './fixtures';

const dist = (p: { x: number; y: number }) => Math.hypot(p.x, p.y);

describe('a lead on a board of its own', () => {
  const slice = { nodes: [node(1), node(2), node(3), node(4), node(5)], links: [link(10, 1, 2), link(11, 2, 3), link(12, 3, 99)] };

  it('puts every evidence node on the board, the lead’s entities nearest the centre', () => {
    const s = evidenceBoardState(slice, [3, 4]);
    expect(s.type).toBe('crosslink-board');
    expect(s.nodes.map((n) => n.ref.id).slice(0, 2)).toEqual([3, 4]);
    expect(s.nodes).toHaveLength(5);
    const inner = Math.max(...s.nodes.slice(0, 2).map((n) => dist(n.pos)));
    const outer = Math.min(...s.nodes.slice(2).map((n) => dist(n.pos)));
    expect(inner).toBeLessThan(outer);
    // No two nodes on the same spot.
    expect(new Set(s.nodes.map((n) => `${n.pos.x},${n.pos.y}`)).size).toBe(5);
  });

  it('keeps only links between nodes on the board, and reads back as a graph', () => {
    const s = evidenceBoardState(slice, [1]);
    expect(s.links.map((l) => l.id)).toEqual([10, 11]);
    expect(s.nodes[0].pos).toEqual({ x: 0, y: 0 });
    const g = fromBoardState(s);
    expect(g.nodes.size).toBe(5);
    expect(g.links.size).toBe(2);
  });

  it('handles an empty slice', () => {
    expect(evidenceBoardState({ nodes: [], links: [] }).nodes).toEqual([]);
  });
});
