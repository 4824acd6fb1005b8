// The wizard's first step: the table to map (CSV, TSV, XLSX), or a folder or .zip of them
// (a neo4j-admin export is a folder of node and relationship files).
import { useEffect, useState } from 'react';
import type { DirEntry } from '../../../../shared/contract';
import { closeTableImport, previousMapping, readTable, reopenPreviousMapping } from '../../actions/table-import-actions';
import { baseName } from '../../graph/paths';
import { useDirListing } from '../../hooks/useDirListing';
import { tableTarget } from '../../import-spec/table-target';
import { Dialog } from '../Dialog';
import { FileBrowser } from '../FileBrowser';

export function PickTableStep({ reading, error, path }: { reading: boolean; error: string | null; path: string | null }) {
  const dir = useDirListing();
  const [selected, setSelected] = useState<DirEntry | null>(null);
  const [typed, setTyped] = useState('');
  useEffect(() => {
    if (dir.listing) setTyped(dir.listing.path);
  }, [dir.listing]);
  const target = tableTarget(dir.listing, selected, typed);
  const read = (p = target?.path) => p && !reading && void readTable(p);
  const earlier = previousMapping();
  return (
    <Dialog title="Import table — choose the file" onClose={closeTableImport} size="large" testId="import-table-pick"
      footer={
        <>
          <span className="foot-note muted small">CSV, TSV or XLSX; or a folder or .zip of them, such as a neo4j-admin export.</span>
          <button className="btn" onClick={closeTableImport}>Cancel</button>
          <button className="btn btn-primary" data-testid="import-table-read" disabled={!target || reading} onClick={() => read()}>
            {reading ? 'Reading…' : (target?.label ?? 'Read')}
          </button>
        </>
      }>
      {error && <div className="error-box" data-testid="import-table-read-error"><strong>Could not read {path ?? 'the file'}.</strong> {error}</div>}
      {earlier && !reading && (
        <div className="info-box">
          The mapping of <span className="mono">{baseName(earlier)}</span> was closed before it was imported.{' '}
          <button className="link-btn" data-testid="import-table-reopen" onClick={reopenPreviousMapping}>Back to that mapping</button>
        </div>
      )}
      {reading && <div className="info-box" role="status">Reading {path} and guessing a first mapping…</div>}
      <FileBrowser dir={dir} mode="table" typed={typed} onTyped={setTyped} selected={selected} onSelect={setSelected} onOpenFile={(e) => read(e.path)} />
    </Dialog>
  );
}
