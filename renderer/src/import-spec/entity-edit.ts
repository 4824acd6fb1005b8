// Edits of one entity of a spec part (its kind, the kinds its label column maps to, its key,
// label and optional flag), and "make an entity of this column": a phone, an employer…
// taken out of the row's main entity into a node of its own, linked to it.
import { defaultKindColour, guessIcon, type EntitySpec, type ImportSpec, type LinkSpec, type MappableNodeKind, type Normaliser } from '../../../shared/import-spec';
import { customKindOf, type KindDef } from '../../../shared/model';
import { setColumnRole } from './column-roles';
import { identifierLink, isRecordKind, keyNormaliserFor } from './kind-catalog';
import { freshEntityId, updateEntity, updatePart, upsertKindDef } from './spec-edit';

/** A custom kind's first look, from its label. */
export function newKindDef(label: string, link = false): KindDef {
  const kind = customKindOf(label);
  const l = label.trim();
  return { kind, label: l, colour: defaultKindColour(kind), icon: link ? 'tag' : guessIcon(l), ...(link ? { directed: true } : {}) };
}

/** Sets the entity's kind. Identifier kinds take their key normaliser, so the value meets the same one elsewhere. */
export function setEntityKind(e: EntitySpec, kind: MappableNodeKind): EntitySpec {
  const next: EntitySpec = { ...e, kind };
  const norm = keyNormaliserFor(kind);
  if (norm !== 'none' && e.key.normalise === 'none') next.key = { ...e.key, normalise: norm };
  return next;
}

/** What one value of the label column (a graph export's `:LABEL`) becomes. */
export function setLabelKind(e: EntitySpec, label: string, kind: MappableNodeKind): EntitySpec {
  if (!e.kindFrom) return e;
  return { ...e, kindFrom: { ...e.kindFrom, map: { ...e.kindFrom.map, [label]: kind } } };
}

export function setKey(e: EntitySpec, patch: { normalise?: Normaliser; space?: string | null }): EntitySpec {
  const key = { ...e.key };
  if (patch.normalise) key.normalise = patch.normalise;
  if (patch.space !== undefined) {
    if (patch.space) key.space = patch.space;
    else delete key.space;
  }
  return { ...e, key };
}

export function setLabelTemplate(e: EntitySpec, template: string): EntitySpec {
  const next = { ...e };
  if (template.trim()) next.label = template;
  else delete next.label;
  return next;
}

export const setOptional = (e: EntitySpec, optional: boolean): EntitySpec => ({ ...e, optional });

/** A kind for a column made into an entity: an identifier by its name, else a custom kind named after it. */
export function kindForColumn(column: string): MappableNodeKind {
  const c = column.toLowerCase();
  const rules: Array<[RegExp, MappableNodeKind]> = [
    [/e-?mail/, 'email'],
    [/phone|mobile|cell|tel\b|msisdn/, 'phone'],
    [/\bvin\b/, 'vin'],
    [/plate|registration/, 'plate'],
    [/passport|document|doc_?(no|num)/, 'document'],
    [/address|street/, 'address'],
  ];
  return rules.find(([re]) => re.test(c))?.[1] ?? customKindOf(column);
}

/** A built-in relation a custom kind's column name suggests (Employer -> employer), else a custom link kind. */
function linkFor(kind: MappableNodeKind, column: string): { kind: LinkSpec['kind']; def: KindDef | null } {
  const id = identifierLink(kind);
  if (id) return { kind: id, def: null };
  const c = column.toLowerCase();
  if (/employer|company|works?_?(at|for)/.test(c)) return { kind: 'employer', def: null };
  if (/owner/.test(c)) return { kind: 'owned_by', def: null };
  const def = newKindDef(column, true);
  return { kind: def.kind, def };
}

/**
 * Makes an entity of a column: its values become nodes of their own (identifiers meet the same
 * value elsewhere), linked from the row's first entity. The column's use in the other entities
 * of the part (a phone field, an attribute) is taken back, so the value is not written twice.
 */
export function addEntityFromColumn(spec: ImportSpec, p: number, column: string): ImportSpec {
  const part = spec.files[p];
  if (!part) return spec;
  const kind = kindForColumn(column);
  let next = spec;
  if (!isRecordKind(kind) && kind.startsWith('x.') && !spec.kinds.some((d) => d.kind === kind)) next = upsertKindDef(next, newKindDef(column), false);
  const entity: EntitySpec = {
    id: freshEntityId(part, kind),
    kind,
    key: { columns: [column], normalise: keyNormaliserFor(kind) },
    ...(kind.startsWith('x.') ? { label: `{${column}}` } : {}),
    fields: {},
    attributes: [],
    optional: true,
  };
  part.entities.forEach((_, i) => (next = updateEntity(next, p, i, (e) => setColumnRole(e, column, { type: 'none' }))));
  const owner = part.entities[0];
  next = updatePart(next, p, (f) => ({ ...f, entities: [...f.entities, entity] }));
  if (!owner) return next;
  const link = linkFor(kind, column);
  if (link.def && !next.linkKinds.some((d) => d.kind === link.def!.kind)) next = upsertKindDef(next, link.def, true);
  const l: LinkSpec = { kind: link.kind, from: { entity: owner.id }, to: { entity: entity.id }, attributes: [], optional: true };
  return updatePart(next, p, (f) => ({ ...f, links: [...f.links, l] }));
}
