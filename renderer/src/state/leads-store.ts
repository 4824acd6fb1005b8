// What the sidebar shows about leads: the badge (leads nobody looked at yet) and the top few.
import type { Lead, LeadsRun } from '../../../shared/contract';
import { createStore } from './store';

export interface LeadsSummary {
  /** Leads with status new: the badge. */
  unseen: number;
  /** The highest-scored open leads (new, reviewed, escalated). */
  top: Lead[];
  total: number;
  lastRun: LeadsRun | null;
  loaded: boolean;
}

export const EMPTY_LEADS: LeadsSummary = { unseen: 0, top: [], total: 0, lastRun: null, loaded: false };
export const leadsStore = createStore<LeadsSummary>(EMPTY_LEADS);
