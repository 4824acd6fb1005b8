// File > New case…: a folder, a file name, a case name and the analyst working it.
import { useEffect, useState } from 'react';
import type { DirEntry } from '../../../shared/contract';
import { createCase } from '../actions/case-actions';
import { stamp } from '../graph/format';
import { joinPath } from '../graph/paths';
import { useDirListing } from '../hooks/useDirListing';
import { closeDialog } from '../state/ui-store';
import { Dialog } from './Dialog';
import { FileBrowser } from './FileBrowser';
import { rememberedProfile, rememberProfile } from '../access/last-profile';
import { completeProfile, ProfileFields, type ProfileDraft } from './ProfileFields';

export function NewCaseDialog({ thenImport = false }: { thenImport?: boolean | 'table' }) {
  const dir = useDirListing();
  const [typed, setTyped] = useState('');
  const [file, setFile] = useState(`case-${stamp()}.crosslink`);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [analyst, setAnalyst] = useState<ProfileDraft>(() => rememberedProfile() ?? { name: '', agency: null });
  const [folder, setFolder] = useState<DirEntry | null>(null);
  useEffect(() => {
    if (dir.listing) setTyped(dir.listing.path);
    setFolder(null);
  }, [dir.listing]);

  const fileName = file.trim() && !/\.[a-z0-9]+$/i.test(file.trim()) ? `${file.trim()}.crosslink` : file.trim();
  // A folder clicked once is where the case goes; otherwise the folder shown.
  const target = folder?.type === 'dir' ? folder.path : dir.listing?.path;
  // A pasted absolute path is taken as the whole location of the new case.
  const absolute = /^(\/|[A-Za-z]:[\\/])/.test(fileName);
  const exists = !absolute && !folder && !!dir.listing?.entries.some((e) => e.name === fileName);
  const badName = !absolute && /[\\/]/.test(fileName);
  const full = absolute ? fileName : target && fileName ? joinPath(target, fileName) : '';
  const profile = completeProfile(analyst);
  const ok = !!full && !exists && !badName && !busy && !!profile;
  const create = async () => {
    if (!ok || !profile) return;
    setBusy(true);
    rememberProfile(profile);
    await createCase(full, name, thenImport, profile);
    setBusy(false);
  };

  return (
    <Dialog
      title={thenImport ? 'Create a case to import into' : 'New case'}
      onClose={closeDialog}
      size="large"
      testId="file-dialog"
      footer={
        <>
          <span className="foot-note muted small mono" title={full}>{full}</span>
          <button className="btn" onClick={closeDialog}>Cancel</button>
          <button className="btn btn-primary" data-testid="file-dialog-confirm" disabled={!ok} onClick={() => void create()}>
            {busy ? 'Creating…' : thenImport === 'table' ? 'Create and choose table…' : thenImport ? 'Create and choose bundle…' : 'Create case'}
          </button>
        </>
      }
    >
      {thenImport && <div className="info-box">No case is open. A {thenImport === 'table' ? 'table' : 'bundle'} is imported into a case file: create one first.</div>}
      <div className="form-row">
        <label>
          <span>Case name</span>
          <input data-testid="new-case-name" value={name} placeholder="e.g. EL PASO Q4 smuggling review" onChange={(e) => setName(e.target.value)} autoFocus
            onKeyDown={(e) => e.key === 'Enter' && void create()} />
        </label>
        <label>
          <span>File name</span>
          <input data-testid="new-case-file" className="mono" value={file} spellCheck={false} onChange={(e) => setFile(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && void create()} />
        </label>
      </div>
      <ProfileFields value={analyst} onChange={setAnalyst} onEnter={() => void create()} />
      {!profile && <div className="muted small" data-testid="profile-needed">Name the analyst and choose the agency: every answer in the case is filtered by that agency's handling rules.</div>}
      {exists && <div className="error-box">A file named {fileName} already exists in this folder: choose another name, or use File › Open case.</div>}
      {badName && <div className="error-box">The file name cannot contain / or \ (paste a full path starting with / to choose the folder too).</div>}
      <div className="fb-caption muted small">Folder to save the case in:</div>
      <FileBrowser dir={dir} mode="folder" typed={typed} onTyped={setTyped} selected={folder} onSelect={setFolder} />
    </Dialog>
  );
}
