// Handling markings: the ring colour on the canvas and the badge in lists.
import type { Handling } from '../../../shared/model';

export interface HandlingLook {
  ring: string;
  width: number;
  meaning: string;
}

export const HANDLING_LOOK: Record<Handling, HandlingLook> = {
  SHARED: { ring: '#cbd5e1', width: 1.5, meaning: 'Shared: every analyst' },
  LES: { ring: '#f59e0b', width: 4, meaning: 'LES: CBP and ICE analysts' },
  ORCON: { ring: '#dc2626', width: 4, meaning: 'ORCON: entering agency only' },
};
