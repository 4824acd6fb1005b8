// What checking a package found: verified, or each problem on its own line.
import type { Output } from '../../../../shared/contract';
import { verifyText } from './brief-text';

export function VerifyOutcome({ result, files }: { result: Output<'brief.verify'>; files?: number }) {
  return (
    <div className={result.ok ? 'verify-ok' : 'error-box'} data-testid="brief-verify-result" role="status">
      <strong>{verifyText(result, files)}</strong>
      {!result.ok && (
        <ul className="verify-problems">
          {result.problems.map((p, i) => <li key={i}>{p}</li>)}
        </ul>
      )}
    </div>
  );
}
