import { useStore } from '../../hooks/useStore';
import { caseStore } from '../../state/case-store';
import { EmptyState } from '../EmptyState';
import { ImportProgress } from '../ImportProgress';
import { CanvasHint } from './CanvasHint';
import { CanvasToolbar } from './CanvasToolbar';
import { ContextMenu } from './ContextMenu';
import { GraphCanvas } from './GraphCanvas';
import { Legend } from './Legend';

export function CanvasArea() {
  const hasCase = useStore(caseStore, (c) => !!c.info);
  return (
    <main className="canvas-area" onContextMenu={(e) => e.preventDefault()}>
      <GraphCanvas />
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
