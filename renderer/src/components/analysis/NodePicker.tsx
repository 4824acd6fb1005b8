// One end of a path: the chosen node as a chip, or a search field to pick one.
import { useState } from 'react';
import type { NodeRef } from '../../../../shared/model';
import { useSearch } from '../../hooks/useSearch';
import { NodeChip } from './NodeChip';

export interface NodePickerProps {
  label: string;
  value: NodeRef | null;
  onChange: (n: NodeRef | null) => void;
  testId: string;
}

export function NodePicker({ label, value, onChange, testId }: NodePickerProps) {
  const [q, setQ] = useState('');
  const search = useSearch(q, true, 8);
  const hits = search.loading || search.query !== q.trim() ? [] : search.hits;
  return (
    <div className="an-picker" data-testid={testId}>
      <span className="an-picker-label">{label}</span>
      {value ? (
        <span className="an-picker-value">
          <NodeChip node={value} />
          <button className="link-btn" onClick={() => onChange(null)} data-testid={`${testId}-change`}>change</button>
        </span>
      ) : (
        <span className="an-picker-search">
          <input
            type="search"
            placeholder="Search a name, id, plate, phone…"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && hits[0]) {
                e.preventDefault();
                onChange(hits[0]);
                setQ('');
              }
            }}
            aria-label={`${label}: search`}
          />
          {q.trim() && (
            <div className="an-picker-drop" role="listbox">
              {search.loading && <div className="small muted pad-s">Searching…</div>}
              {!search.loading && !hits.length && <div className="small muted pad-s">No matches</div>}
              {hits.map((h) => (
                <button key={h.id} className="an-picker-hit" role="option" aria-selected="false" onClick={() => { onChange(h); setQ(''); }}>
                  <NodeChip node={h} />
                </button>
              ))}
            </div>
          )}
        </span>
      )}
    </div>
  );
}
