// What the last chain check found: intact in green, or the first bad entry in red.
import type { Verdict } from './audit-model';

export function ChainVerdict({ verdict, checking, error }: { verdict: Verdict | null; checking: boolean; error: string | null }) {
  if (checking) return <div className="audit-verdict checking" role="status">Recomputing the chain…</div>;
  if (error) return <div className="error-box" role="alert">{error}</div>;
  if (!verdict) return null;
  return (
    <div className={`audit-verdict ${verdict.tone}`} role={verdict.tone === 'bad' ? 'alert' : 'status'} data-testid="audit-verdict">
      <span className="audit-verdict-mark" aria-hidden="true">{verdict.tone === 'ok' ? '✓' : '✗'}</span>
      {verdict.text}
    </div>
  );
}
