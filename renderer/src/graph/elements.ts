// Board state -> Cytoscape element definitions. Everything visual is carried in `data`
// so the stylesheet maps it without per-kind selectors.
import { LINK_KIND_LABEL, type LinkKind } from '../../../shared/model';
import { HANDLING_LOOK } from '../icons/handling';
import { KIND_LOOK, glyphUri } from '../icons/kinds';
import { truncate } from './format';
import { cyLinkId, cyNodeId } from './state';
import type { CanvasLink, CanvasNode } from './types';

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
}

export function nodeData(n: CanvasNode): NodeData {
  const look = KIND_LOOK[n.ref.kind];
  const ring = HANDLING_LOOK[n.ref.handling];
  return {
    id: cyNodeId(n.ref.id),
    nodeId: n.ref.id,
    label: truncate(n.ref.label || n.ref.sourceId || `#${n.ref.id}`, 26),
    fullLabel: n.ref.label,
    kind: n.ref.kind,
    handling: n.ref.handling,
    colour: look.colour,
    icon: glyphUri(n.ref.kind),
    shape: look.shape,
    size: look.size,
    ring: ring.ring,
    ringWidth: ring.width,
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
    colour: restricted ? HANDLING_LOOK[l.ref.handling].ring : '#94a3b8',
    lineStyle: REPORTED_LINKS.has(l.ref.kind) || l.ref.kind === 'possibly_same' ? 'dashed' : 'solid',
  };
}
