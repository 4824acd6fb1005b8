// How the window names the case's analyst and the profile answers are filtered for.
// Pure, so the wording is tested without a browser.
import type { CaseInfo } from '../../../shared/contract';
import type { Agency, Profile } from '../../../shared/model';

/** Cases made before profiles existed carry this placeholder name (backend LEGACY_PROFILE). */
const PLACEHOLDER_NAME = 'analyst';

/** "ICE analyst R. Ortega"; a placeholder name is left out rather than read "analyst analyst". */
export function profileText(p: Profile): string {
  const name = p.name.trim();
  return !name || name.toLowerCase() === PLACEHOLDER_NAME ? `${p.agency} analyst` : `${p.agency} analyst ${name}`;
}

/** The agency answers are filtered for when it is not the case's own (the host ran with --as). */
export function viewingAs(info: Pick<CaseInfo, 'profile' | 'actingAs'>): Agency | null {
  return info.actingAs.agency !== info.profile.agency ? info.actingAs.agency : null;
}

/** "Crosslink — case EL PASO Q4 (ICE analyst R. Ortega)", and who the answers are for when that differs. */
export function windowTitle(info: Pick<CaseInfo, 'name' | 'profile' | 'actingAs'> | null): string {
  if (!info) return 'Crosslink';
  const as = viewingAs(info);
  return `Crosslink — case ${info.name} (${profileText(info.profile)})${as ? ` — viewing as ${as}` : ''}`;
}
