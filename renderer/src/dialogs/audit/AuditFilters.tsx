// The audit viewer's filters: one action, part of a name, words of the target or detail.
import type { AuditAction } from '../../../../shared/contract';
import { ACTION_OPTIONS, type AuditFilter } from './audit-model';

interface Props {
  filter: AuditFilter;
  onChange(f: AuditFilter): void;
}

export function AuditFilters({ filter, onChange }: Props) {
  const set = (patch: Partial<AuditFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="audit-filters" role="search" aria-label="Filter the audit trail">
      <label>
        Action
        <select value={filter.action} onChange={(e) => set({ action: e.target.value as AuditAction | '' })} data-testid="audit-action">
          <option value="">All actions</option>
          {ACTION_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </label>
      <label>
        Who
        <input type="search" value={filter.who} placeholder="analyst name" maxLength={200} onChange={(e) => set({ who: e.target.value })} data-testid="audit-who" />
      </label>
      <label className="audit-q">
        Find
        <input type="search" value={filter.q} placeholder="words in the target or detail" maxLength={200} onChange={(e) => set({ q: e.target.value })} data-testid="audit-q" />
      </label>
    </div>
  );
}
