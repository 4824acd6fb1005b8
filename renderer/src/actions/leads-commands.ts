// Commands of the leads inbox and the trends view (listed in the Analyse menu).
import type { AppCommand } from '../command-types';

export const LEADS_COMMANDS: AppCommand[] = [];
export const LEADS_MENU: string[] = [];
