// The dialogs of the Board menu, by name: new, open, rename, save as, delete, note, group, style.
import { useEffect, useState, type ReactNode } from 'react';
import {
  boardsStore, deleteBoard, groupNodes, newBoard, noteOf, openBoard, refreshBoards, renameBoard, saveBoardAs, setNote, setStyle, targetLabel,
} from '../actions/board-actions';
import { currentBoard } from '../actions/board-journal';
import { fmtDateTime, fmtInt, plural } from '../graph/format';
import { boardStore } from '../graph/graph-store';
import { GROUP_COLOURS } from '../graph/marks-look';
import type { Target } from '../graph/marks';
import { useStore } from '../hooks/useStore';
import { closeDialog } from '../state/ui-store';
import { Dialog } from './Dialog';

export function BoardDialogs({ name, data }: { name: string; data?: unknown }) {
  switch (name) {
    case 'new':
      return <NameDialog title="New board" label="Board name" action="Create board" initial="" onSubmit={newBoard}
        hint="An empty board in this case; the board you are on is saved and stays in the list." />;
    case 'saveAs':
      return <NameDialog title="Save board as" label="Board name" action="Save" initial={`${currentBoard.get().name} copy`} onSubmit={saveBoardAs}
        hint="A copy of what is on the canvas (positions, pins, notes, groups); you continue on the copy." />;
    case 'rename': {
      const b = (data as { id: number; name: string } | undefined) ?? currentBoard.get();
      return <NameDialog title="Rename board" label="Board name" action="Rename" initial={b.name} onSubmit={(n) => renameBoard(b.id, n)} />;
    }
    case 'open':
      return <OpenBoardDialog />;
    case 'delete':
      return <DeleteBoardDialog board={data as { id: number; name: string }} />;
    case 'note':
      return <NoteDialog target={data as Target} />;
    case 'group':
      return <GroupDialog ids={data as number[]} />;
    case 'style':
      return <StyleDialog ids={data as number[]} />;
    default:
      return null;
  }
}

function NameDialog(props: { title: string; label: string; action: string; initial: string; hint?: ReactNode; onSubmit: (name: string) => Promise<boolean> }) {
  const [name, setName] = useState(props.initial);
  const [busy, setBusy] = useState(false);
  const ok = !!name.trim() && !busy;
  const submit = async () => {
    if (!ok) return;
    setBusy(true);
    const done = await props.onSubmit(name.trim());
    setBusy(false);
    if (done) closeDialog();
  };
  return (
    <Dialog title={props.title} onClose={closeDialog} size="small" testId="board-dialog"
      footer={<>
        <button className="btn" onClick={closeDialog}>Cancel</button>
        <button className="btn btn-primary" data-testid="board-dialog-confirm" disabled={!ok} onClick={() => void submit()}>{props.action}</button>
      </>}>
      <label className="field">
        <span>{props.label}</span>
        <input data-testid="board-name" value={name} autoFocus maxLength={200} onChange={(e) => setName(e.target.value)}
          onFocus={(e) => e.target.select()} onKeyDown={(e) => e.key === 'Enter' && void submit()} />
      </label>
      {props.hint && <p className="muted small">{props.hint}</p>}
    </Dialog>
  );
}

