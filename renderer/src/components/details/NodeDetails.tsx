import { cachedApi } from '../../api/query-cache';
import { expandNode, removeNodes } from '../../actions/graph-actions';
import { boardStore } from '../../graph/graph-store';
import { useQuery } from '../../hooks/useQuery';
import { useStore } from '../../hooks/useStore';
import { HandlingBadge } from '../HandlingBadge';
import { KindIcon } from '../KindIcon';
import { AttributeTable } from './AttributeTable';
import { EntityRecords } from './EntityRecords';
import { Mentions } from './Mentions';
import { NeighbourCounts } from './NeighbourCounts';
import { PointerCard } from './PointerCard';
import { WithheldNote } from './WithheldNote';

export function NodeDetails({ id }: { id: number }) {
  const onBoard = useStore(boardStore, (b) => b.graph.nodes.get(id)?.ref);
  // A pointer's whole story is on the board already; there are no details to ask for.
  const isPointer = onBoard?.kind === 'pointer';
  const q = useQuery(isPointer ? null : `node ${id}`, () => cachedApi('graph.node', { id }));
  if (onBoard && isPointer) return <PointerCard node={onBoard} />;
  if (q.error) return <div className="error-box">Could not load the details: {q.error}</div>;
  if (!q.data) return <div className="muted pad">Loading…</div>;
  const d = q.data;
  if (d.node.kind === 'pointer') return <PointerCard node={d.node} />;
  const pointer = d.node.pointer ?? onBoard?.pointer;
  return (
    <>
      <div className="dhead">
        <KindIcon kind={d.node.kind} size={40} />
        <div className="dhead-text">
          <div className="dkind">{d.kindLabel}</div>
          <div className="dlabel">{d.node.label}</div>
          <div className="dsub">
            {d.node.sourceId && <span className="mono">{d.node.sourceId}</span>}
            <HandlingBadge handling={d.node.handling} />
          </div>
        </div>
      </div>
      {pointer && <WithheldNote pointer={pointer} />}
      <div className="dactions">
        <button className="btn btn-primary" onClick={() => void expandNode(id)} title="Add the neighbours (E)">Expand</button>
        <button className="btn" onClick={() => removeNodes([id])} title="Remove from the canvas (Delete)">Remove</button>
      </div>
      {d.node.kind === 'person' && <EntityRecords attributes={d.attributes} />}
      <section className="dsec">
        <h3>Attributes <span className="count-pill">{d.attributes.length}</span></h3>
        <AttributeTable attributes={d.attributes} />
      </section>
      <Mentions mentions={d.mentions} />
      <NeighbourCounts details={d} />
    </>
  );
}
