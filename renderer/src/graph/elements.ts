// Board state -> Cytoscape element definitions. Everything visual is carried in `data`
// so the stylesheet maps it without per-kind selectors.
import { LINK_KIND_LABEL, type LinkKind } from '../../../shared/model';
import { HANDLING_LOOK } from '../icons/handling';
import { KIND_LOOK, glyphUri } from '../icons/kinds';
import { truncate } from './format';
import { GROUP_COLOURS, GROUP_ICON_URI, markedIconUri } from './marks-look';
import { cyLinkId, cyNodeId } from './state';
import type { CanvasLink, CanvasNode, Group } from './types';

/** Relations an agency reported between records, as opposed to facts read from one row. */
export const REPORTED_LINKS: ReadonlySet<LinkKind> = new Set<LinkKind>([
  'family', 'associate', 'employer', 'cohabitant', 'phone_contact', 'registered_owner',
]);

export interface NodeData {
  id: string;
  nodeId: number;
  label: string;
  fullLabel: string;
  kind: string;
  handling: string;
  colour: string;
  icon: string;
  shape: string;
  size: number;
  ring: string;
  ringWidth: number;
  /** The analyst's note ('' when none), shown as a badge and a tooltip. */
  note: string;
  pinned: boolean;
  /** The icon carries pin/note badges and fills the node (see MARK_STYLES `node.badged`). */
  badged: boolean;
}

export interface LinkData {
  id: string;
  linkId: number;
  source: string;
  target: string;
  kind: string;
  label: string;
  handling: string;
  colour: string;
  lineStyle: 'solid' | 'dashed';
  note: string;
  /** What a link with a note shows at all times: the note, shortened. */
  noteLabel: string;
}

export function nodeData(n: CanvasNode): NodeData {
  const look = KIND_LOOK[n.ref.kind];
  const ring = HANDLING_LOOK[n.ref.handling];
  const m = n.marks ?? {};
  const badged = !!(m.pinned || m.note);
  return {
    id: cyNodeId(n.ref.id),
    nodeId: n.ref.id,
    label: truncate(n.ref.label || n.ref.sourceId || `#${n.ref.id}`, 26),
    fullLabel: n.ref.label,
    kind: n.ref.kind,
    handling: n.ref.handling,
    colour: m.colour ?? look.colour,
    icon: badged ? markedIconUri(n.ref.kind, !!m.pinned, !!m.note) : glyphUri(n.ref.kind),
    shape: look.shape,
    size: Math.round(look.size * (m.scale ?? 1)),
    ring: ring.ring,
    ringWidth: ring.width,
    note: m.note ?? '',
    pinned: !!m.pinned,
    badged,
  };
}

export function linkData(l: CanvasLink): LinkData {
  const restricted = l.ref.handling !== 'SHARED';
  return {
    id: cyLinkId(l.ref.id),
    linkId: l.ref.id,
    source: cyNodeId(l.ref.source),
    target: cyNodeId(l.ref.target),
    kind: l.ref.kind,
    label: LINK_KIND_LABEL[l.ref.kind] ?? l.ref.kind,
    handling: l.ref.handling,
    colour: l.marks?.colour ?? (restricted ? HANDLING_LOOK[l.ref.handling].ring : '#94a3b8'),
    lineStyle: REPORTED_LINKS.has(l.ref.kind) || l.ref.kind === 'possibly_same' ? 'dashed' : 'solid',
    note: l.marks?.note ?? '',
    noteLabel: l.marks?.note ? `✎ ${truncate(l.marks.note, 40)}` : '',
  };
}

export const cyGroupId = (groupId: string): string => `grp:${groupId}`;

/** A group as a Cytoscape compound node; `members` shows in the label when collapsed. */
export function groupData(g: Group, members: number, index: number) {
  const colour = g.colour ?? GROUP_COLOURS[index % GROUP_COLOURS.length];
  return {
    id: cyGroupId(g.id),
    groupId: g.id,
    label: g.collapsed ? `${truncate(g.label, 24)} (${members})` : truncate(g.label, 40),
    fullLabel: g.label,
    kind: 'group',
    handling: 'SHARED',
    colour,
    icon: GROUP_ICON_URI,
    shape: 'round-rectangle',
    size: 64,
    ring: colour,
    ringWidth: 2,
    members,
  };
}
