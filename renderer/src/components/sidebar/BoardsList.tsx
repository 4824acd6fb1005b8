// The boards of the case in the sidebar: the open one marked, click another to open it,
// + New, and rename by double-click or the pencil.
import { boardsStore } from '../../actions/board-actions';
import { currentBoard } from '../../actions/board-journal';
import { fmtDateTime, plural } from '../../graph/format';
import { boardStore } from '../../graph/graph-store';
import { useStore } from '../../hooks/useStore';
import { caseStore } from '../../state/case-store';
import { openDialog } from '../../state/ui-store';
import { openBoard } from '../../actions/board-actions';

export function BoardsList() {
  const info = useStore(caseStore, (c) => c.info);
  const boards = useStore(boardsStore);
  const cur = useStore(currentBoard);
  const liveNodes = useStore(boardStore, (b) => b.graph.nodes.size);
  if (!info) return null;
  const list = boards.some((b) => b.id === cur.id) ? boards : [...boards, { id: cur.id, name: cur.name, savedAt: '', nodes: liveNodes, links: 0 }];
  return (
    <section className="side-section" data-testid="boards-list">
      <h2>
        Boards <span className="count-pill">{list.length}</span>
        <button className="link-btn" data-testid="board-new" onClick={() => openDialog({ type: 'board', name: 'new' })} title="New board…">+ New</button>
      </h2>
      <ul className="board-list">
        {list.map((b) => {
          const open = b.id === cur.id;
          return (
            <li key={b.id} className={open ? 'current' : ''}>
              <button className={`board-row${open ? ' current' : ''}`} data-testid="board-row" aria-current={open ? 'true' : undefined}
                title={open ? 'The board on the canvas (double-click to rename)' : `Open “${b.name}”`}
                onClick={() => !open && void openBoard(b.id)}
                onDoubleClick={() => openDialog({ type: 'board', name: 'rename', data: { id: b.id, name: open ? cur.name : b.name } })}>
                <span className="board-name">{open ? cur.name : b.name}</span>
                <span className="muted small">
                  {plural(open ? liveNodes : b.nodes, 'node')}
                  {open ? ' · open' : b.savedAt ? ` · ${fmtDateTime(b.savedAt)}` : ''}
                </span>
              </button>
              <button className="icon-btn board-edit" aria-label={`Rename ${b.name}`} title="Rename…"
                onClick={() => openDialog({ type: 'board', name: 'rename', data: { id: b.id, name: open ? cur.name : b.name } })}>✎</button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
