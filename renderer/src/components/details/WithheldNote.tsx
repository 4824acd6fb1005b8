// On an entity partly withheld from the acting profile: how many of its records are not
// shown, and whom to ask about them.
import type { Pointer } from '../../../../shared/model';
import { partlyWithheldSentence } from '../../access/pointer-text';
import { lockBadgeUri } from '../../graph/marks-look';

export function WithheldNote({ pointer }: { pointer: Pointer }) {
  return (
    <div className="withheld-note" data-testid="withheld-note">
      <img src={lockBadgeUri} width={16} height={16} alt="" />
      <span>{partlyWithheldSentence(pointer)}.</span>
    </div>
  );
}
