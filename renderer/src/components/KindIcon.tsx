import type { NodeKind } from '../../../shared/model';
import { badgeUri, kindLook } from '../icons/kinds';

export function KindIcon({ kind, size = 20 }: { kind: NodeKind; size?: number }) {
  return <img className="kind-icon" src={badgeUri(kind)} width={size} height={size} alt={kindLook(kind).label} title={kindLook(kind).label} />;
}
