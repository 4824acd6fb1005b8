import type { Handling } from '../../../shared/model';
import { HANDLING_LOOK } from '../icons/handling';

export function HandlingBadge({ handling }: { handling: Handling }) {
  return (
    <span className={`hbadge h-${handling.toLowerCase()}`} title={HANDLING_LOOK[handling].meaning}>
      {handling}
    </span>
  );
}
