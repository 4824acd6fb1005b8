// The session's verdict on the selected element: Confirmed, Refuted or Needs follow-up, with
// who set it and when. Clicking the verdict that is set clears it (its author or the host).
import { VERDICT, type SessionTarget } from '../../../../shared/session-schemas';
import { useStore } from '../../hooks/useStore';
import { toggleVerdict } from '../../session/discussion-actions';
import { VERDICT_TEXT, mayClear, shortTime } from '../../session/discussion';
import { sessionStore, verdictsStore } from '../../session/session-store';

export function VerdictBar({ target }: { target: SessionTarget }) {
  const v = useStore(verdictsStore, (m) => m.get(target));
  const self = useStore(sessionStore, (s) => s.self);
  const me = self ? { id: self.participant.id, role: self.participant.role } : null;
  return (
    <div className="verdicts" data-testid="session-verdicts">
      <div className="verdict-buttons" role="group" aria-label="Verdict">
        {VERDICT.options.map((k) => {
          const on = v?.verdict === k;
          const locked = on && !!me && !mayClear(v!, me);
          return (
            <button key={k} className={`verdict-btn v-${k}${on ? ' on' : ''}`} data-testid={`verdict-${k}`} aria-pressed={on} disabled={!me || locked}
              title={locked ? `Set by ${v!.name}; only they or the host can clear it` : on ? 'Click to clear' : undefined}
              onClick={() => toggleVerdict(target, k)}>
              {VERDICT_TEXT[k]}
            </button>
          );
        })}
      </div>
      <div className="verdict-by small" data-testid="verdict-by">
        {v ? <><strong>{VERDICT_TEXT[v.verdict]}</strong> by {v.name} ({v.agency}), {shortTime(v.at)}</> : <span className="muted">No verdict yet.</span>}
      </div>
    </div>
  );
}
