// How each entity kind looks: colour, shape, size, and the short noun used in sentences.
import { NODE_KINDS, NODE_KIND_LABEL, humaniseKind, isCustomKind, type BuiltinNodeKind, type KindDef, type KindIcon, type NodeKind } from '../../../shared/model';
import { defaultKindColour } from '../../../shared/import-spec';
import { GLYPHS, ICON_GLYPHS, badgeSvg, dataUri, glyphSvg } from './glyphs';

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

export const KIND_LOOK: Record<BuiltinNodeKind, KindLook> = {
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

/** Custom kinds of the open case (import specs): label, colour and icon as the case keeps them. */
const custom = new Map<string, KindDef>();
const glyphCache = new Map<string, string>();
const badgeCache = new Map<string, string>();
const customLooks = new Map<string, KindLook>();

export function setCustomKinds(defs: readonly KindDef[]): void {
  custom.clear();
  customLooks.clear();
  for (const d of defs) custom.set(d.kind, d);
  for (const k of [...glyphCache.keys()]) if (isCustomKind(k)) glyphCache.delete(k);
  for (const k of [...badgeCache.keys()]) if (isCustomKind(k)) badgeCache.delete(k);
}

/** The custom kinds the case knows, for labels in pickers and filters. */
export const customKindDefs = (): ReadonlyMap<string, KindDef> => custom;

/** Kinds for a list: the built-in ones in their usual order, then the custom ones by label. */
export function orderKinds(present: Iterable<NodeKind>): NodeKind[] {
  const all = new Set(present);
  const custom = [...all].filter(isCustomKind).sort((a, b) => kindLook(a).label.localeCompare(kindLook(b).label));
  return [...NODE_KINDS.filter((k) => all.has(k)), ...custom];
}

/** How a kind looks, built-in or custom. */
export function kindLook(kind: NodeKind): KindLook {
  if (!isCustomKind(kind)) return KIND_LOOK[kind];
  let look = customLooks.get(kind);
  if (!look) {
    const d = custom.get(kind);
    const label = d?.label ?? humaniseKind(kind);
    look = { label, noun: label.toLowerCase(), colour: d?.colour ?? defaultKindColour(kind), shape: 'round-rectangle', size: 40, record: true };
    customLooks.set(kind, look);
  }
  return look;
}

export function kindIcon(kind: NodeKind): KindIcon | null {
  return isCustomKind(kind) ? (custom.get(kind)?.icon ?? 'tag') : null;
}

/** The white glyph of a kind's icon (SVG markup). */
export function kindGlyph(kind: NodeKind): string {
  return isCustomKind(kind) ? ICON_GLYPHS[kindIcon(kind) ?? 'tag'] : GLYPHS[kind];
}

/** White glyph as a data URI, for Cytoscape's background-image. */
export function glyphUri(kind: NodeKind): string {
  let u = glyphCache.get(kind);
  if (!u) glyphCache.set(kind, (u = dataUri(glyphSvg(kindGlyph(kind)))));
  return u;
}

/** Glyph on its colour disc, for <img> in lists. */
export function badgeUri(kind: NodeKind): string {
  let u = badgeCache.get(kind);
  if (!u) badgeCache.set(kind, (u = dataUri(badgeSvg(kindGlyph(kind), kindLook(kind).colour))));
  return u;
}
