// What a layout takes and gives: plain data, so it runs in a Web Worker or in Node.
import type { Pos } from '../types';

export type LayoutName = 'force' | 'concentric' | 'hierarchical' | 'grid' | 'time';

export interface LayoutNode {
  id: number;
  x: number;
  y: number;
  size: number;
  /** The node kind: the time-ordered layout gives each kind its own band. */
  kind?: string;
  /** Pinned: every layout leaves it where it is. */
  fixed?: boolean;
}

export interface LayoutLink {
  source: number;
  target: number;
  /** ISO date or date-time of a dated link (a crossing, say); the time-ordered layout reads it. */
  at?: string | null;
}

export interface LayoutInput {
  nodes: LayoutNode[];
  links: LayoutLink[];
  /** Which layout; force-directed when absent. */
  layout?: LayoutName;
  /** Where the hierarchical layout starts (the selection); the best-linked node of each part when absent. */
  roots?: number[];
}

export type LayoutOutput = Array<[number, Pos]>;

/** The board as adjacency lists over node indexes; links to nodes not on the board are dropped. */
export interface Adjacency {
  index: Map<number, number>;
  neighbours: number[][];
}

export function adjacency(input: LayoutInput): Adjacency {
  const index = new Map(input.nodes.map((n, i) => [n.id, i]));
  const neighbours: number[][] = input.nodes.map(() => []);
  for (const l of input.links) {
    const a = index.get(l.source);
    const b = index.get(l.target);
    if (a === undefined || b === undefined || a === b) continue;
    neighbours[a].push(b);
    neighbours[b].push(a);
  }
  return { index, neighbours };
}

/** Room one node needs on the board: its shape plus a margin for the label under it. */
export function cellOf(nodes: LayoutNode[]): { w: number; h: number } {
  const size = nodes.reduce((m, n) => Math.max(m, n.size), 30);
  return { w: size + 70, h: size + 40 };
}
