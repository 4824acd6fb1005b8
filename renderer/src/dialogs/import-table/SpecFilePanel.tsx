// Save spec… and Load spec…: a spec is a JSON file on the host, kept for the next file of the
// same shape. A spec that does not load says which of its fields is wrong, by JSON path.
import { useEffect, useState } from 'react';
import type { DirEntry } from '../../../../shared/contract';
import { loadSpec, openSpecPanel, saveSpec } from '../../actions/table-import-actions';
import { useDirListing } from '../../hooks/useDirListing';
import { defaultSpecName, specFileTarget, specSavePath } from '../../import-spec/table-target';
import type { TableImport } from '../../state/table-import-store';
import { FileBrowser } from '../FileBrowser';

interface Props {
  mode: 'save' | 'load';
  specName: string;
  specFile: string | null;
  loadError: TableImport['loadError'];
}

const folderOf = (p: string | null) => (p ? p.replace(/[\\/][^\\/]*$/, '') || undefined : undefined);

export function SpecFilePanel({ mode, specName, specFile, loadError }: Props) {
  const dir = useDirListing(folderOf(specFile));
  const [typed, setTyped] = useState('');
  const [selected, setSelected] = useState<DirEntry | null>(null);
  const [name, setName] = useState(() => (specFile ? specFile.replace(/^.*[\\/]/, '') : defaultSpecName(specName)));
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (dir.listing) setTyped(dir.listing.path);
    setSelected(null);
  }, [dir.listing]);
  const target = mode === 'save' ? specSavePath(dir.listing, selected, name) : specFileTarget(dir.listing, selected, typed);
  const go = async (path = target) => {
    if (!path || busy) return;
    setBusy(true);
    await (mode === 'save' ? saveSpec(path) : loadSpec(path));
    setBusy(false);
  };
  return (
    <div className="itw-panel-overlay">
      <div className="itw-panel" role="dialog" aria-label={mode === 'save' ? 'Save spec' : 'Load spec'} data-testid={`spec-${mode}-panel`}>
        <h3>{mode === 'save' ? 'Save the spec as a JSON file' : 'Load a spec (JSON file)'}</h3>
        <p className="muted small">
          {mode === 'save'
            ? 'The next file of the same shape is mapped with Load spec…; the file can be shared and edited by hand.'
            : 'The loaded spec replaces the one being edited; the preview shows what it makes of this file.'}
        </p>
        {loadError && (
          <div className="error-box" data-testid="spec-load-error">
            <strong>{loadError.summary}</strong>
            {loadError.problems.length > 0 && (
              <ul>{loadError.problems.map((x, i) => <li key={i}><span className="mono">{x.path}</span>: {x.message}</li>)}</ul>
            )}
          </div>
        )}
        <FileBrowser dir={dir} mode="spec" typed={typed} onTyped={setTyped} selected={selected}
          onSelect={(e) => {
            setSelected(e);
            if (mode === 'save' && e?.type === 'file') setName(e.name);
          }}
          onOpenFile={(e) => mode === 'load' && void go(e.path)} />
        {mode === 'save' && (
          <label className="itw-field">
            <span>File name</span>
            <input className="itw-input mono" data-testid="spec-file-name" value={name} spellCheck={false} onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return;
                e.preventDefault();
                void go();
              }} />
          </label>
        )}
        <div className="itw-panel-foot">
          <span className="muted small mono foot-note" title={target ?? ''}>{target ?? (mode === 'load' ? 'Pick a .json file' : 'Name the file')}</span>
          <button className="btn" onClick={() => openSpecPanel(null)}>Back to the mapping</button>
          <button className="btn btn-primary" data-testid={`spec-${mode}-confirm`} disabled={!target || busy} onClick={() => void go()}>
            {busy ? 'Working…' : mode === 'save' ? 'Save spec' : 'Load spec'}
          </button>
        </div>
      </div>
    </div>
  );
}