function OpenBoardDialog() {
  const boards = useStore(boardsStore);
  const cur = useStore(currentBoard);
  useEffect(() => void refreshBoards(), []);
  return (
    <Dialog title="Open board" onClose={closeDialog} testId="board-dialog"
      footer={<button className="btn" onClick={closeDialog}>Close</button>}>
      <ul className="board-list big">
        {boards.map((b) => (
          <li key={b.id}>
            <button className={`board-row${b.id === cur.id ? ' current' : ''}`} data-testid="board-open-row" onClick={() => void openBoard(b.id)}>
              <span className="board-name">{b.name}</span>
              <span className="muted small">{b.id === cur.id ? 'open now · ' : ''}{plural(b.nodes, 'node')} · {b.savedAt ? fmtDateTime(b.savedAt) : 'never saved'}</span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

function DeleteBoardDialog({ board }: { board: { id: number; name: string } }) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title="Delete board" onClose={closeDialog} size="small" testId="board-dialog"
      footer={<>
        <button className="btn" onClick={closeDialog}>Cancel</button>
        <button className="btn btn-danger-outline" data-testid="board-dialog-confirm" disabled={busy}
          onClick={() => { setBusy(true); void deleteBoard(board.id).then(closeDialog); }}>Delete “{board.name}”</button>
      </>}>
      <p>The board “{board.name}” and its pins, notes and groups are deleted from the case. The entities stay in the case; this cannot be undone.</p>
    </Dialog>
  );
}

function NoteDialog({ target }: { target: Target }) {
  const [text, setText] = useState(() => noteOf(target));
  const had = !!noteOf(target);
  const save = () => {
    setNote(target, text);
    closeDialog();
  };
  return (
    <Dialog title={`Note on ${target.type === 'node' ? '' : 'link '}“${targetLabel(target)}”`} onClose={closeDialog} testId="board-dialog"
      footer={<>
        {had && <button className="btn btn-danger-outline" onClick={() => { setNote(target, ''); closeDialog(); }}>Remove note</button>}
        <span className="foot-note muted small">Ctrl+Enter to save · undo with Ctrl+Z</span>
        <button className="btn" onClick={closeDialog}>Cancel</button>
        <button className="btn btn-primary" data-testid="board-dialog-confirm" onClick={save}>Save note</button>
      </>}>
      <textarea className="note-text" data-testid="note-text" value={text} autoFocus maxLength={2000} rows={6}
        placeholder="What you know or suspect, and where it comes from (e.g. “Same driver as the 12 Oct crossing, per CBP officer J. Diaz”)."
        onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && save()} />
      <p className="muted small">Notes are saved with the board; they show as an orange badge on the canvas and as the tooltip.</p>
    </Dialog>
  );
}

function GroupDialog({ ids }: { ids: number[] }) {
  const n = boardStore.get().graph.groups?.size ?? 0;
  const [label, setLabel] = useState(`Group ${n + 1}`);
  const submit = () => {
    groupNodes(ids, label);
    closeDialog();
  };
  return (
    <Dialog title={`Group ${plural(ids.length, 'node')}`} onClose={closeDialog} size="small" testId="board-dialog"
      footer={<>
        <button className="btn" onClick={closeDialog}>Cancel</button>
        <button className="btn btn-primary" data-testid="board-dialog-confirm" disabled={!label.trim()} onClick={submit}>Group</button>
      </>}>
      <label className="field">
        <span>Group name</span>
        <input data-testid="group-name" value={label} autoFocus maxLength={200} onChange={(e) => setLabel(e.target.value)}
          onFocus={(e) => e.target.select()} onKeyDown={(e) => e.key === 'Enter' && label.trim() && submit()} />
      </label>
      <p className="muted small">A frame around the nodes; press C to collapse it into one node, Shift+G to ungroup.</p>
    </Dialog>
  );
}

const SIZES: Array<[string, number]> = [['Small', 0.75], ['Normal', 1], ['Large', 1.5], ['Huge', 2.2]];

function StyleDialog({ ids }: { ids: number[] }) {
  const first = boardStore.get().graph.nodes.get(ids[0])?.marks;
  const [colour, setColour] = useState<string | undefined>(first?.colour);
  const [scale, setScale] = useState(first?.scale ?? 1);
  return (
    <Dialog title={`Colour and size of ${plural(ids.length, 'node')}`} onClose={closeDialog} size="small" testId="board-dialog"
      footer={<>
        <button className="btn" onClick={closeDialog}>Cancel</button>
        <button className="btn btn-primary" data-testid="board-dialog-confirm" onClick={() => { setStyle(ids, { colour, scale }); closeDialog(); }}>Apply</button>
      </>}>
      <h3>Colour</h3>
      <div className="swatches">
        <button className={`swatch none${!colour ? ' on' : ''}`} title="The kind's own colour" onClick={() => setColour(undefined)}>Kind</button>
        {[...GROUP_COLOURS, '#dc2626', '#0f172a'].map((c) => (
          <button key={c} className={`swatch${colour === c ? ' on' : ''}`} style={{ background: c }} title={c} aria-label={c} onClick={() => setColour(c)} />
        ))}
      </div>
      <h3>Size</h3>
      <div className="swatches">
        {SIZES.map(([l, s]) => <button key={l} className={`btn btn-small${scale === s ? ' btn-primary' : ''}`} onClick={() => setScale(s)}>{l}</button>)}
      </div>
      <p className="muted small">{fmtInt(ids.length)} selected; undo with Ctrl+Z.</p>
    </Dialog>
  );
}
