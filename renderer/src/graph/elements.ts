// Board state -> Cytoscape element definitions. Everything visual is carried in `data`
// so the stylesheet maps it without per-kind selectors.
import { linkKindLabel, type LinkKind } from '../../../shared/model';
import { withheldText } from '../access/pointer-text';
import { HANDLING_LOOK } from '../icons/handling';
import { glyphUri, kindLook } from '../icons/kinds';
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
  /** The icon carries pin/note/padlock badges and fills the node (see MARK_STYLES `node.badged`). */
  badged: boolean;
  /** What is withheld from the acting profile, for the tooltip ('' when nothing is). */
  withheld: string;
  /** Some of the node's records are withheld, the rest shown (a padlock badge, a dashed ring). */
  partial: boolean;
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
  const look = kindLook(n.ref.kind);
  const ring = HANDLING_LOOK[n.ref.handling];
  const m = n.marks ?? {};
  const partial = !!n.ref.pointer && n.ref.kind !== 'pointer';
  const badged = !!(m.pinned || m.note || partial);
  return {
    id: cyNodeId(n.ref.id),
    nodeId: n.ref.id,
    // A pointer's label is its whole message ("ICE holds a record — contact …"): wrapped, not cut.
    label: truncate(n.ref.label || n.ref.sourceId || `#${n.ref.id}`, n.ref.kind === 'pointer' ? POINTER_LABEL_MAX : 26),
    fullLabel: n.ref.label,
    kind: n.ref.kind,
    handling: n.ref.handling,
    colour: m.colour ?? look.colour,
    icon: badged ? markedIconUri(n.ref.kind, !!m.pinned, !!m.note, partial) : glyphUri(n.ref.kind),
    shape: look.shape,
    size: Math.round(look.size * (m.scale ?? 1)),
    ring: ring.ring,
    ringWidth: ring.width,
    note: m.note ?? '',
    pinned: !!m.pinned,
    badged,
    withheld: withheldText(n.ref.kind, n.ref.pointer),
    partial,
  };
}

/** About three lines under a pointer node (see POINTER_STYLES). */
const POINTER_LABEL_MAX = 72;
const WITHHELD_LINK_COLOUR = '#9ca3af';

export function linkData(l: CanvasLink): LinkData {
  const restricted = l.ref.handling !== 'SHARED';
  const withheld = l.ref.kind === 'withheld';
  return {
    id: cyLinkId(l.ref.id),
    linkId: l.ref.id,
    source: cyNodeId(l.ref.source),
    target: cyNodeId(l.ref.target),
    kind: l.ref.kind,
    label: linkKindLabel(l.ref.kind) ?? l.ref.kind,
    handling: l.ref.handling,
    colour: l.marks?.colour ?? (withheld ? WITHHELD_LINK_COLOUR : restricted ? HANDLING_LOOK[l.ref.handling].ring : '#94a3b8'),
    lineStyle: withheld || REPORTED_LINKS.has(l.ref.kind) || l.ref.kind === 'possibly_same' ? 'dashed' : 'solid',
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
