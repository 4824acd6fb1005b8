// What the host gives participants: the join link (with a copy button), the join code to read
// out, and the certificate fingerprint their browser should show for the session's address.
import { useState } from 'react';
import type { SessionStatus } from '../../../../shared/session-schemas';
import { Fingerprint } from '../../components/session/Fingerprint';

export function JoinInfo({ status }: { status: SessionStatus }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(status.joinUrl);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      (document.querySelector('[data-testid="session-join-link"]') as HTMLInputElement | null)?.select();
    }
  };
  return (
    <section className="join-info" data-testid="session-join-info">
      <div className="join-main">
        <label className="field">
          <span>Join link — send it to the participants</span>
          <span className="join-link-row">
            <input readOnly data-testid="session-join-link" value={status.joinUrl} onFocus={(e) => e.target.select()} />
            <button className="btn" data-testid="session-copy-link" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</button>
          </span>
        </label>
        <div className="join-fp">
          <span className="field-label">Certificate SHA-256 fingerprint</span>
          <Fingerprint value={status.fingerprint} testId="session-fingerprint" />
          <span className="muted small">Participants check that their browser shows this fingerprint for the session’s address before they join.</span>
        </div>
      </div>
      <div className="join-code-box">
        <span className="field-label">Join code</span>
        <span className="join-code" data-testid="session-code">{status.code}</span>
        <span className="muted small">{status.bind}:{status.port}</span>
      </div>
    </section>
  );
}
