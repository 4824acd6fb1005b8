// Undoable commands that change board elements in place: moves, pins, notes, colours,
// sizes and groups. Each records the elements before and after, so undo puts them back.
import type { CanvasLink, CanvasNode, Command, GraphState, Group, LinkMarks, NodeMarks, Pos } from './types';
import { groupsOf } from './state';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const EMPTY = { nodes: [], links: [] };

/** Drops keys whose value is undefined, false or '' so a saved board stays small. */
export function cleanMarks<M extends NodeMarks>(m: M): M | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m)) if (v !== undefined && v !== false && v !== '' && !(k === 'scale' && v === 1)) out[k] = v;
  return Object.keys(out).length ? (out as M) : undefined;
}

function withNodeMarks(n: CanvasNode, patch: Partial<NodeMarks>): CanvasNode {
  const marks = cleanMarks({ ...n.marks, ...patch });
  const { marks: _old, ...rest } = n;
  return marks ? { ...rest, marks } : rest;
}

function withLinkMarks(l: CanvasLink, patch: Partial<LinkMarks>): CanvasLink {
  const marks = cleanMarks({ ...l.marks, ...patch });
  const { marks: _old, ...rest } = l;
  return marks ? { ...rest, marks } : rest;
}

const sameMarks = (a: object | undefined, b: object | undefined): boolean => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/** Changes the marks of board nodes; null when nothing would change. */
export function nodeMarksCommand(state: GraphState, ids: Iterable<number>, patch: Partial<NodeMarks>, label: string): Command | null {
  const before: CanvasNode[] = [];
  const after: CanvasNode[] = [];
  for (const id of new Set(ids)) {
    const n = state.nodes.get(id);
    if (!n) continue;
    const next = withNodeMarks(n, patch);
    if (sameMarks(n.marks, next.marks)) continue;
    before.push(n);
    after.push(next);
  }
  if (!after.length) return null;
  return { label, add: EMPTY, remove: EMPTY, update: { before: { nodes: before, links: [] }, after: { nodes: after, links: [] } } };
}

/** Moves nodes (a drag or a layout). Pinned nodes stay where they are. */
export function moveCommand(state: GraphState, moved: ReadonlyMap<number, Pos>, label?: string): Command | null {
  const before: CanvasNode[] = [];
  const after: CanvasNode[] = [];
  for (const [id, pos] of moved) {
    const n = state.nodes.get(id);
    if (!n || n.marks?.pinned || (n.pos.x === pos.x && n.pos.y === pos.y)) continue;
    before.push(n);
    after.push({ ...n, pos: { x: pos.x, y: pos.y } });
  }
  if (!after.length) return null;
  const what = after.length === 1 ? `“${after[0].ref.label}”` : plural(after.length, 'node');
  return { label: label ?? `Move ${what}`, add: EMPTY, remove: EMPTY, update: { before: { nodes: before, links: [] }, after: { nodes: after, links: [] } } };
}

/** Pins the nodes, or unpins them when all are pinned already. */
export function togglePinCommand(state: GraphState, ids: number[]): Command | null {
  const nodes = ids.map((id) => state.nodes.get(id)).filter((n): n is CanvasNode => !!n);
  if (!nodes.length) return null;
  const pin = !nodes.every((n) => n.marks?.pinned);
  const what = nodes.length === 1 ? `“${nodes[0].ref.label}”` : plural(nodes.length, 'node');
  return nodeMarksCommand(state, ids, { pinned: pin }, `${pin ? 'Pin' : 'Unpin'} ${what}`);
}

export type Target = { type: 'node' | 'link'; id: number };

/** Sets (or with '' removes) the note on a node or a link. */
export function noteCommand(state: GraphState, target: Target, note: string): Command | null {
  const text = note.trim() || undefined;
  if (target.type === 'node') {
    const n = state.nodes.get(target.id);
    if (!n) return null;
    return nodeMarksCommand(state, [target.id], { note: text }, `${text ? 'Note on' : 'Remove note from'} “${n.ref.label}”`);
  }
  const l = state.links.get(target.id);
  if (!l) return null;
  const next = withLinkMarks(l, { note: text });
  if (sameMarks(l.marks, next.marks)) return null;
  return {
    label: `${text ? 'Note on' : 'Remove note from'} link`,
    add: EMPTY,
    remove: EMPTY,
    update: { before: { nodes: [], links: [l] }, after: { nodes: [], links: [next] } },
  };
}

