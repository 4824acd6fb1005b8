import { useEffect } from 'react';
import { expandNode, removeSelected } from '../../actions/graph-actions';
import { clearCanvas } from '../../actions/graph-actions';
import { openCotravel, openPathDialog } from '../../actions/analysis-commands';
import { boardStore } from '../../graph/graph-store';
import { useStore } from '../../hooks/useStore';
import { requestCanvas } from '../../state/canvas-bus';
import { setContextMenu, uiStore } from '../../state/ui-store';

export function ContextMenu() {
  const menu = useStore(uiStore, (u) => u.contextMenu);
  const selected = useStore(uiStore, (u) => u.selection.nodes.length);
  useEffect(() => {
    if (!menu) return;
    const close = (e: KeyboardEvent) => e.key === 'Escape' && setContextMenu(null);
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [menu]);
  if (!menu) return null;
  const item = (label: string, keys: string, run: () => void) => (
    <button className="menu-item" role="menuitem" onClick={() => { setContextMenu(null); run(); }}>
      <span>{label}</span>
      {keys && <kbd>{keys}</kbd>}
    </button>
  );
  return (
    <div className="menu-pop ctx-menu" role="menu" style={{ left: menu.x, top: menu.y }} onContextMenu={(e) => e.preventDefault()}>
      {menu.nodeId !== null && item('Expand neighbours', 'E', () => void expandNode(menu.nodeId!))}
      {menu.nodeId !== null && item(selected > 1 ? `Remove ${selected} selected` : 'Remove from canvas', 'Del', removeSelected)}
      {menu.nodeId !== null && item('Paths from here…', '', () => openPathDialog(menu.nodeId!))}
      {menu.nodeId !== null && boardStore.get().graph.nodes.get(menu.nodeId)?.ref.kind === 'person' && item('Co-travellers', '', () => openCotravel(menu.nodeId!))}
      {menu.nodeId !== null && <div className="menu-sep" />}
      {item('Fit to window', 'F', () => requestCanvas({ type: 'fit' }))}
      {item('Re-layout', 'L', () => requestCanvas({ type: 'relayout' }))}
      {menu.nodeId === null && item('Clear canvas', '', clearCanvas)}
    </div>
  );
}
