// How each kind is drawn on the chart. A copy of the colours and shapes of
// renderer/src/icons/kinds.ts (the backend may not import renderer code): keep the two alike,
// so the printed chart looks like the board the analyst built.
import { defaultKindColour } from '../../../shared/import-spec';
import { isCustomKind, type BuiltinNodeKind, type NodeKind } from '../../../shared/model';

export type Shape = 'ellipse' | 'round-rectangle' | 'round-diamond' | 'round-hexagon';

export const KIND_LOOK: Record<BuiltinNodeKind, { colour: string; shape: Shape; size: number }> = {
  vehicle_entity: { colour: '#4c1d95', shape: 'ellipse', size: 52 },
  person: { colour: '#1e3a8a', shape: 'ellipse', size: 54 },
  subject: { colour: '#2563eb', shape: 'ellipse', size: 44 },
  traveller: { colour: '#0e7490', shape: 'ellipse', size: 38 },
  vehicle: { colour: '#7c3aed', shape: 'ellipse', size: 42 },
  event: { colour: '#475569', shape: 'round-diamond', size: 36 },
  port: { colour: '#0f766e', shape: 'round-hexagon', size: 52 },
  case: { colour: '#9a3412', shape: 'round-rectangle', size: 46 },
  lookout: { colour: '#be185d', shape: 'ellipse', size: 42 },
  document: { colour: '#4338ca', shape: 'round-rectangle', size: 34 },
  phone: { colour: '#15803d', shape: 'round-rectangle', size: 34 },
  address: { colour: '#4d7c0f', shape: 'round-rectangle', size: 34 },
  email: { colour: '#0369a1', shape: 'round-rectangle', size: 34 },
  plate: { colour: '#86198f', shape: 'round-rectangle', size: 34 },
  vin: { colour: '#57534e', shape: 'round-rectangle', size: 34 },
  pointer: { colour: '#6b7280', shape: 'round-rectangle', size: 38 },
};

/** How a kind is drawn: the built-in look, or a custom kind (import specs) as a rounded square in its colour. */
export function kindLook(kind: NodeKind, colours?: ReadonlyMap<string, string>): { colour: string; shape: Shape; size: number } {
  if (!isCustomKind(kind)) return KIND_LOOK[kind];
  return { colour: colours?.get(kind) ?? defaultKindColour(kind), shape: 'round-rectangle', size: 40 };
}
