// The other people in a review session as their awareness states say (the host stamps each
// state with the sender's admitted identity), and what the canvas draws for them.
import type { SessionPresence } from '../../../shared/session-schemas';

export interface Peer {
  clientId: number;
  id: string;
  name: string;
  agency: string;
  colour: string;
  selection: string[];
  pointer: { x: number; y: number } | null;
  viewport: { x: number; y: number; zoom: number } | null;
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Everyone but this window, with a stamped identity; oldest client first for a stable order. */
export function readPeers(states: ReadonlyMap<number, unknown>, own: number): Peer[] {
  const out: Peer[] = [];
  for (const [clientId, raw] of states) {
    if (clientId === own || !raw || typeof raw !== 'object') continue;
    const s = raw as SessionPresence;
    const u = s.user;
    if (!u || typeof u.id !== 'string') continue;
    const p = s.pointer;
    const v = s.viewport;
    out.push({
      clientId,
      id: u.id,
      name: u.name,
      agency: u.agency,
      colour: u.colour,
      selection: Array.isArray(s.selection) ? s.selection.filter((t) => typeof t === 'string') : [],
      pointer: p && num(p.x) && num(p.y) ? { x: p.x, y: p.y } : null,
      viewport: v && num(v.x) && num(v.y) && num(v.zoom) ? { x: v.x, y: v.y, zoom: v.zoom } : null,
    });
  }
  return out.sort((a, b) => a.clientId - b.clientId);
}

/** One entry per person (a person with two windows open shows once). */
export function people(peers: readonly Peer[]): Peer[] {
  const seen = new Map<string, Peer>();
  for (const p of peers) if (!seen.has(p.id)) seen.set(p.id, p);
  return [...seen.values()];
}

/** Canvas element id ("n12", "l7") -> the colour and name of the first person who selected it. */
export function selectionMarks(peers: readonly Peer[]): Map<string, { colour: string; name: string }> {
  const out = new Map<string, { colour: string; name: string }>();
  for (const p of peers) {
    for (const t of p.selection) {
      const m = /^(node|link):(\d+)$/.exec(t);
      if (!m) continue;
      const id = `${m[1] === 'node' ? 'n' : 'l'}${m[2]}`;
      if (!out.has(id)) out.set(id, { colour: p.colour, name: p.name });
    }
  }
  return out;
}

/** Where a point of the graph (model coordinates) is drawn, given a pan and zoom. */
export function toRendered(p: { x: number; y: number }, view: { pan: { x: number; y: number }; zoom: number }): { x: number; y: number } {
  return { x: p.x * view.zoom + view.pan.x, y: p.y * view.zoom + view.pan.y };
}

/** "Rosa Ortega" -> "RO"; "c. barros" -> "CB". */
export function initials(name: string): string {
  const parts = name.replace(/[.]/g, ' ').split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

/** The selection as the targets awareness carries (at most what the host accepts). */
export function selectionTargets(sel: { nodes: readonly number[]; links: readonly number[] }, max = 500): string[] {
  return [...sel.nodes.map((id) => `node:${id}`), ...sel.links.map((id) => `link:${id}`)].slice(0, max);
}
