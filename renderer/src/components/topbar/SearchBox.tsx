// The big search box: names, ids, plates, documents, phones, addresses. Up/Down/Enter to pick;
// the pick goes onto the canvas, selected.
import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../../shared/contract';
import { addToCanvas } from '../../actions/graph-actions';
import { useSearch } from '../../hooks/useSearch';
import { useStore } from '../../hooks/useStore';
import { kindLook } from '../../icons/kinds';
import { caseStore } from '../../state/case-store';
import { sessionStore } from '../../session/session-store';
import { HandlingBadge } from '../HandlingBadge';
import { KindIcon } from '../KindIcon';

export function SearchBox() {
  const casePath = useStore(caseStore, (c) => c.info?.path ?? null);
  const participant = useStore(sessionStore, (s) => s.role === 'participant');
  const hasCase = casePath !== null || participant;
  const [q, setQ] = useState('');
  // Another case: the old query means nothing there.
  useEffect(() => setQ(''), [casePath]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const search = useSearch(q, hasCase);
  // Only hits that answer what is in the box now: a stale list must never be clicked.
  const loading = search.loading || search.query !== q.trim();
  const hits = loading ? [] : search.hits;
  const pendingEnter = useRef(false);
  // Closing on blur waits a moment so a click on a hit lands first; focusing again cancels it.
  const blurTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const pick = (hit: SearchHit) => {
    setOpen(false);
    input.current?.blur();
    void addToCanvas(hit);
  };
  // Enter pressed before the answer to the latest keystrokes arrived: take its first hit then.
  useEffect(() => {
    if (pendingEnter.current && !loading) {
      pendingEnter.current = false;
      if (hits[0]) pick(hits[0]);
    }
  });

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter' && loading) pendingEnter.current = true;
    else if (e.key === 'Enter' && hits[active]) pick(hits[active]);
    else if (e.key === 'Escape') {
      if (open && q) setOpen(false);
      else input.current?.blur();
    } else return;
    e.preventDefault();
    setOpen(e.key !== 'Escape' && e.key !== 'Enter');
  };

  const showDrop = open && hasCase && q.trim() !== '';
  return (
    <div className="search">
      <svg className="search-glass" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="10.5" cy="10.5" r="6.5" /><path d="M15.5 15.5L21 21" />
      </svg>
      <input
        ref={input}
        data-testid="search-input"
        type="search"
        spellCheck={false}
        autoComplete="off"
        disabled={!hasCase}
        placeholder={hasCase ? 'Search names, ids, plates, documents, phones, addresses…' : 'Open a case to search'}
        value={q}
        onChange={(e) => { setQ(e.target.value); setOpen(true); setActive(0); pendingEnter.current = false; }}
        onFocus={() => { clearTimeout(blurTimer.current); setOpen(true); }}
        onBlur={() => { blurTimer.current = setTimeout(() => setOpen(false), 150); }}
        onKeyDown={onKeyDown}
        aria-label="Search the case"
        aria-expanded={showDrop}
        aria-controls="search-results"
      />
      <kbd className="search-kbd">Ctrl K</kbd>
      {showDrop && (
        <div className="search-drop" id="search-results" role="listbox">
          <div className="search-head">
            {loading ? 'Searching…' : !hits.length ? `No matches for “${q.trim()}”` : `${hits.length}${hits.length >= 20 ? '+' : ''} results — Enter adds to the canvas`}
          </div>
          {hits.map((h, i) => (
            <div
              key={h.id}
              role="option"
              aria-selected={i === active}
              className={`search-hit${i === active ? ' active' : ''}`}
              data-testid="search-result"
              onMouseDown={(e) => { e.preventDefault(); pick(h); }}
              onMouseEnter={() => setActive(i)}
            >
              <KindIcon kind={h.kind} size={26} />
              <div className="hit-main">
                <div className="hit-label">{h.label}</div>
                <div className="hit-sub">
                  <span className="mono">{h.sourceId ?? `#${h.id}`}</span>
                  {h.matched && h.matched !== h.label && <span className="hit-matched"> · matched “{h.matched}”</span>}
                </div>
              </div>
              <div className="hit-side">
                <span className="hit-kind">{kindLook(h.kind).label}</span>
                {h.handling !== 'SHARED' && <HandlingBadge handling={h.handling} />}
              </div>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
