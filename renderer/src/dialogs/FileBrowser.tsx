// The in-app file browser: breadcrumbs, Up, a path field to type or paste into, and the list.
// The browser host cannot hand us real paths, so the listing comes from the backend (fs.list).
import type { DirEntry } from '../../../shared/contract';
import { fmtBytes } from '../graph/format';
import { crumbs } from '../graph/paths';
import type { DirListing } from '../hooks/useDirListing';
import { visibleEntry, type BrowseMode } from './file-target';

export interface FileBrowserProps {
  dir: DirListing;
  mode: BrowseMode;
  typed: string;
  onTyped(v: string): void;
  selected: DirEntry | null;
  onSelect(e: DirEntry | null): void;
  /** Double-click on a file (a folder is entered instead). */
  onOpenFile?(e: DirEntry): void;
}

function EntryIcon({ e }: { e: DirEntry }) {
  if (e.type === 'dir') {
    return (
      <svg className={`fe-icon${e.isBundle ? ' bundle' : ''}`} viewBox="0 0 24 24" aria-hidden="true">
        <path d="M3 6.5A1.5 1.5 0 0 1 4.5 5H9l2 2.2h8.5A1.5 1.5 0 0 1 21 8.7V18.5A1.5 1.5 0 0 1 19.5 20h-15A1.5 1.5 0 0 1 3 18.5z" />
      </svg>
    );
  }
  return (
    <svg className="fe-icon file" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M6 3h8l4 4v14H6z" /><path d="M14 3v4h4" />
    </svg>
  );
}

export function FileBrowser({ dir, mode, typed, onTyped, selected, onSelect, onOpenFile }: FileBrowserProps) {
  const { listing, error, loading, go } = dir;
  const entries = listing?.entries.filter((e) => visibleEntry(mode, e)) ?? [];
  const hidden = (listing?.entries.length ?? 0) - entries.length;
  const enter = (path: string) => {
    onSelect(null);
    void go(path);
  };
  return (
    <div className="fb">
      <div className="fb-bar">
        <button className="btn btn-small" disabled={!listing?.parent} onClick={() => listing?.parent && enter(listing.parent)} title="Parent folder">
          ↑ Up
        </button>
        <input
          className="fb-path mono"
          data-testid="file-path-input"
          value={typed}
          spellCheck={false}
          onChange={(e) => onTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              enter(typed.trim());
            }
          }}
          aria-label="Path"
          placeholder="Type or paste a path, then Enter"
        />
        <button className="btn btn-small" onClick={() => enter(typed.trim())}>Go</button>
      </div>
      <nav className="fb-crumbs" aria-label="Folder path">
        {listing && crumbs(listing.path).map((c, i, all) => (
          <span key={c.path}>
            <button className="crumb" onClick={() => enter(c.path)} disabled={i === all.length - 1}>{c.name}</button>
            {i > 0 && i < all.length - 1 && <span className="crumb-sep">›</span>}
          </span>
        ))}
      </nav>
      {error && <div className="error-box">{error}</div>}
      <div className="fb-list" role="listbox" aria-busy={loading}>
        {entries.map((e) => (
          <div
            key={e.path}
            role="option"
            aria-selected={selected?.path === e.path}
            className={`fb-entry${selected?.path === e.path ? ' selected' : ''}`}
            onClick={() => onSelect(e)}
            onDoubleClick={() => (e.type === 'dir' ? enter(e.path) : onOpenFile?.(e))}
            title={e.path}
          >
            <EntryIcon e={e} />
            <span className="fe-name">{e.name}</span>
            {e.isBundle && (mode === 'import' || mode === 'open' || mode === 'folder') && <span className="bundle-badge">bundle</span>}
            <span className="fe-size muted">{e.type === 'file' ? fmtBytes(e.size) : ''}</span>
          </div>
        ))}
        {listing && !entries.length && <div className="muted pad">Nothing to show in this folder.</div>}
        {!listing && loading && <div className="muted pad">Loading…</div>}
      </div>
      {hidden > 0 && <div className="fb-note muted small">{hidden} other file{hidden === 1 ? '' : 's'} not shown.</div>}
    </div>
  );
}
