// The board file format (`crosslink-board`, version 2) to and from the board state.
import type { BoardState } from '../../../shared/contract';
import type { CanvasLink, CanvasNode, GraphState, Group } from './types';

export const BOARD_FORMAT = { type: 'crosslink-board', version: 2 } as const;
export type Viewport = NonNullable<BoardState['viewport']>;

const round = (v: number): number => Math.round(v * 10) / 10;

export function toBoardState(g: GraphState, viewport?: Viewport): BoardState {
  const s: BoardState = {
    ...BOARD_FORMAT,
    nodes: [...g.nodes.values()].map((n) => ({ ref: n.ref, pos: { x: round(n.pos.x), y: round(n.pos.y) }, ...(n.marks ? { marks: n.marks } : {}) })),
    links: [...g.links.values()].map((l) => (l.marks ? { ...l.ref, marks: l.marks } : l.ref)),
  };
  if (g.groups?.size) s.groups = [...g.groups.values()];
  if (viewport) s.viewport = viewport;
  return s;
}

/** Version 1 boards (no marks) read the same; links whose ends are missing are dropped. */
export function fromBoardState(s: BoardState): GraphState {
  const nodes = new Map<number, CanvasNode>(
    s.nodes.map((n) => [n.ref.id, n.marks && Object.keys(n.marks).length ? { ref: n.ref, pos: n.pos, marks: n.marks } : { ref: n.ref, pos: n.pos }]),
  );
  const links = new Map<number, CanvasLink>();
  for (const l of s.links) {
    if (!nodes.has(l.source) || !nodes.has(l.target)) continue;
    const { marks, ...ref } = l;
    links.set(l.id, marks && Object.keys(marks).length ? { ref, marks } : { ref });
  }
  const out: GraphState = { nodes, links };
  if (s.groups?.length) out.groups = new Map<string, Group>(s.groups.map((g) => [g.id, g]));
  return out;
}
