// A lead's evidence as a board of its own: the lead's entities in the middle, the rest of
// the evidence on rings around them. The canvas lays it out properly once it is open.
import type { BoardSlice, BoardState } from '../../../shared/contract';
import { BOARD_FORMAT } from './marks-format';
import { placeAround } from './placement';
import type { Pos } from './types';

/** Positions for every node of `slice`: `focus` (the lead's entities) first, nearest the centre. */
export function evidenceBoardState(slice: BoardSlice, focus: readonly number[] = []): BoardState {
  const first = new Set(focus);
  const order = [...slice.nodes].sort((a, b) => Number(first.has(b.id)) - Number(first.has(a.id)));
  const origin: Pos = { x: 0, y: 0 };
  const inner = order.filter((n) => first.has(n.id));
  // One entity sits at the centre; several share the first ring.
  const innerPos = inner.length === 1 ? [origin] : placeAround(origin, [], inner.length, { radius: 90 });
  const outerPos = placeAround(origin, innerPos, order.length - inner.length, { radius: inner.length > 1 ? 220 : 150 });
  const pos = [...innerPos, ...outerPos];
  const ids = new Set(order.map((n) => n.id));
  return {
    ...BOARD_FORMAT,
    nodes: order.map((ref, i) => ({ ref, pos: pos[i] })),
    links: slice.links.filter((l) => ids.has(l.source) && ids.has(l.target)),
  };
}
