import { cachedApi } from '../../api/query-cache';
import { expandNode, removeNodes } from '../../actions/graph-actions';
import { useQuery } from '../../hooks/useQuery';
import { HandlingBadge } from '../HandlingBadge';
import { KindIcon } from '../KindIcon';
import { AttributeTable } from './AttributeTable';
import { EntityRecords } from './EntityRecords';
import { Mentions } from './Mentions';
import { NeighbourCounts } from './NeighbourCounts';

export function NodeDetails({ id }: { id: number }) {
  const q = useQuery(`node ${id}`, () => cachedApi('graph.node', { id }));
  if (q.error) return <div className="error-box">Could not load the details: {q.error}</div>;
  if (!q.data) return <div className="muted pad">Loading…</div>;
  const d = q.data;
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
