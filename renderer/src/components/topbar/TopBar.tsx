import { useStore } from '../../hooks/useStore';
import { caseStore } from '../../state/case-store';
import { MenuBar } from './MenuBar';
import { SearchBox } from './SearchBox';

export function TopBar() {
  const info = useStore(caseStore, (c) => c.info);
  return (
    <header className="topbar">
      <div className="brand" title="Crosslink link-analysis workstation">
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="6" cy="7" r="3" /><circle cx="18" cy="7" r="3" /><circle cx="12" cy="18" r="3" />
          <path d="M8.6 8.5l2 7M15.4 8.5l-2 7M9 7h6" />
        </svg>
        Crosslink
      </div>
      <MenuBar />
      <div className={`case-title${info ? '' : ' none'}`} title={info?.path}>
        {info ? (
          <>
            <span className="case-label">Case</span>
            <span className="case-name">{info.name}</span>
          </>
        ) : (
          'No case open'
        )}
      </div>
      <SearchBox />
    </header>
  );
}
