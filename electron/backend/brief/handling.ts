// Handling markings as printed: the banner of every page, portion marks, and their colours.
import type { Agency, Handling } from '../../../shared/model';

/** The banner at the top and bottom of every page, for the highest handling inside. */
export function bannerText(handling: Handling, originator: Agency): string {
  switch (handling) {
    case 'ORCON':
      return `ORIGINATOR CONTROLLED (ORCON) - ${originator} ONLY`;
    case 'LES':
      return 'LAW ENFORCEMENT SENSITIVE (LES)';
    default:
      return 'SHARED - RELEASABLE TO CBP, ICE AND USCIS';
  }
}

/** The band's colour: green, amber, red; dark enough for white text. */
export const HANDLING_COLOUR: Record<Handling, string> = {
  SHARED: '#166534',
  LES: '#b45309',
  ORCON: '#b91c1c',
};

export { HANDLING_RANK } from '../access/rules';

/** The ring around a node with LES or ORCON content: the board's colours (renderer/src/icons/handling.ts). */
export const HANDLING_RING: Record<Handling, string | null> = {
  SHARED: null,
  LES: '#f59e0b',
  ORCON: '#dc2626',
};
