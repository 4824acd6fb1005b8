import type { NodeRef } from '../../../../shared/model';
import { cachedApi } from '../../api/query-cache';
import { fmtDateTime } from '../../graph/format';
import { useQuery } from '../../hooks/useQuery';
import { requestCanvas } from '../../state/canvas-bus';
import { HandlingBadge } from '../HandlingBadge';
import { KindIcon } from '../KindIcon';
import { AttributeTable } from './AttributeTable';
import { ProvenanceFull } from './ProvenanceLine';

function End({ node, role }: { node: NodeRef; role: string }) {
  return (
    <button className="link-end" onClick={() => requestCanvas({ type: 'focus', select: [node.id] })} title="Select this node">
      <span className="muted small">{role}</span>
      <KindIcon kind={node.kind} size={18} />
      <span className="link-end-label">{node.label}</span>
    </button>
  );
}

export function LinkDetails({ id }: { id: number }) {
  const q = useQuery(`link ${id}`, () => cachedApi('graph.link', { id }));
  if (q.error) return <div className="error-box">Could not load the link: {q.error}</div>;
  if (!q.data) return <div className="muted pad">Loading…</div>;
  const d = q.data;
  return (
    <>
      <div className="dhead">
        <div className="dhead-text">
          <div className="dkind">Link</div>
          <div className="dlabel">{d.kindLabel}</div>
          <div className="dsub">
            {d.link.at && <span>{fmtDateTime(d.link.at)}</span>}
            <HandlingBadge handling={d.link.handling} />
          </div>
        </div>
      </div>
      <div className="link-ends">
        <End node={d.source} role="From" />
        <End node={d.target} role="To" />
      </div>
      <section className="dsec">
        <h3>Attributes <span className="count-pill">{d.attributes.length}</span></h3>
        <AttributeTable attributes={d.attributes} />
      </section>
      {d.provenance && (
        <section className="dsec">
          <h3>Source row</h3>
          <ProvenanceFull p={d.provenance} />
        </section>
      )}
    </>
  );
}
