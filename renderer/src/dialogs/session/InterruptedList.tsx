// Reviews of this case that were not ended (the workstation stopped or crashed): resuming one
// serves it again on its port, so the join link participants hold still works.
import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { api } from '../../api/client';
import { shortTime } from '../../session/discussion';

type Interrupted = Output<'session.interrupted'>;

export function useInterrupted(): Interrupted {
  const [list, setList] = useState<Interrupted>([]);
  useEffect(() => {
    let live = true;
    api('session.interrupted', {}).then((l) => live && setList(l), () => {});
    return () => {
      live = false;
    };
  }, []);
  return list;
}

export function InterruptedList({ list, busy, onResume }: { list: Interrupted; busy: boolean; onResume: (boardId: number) => void }) {
  if (!list.length) return null;
  return (
    <section className="session-list" data-testid="session-interrupted">
      <h3>Interrupted reviews</h3>
      <ul>
        {list.map((s) => (
          <li key={s.id}>
            <div className="sl-main">
              <strong>{s.board}</strong>
              <div className="muted small">started {shortTime(s.startedAt)} · port {s.port} · not ended</div>
            </div>
            <button className="btn btn-small" data-testid="session-resume" disabled={busy} onClick={() => onResume(s.boardId)}>Resume</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
