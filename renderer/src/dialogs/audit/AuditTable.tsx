// The entries, newest first; the entry a chain check found bad is marked.
import type { AuditEntry } from '../../../../shared/contract';
import { ACTION_LABEL, auditTime } from './audit-model';

export function AuditTable({ entries, badId }: { entries: AuditEntry[]; badId: number | null }) {
  return (
    <table className="table audit-table" data-testid="audit-table">
      <thead>
        <tr><th className="num">#</th><th>Time (UTC)</th><th>Who</th><th>Action</th><th>Target</th><th>Detail</th></tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} className={e.id === badId ? 'audit-bad' : undefined} data-testid="audit-row">
            <td className="num mono muted">{e.id}</td>
            <td className="mono audit-time" title={e.at}>{auditTime(e.at)}</td>
            <td className="audit-who" title={e.who}>{e.who}</td>
            <td><span className={`audit-action act-${e.action.replace('.', '-')}`}>{ACTION_LABEL[e.action] ?? e.action}</span></td>
            <td title={e.target}><div className="audit-text">{e.target}</div></td>
            <td className="muted" title={e.detail}><div className="audit-text">{e.detail}</div></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
