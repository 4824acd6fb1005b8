import type { NodeKind } from '../../../shared/model';
import { KIND_LOOK, badgeUri } from '../icons/kinds';

export function KindIcon({ kind, size = 20 }: { kind: NodeKind; size?: number }) {
  return <img className="kind-icon" src={badgeUri(kind)} width={size} height={size} alt={KIND_LOOK[kind].label} title={KIND_LOOK[kind].label} />;
}
