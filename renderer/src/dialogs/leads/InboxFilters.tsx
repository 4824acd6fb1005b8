// The inbox filters: lead kinds (with their counts) and statuses, as toggle chips.
import type { LeadKind, LeadStatus } from '../../../../shared/contract';
import { fmtInt } from '../../graph/format';
import { STATUS_LABEL, STATUS_ORDER, type KindOption } from './inbox-model';

interface Props {
  kinds: KindOption[];
  pickedKinds: LeadKind[];
  statuses: LeadStatus[];
  onKind(kind: LeadKind | null): void;
  onStatus(status: LeadStatus): void;
}

export function InboxFilters({ kinds, pickedKinds, statuses, onKind, onStatus }: Props) {
  const all = kinds.reduce((s, k) => s + k.count, 0);
  return (
    <div className="lead-filters">
      <div className="lead-filter-row" role="group" aria-label="Kinds of lead" data-testid="lead-kind-filter">
        <button className={`fchip${pickedKinds.length ? '' : ' on'}`} aria-pressed={!pickedKinds.length} onClick={() => onKind(null)}>
          All kinds <b>{fmtInt(all)}</b>
        </button>
        {kinds.map((k) => (
          <button key={k.kind} className={`fchip kind-${k.kind}${pickedKinds.includes(k.kind) ? ' on' : ''}`} aria-pressed={pickedKinds.includes(k.kind)}
            data-testid={`lead-kind-${k.kind}`} onClick={() => onKind(k.kind)}>
            <span className="kdot" />{k.label} <b>{fmtInt(k.count)}</b>
          </button>
        ))}
      </div>
      <div className="lead-filter-row" role="group" aria-label="Status" data-testid="lead-status-filter">
        <span className="small muted">Showing</span>
        {STATUS_ORDER.map((s) => (
          <button key={s} className={`fchip status-chip st-${s}${statuses.includes(s) ? ' on' : ''}`} aria-pressed={statuses.includes(s)} data-testid={`lead-status-${s}`} onClick={() => onStatus(s)}>
            {statuses.includes(s) ? '✓ ' : ''}{STATUS_LABEL[s]}
          </button>
        ))}
      </div>
    </div>
  );
}
