// 24x24 white glyphs, one per entity kind, drawn on the kind's colour disc.
import type { BuiltinNodeKind, KindIcon } from '../../../shared/model';

// Stroke attributes; the width is a parameter because an SVG attribute may appear only once.
const stroke = (w = 2, cap = 'round'): string => `fill="none" stroke="#fff" stroke-width="${w}" stroke-linecap="${cap}" stroke-linejoin="round"`;
const S = stroke();
const F = 'fill="#fff"';

const person = `<circle cx="12" cy="8" r="4" ${F}/><path d="M4 21c0-4.6 3.6-7.5 8-7.5s8 2.9 8 7.5z" ${F}/>`;

export const GLYPHS: Record<BuiltinNodeKind, string> = {
  vehicle_entity: `<path d="M5 11l1.6-4.4A2 2 0 0 1 8.5 5.3h7a2 2 0 0 1 1.9 1.3L19 11" ${S}/><rect x="3" y="10.5" width="18" height="6" rx="2" ${F}/><circle cx="7.5" cy="17.5" r="2" ${F}/><circle cx="16.5" cy="17.5" r="2" ${F}/><path d="M3 21.5h18" ${S}/>`,
  // a person with the records behind them
  person: `<circle cx="12" cy="7.5" r="3.6" ${F}/><path d="M5.5 18.5c0-4 2.9-6.6 6.5-6.6s6.5 2.6 6.5 6.6z" ${F}/><path d="M3 21h18" ${S}/>`,
  subject: person,
  traveller: `<circle cx="10" cy="6.5" r="3.5" ${F}/><path d="M3 21c0-4.4 3-7 7-7s7 2.6 7 7z" ${F}/><path d="M16 9h6M19.5 6.5L22 9l-2.5 2.5" ${S}/>`,
  vehicle: `<path d="M5 12l1.6-4.4A2 2 0 0 1 8.5 6.3h7a2 2 0 0 1 1.9 1.3L19 12" ${S}/><rect x="3" y="11.5" width="18" height="6" rx="2" ${F}/><circle cx="7.5" cy="18.5" r="2" ${F}/><circle cx="16.5" cy="18.5" r="2" ${F}/>`,
  event: `<path d="M4 8h15M15 4.5L19 8l-4 3.5" ${S}/><path d="M20 16H5M9 12.5L5 16l4 3.5" ${S}/>`,
  port: `<path d="M3 21h18" ${S}/><path d="M5 21V9l7-5 7 5v12" ${S}/><path d="M9.5 21v-5h5v5" ${S}/><path d="M9 11h.01M12 11h.01M15 11h.01" ${stroke(2.6)}/>`,
  case: `<path d="M3 6.5A1.5 1.5 0 0 1 4.5 5H9l2 2.2h8.5A1.5 1.5 0 0 1 21 8.7V18.5A1.5 1.5 0 0 1 19.5 20h-15A1.5 1.5 0 0 1 3 18.5z" ${F}/>`,
  lookout: `<path d="M2 12s3.6-6.5 10-6.5S22 12 22 12s-3.6 6.5-10 6.5S2 12 2 12z" ${S}/><circle cx="12" cy="12" r="3.2" ${F}/>`,
  document: `<rect x="2.5" y="5" width="19" height="14" rx="2" ${S}/><circle cx="8" cy="10.5" r="2" ${F}/><path d="M5 16c.6-1.6 1.7-2.3 3-2.3s2.4.7 3 2.3" ${stroke(1.6)}/><path d="M14 10h4.5M14 14h3.5" ${S}/>`,
  phone: `<rect x="7" y="2.5" width="10" height="19" rx="2.2" ${S}/><path d="M11 18h2" ${S}/>`,
  address: `<path d="M3 11.5L12 4l9 7.5" ${S}/><path d="M5.5 10v10h4.5v-6h4v6h4.5V10" ${S}/>`,
  email: `<rect x="3" y="5.5" width="18" height="13" rx="2" ${S}/><path d="M3.5 7l8.5 6 8.5-6" ${S}/>`,
  plate: `<rect x="2" y="6.5" width="20" height="11" rx="2" ${S}/><path d="M6 12h2.5M10.5 12h3M15.5 12h2.5" ${stroke(2.4)}/>`,
  // a padlock: something exists here that this profile may not read
  pointer: `<rect x="5" y="10.5" width="14" height="10" rx="2" ${F}/><path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" ${S}/>`,
  vin: `<path d="M4 6v12M7 6v12M12 6v12M17 6v12M20 6v12" ${stroke(1.6)}/><path d="M9.5 6v12M14.5 6v12" ${stroke(2.8, 'butt')}/>`,
};

/** Glyphs a custom kind may take (shared/model.ts KIND_ICONS): the built-in ones and a few more. */
export const ICON_GLYPHS: Record<KindIcon, string> = {
  person,
  vehicle: GLYPHS.vehicle,
  phone: GLYPHS.phone,
  email: GLYPHS.email,
  address: GLYPHS.address,
  document: GLYPHS.document,
  case: GLYPHS.case,
  organisation: `<path d="M4 21V4.5A1.5 1.5 0 0 1 5.5 3h8A1.5 1.5 0 0 1 15 4.5V21" ${S}/><path d="M15 9h3.5A1.5 1.5 0 0 1 20 10.5V21M2.5 21h19" ${S}/><path d="M8 7h3M8 11h3M8 15h3" ${S}/>`,
  account: `<rect x="2.5" y="5.5" width="19" height="13" rx="2" ${S}/><path d="M2.5 9.5h19" ${stroke(2.6, 'butt')}/><path d="M6 15h4" ${S}/>`,
  money: `<circle cx="12" cy="12" r="9" ${S}/><path d="M15 8.8c-.6-.9-1.7-1.3-3-1.3-1.8 0-3 .9-3 2.2 0 3 6 1.6 6 4.6 0 1.3-1.3 2.2-3 2.2-1.4 0-2.5-.5-3.1-1.4M12 5.5v13" ${stroke(1.8)}/>`,
  location: `<path d="M12 21.5s-7-6.4-7-12a7 7 0 0 1 14 0c0 5.6-7 12-7 12z" ${S}/><circle cx="12" cy="9.5" r="2.6" ${F}/>`,
  device: `<rect x="3" y="4" width="18" height="12" rx="1.6" ${S}/><path d="M8 20h8M12 16v4" ${S}/>`,
  flag: `<path d="M5 21V4" ${S}/><path d="M5 4.5h12l-2.5 4 2.5 4H5" ${F}/>`,
  tag: `<path d="M3 12.2V4.5A1.5 1.5 0 0 1 4.5 3h7.7l8.8 8.8-9.2 9.2z" ${S}/><circle cx="8" cy="8" r="1.8" ${F}/>`,
};

/** A standalone SVG of a glyph (no disc): Cytoscape draws the disc itself. */
export function glyphSvg(glyph: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">${glyph}</svg>`;
}

/** A glyph on its colour disc, for HTML lists and the legend. */
export function badgeSvg(glyph: string, colour: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="-4 -4 32 32"><circle cx="12" cy="12" r="16" fill="${colour}"/>${glyph}</svg>`;
}

export const dataUri = (svg: string): string => `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
