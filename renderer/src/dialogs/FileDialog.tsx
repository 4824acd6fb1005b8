// File > Open case… and File > Import bundle…: pick a case file, or a bundle folder / .zip.
import { useEffect, useState } from 'react';
import type { DirEntry } from '../../../shared/contract';
import { openCase } from '../actions/case-actions';
import { startImport } from '../actions/import-actions';
import { useDirListing } from '../hooks/useDirListing';
import { closeDialog } from '../state/ui-store';
import { Dialog } from './Dialog';
import { FileBrowser } from './FileBrowser';
import { fileTarget, isBundleFolder, type FileMode } from './file-target';

export function FileDialog({ mode }: { mode: FileMode }) {
  const dir = useDirListing();
  const [selected, setSelected] = useState<DirEntry | null>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (dir.listing) setTyped(dir.listing.path);
  }, [dir.listing]);

  const target = fileTarget(mode, dir.listing, selected, typed);
  const confirm = async (path = target?.path) => {
    if (!path || busy) return;
    setBusy(true);
    if (mode === 'open') await openCase(path);
    else await startImport(path);
    setBusy(false);
  };
  const bundleHere = mode === 'import' && isBundleFolder(dir.listing);

  return (
    <Dialog
      title={mode === 'open' ? 'Open case' : 'Import bundle'}
      onClose={closeDialog}
      size="large"
      testId="file-dialog"
      footer={
        <>
          <span className="foot-note muted small">
            {mode === 'import'
              ? 'A bundle is a folder with manifest.json and CSV files, or a .zip of that folder.'
              : 'Case files end in .crosslink.'}
          </span>
          <button className="btn" onClick={closeDialog}>Cancel</button>
          <button className="btn btn-primary" data-testid="file-dialog-confirm" disabled={!target || busy} onClick={() => void confirm()}>
            {busy ? 'Working…' : (target?.label ?? (mode === 'open' ? 'Open case' : 'Import'))}
          </button>
        </>
      }
    >
      {bundleHere && (
        <div className="info-box">
          This folder is a bundle (it has <span className="mono">manifest.json</span>). Press <strong>Import this folder</strong>.
        </div>
      )}
      <FileBrowser
        dir={dir}
        mode={mode}
        typed={typed}
        onTyped={setTyped}
        selected={selected}
        onSelect={setSelected}
        onOpenFile={(e) => (mode === 'open' || e.isBundle) && void confirm(e.path)}
      />
    </Dialog>
  );
}
