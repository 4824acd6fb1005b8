// What a join link opens: who you are (name, agency), the join code from the link, and the
// certificate fingerprint to compare with what the browser shows for this address. Then the
// lobby: waiting until the host admits you (on to the review) or turns you away.
import { useEffect, useRef, useState } from 'react';
import { AGENCY, type Agency } from '../../../shared/model';
import { SESSION_LIMITS } from '../../../shared/session-schemas';
import { Fingerprint } from '../components/session/Fingerprint';
import { formatFingerprint, parseJoinHash } from './join-link';
import { knock, pollKnock } from './knock';

const POLL_MS = 700;
type Phase = { kind: 'form' } | { kind: 'waiting'; ticket: string } | { kind: 'denied' } | { kind: 'admitted' };

export function JoinPage() {
  const link = parseJoinHash(location.hash);
  const [name, setName] = useState('');
  const [agency, setAgency] = useState<Agency | ''>('');
  const [code, setCode] = useState(link.code);
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ticket = phase.kind === 'waiting' ? phase.ticket : null;
  const failures = useRef(0);

  useEffect(() => {
    document.title = 'Join a Crosslink review session';
  }, []);

  useEffect(() => {
    if (!ticket) return;
    let stop = false;
    const tick = async () => {
      try {
        const state = await pollKnock(ticket);
        failures.current = 0;
        if (stop) return;
        if (state === 'admitted') {
          setPhase({ kind: 'admitted' });
          location.assign('/');
          return;
        }
        if (state === 'denied') return setPhase({ kind: 'denied' });
      } catch (e) {
        if (++failures.current > 10) setError((e as Error).message || 'The host does not answer.');
      }
      if (!stop) timer = setTimeout(() => void tick(), POLL_MS);
    };
    let timer = setTimeout(() => void tick(), POLL_MS);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [ticket]);

  const ok = !!name.trim() && !!agency && !!code.trim() && !busy;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!ok || !agency) return;
    setBusy(true);
    setError(null);
    try {
      setPhase({ kind: 'waiting', ticket: await knock({ code: code.trim(), name: name.trim(), agency }) });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="join-page">
      <div className="join-card" data-testid="join-page">
        <h1>Join a review session</h1>
        <p className="muted">An analyst invited you to review a board of their case in Crosslink. You see it as your agency may; what you may not read stays on their workstation.</p>
        <div className="join-fp-check" data-testid="join-fingerprint-box">
          <strong>Check the certificate first.</strong> Your browser should show this SHA-256 fingerprint for this page’s certificate
          (padlock or warning icon › certificate details). If it differs, close this page and tell the host.
          {link.fingerprint ? (
            <Fingerprint value={formatFingerprint(link.fingerprint)} testId="join-fingerprint" />
          ) : (
            <code className="fingerprint" data-testid="join-fingerprint">The link has no fingerprint: ask the host for the full join link.</code>
          )}
        </div>
        {phase.kind === 'form' && (
          <form onSubmit={(e) => void submit(e)}>
            <label className="field">
              <span>Your name</span>
              <input data-testid="join-name" value={name} autoFocus maxLength={SESSION_LIMITS.nameChars} onChange={(e) => setName(e.target.value)} />
            </label>
            <label className="field">
              <span>Your agency</span>
              <select data-testid="join-agency" value={agency} onChange={(e) => setAgency(e.target.value as Agency)}>
                <option value="" disabled>Choose…</option>
                {AGENCY.options.map((a) => <option key={a} value={a}>{a}</option>)}
              </select>
            </label>
            <label className="field">
              <span>Join code</span>
              <input data-testid="join-code" className="join-code-input" value={code} maxLength={12} spellCheck={false} onChange={(e) => setCode(e.target.value.toUpperCase())} />
            </label>
            {error && <div className="error-box" data-testid="join-error">{error}</div>}
            <button className="btn btn-primary btn-large" type="submit" data-testid="join-submit" disabled={!ok}>{busy ? 'Knocking…' : 'Ask to join'}</button>
          </form>
        )}
        {phase.kind === 'waiting' && (
          <div className="join-wait" data-testid="join-waiting">
            <span className="spinner" aria-hidden="true" />
            <div>
              <strong>Waiting for the host to admit you…</strong>
              <p className="muted small">The host sees your name ({name.trim()}, {agency}) in their lobby. Keep this page open.</p>
              {error && <div className="error-box">{error}</div>}
            </div>
          </div>
        )}
        {phase.kind === 'admitted' && <div className="info-box" data-testid="join-admitted">Admitted. Opening the review…</div>}
        {phase.kind === 'denied' && (
          <div className="error-box" data-testid="join-denied">
            <strong>The host did not admit you.</strong> If you think this is a mistake, ask them and try again with the join link.
          </div>
        )}
      </div>
    </div>
  );
}
