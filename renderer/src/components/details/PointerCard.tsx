// The details of a pointer: that something exists, who holds it and whom to ask. Nothing
// else is shown because nothing else was sent: the backend withheld the content.
import type { NodeRef } from '../../../../shared/model';
import { removeNodes } from '../../actions/graph-actions';
import { pointerSentence } from '../../access/pointer-text';
import { KIND_LOOK } from '../../icons/kinds';
import { KindIcon } from '../KindIcon';

export function PointerCard({ node }: { node: NodeRef }) {
  return (
    <>
      <div className="pointer-card" data-testid="pointer-card">
        <KindIcon kind="pointer" size={40} />
        <div>
          <div className="dkind">{KIND_LOOK.pointer.label}</div>
          <p className="pointer-sentence">{node.pointer ? pointerSentence(node.pointer) : node.label}</p>
          <p className="muted small">You may know that this exists and whom to ask, not what it holds.</p>
        </div>
      </div>
      <div className="dactions">
        <button className="btn" onClick={() => removeNodes([node.id])} title="Remove from the canvas (Delete)">Remove</button>
      </div>
    </>
  );
}
