import type { NodeDetails } from '../../../../shared/contract';
import { EXPAND_LIMIT, expandNode } from '../../actions/graph-actions';
import { fmtInt } from '../../graph/format';
import { kindLook } from '../../icons/kinds';
import { KindIcon } from '../KindIcon';

export function NeighbourCounts({ details }: { details: NodeDetails }) {
  const id = details.node.id;
  const total = details.neighbourCounts.reduce((s, n) => s + n.count, 0);
  return (
    <section className="dsec">
      <h3>
        Neighbours <span className="count-pill">{fmtInt(total)}</span>
        {total > 0 && (
          <button className="btn btn-small btn-primary" onClick={() => void expandNode(id)} title="Add all neighbours to the canvas (double-click or E)">
            Expand
          </button>
        )}
      </h3>
      {!total && <p className="muted small">No links.</p>}
      <ul className="ncounts">
        {details.neighbourCounts.map((n) => (
          <li key={n.kind}>
            <KindIcon kind={n.kind} size={18} />
            <span className="kc-label">{kindLook(n.kind).label}</span>
            <span className="kc-count">{fmtInt(n.count)}</span>
            <button
              className="btn btn-small"
              disabled={n.count > EXPAND_LIMIT}
              title={n.count > EXPAND_LIMIT ? `More than ${EXPAND_LIMIT}: too many to draw at once` : `Add only the ${kindLook(n.kind).label.toLowerCase()} neighbours`}
              onClick={() => void expandNode(id, { kinds: [n.kind], force: true })}
            >
              Add
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