/** Colour (undefined: the kind's own) and size factor of nodes. */
export function styleCommand(state: GraphState, ids: number[], style: { colour?: string; scale?: number }): Command | null {
  return nodeMarksCommand(state, ids, { colour: style.colour, scale: style.scale }, `Style ${plural(ids.length, 'node')}`);
}

/** Members of each group, in board order. */
export function groupMembers(state: GraphState): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const groups = groupsOf(state);
  for (const n of state.nodes.values()) {
    const g = n.marks?.group;
    if (!g || !groups.has(g)) continue;
    const list = out.get(g);
    if (list) list.push(n.ref.id);
    else out.set(g, [n.ref.id]);
  }
  return out;
}

/** A group id not used on the board yet. */
export function newGroupId(state: GraphState): string {
  const used = groupsOf(state);
  let i = used.size + 1;
  while (used.has(`g${i}`)) i++;
  return `g${i}`;
}

/** Puts nodes in a new group; groups left empty by the move are removed. */
export function groupCommand(state: GraphState, ids: number[], label: string, id = newGroupId(state), colour?: string): Command | null {
  const members = ids.filter((x) => state.nodes.has(x));
  if (members.length < 1) return null;
  const group: Group = { id, label: label.trim() || `Group ${id.replace(/^g/, '')}`, collapsed: false, ...(colour ? { colour } : {}) };
  const marks = nodeMarksCommand(state, members, { group: id }, `Group ${plural(members.length, 'node')} as “${group.label}”`)!;
  const taken = new Set(members);
  const emptied = [...groupMembers(state)].filter(([, m]) => m.every((x) => taken.has(x))).map(([g]) => groupsOf(state).get(g)!);
  return { ...marks, add: { nodes: [], links: [], groups: [group] }, remove: { nodes: [], links: [], groups: emptied } };
}

/** Dissolves groups: members stay where they are, outside any group. */
export function ungroupCommand(state: GraphState, groupIds: string[]): Command | null {
  const groups = groupIds.map((g) => groupsOf(state).get(g)).filter((g): g is Group => !!g);
  if (!groups.length) return null;
  const ids = new Set(groups.map((g) => g.id));
  const members = [...state.nodes.values()].filter((n) => n.marks?.group && ids.has(n.marks.group)).map((n) => n.ref.id);
  const label = groups.length === 1 ? `Ungroup “${groups[0].label}”` : `Ungroup ${plural(groups.length, 'group')}`;
  const marks = nodeMarksCommand(state, members, { group: undefined }, label);
  return {
    label,
    add: EMPTY,
    remove: { nodes: [], links: [], groups },
    update: marks?.update,
  };
}

/** Collapses (or expands) groups: a collapsed group is one node showing its size. */
export function collapseCommand(state: GraphState, groupIds: string[], collapsed?: boolean): Command | null {
  const before = groupIds.map((g) => groupsOf(state).get(g)).filter((g): g is Group => !!g);
  if (!before.length) return null;
  const to = collapsed ?? !before.every((g) => g.collapsed);
  const changed = before.filter((g) => g.collapsed !== to);
  if (!changed.length) return null;
  const what = changed.length === 1 ? `“${changed[0].label}”` : plural(changed.length, 'group');
  return {
    label: `${to ? 'Collapse' : 'Expand'} ${what}`,
    add: EMPTY,
    remove: EMPTY,
    update: { before: { nodes: [], links: [], groups: changed }, after: { nodes: [], links: [], groups: changed.map((g) => ({ ...g, collapsed: to })) } },
  };
}

/** Renames a group. */
export function renameGroupCommand(state: GraphState, groupId: string, label: string): Command | null {
  const g = groupsOf(state).get(groupId);
  const name = label.trim();
  if (!g || !name || name === g.label) return null;
  return {
    label: `Rename group “${g.label}”`,
    add: EMPTY,
    remove: EMPTY,
    update: { before: { nodes: [], links: [], groups: [g] }, after: { nodes: [], links: [], groups: [{ ...g, label: name }] } },
  };
}

/** The groups the given nodes are in. */
export function groupsOfNodes(state: GraphState, ids: number[]): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    const g = state.nodes.get(id)?.marks?.group;
    if (g && groupsOf(state).has(g)) out.add(g);
  }
  return [...out];
}
