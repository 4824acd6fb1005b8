// How marks look on the canvas: the kind's glyph with a pin badge (top right) and a note
// badge (top left), drawn as one image so Cytoscape needs no extra elements.
import type { NodeKind } from '../../../shared/model';
import { dataUri } from '../icons/glyphs';
import { kindGlyph } from '../icons/kinds';

export const PIN_COLOUR = '#b91c1c';
export const NOTE_COLOUR = '#d97706';

const PIN = `<circle cx="32" cy="8" r="7.5" fill="${PIN_COLOUR}" stroke="#fff" stroke-width="1.5"/><path d="M29.2 4h5.6l-.9 3.6 2.3 2.2h-8.6l2.3-2.2z" fill="#fff"/><path d="M32 9.8v3.6" stroke="#fff" stroke-width="1.6" stroke-linecap="round"/>`;
const NOTE = `<circle cx="8" cy="8" r="7.5" fill="${NOTE_COLOUR}" stroke="#fff" stroke-width="1.5"/><path d="M4.5 5.5h7M4.5 8h7M4.5 10.5h4.5" stroke="#fff" stroke-width="1.5" stroke-linecap="round"/>`;

export const LOCK_COLOUR = '#4b5563';
// Bottom right: some of this node's records are withheld from the acting profile.
const LOCK = `<circle cx="32" cy="32" r="7.5" fill="${LOCK_COLOUR}" stroke="#fff" stroke-width="1.5"/><rect x="28.6" y="31" width="6.8" height="5" rx="1" fill="#fff"/><path d="M30.2 31v-1.6a1.8 1.8 0 0 1 3.6 0V31" fill="none" stroke="#fff" stroke-width="1.3"/>`;

const cache = new Map<string, string>();

/** The glyph (58% of the node, as unmarked nodes draw it) with its badges; 100% of the node. */
export function markedIconUri(kind: NodeKind, pinned: boolean, note: boolean, locked = false): string {
  const key = `${kind}|${pinned ? 1 : 0}|${note ? 1 : 0}|${locked ? 1 : 0}`;
  let u = cache.get(key);
  if (!u) {
    const glyph = `<g transform="translate(8.4 8.4) scale(0.9667)">${kindGlyph(kind)}</g>`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40">${glyph}${note ? NOTE : ''}${pinned ? PIN : ''}${locked ? LOCK : ''}</svg>`;
    cache.set(key, (u = dataUri(svg)));
  }
  return u;
}

/** The pin and note badges alone, for HTML (lists, dialogs). */
export const pinBadgeUri = dataUri(`<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="24.5 0.5 15 15">${PIN}</svg>`);
export const noteBadgeUri = dataUri(`<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0.5 0.5 15 15">${NOTE}</svg>`);
export const lockBadgeUri = dataUri(`<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="24.5 24.5 15 15">${LOCK}</svg>`);

/** The glyph of a collapsed group: three discs. */
export const GROUP_ICON_URI = dataUri(
  `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><circle cx="12" cy="7" r="4.2" fill="#fff"/><circle cx="6.5" cy="16.5" r="4.2" fill="#fff"/><circle cx="17.5" cy="16.5" r="4.2" fill="#fff"/></svg>`,
);

export const GROUP_COLOURS = ['#0f766e', '#7c3aed', '#b45309', '#be185d', '#1d4ed8', '#4d7c0f'];
