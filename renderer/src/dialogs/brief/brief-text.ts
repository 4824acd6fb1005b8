// Wording of the Brief dialogs, kept pure so it is tested without a browser.
import type { BriefResult, Output } from '../../../../shared/contract';
import type { Handling } from '../../../../shared/model';
import { plural } from '../../graph/format';
import { joinPath } from '../../graph/paths';

export const AUDIENCE_NOTE =
  'Everything the audience may not see is removed or replaced by a pointer, and the package says so on its first page.';

export const DEFAULT_OUT = 'a briefs/ folder beside the case';

/** Enough of a SHA-256 to compare by eye with the manifest; the full value is in its tooltip. */
export const shortHash = (sha256: string): string => sha256.slice(0, 12);

const BANNER: Record<Handling, string> = {
  SHARED: 'no handling restrictions',
  LES: 'law-enforcement sensitive (CBP and ICE)',
  ORCON: 'originator controlled',
};
export const bannerText = (h: Handling): string => `${h}: ${BANNER[h]}`;

/** "3 items withheld for CBP (pointers or removed)", or that nothing was. */
export function withheldSummary(r: Pick<BriefResult, 'withheld' | 'audience'>): string {
  return r.withheld
    ? `${plural(r.withheld, 'item')} withheld for ${r.audience} (replaced by pointers or removed)`
    : `Nothing withheld: ${r.audience} may see everything on the board`;
}

/** "Verified: 5 files" (when the count is known), or the first problem and how many more. */
export function verifyText(v: Output<'brief.verify'>, files?: number): string {
  if (v.ok) return files ? `Verified: ${plural(files, 'file')}` : 'Verified: every file matches its checksum';
  return `Not verified: ${plural(v.problems.length, 'problem')}`;
}

/** Where the backend writes packages by default: briefs/ beside the case file. */
export function briefsFolder(casePath: string): string {
  const dir = casePath.replace(/[\\/][^\\/]*$/, '');
  return joinPath(dir || casePath.slice(0, 1), 'briefs');
}
