// The board as plain data: what is on the canvas, where, and the commands that change it.
// Nothing here knows about Cytoscape or React, so it is tested in Node.
import type { LinkRef, NodeRef } from '../../../shared/model';

export interface Pos {
  x: number;
  y: number;
}

export interface CanvasNode {
  ref: NodeRef;
  pos: Pos;
}

export interface CanvasLink {
  ref: LinkRef;
}

/** Immutable: every change makes a new state, so a diff is a reference comparison. */
export interface GraphState {
  nodes: ReadonlyMap<number, CanvasNode>;
  links: ReadonlyMap<number, CanvasLink>;
}

export interface Slice {
  nodes: CanvasNode[];
  links: CanvasLink[];
}

/** An undoable change: remove `remove`, then add `add`. Its inverse swaps the two. */
export interface Command {
  label: string;
  add: Slice;
  remove: Slice;
}

export interface History {
  past: Command[];
  future: Command[];
}
