import { CaseTitle } from './CaseTitle';
import { MenuBar } from './MenuBar';
import { SearchBox } from './SearchBox';

export function TopBar() {
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
      <CaseTitle />
      <SearchBox />
    </header>
  );
}
