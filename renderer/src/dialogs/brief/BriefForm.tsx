// What the analyst decides about a package: its title, the summary they write, who it is
// for (the tear line), whether only the selection goes in, and where the .zip is written.
import { AGENCY, type Agency } from '../../../../shared/model';
import { plural } from '../../graph/format';
import { AUDIENCE_NOTE, DEFAULT_OUT } from './brief-text';

export interface BriefDraft {
  title: string;
  summary: string;
  audience: Agency;
  onlySelected: boolean;
  out: string;
}

export function BriefForm({ draft, onChange, selected }: { draft: BriefDraft; onChange(d: BriefDraft): void; selected: number }) {
  const set = <K extends keyof BriefDraft>(k: K, v: BriefDraft[K]) => onChange({ ...draft, [k]: v });
  return (
    <div className="brief-form">
      <label className="field">
        <span>Title</span>
        <input data-testid="brief-title" value={draft.title} maxLength={200} autoFocus onChange={(e) => set('title', e.target.value)} />
      </label>
      <label className="field">
        <span>Analyst's summary</span>
        <textarea data-testid="brief-summary" value={draft.summary} rows={5} maxLength={20_000}
          placeholder="What the board shows, what you assess, what you ask the reader to do." onChange={(e) => set('summary', e.target.value)} />
      </label>
      <div className="field">
        <span>Audience</span>
        <div className="agency-options" role="radiogroup" aria-label="Audience agency" data-testid="brief-audience">
          {AGENCY.options.map((a) => (
            <label key={a} className={draft.audience === a ? 'chosen' : ''}>
              <input type="radio" name="audience" value={a} checked={draft.audience === a} onChange={() => set('audience', a)} />
              {a} analysts
            </label>
          ))}
        </div>
        <span className="muted small field-note">{AUDIENCE_NOTE}</span>
      </div>
      <label className={`check${selected ? '' : ' disabled'}`}>
        <input type="checkbox" data-testid="brief-only-selected" disabled={!selected} checked={draft.onlySelected && selected > 0}
          onChange={(e) => set('onlySelected', e.target.checked)} />
        Only the selected nodes {selected ? <span className="muted">({plural(selected, 'node')})</span> : <span className="muted">(select nodes on the board first)</span>}
      </label>
      <label className="field">
        <span>Write the .zip to</span>
        <input data-testid="brief-out" className="mono" value={draft.out} spellCheck={false} placeholder={`Default: ${DEFAULT_OUT}`}
          onChange={(e) => set('out', e.target.value)} />
      </label>
    </div>
  );
}
