// The analyst a new case is worked under: a name and an agency. The agency decides what
// every answer of the case may show (handling rules), so it is asked for, never guessed.
import { AGENCY, type Agency } from '../../../shared/model';

export interface ProfileDraft {
  name: string;
  agency: Agency | null;
}

const AGENCY_NAME: Record<Agency, string> = {
  CBP: 'Customs and Border Protection',
  ICE: 'Immigration and Customs Enforcement',
  USCIS: 'Citizenship and Immigration Services',
};

export function ProfileFields({ value, onChange, onEnter }: { value: ProfileDraft; onChange(v: ProfileDraft): void; onEnter(): void }) {
  return (
    <div className="form-row profile-fields">
      <label>
        <span>Analyst name</span>
        <input data-testid="new-case-analyst" value={value.name} placeholder="e.g. R. Ortega" maxLength={100}
          onChange={(e) => onChange({ ...value, name: e.target.value })} onKeyDown={(e) => e.key === 'Enter' && onEnter()} />
      </label>
      <fieldset className="agency-choice" data-testid="new-case-agency">
        <legend>Agency</legend>
        <div className="agency-options">
          {AGENCY.options.map((a) => (
            <label key={a} title={AGENCY_NAME[a]} className={value.agency === a ? 'chosen' : ''}>
              <input type="radio" name="agency" value={a} checked={value.agency === a} onChange={() => onChange({ ...value, agency: a })} />
              {a}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export const completeProfile = (d: ProfileDraft): { name: string; agency: Agency } | null =>
  d.name.trim() && d.agency ? { name: d.name.trim(), agency: d.agency } : null;
