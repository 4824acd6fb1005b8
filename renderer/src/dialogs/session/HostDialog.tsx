// Session > Host review…: start a review of the open board, then the join link, code and
// certificate fingerprint to give participants, the lobby and the participants.
import { useState } from 'react';
import { currentBoard } from '../../actions/board-journal';
import { useStore } from '../../hooks/useStore';
import { endSession, isPresenting, setPresenting, startHosting } from '../../session/host-actions';
import { sessionStore } from '../../session/session-store';
import { errorMessage } from '../../state/toasts';
import { closeDialog } from '../../state/ui-store';
import { Dialog } from '../Dialog';
import { InterruptedList, useInterrupted } from './InterruptedList';
import { JoinInfo } from './JoinInfo';
import { LobbyList } from './LobbyList';
import { ParticipantsList } from './ParticipantsList';

export function HostDialog() {
  const status = useStore(sessionStore, (s) => s.status);
  return status ? <RunningSession /> : <StartSession />;
}

function StartSession() {
  const board = useStore(currentBoard);
  const [port, setPort] = useState('0');
  const [bind, setBind] = useState('127.0.0.1');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const interrupted = useInterrupted();
  const resumes = interrupted.some((s) => s.boardId === board.id);
  const portNumber = Number(port);
  const ok = !busy && Number.isInteger(portNumber) && portNumber >= 0 && portNumber <= 65535 && !!bind.trim();
  const start = async (boardId?: number) => {
    if (!ok) return;
    setBusy(true);
    setError(null);
    try {
      await startHosting({ port: portNumber, bind: bind.trim(), boardId });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Host a review session" onClose={closeDialog} testId="session-host-dialog"
      footer={<>
        <button className="btn" onClick={closeDialog}>Cancel</button>
        <button className="btn btn-primary" data-testid="session-start" disabled={!ok} onClick={() => void start()}>
          {busy ? 'Starting…' : resumes ? 'Resume session' : 'Start session'}
        </button>
      </>}>
      <p>
        Analysts of CBP, ICE and USCIS review the board <strong>“{board.name}”</strong> with you, live: each sees it as their
        own agency may, and what they may not read never leaves this workstation.
      </p>
      <div className="form-row">
        <label>
          Port
          <input data-testid="session-port" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value.replace(/[^0-9]/g, ''))} />
          <span className="muted small field-note">0 picks any free port.</span>
        </label>
        <label>
          Bind address
          <input data-testid="session-bind" value={bind} onChange={(e) => setBind(e.target.value)} spellCheck={false} />
          <span className="muted small field-note">127.0.0.1 serves this machine only; other machines can join only if you bind to a LAN address of this machine.</span>
        </label>
      </div>
      {resumes && <p className="info-box small">The review of this board was interrupted: starting resumes it, with its comments, verdicts and minutes, on the same join link.</p>}
      {error && <div className="error-box" data-testid="session-error">{error}</div>}
      <InterruptedList list={interrupted.filter((s) => s.boardId !== board.id)} busy={busy} onResume={(id) => void start(id)} />
    </Dialog>
  );
}

function RunningSession() {
  const s = useStore(sessionStore);
  const [confirm, setConfirm] = useState(false);
  const status = s.status!;
  const presenting = isPresenting();
  const end = async () => {
    if (await endSession()) closeDialog();
  };
  return (
    <Dialog title={`Review session — ${status.board}`} onClose={closeDialog} size="large" testId="session-host-dialog"
      footer={<>
        {confirm ? (
          <span className="session-confirm">
            End the session for everyone?
            <button className="btn btn-danger-outline" data-testid="session-end-confirm" onClick={() => void end()}>End session</button>
            <button className="btn" onClick={() => setConfirm(false)}>Keep it running</button>
          </span>
        ) : (
          <button className="btn btn-danger-outline" data-testid="session-end" onClick={() => setConfirm(true)}>End session…</button>
        )}
        <span className="sb-grow" />
        <button className="btn" data-testid="session-present" aria-pressed={presenting} disabled={s.link !== 'online'} onClick={() => setPresenting(!presenting)}>
          {presenting ? 'Stop presenting' : 'Present (others follow me)'}
        </button>
        <button className="btn btn-primary" onClick={closeDialog}>Close</button>
      </>}>
      {s.link === 'off' && (
        <p className="info-box small" data-testid="session-desktop-note">
          This desktop window runs the session but does not show its live board: open the join link in your browser (or a Crosslink join window) to work on it with the others.
        </p>
      )}
      <JoinInfo status={status} />
      <div className="session-columns">
        <LobbyList lobby={status.lobby} />
        <ParticipantsList participants={status.participants} />
      </div>
    </Dialog>
  );
}
