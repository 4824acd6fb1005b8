// Brief > Verify a package…: pick a .zip (the file browser of File > Import) and check that
// every file in it matches the checksum its manifest recorded.
import { useEffect, useState } from 'react';
import type { DirEntry, Output } from '../../../../shared/contract';
import { verifyBrief } from '../../actions/brief-actions';
import { useDirListing } from '../../hooks/useDirListing';
import { errorMessage } from '../../state/toasts';
import { closeDialog } from '../../state/ui-store';
import { Dialog } from '../Dialog';
import { FileBrowser } from '../FileBrowser';
import { packageTarget } from '../file-target';
import { baseName } from '../../graph/paths';
import { caseStore } from '../../state/case-store';
import { briefsFolder } from './brief-text';
import { VerifyOutcome } from './VerifyOutcome';

export function BriefVerifyDialog() {
  // Packages are written to briefs/ beside the case unless the analyst chose elsewhere.
  const [start] = useState(() => {
    const c = caseStore.get().info?.path;
    return c ? briefsFolder(c) : undefined;
  });
  const dir = useDirListing(start);
  const [selected, setSelected] = useState<DirEntry | null>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ file: string; result?: Output<'brief.verify'>; error?: string } | null>(null);
  useEffect(() => {
    if (dir.listing) setTyped(dir.listing.path);
  }, [dir.listing]);

  const target = packageTarget(dir.listing, selected, typed);
  const verify = async (file = target) => {
    if (!file || busy) return;
    setBusy(true);
    try {
      setOutcome({ file, result: await verifyBrief(file) });
    } catch (e) {
      setOutcome({ file, error: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Verify a briefing package"
      onClose={closeDialog}
      size="large"
      testId="brief-verify-dialog"
      footer={
        <>
          <span className="foot-note muted small">Briefing packages are .zip files, by default in a briefs/ folder beside the case.</span>
          <button className="btn" onClick={closeDialog}>Close</button>
          <button className="btn btn-primary" data-testid="brief-verify-confirm" disabled={!target || busy} onClick={() => void verify()}>
            {busy ? 'Verifying…' : 'Verify'}
          </button>
        </>
      }
    >
      {outcome && (
        <div className="verify-outcome">
          <div className="small">Package <span className="mono" title={outcome.file}>{baseName(outcome.file)}</span>:</div>
          {outcome.result && <VerifyOutcome result={outcome.result} />}
          {outcome.error && <div className="error-box" data-testid="brief-verify-result">Could not read the package: {outcome.error}</div>}
        </div>
      )}
      <FileBrowser
        dir={dir}
        mode="package"
        typed={typed}
        onTyped={setTyped}
        selected={selected}
        onSelect={(e) => { setSelected(e); setOutcome(null); }}
        onOpenFile={(e) => void verify(e.path)}
      />
    </Dialog>
  );
}
