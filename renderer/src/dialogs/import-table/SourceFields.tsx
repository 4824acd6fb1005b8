// The spec's name and its source: who entered the rows and who may see them, by default or
// row by row from a column.
import { AGENCY, HANDLING, type Agency, type Handling } from '../../../../shared/model';
import type { ImportSpec } from '../../../../shared/import-spec';
import { setName, setSource } from '../../import-spec/spec-edit';

interface Props {
  spec: ImportSpec;
  columns: readonly string[];
  onEdit(edit: (s: ImportSpec) => ImportSpec): void;
}

const noEnter = (e: React.KeyboardEvent) => e.key === 'Enter' && e.preventDefault();

/** Offsets of the border's time zones (standard and daylight), and UTC. */
const ZONES: Array<[string, string]> = [
  ['Z', 'UTC (Z)'], ['-04:00', '-04:00 (Eastern daylight)'], ['-05:00', '-05:00 (Eastern / Central daylight)'], ['-06:00', '-06:00 (Central / Mountain daylight)'],
  ['-07:00', '-07:00 (Mountain / Pacific daylight)'], ['-08:00', '-08:00 (Pacific)'], ['+01:00', '+01:00'], ['+02:00', '+02:00'],
];

export function SourceFields({ spec, columns, onEdit }: Props) {
  const s = spec.source;
  const columnSelect = (which: 'agencyColumn' | 'handlingColumn', label: string) => (
    <label className="itw-field">
      <span>{label}</span>
      <select className="itw-select" value={s[which] ?? ''} onChange={(e) => onEdit((x) => setSource(x, { [which]: e.target.value || null }))}>
        <option value="">— the default for every row</option>
        {columns.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
    </label>
  );
  return (
    <section className="itw-section" data-testid="spec-source">
      <label className="itw-field">
        <span>Spec name</span>
        <input className="itw-input" data-testid="spec-name" value={spec.name} maxLength={200} onChange={(e) => onEdit((x) => setName(x, e.target.value))} onKeyDown={noEnter} />
      </label>
      <div className="itw-grid2">
        <label className="itw-field">
          <span>Entered by (agency)</span>
          <select className="itw-select" data-testid="spec-agency" value={s.agency} onChange={(e) => onEdit((x) => setSource(x, { agency: e.target.value as Agency }))}>
            {AGENCY.options.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <label className="itw-field">
          <span>Handling</span>
          <select className="itw-select" data-testid="spec-handling" value={s.handling} onChange={(e) => onEdit((x) => setSource(x, { handling: e.target.value as Handling }))}>
            {HANDLING.options.map((h) => <option key={h} value={h}>{h}</option>)}
          </select>
        </label>
        {columnSelect('agencyColumn', 'Agency per row from')}
        {columnSelect('handlingColumn', 'Handling per row from')}
        <label className="itw-field">
          <span>Times written without an offset are</span>
          <select className="itw-select" data-testid="spec-timezone" value={s.timezone} onChange={(e) => onEdit((x) => setSource(x, { timezone: e.target.value }))}>
            {!ZONES.some(([z]) => z === s.timezone) && <option value={s.timezone}>{s.timezone}</option>}
            {ZONES.map(([z, label]) => <option key={z} value={z}>{label}</option>)}
          </select>
        </label>
      </div>
    </section>
  );
}
