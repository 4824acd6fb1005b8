// A board of the demo's smuggling cell saved into a case before the window opens, for the
// board and timeline end-to-end tests.
import fs from 'node:fs';
import type { Backend } from '../../electron/backend/api';
import type { BoardState } from '../../shared/contract';
import { call } from '../helpers/case';

/** A board of the demo's smuggling cell: the persons of its records and what joins them. */
export async function seedBoard(b: Backend, demo: string): Promise<BoardState> {
  const truth = JSON.parse(fs.readFileSync(`${demo}.truth/planted.json`, 'utf8')) as { network: { record_ids: string[] } };
  const recs = truth.network.record_ids;
  const nodes = new Map<number, BoardState['nodes'][number]['ref']>();
  const links = new Map<number, BoardState['links'][number]>();
  for (const r of recs.slice(1, 4)) {
    const p = await call(b, 'graph.path', { from: recs[0], to: r, k: 1, maxHops: 6 });
    for (const n of p.paths[0]?.board.nodes ?? []) nodes.set(n.id, n);
    for (const l of p.paths[0]?.board.links ?? []) links.set(l.id, l);
  }
  const list = [...nodes.values()];
  const state: BoardState = {
    nodes: list.map((ref, i) => ({ ref, pos: { x: Math.round(260 * Math.cos((2 * Math.PI * i) / list.length)), y: Math.round(200 * Math.sin((2 * Math.PI * i) / list.length)) } })),
    links: [...links.values()].filter((l) => nodes.has(l.source) && nodes.has(l.target)),
  };
  await call(b, 'board.save', { id: 1, state });
  return state;
}
