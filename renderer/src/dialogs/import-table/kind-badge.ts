// A kind's badge as the spec draws it: a custom kind the case does not know yet is shown
// with the colour and icon the spec gives it, not a grey default.
import { isCustomKind, type KindDef, type NodeKind } from '../../../../shared/model';
import { ICON_GLYPHS, badgeSvg, dataUri } from '../../icons/glyphs';
import { badgeUri } from '../../icons/kinds';

const cache = new Map<string, string>();

export function specBadgeUri(kind: string, defs: readonly KindDef[]): string {
  const d = isCustomKind(kind) ? defs.find((x) => x.kind === kind) : undefined;
  if (!d) return badgeUri(kind as NodeKind);
  const key = `${d.icon}|${d.colour}`;
  let u = cache.get(key);
  if (!u) cache.set(key, (u = dataUri(badgeSvg(ICON_GLYPHS[d.icon], d.colour))));
  return u;
}
