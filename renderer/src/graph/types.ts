// The board as plain data: what is on the canvas, where, and the commands that change it.
// Nothing here knows about Cytoscape or React, so it is tested in Node.
import type { BoardGroup, ElementMarks } from '../../../shared/contract';
import type { LinkRef, NodeRef } from '../../../shared/model';

export interface Pos {
  x: number;
  y: number;
}

/** The analyst's marks on a node: note, pin, colour, size, group. */
export type NodeMarks = ElementMarks;
/** On a link only a note and a colour make sense. */
export type LinkMarks = Pick<ElementMarks, 'note' | 'colour'>;
export type Group = BoardGroup;

export interface CanvasNode {
  ref: NodeRef;
  pos: Pos;
  marks?: NodeMarks;
}

export interface CanvasLink {
  ref: LinkRef;
  marks?: LinkMarks;
}

/** Immutable: every change makes a new state, so a diff is a reference comparison. */
export interface GraphState {
  nodes: ReadonlyMap<number, CanvasNode>;
  links: ReadonlyMap<number, CanvasLink>;
  /** Named groups of nodes (a node says which group it is in through `marks.group`). */
  groups?: ReadonlyMap<string, Group>;
}

export interface Slice {
  nodes: CanvasNode[];
  links: CanvasLink[];
  groups?: Group[];
}

/**
 * An undoable change: remove `remove`, add `add`, then replace in place what `update.after`
 * holds (moves, marks, a group collapsed). Its inverse swaps add/remove and before/after.
 */
export interface Command {
  label: string;
  add: Slice;
  remove: Slice;
  update?: { before: Slice; after: Slice };
}

export interface History {
  past: Command[];
  future: Command[];
}
