// Who knocked with the join link and waits to be let in.
import type { SessionKnock } from '../../../../shared/session-schemas';
import { admit, deny } from '../../session/host-actions';

export function LobbyList({ lobby }: { lobby: SessionKnock[] }) {
  return (
    <section className="session-list" data-testid="session-lobby">
      <h3>Lobby <span className="count-pill">{lobby.length}</span></h3>
      {!lobby.length && <p className="muted small">Nobody is waiting. People who open the join link and give their name appear here.</p>}
      <ul>
        {lobby.map((k) => (
          <li key={k.ticket} data-testid="lobby-row" data-name={k.name}>
            <div className="sl-main">
              <strong>{k.name}</strong> <span className="agency-tag">{k.agency}</span>
              <div className="muted small">from {k.from} · since {new Date(k.at).toLocaleTimeString()}</div>
            </div>
            <button className="btn btn-primary btn-small" data-testid="lobby-admit" onClick={() => void admit(k.ticket)}>Admit</button>
            <button className="btn btn-small" data-testid="lobby-deny" onClick={() => void deny(k.ticket)}>Deny</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
