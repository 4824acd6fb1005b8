import { fmtInt } from '../../graph/format';
import { useStore } from '../../hooks/useStore';
import { caseStore } from '../../state/case-store';
import { uiStore } from '../../state/ui-store';
import { LinkDetails } from './LinkDetails';
import { NodeDetails } from './NodeDetails';

export function DetailsPanel() {
  const sel = useStore(uiStore, (u) => u.selection);
  const hasCase = useStore(caseStore, (c) => !!c.info);
  const count = sel.nodes.length + sel.links.length;
  return (
    <aside className="details" data-testid="details-panel">
      <div className="panel-title">
        Details
        {count > 1 && <span className="muted small">{fmtInt(sel.nodes.length)} nodes, {fmtInt(sel.links.length)} links selected</span>}
      </div>
      <div className="details-body">
        {sel.focus?.type === 'node' && <NodeDetails key={`n${sel.focus.id}`} id={sel.focus.id} />}
        {sel.focus?.type === 'link' && <LinkDetails key={`l${sel.focus.id}`} id={sel.focus.id} />}
        {!sel.focus && (
          <div className="details-empty">
            <p><strong>Nothing selected.</strong></p>
            {hasCase ? (
              <ul className="hints">
                <li>Search (Ctrl+K) and pick a result to put it on the canvas.</li>
                <li>Click a node or link to see its attributes and where each value came from.</li>
                <li>Double-click a node to add its neighbours.</li>
              </ul>
            ) : (
              <p className="muted small">Open or create a case to begin.</p>
            )}
          </div>
        )}
      </div>
    </aside>
  );
}
