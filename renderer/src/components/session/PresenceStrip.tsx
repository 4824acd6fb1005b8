// Who else is in the session, over the top right of the canvas: a coloured badge per person
// (initials; name and agency on hover), the connection state, follow mode, and for the host
// how many wait in the lobby.
import { useStore } from '../../hooks/useStore';
import { people, initials } from '../../session/peers';
import { patchSession, peersStore, sessionStore } from '../../session/session-store';
import { openDialog } from '../../state/ui-store';

const LINK_TEXT: Record<string, string> = {
  connecting: 'Connecting…',
  offline: 'Host unreachable — reconnecting; your edits are kept',
};

export function PresenceStrip() {
  const s = useStore(sessionStore);
  const peers = useStore(peersStore);
  if (!s.role) return null;
  const others = people(peers);
  const presenter = s.presenter ? others.find((p) => p.id === s.presenter) : null;
  const waiting = s.status?.lobby.length ?? 0;
  return (
    <div className="presence-strip" data-testid="presence-strip">
      {LINK_TEXT[s.link] && <span className="presence-link" data-testid="session-connection">{LINK_TEXT[s.link]}</span>}
      {s.role === 'host' && waiting > 0 && (
        <button className="lobby-badge" data-testid="lobby-badge" onClick={() => openDialog({ type: 'session', name: 'host' })}>
          {waiting} waiting to join
        </button>
      )}
      {s.follow && (
        <button className="follow-badge" data-testid="follow-badge" title="Stop following (Ctrl+Shift+F)" onClick={() => patchSession({ follow: false })}>
          {presenter ? `Following ${presenter.name}` : 'Follow: nobody presenting'} ×
        </button>
      )}
      <span className="presence-people">
        {others.map((p) => (
          <span key={p.id} className={`presence-chip${p.id === s.presenter ? ' presenting' : ''}`} data-testid="presence-chip" data-participant={p.id}
            title={`${p.name} (${p.agency})${p.id === s.presenter ? ' — presenting' : ''}`}>
            <span className="presence-initials" style={{ background: p.colour }}>{initials(p.name)}</span>
            <span className="presence-agency">{p.agency}</span>
          </span>
        ))}
        {!others.length && s.link === 'online' && <span className="muted small">Nobody else here yet</span>}
      </span>
    </div>
  );
}
