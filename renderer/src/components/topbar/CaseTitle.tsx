// The case in the window's title bar: its name, its analyst, and a warning badge when the
// answers are filtered for another agency than the case's (a host started with --as).
import { useEffect } from 'react';
import { profileText, viewingAs, windowTitle } from '../../access/profile-text';
import { useStore } from '../../hooks/useStore';
import { caseStore } from '../../state/case-store';

export function CaseTitle() {
  const info = useStore(caseStore, (c) => c.info);
  const title = windowTitle(info);
  useEffect(() => {
    document.title = title;
  }, [title]);
  if (!info) return <div className="case-title none">No case open</div>;
  const as = viewingAs(info);
  return (
    <>
      <div className="case-title" title={`${title}\n${info.path}`} data-testid="case-title">
        <span className="case-label">Case</span>
        <span className="case-name">{info.name}</span>
        <span className="case-profile">({profileText(info.profile)})</span>
      </div>
      {as && (
        <span
          className="viewing-as"
          data-testid="viewing-as"
          title={`Every answer is filtered for a ${as} analyst: what ${as} may not see is withheld or shown as a pointer. The case belongs to ${profileText(info.profile)}.`}
        >
          Viewing as {as}
        </span>
      )}
    </>
  );
}
