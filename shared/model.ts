// The domain vocabulary shared by backend and renderer. Imports nothing of ours.
import { z } from 'zod';

export const AGENCY = z.enum(['CBP', 'ICE', 'USCIS']);
export type Agency = z.infer<typeof AGENCY>;

/** The analyst a case is worked under: every call is answered for this agency's eyes. */
export const PROFILE = z.object({ name: z.string().trim().min(1).max(100), agency: AGENCY });
export type Profile = z.infer<typeof PROFILE>;

export const HANDLING = z.enum(['SHARED', 'LES', 'ORCON']);
export type Handling = z.infer<typeof HANDLING>;

/** Every kind of node on the graph. Record kinds are backed by one source row each. */
export const NODE_KINDS = [
  'person',
  'vehicle_entity',
  'subject',
  'vehicle',
  'traveller',
  'event',
  'port',
  'case',
  'lookout',
  'document',
  'phone',
  'address',
  'email',
  'plate',
  'vin',
  'pointer',
] as const;
export type BuiltinNodeKind = (typeof NODE_KINDS)[number];

/** A kind an analyst brought in with an import spec (a graph database's label, a
 * spreadsheet's own entity): `x.` and a slug. Its label, colour and icon live in the case. */
export const CUSTOM_KIND_SLUG = /^[a-z0-9][a-z0-9_]{0,47}$/;
export const CUSTOM_KIND = z.templateLiteral(['x.', z.string().regex(CUSTOM_KIND_SLUG)]);
export type CustomKind = z.infer<typeof CUSTOM_KIND>;
export const isCustomKind = (k: string): k is CustomKind => k.startsWith('x.') && CUSTOM_KIND_SLUG.test(k.slice(2));

/** `Bank Account` -> `x.bank_account`: the kind an analyst's label becomes. */
export function customKindOf(label: string): CustomKind {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48)
    .replace(/_+$/, '');
  return `x.${slug || 'other'}`;
}

/** `x.bank_account` -> `Bank account`, when the case holds no label for it. */
export function humaniseKind(kind: string): string {
  const s = kind.replace(/^x\./, '').replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const NODE_KIND = z.union([z.enum(NODE_KINDS), CUSTOM_KIND]);
export type NodeKind = BuiltinNodeKind | CustomKind;

export const NODE_KIND_LABEL: Record<BuiltinNodeKind, string> = {
  person: 'Person (resolved)',
  vehicle_entity: 'Vehicle (resolved)',
  subject: 'Subject record',
  vehicle: 'Vehicle record',
  traveller: 'Traveller at crossing',
  event: 'Crossing event',
  port: 'Port of entry',
  case: 'Case',
  lookout: 'Lookout',
  document: 'Document',
  phone: 'Phone',
  address: 'Address',
  email: 'Email',
  plate: 'Plate',
  vin: 'VIN',
  pointer: 'Withheld (pointer)',
};

export const LINK_KINDS = [
  'travelled_in',
  'at_port',
  'event_plate',
  'event_vin',
  'has_document',
  'has_phone',
  'has_address',
  'has_email',
  'has_plate',
  'has_vin',
  'owned_by',
  'case_names',
  'lookout_on',
  'family',
  'associate',
  'employer',
  'cohabitant',
  'phone_contact',
  'registered_owner',
  'resolved_as',
  'possibly_same',
  'travelled_with',
  'withheld',
] as const;
export type BuiltinLinkKind = (typeof LINK_KINDS)[number];
export const LINK_KIND = z.union([z.enum(LINK_KINDS), CUSTOM_KIND]);
export type LinkKind = BuiltinLinkKind | CustomKind;

export const LINK_KIND_LABEL: Record<BuiltinLinkKind, string> = {
  travelled_in: 'travelled in',
  at_port: 'at port',
  event_plate: 'vehicle plate',
  event_vin: 'vehicle VIN',
  has_document: 'document',
  has_phone: 'phone',
  has_address: 'address',
  has_email: 'email',
  has_plate: 'plate',
  has_vin: 'VIN',
  owned_by: 'owned by',
  case_names: 'named in case',
  lookout_on: 'lookout on',
  family: 'family',
  associate: 'associate',
  employer: 'employer',
  cohabitant: 'cohabitant',
  phone_contact: 'phone contact',
  registered_owner: 'registered owner',
  resolved_as: 'record of',
  possibly_same: 'possibly the same',
  travelled_with: 'travelled with',
  withheld: 'withheld link',
};

/** A kind's label: the built-in one, the case's own (custom kinds), or the slug made readable. */
export function nodeKindLabel(kind: NodeKind, custom?: ReadonlyMap<string, { label: string }>): string {
  return isCustomKind(kind) ? (custom?.get(kind)?.label ?? humaniseKind(kind)) : NODE_KIND_LABEL[kind];
}
export function linkKindLabel(kind: LinkKind, custom?: ReadonlyMap<string, { label: string }>): string {
  return isCustomKind(kind) ? (custom?.get(kind)?.label ?? humaniseKind(kind).toLowerCase()) : LINK_KIND_LABEL[kind];
}

/** Icons a custom kind may take (the renderer draws each). */
export const KIND_ICONS = [
  'person', 'vehicle', 'phone', 'email', 'address', 'document', 'case', 'organisation', 'account', 'money', 'location',
  'device', 'flag', 'tag',
] as const;
export const KIND_ICON = z.enum(KIND_ICONS);
export type KindIcon = z.infer<typeof KIND_ICON>;

/** How a custom kind is shown: its label, colour and icon, kept in the case. */
export const KIND_DEF = z.object({
  kind: CUSTOM_KIND,
  label: z.string().trim().min(1).max(80),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  icon: KIND_ICON,
  /** Link kinds only: drawn with an arrow from source to target. */
  directed: z.boolean().optional(),
});
export type KindDef = z.infer<typeof KIND_DEF>;

/** Where a value came from: the row of the bundle that said it. */
export const PROVENANCE = z.object({
  exportId: z.string(),
  file: z.string(),
  line: z.number().int(),
  agency: AGENCY.nullable(),
  handling: HANDLING,
  loadedAt: z.string(),
});
export type Provenance = z.infer<typeof PROVENANCE>;

export const ATTRIBUTE = z.object({
  name: z.string(),
  value: z.string(),
  handling: HANDLING,
  provenance: PROVENANCE,
});
export type Attribute = z.infer<typeof ATTRIBUTE>;

/** What a profile may learn about content it may not see: that it exists, who holds it, whom to ask. */
export const POINTER = z.object({
  agencies: z.array(AGENCY),
  contact: z.string(),
  /** How many records of the entity are withheld (a resolved person may be partly visible). */
  withheld: z.number().int(),
});
export type Pointer = z.infer<typeof POINTER>;

export const NODE_REF = z.object({
  id: z.number().int(),
  kind: NODE_KIND,
  label: z.string(),
  sourceId: z.string().nullable(),
  handling: HANDLING,
  degree: z.number().int(),
  /** Set when some or all of the node's content is withheld from the acting profile. */
  pointer: POINTER.optional(),
});
export type NodeRef = z.infer<typeof NODE_REF>;

export const LINK_REF = z.object({
  id: z.number().int(),
  kind: LINK_KIND,
  source: z.number().int(),
  target: z.number().int(),
  label: z.string(),
  at: z.string().nullable(),
  handling: HANDLING,
});
export type LinkRef = z.infer<typeof LINK_REF>;
