// Analyse > Filters: hide what the analyst does not want to see now, by entity kind, link
// kind, handling, agency and period. Nothing leaves the board; Clear filters shows it all.
import { useState } from 'react';
import { linkKindLabel, nodeKindLabel, AGENCY, HANDLING, LINK_KINDS, NODE_KINDS, type LinkKind, type NodeKind } from '../../../../shared/model';
import { applyFilters } from '../../actions/analysis-actions';
import { NO_FILTERS, type FilterSpec } from '../../graph/filters';
import { boardStore } from '../../graph/graph-store';
import { useStore } from '../../hooks/useStore';
import { analysisStore } from '../../state/analysis-store';
import { closeDialog } from '../../state/ui-store';
import { Dialog } from '../Dialog';

function count<K extends string>(items: Iterable<K>): Map<K, number> {
  const m = new Map<K, number>();
  for (const k of items) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

const toggled = <T,>(list: T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

export function FiltersDialog() {
  const graph = useStore(boardStore, (b) => b.graph);
  const [f, setF] = useState<FilterSpec>(analysisStore.get().filters);
  const [busy, setBusy] = useState(false);
  const nodeKinds = count<NodeKind>([...graph.nodes.values()].map((n) => n.ref.kind));
  const linkKinds = count<LinkKind>([...graph.links.values()].map((l) => l.ref.kind));
  const apply = async (spec: FilterSpec) => {
    setBusy(true);
    try {
      await applyFilters(spec);
      closeDialog();
    } finally {
      setBusy(false);
    }
  };
  const footer = (
    <>
      <button className="btn" onClick={() => void apply(NO_FILTERS)} disabled={busy}>Clear filters</button>
      <span className="sb-grow" />
      <button className="btn" onClick={closeDialog}>Cancel</button>
      <button className="btn btn-primary" data-testid="filters-apply" onClick={() => void apply(f)} disabled={busy}>{busy ? 'Reading agencies…' : 'Apply'}</button>
    </>
  );
  return (
    <Dialog title="Filter the board" onClose={closeDialog} footer={footer} testId="filters-dialog">
      <p className="small muted">Unticked items are hidden from the canvas, not removed from the board.</p>
      <h3>Entities</h3>
      <div className="an-kind-grid">
        {NODE_KINDS.filter((k) => nodeKinds.has(k)).map((k) => (
          <label key={k} className="an-check">
            <input type="checkbox" checked={!f.hideNodeKinds.includes(k)} onChange={() => setF({ ...f, hideNodeKinds: toggled(f.hideNodeKinds, k) })} data-testid={`filter-kind-${k}`} />
            {nodeKindLabel(k)} <span className="muted">{nodeKinds.get(k)}</span>
          </label>
        ))}
      </div>
      <h3>Links</h3>
      <div className="an-kind-grid">
        {LINK_KINDS.filter((k) => linkKinds.has(k)).map((k) => (
          <label key={k} className="an-check">
            <input type="checkbox" checked={!f.hideLinkKinds.includes(k)} onChange={() => setF({ ...f, hideLinkKinds: toggled(f.hideLinkKinds, k) })} />
            {linkKindLabel(k)} <span className="muted">{linkKinds.get(k)}</span>
          </label>
        ))}
      </div>
      <div className="summary-grid">
        <div>
          <h3>Handling</h3>
          {HANDLING.options.map((h) => (
            <label key={h} className="an-check">
              <input type="checkbox" checked={!f.hideHandling.includes(h)} onChange={() => setF({ ...f, hideHandling: toggled(f.hideHandling, h) })} /> {h}
            </label>
          ))}
        </div>
        <div>
          <h3>Entered by (all when none ticked)</h3>
          {AGENCY.options.map((a) => (
            <label key={a} className="an-check">
              <input type="checkbox" checked={f.agencies.includes(a)} onChange={() => setF({ ...f, agencies: toggled(f.agencies, a) })} /> {a}
            </label>
          ))}
        </div>
      </div>
      <h3>Period (dated links)</h3>
      <div className="an-options">
        <label>From <input type="date" value={f.since ?? ''} onChange={(e) => setF({ ...f, since: e.target.value || null })} /></label>
        <label>To <input type="date" value={f.until ?? ''} onChange={(e) => setF({ ...f, until: e.target.value || null })} /></label>
      </div>
    </Dialog>
  );
}
