import { command } from '../../app-commands';
import { boardStore } from '../../graph/graph-store';
import { useStore } from '../../hooks/useStore';
import { uiStore } from '../../state/ui-store';

const TOOLS: Array<{ id: string; text: string }> = [
  { id: 'edit.expand', text: 'Expand' },
  { id: 'edit.remove', text: 'Remove' },
  { id: 'view.fit', text: 'Fit' },
  { id: 'view.relayout', text: 'Re-layout' },
  { id: 'edit.undo', text: 'Undo' },
  { id: 'edit.redo', text: 'Redo' },
];

export function CanvasToolbar() {
  useStore(boardStore);
  useStore(uiStore, (u) => u.selection);
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
      {TOOLS.map((t) => {
        const c = command(t.id);
        return (
          <button
            key={t.id}
            className="tool"
            data-testid={`tool-${t.id.split('.')[1]}`}
            disabled={!(c.enabled?.() ?? true)}
            title={`${c.describe?.() ?? c.label}${c.keys[0] ? ` (${c.keys[0]})` : ''}`}
            onClick={() => c.run()}
          >
            {t.text}
          </button>
        );
      })}
    </div>
  );
}
