// Small builders for board tests.
import type { LinkRef, NodeKind, NodeRef } from '../../../shared/model';

export function node(id: number, kind: NodeKind = 'subject', label = `N${id}`): NodeRef {
  return { id, kind, label, sourceId: `S-${id}`, handling: 'SHARED', degree: 1 };
}

export function link(id: number, source: number, target: number): LinkRef {
  return { id, kind: 'has_phone', source, target, label: 'phone', at: null, handling: 'SHARED' };
}

export const at = (entries: Array<[number, number, number]>) => new Map(entries.map(([id, x, y]) => [id, { x, y }]));
