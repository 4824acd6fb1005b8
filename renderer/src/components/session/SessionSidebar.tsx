// A participant's left side: which review this is, who they are in it, who else is there, and
// what their actions do. (The host's case, boards and imports are not theirs to see.)
import { useRef } from 'react';
import { useStore } from '../../hooks/useStore';
import { people } from '../../session/peers';
import { peersStore, sessionStore } from '../../session/session-store';

export function SessionSidebar() {
  const s = useStore(sessionStore);
  const others = people(useStore(peersStore));
  const me = s.self?.participant;
  // Remembered while the host is away (restarting), so the card does not go blank.
  const lastHost = useRef<(typeof others)[number] | null>(null);
  const host = others.find((p) => p.id === 'host') ?? lastHost.current;
  lastHost.current = host;
  return (
    <>
      <section className="side-section" data-testid="session-sidebar">
        <h2>Review session</h2>
        <div className="case-card">
          <div className="case-card-name">{s.board || s.self?.board}</div>
          <div className="muted small">{host ? `hosted by ${host.name} (${host.agency})` : 'hosted on another workstation'}</div>
        </div>
        {me && (
          <p className="session-me">
            <span className="colour-dot" style={{ background: me.colour }} /> You are <strong>{me.name}</strong> ({me.agency})
          </p>
        )}
      </section>
      <section className="side-section">
        <h2>In the session <span className="count-pill">{others.length + 1}</span></h2>
        <ul className="session-people">
          {others.map((p) => (
            <li key={p.id}>
              <span className="colour-dot" style={{ background: p.colour }} />
              <span className="sl-main">{p.name}</span> <span className="agency-tag">{p.agency}</span>
              {p.id === s.presenter && <span className="muted small"> presenting</span>}
            </li>
          ))}
        </ul>
      </section>
      <section className="side-section">
        <h2>How it works</h2>
        <ul className="hints">
          <li>What you add, move or remove on the canvas is shared with everyone in the session.</li>
          <li>You see the board as {me?.agency ?? 'your agency'} may: records you may not read show as pointers.</li>
          <li>Comments, verdicts and the minutes are in the Session tab on the right (Ctrl+Alt+S).</li>
          <li>Ctrl+Shift+F follows the presenter’s view.</li>
        </ul>
      </section>
    </>
  );
}
