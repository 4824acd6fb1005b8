import { COMMANDS } from '../app-commands';
import { useStore } from '../hooks/useStore';
import { caseStore } from '../state/case-store';
import { closeDialog } from '../state/ui-store';
import { Dialog } from './Dialog';

const MOUSE: Array<[string, string]> = [
  ['Double-click a node', 'Add its neighbours'],
  ['Right-click', 'Node or canvas menu'],
  ['Shift+drag / Ctrl+drag on the canvas', 'Select a box of nodes'],
  ['Drag a node', 'Move it (and the other selected nodes)'],
  ['Wheel', 'Zoom'],
];

export function ShortcutsDialog() {
  const close = <button className="btn btn-primary" onClick={closeDialog}>Close</button>;
  return (
    <Dialog title="Keyboard shortcuts" onClose={closeDialog} footer={close} testId="shortcuts-dialog">
      <table className="table shortcuts">
        <tbody>
          {COMMANDS.filter((c) => c.keys.length).map((c) => (
            <tr key={c.id}>
              <td>{c.label.replace(/…$/, '')}</td>
              <td>{c.keys.map((k) => <kbd key={k}>{k}</kbd>)}</td>
            </tr>
          ))}
          <tr><td>Close a dialog or menu</td><td><kbd>Esc</kbd></td></tr>
          {MOUSE.map(([k, v]) => (
            <tr key={k}><td>{v}</td><td className="muted small">{k}</td></tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}

export function AboutDialog() {
  const app = useStore(caseStore, (c) => c.app);
  return (
    <Dialog title="About Crosslink" onClose={closeDialog} size="small" footer={<button className="btn btn-primary" onClick={closeDialog}>Close</button>}>
      <p><strong>Crosslink</strong> {app ? `version ${app.version}` : ''}</p>
      <p>A link-analysis workstation for border and customs intelligence: import TECS-style export bundles, search every record, and draw how people, vehicles, documents, crossings and cases connect, with the provenance and handling of every value.</p>
      <p className="muted small">Running in the {app?.host ?? '…'} host.</p>
    </Dialog>
  );
}
