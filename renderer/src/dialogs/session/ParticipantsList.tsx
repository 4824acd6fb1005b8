// Who is in the session: their colour on the canvas, agency, whether they are connected.
import type { SessionParticipant } from '../../../../shared/session-schemas';
import { removeParticipant } from '../../session/host-actions';

export function ParticipantsList({ participants }: { participants: SessionParticipant[] }) {
  return (
    <section className="session-list" data-testid="session-participants">
      <h3>Participants <span className="count-pill">{participants.length}</span></h3>
      <ul>
        {participants.map((p) => (
          <li key={p.id} data-testid="participant-row" data-name={p.name} data-online={p.online ? 'yes' : 'no'}>
            <span className="colour-dot" data-testid="participant-colour" style={{ background: p.colour }} />
            <div className="sl-main">
              <strong>{p.name}</strong> <span className="agency-tag">{p.agency}</span>
              {p.role === 'host' && <span className="muted small"> · host (you)</span>}
              <div className={`small ${p.online ? 'online' : 'muted'}`} data-testid="participant-online">{p.online ? '● online' : '○ offline'}</div>
            </div>
            {p.role !== 'host' && (
              <button className="btn btn-small btn-danger-outline" data-testid="participant-remove" onClick={() => void removeParticipant(p.id)}>Remove</button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
