// A written package: where it is, how big, its banner, what was withheld for the audience,
// its files with their checksums, and a button to check it again from the disk.
import { useState } from 'react';
import type { BriefResult, Output } from '../../../../shared/contract';
import { verifyBrief } from '../../actions/brief-actions';
import { HandlingBadge } from '../../components/HandlingBadge';
import { fmtBytes } from '../../graph/format';
import { errorMessage } from '../../state/toasts';
import { bannerText, shortHash, withheldSummary } from './brief-text';
import { VerifyOutcome } from './VerifyOutcome';

export function BriefResultPanel({ result }: { result: BriefResult }) {
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<Output<'brief.verify'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const verify = async () => {
    setVerifying(true);
    setError(null);
    try {
      setVerified(await verifyBrief(result.file));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setVerifying(false);
    }
  };
  return (
    <div data-testid="brief-result">
      <div className="verify-ok"><strong>Package written</strong> for {result.audience} analysts.</div>
      <dl className="brief-facts">
        <dt>File</dt>
        <dd className="mono" data-testid="brief-file">{result.file}</dd>
        <dt>Size</dt>
        <dd>{fmtBytes(result.bytes)}</dd>
        <dt>Banner</dt>
        <dd><HandlingBadge handling={result.handling} /> {bannerText(result.handling)}</dd>
        <dt>Withheld</dt>
        <dd data-testid="brief-withheld">{withheldSummary(result)}</dd>
      </dl>
      <h3>Files in the package <span className="count-pill">{result.files.length}</span></h3>
      <div className="table-scroll">
        <table className="table" data-testid="brief-files">
          <thead><tr><th>File</th><th className="num">Size</th><th>SHA-256</th></tr></thead>
          <tbody>
            {result.files.map((f) => (
              <tr key={f.name}>
                <td className="mono">{f.name}</td>
                <td className="num">{fmtBytes(f.bytes)}</td>
                <td className="mono" title={f.sha256}>{shortHash(f.sha256)}…</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="brief-verify-row">
        <button className="btn" data-testid="brief-verify" disabled={verifying} onClick={() => void verify()}>
          {verifying ? 'Verifying…' : 'Verify package'}
        </button>
        <span className="muted small">Reads the .zip back from the disk and checks every file against its SHA-256.</span>
      </div>
      {verified && <VerifyOutcome result={verified} files={result.files.length} />}
      {error && <div className="error-box">Could not verify the package: {error}</div>}
    </div>
  );
}
