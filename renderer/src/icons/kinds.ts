// How each entity kind looks: colour, shape, size, and the short noun used in sentences.
import { NODE_KIND_LABEL, type NodeKind } from '../../../shared/model';
import { badgeSvg, dataUri, glyphSvg } from './glyphs';

export interface KindLook {
  label: string;
  /** For sentences: "This port has 1,204 neighbours". */
  noun: string;
  colour: string;
  shape: 'ellipse' | 'round-rectangle' | 'round-diamond' | 'round-hexagon';
  size: number;
  /** Record kinds are rows of the bundle; the others are values derived from them. */
  record: boolean;
}

export const KIND_LOOK: Record<NodeKind, KindLook> = {
  vehicle_entity: { label: NODE_KIND_LABEL.vehicle_entity, noun: 'vehicle', colour: '#4c1d95', shape: 'ellipse', size: 52, record: false },
  person: { label: NODE_KIND_LABEL.person, noun: 'person', colour: '#1e3a8a', shape: 'ellipse', size: 54, record: false },
  subject: { label: NODE_KIND_LABEL.subject, noun: 'subject record', colour: '#2563eb', shape: 'ellipse', size: 44, record: true },
  traveller: { label: NODE_KIND_LABEL.traveller, noun: 'traveller', colour: '#0e7490', shape: 'ellipse', size: 38, record: true },
  vehicle: { label: NODE_KIND_LABEL.vehicle, noun: 'vehicle record', colour: '#7c3aed', shape: 'ellipse', size: 42, record: true },
  event: { label: NODE_KIND_LABEL.event, noun: 'crossing event', colour: '#475569', shape: 'round-diamond', size: 36, record: true },
  port: { label: NODE_KIND_LABEL.port, noun: 'port', colour: '#0f766e', shape: 'round-hexagon', size: 52, record: true },
  case: { label: NODE_KIND_LABEL.case, noun: 'case', colour: '#9a3412', shape: 'round-rectangle', size: 46, record: true },
  lookout: { label: NODE_KIND_LABEL.lookout, noun: 'lookout', colour: '#be185d', shape: 'ellipse', size: 42, record: true },
  document: { label: NODE_KIND_LABEL.document, noun: 'document', colour: '#4338ca', shape: 'round-rectangle', size: 34, record: false },
  phone: { label: NODE_KIND_LABEL.phone, noun: 'phone', colour: '#15803d', shape: 'round-rectangle', size: 34, record: false },
  address: { label: NODE_KIND_LABEL.address, noun: 'address', colour: '#4d7c0f', shape: 'round-rectangle', size: 34, record: false },
  email: { label: NODE_KIND_LABEL.email, noun: 'email address', colour: '#0369a1', shape: 'round-rectangle', size: 34, record: false },
  plate: { label: NODE_KIND_LABEL.plate, noun: 'plate', colour: '#86198f', shape: 'round-rectangle', size: 34, record: false },
  vin: { label: NODE_KIND_LABEL.vin, noun: 'VIN', colour: '#57534e', shape: 'round-rectangle', size: 34, record: false },
  pointer: { label: NODE_KIND_LABEL.pointer, noun: 'withheld record', colour: '#6b7280', shape: 'round-rectangle', size: 38, record: false },
};

const glyphCache = new Map<NodeKind, string>();
const badgeCache = new Map<NodeKind, string>();

/** White glyph as a data URI, for Cytoscape's background-image. */
export function glyphUri(kind: NodeKind): string {
  let u = glyphCache.get(kind);
  if (!u) glyphCache.set(kind, (u = dataUri(glyphSvg(kind))));
  return u;
}

/** Glyph on its colour disc, for <img> in lists. */
export function badgeUri(kind: NodeKind): string {
  let u = badgeCache.get(kind);
  if (!u) badgeCache.set(kind, (u = dataUri(badgeSvg(kind, KIND_LOOK[kind].colour))));
  return u;
}
