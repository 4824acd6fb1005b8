import { beginImport } from '../../actions/case-actions';
import { beginTableImport } from '../../actions/table-import-actions';
import { focusSearch } from '../../app-commands';
import { fmtInt } from '../../graph/format';
import { boardStore } from '../../graph/graph-store';
import { useStore } from '../../hooks/useStore';
import { caseStore } from '../../state/case-store';

/** Shown over an empty board of an open case: how to start. */
export function CanvasHint() {
  const empty = useStore(boardStore, (b) => b.graph.nodes.size === 0);
  const info = useStore(caseStore, (c) => c.info);
  if (!empty || !info) return null;
  if (info.counts.nodes === 0) {
    return (
      <div className="canvas-hint">
        <h2>This case is empty</h2>
        <p>Import a TECS export bundle (a folder with manifest.json, or a .zip of it) to load its records.</p>
        <div className="empty-actions">
          <button className="btn btn-primary" onClick={beginImport}>Import bundle… <kbd>Ctrl I</kbd></button>
          <button className="btn" data-testid="hint-import-table" onClick={beginTableImport}>Import table… <kbd>Ctrl Shift I</kbd></button>
        </div>
        <p className="muted small">A table is a CSV, TSV or XLSX file (or a folder or .zip of them, such as a neo4j export): you map its columns, with a preview.</p>
      </div>
    );
  }
  return (
    <div className="canvas-hint">
      <h2>The canvas is empty</h2>
      <p>
        This case holds {fmtInt(info.counts.nodes)} nodes and {fmtInt(info.counts.links)} links. Find a person, plate,
        document or phone number to start drawing.
      </p>
      <button className="btn btn-primary" onClick={focusSearch}>Search the case <kbd>Ctrl K</kbd></button>
      <p className="muted small">Then double-click a node to add its neighbours; right-click for more.</p>
    </div>
  );
}
