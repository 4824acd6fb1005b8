import { useStore } from '../../hooks/useStore';
import { caseStore } from '../../state/case-store';
import { sessionStore } from '../../session/session-store';
import { PresenceStrip } from '../session/PresenceStrip';
import { RemoteCursors } from '../session/RemoteCursors';
import { EmptyState } from '../EmptyState';
import { ImportProgress } from '../ImportProgress';
import { CanvasHint } from './CanvasHint';
import { CanvasToolbar } from './CanvasToolbar';
import { ContextMenu } from './ContextMenu';
import { GraphCanvas } from './GraphCanvas';
import { Legend } from './Legend';

export function CanvasArea() {
  // A session participant works on the host's case, through the session.
  const participant = useStore(sessionStore, (s) => s.role === 'participant');
  const hasCase = useStore(caseStore, (c) => !!c.info) || participant;
  return (
    <main className="canvas-area" onContextMenu={(e) => e.preventDefault()}>
      <GraphCanvas />
      <RemoteCursors />
      <PresenceStrip />
      {hasCase ? (
        <>
          <CanvasToolbar />
          <CanvasHint />
          <Legend />
          <ContextMenu />
        </>
      ) : (
        <EmptyState />
      )}
      <ImportProgress />
    </main>
  );
}
