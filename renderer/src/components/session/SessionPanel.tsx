// The right side's session tab: the verdict and comments of the selected node or link, and the
// shared minutes below them.
import { targetLabel } from '../../actions/board-actions';
import { boardStore } from '../../graph/graph-store';
import { useStore } from '../../hooks/useStore';
import { mayDiscuss, targetOf } from '../../session/discussion';
import { uiStore } from '../../state/ui-store';
import { CommentThread } from './CommentThread';
import { MinutesEditor } from './MinutesEditor';
import { VerdictBar } from './VerdictBar';

export function SessionPanel() {
  const focus = useStore(uiStore, (u) => u.selection.focus);
  const graph = useStore(boardStore, (b) => b.graph);
  const target = targetOf(focus);
  const node = focus?.type === 'node' ? graph.nodes.get(focus.id)?.ref : undefined;
  const link = focus?.type === 'link' ? graph.links.get(focus.id)?.ref : undefined;
  return (
    <div className="session-panel" data-testid="session-panel">
      <div className="sp-discussion">
        {target && focus && (node || link) ? (
          <>
            <div className="sp-target" data-testid="session-target">
              <span className="dkind">{focus.type === 'node' ? 'Discussing node' : 'Discussing link'}</span>
              <div className="dlabel">{targetLabel(focus)}</div>
            </div>
            {mayDiscuss({ node, link }) ? (
              <>
                <VerdictBar target={target} />
                <CommentThread key={target} target={target} />
              </>
            ) : (
              <p className="info-box small" data-testid="session-withheld">This element is withheld from your agency: you cannot see or add comments and verdicts on it.</p>
            )}
          </>
        ) : (
          <p className="muted" data-testid="session-no-target">Select a node or a link on the canvas to see its verdict and comments, or to add yours.</p>
        )}
      </div>
      <MinutesEditor />
    </div>
  );
}
