// Comments on the selected element: threads oldest first, each with name, agency and time;
// reply to one, delete your own (the host may delete any), write a new one.
import { useMemo, useState } from 'react';
import type { SessionTarget } from '../../../../shared/session-schemas';
import { useStore } from '../../hooks/useStore';
import { addComment, deleteComment } from '../../session/discussion-actions';
import { mayDelete, shortTime, threadsFor, type KeyedComment } from '../../session/discussion';
import { commentsStore, peersStore, sessionStore } from '../../session/session-store';

function useColourOf(): (by: string) => string {
  const status = useStore(sessionStore, (s) => s.status);
  const self = useStore(sessionStore, (s) => s.self);
  const peers = useStore(peersStore);
  return (by) =>
    status?.participants.find((p) => p.id === by)?.colour ??
    peers.find((p) => p.id === by)?.colour ??
    (self?.participant.id === by ? self.participant.colour : '#94a3b8');
}

export function CommentThread({ target }: { target: SessionTarget }) {
  const comments = useStore(commentsStore);
  const self = useStore(sessionStore, (s) => s.self);
  const live = useStore(sessionStore, (s) => s.link !== 'ended' && s.link !== 'removed' && s.link !== 'refused');
  const threads = useMemo(() => threadsFor(comments, target), [comments, target]);
  const colourOf = useColourOf();
  const [text, setText] = useState('');
  const [replyTo, setReplyTo] = useState<KeyedComment | null>(null);
  const me = self ? { id: self.participant.id, role: self.participant.role } : null;
  const send = () => {
    if (addComment(target, text, replyTo?.key ?? null)) {
      setText('');
      setReplyTo(null);
    }
  };
  const item = (c: KeyedComment, reply: boolean) => (
    <li key={c.key} className={`comment${reply ? ' reply' : ''}`} data-testid="comment" data-by={c.by}>
      <div className="comment-head">
        <span className="colour-dot" style={{ background: colourOf(c.by) }} />
        <strong>{c.name}</strong> <span className="agency-tag">{c.agency}</span>
        <span className="muted small comment-time">{shortTime(c.at)}</span>
      </div>
      <div className="comment-text" data-testid="comment-text">{c.text}</div>
      {live && (
        <div className="comment-actions">
          <button className="link-btn small" data-testid="comment-reply" onClick={() => setReplyTo(c)}>Reply</button>
          {me && mayDelete(c, me) && <button className="link-btn small danger" data-testid="comment-delete" onClick={() => deleteComment(c.key)}>Delete</button>}
        </div>
      )}
    </li>
  );
  return (
    <div className="comments" data-testid="session-comments">
      <div className="sp-heading">Comments <span className="count-pill">{threads.reduce((n, t) => n + 1 + t.replies.length, 0)}</span></div>
      {!threads.length && <p className="muted small">No comments yet.</p>}
      <ul className="comment-list">
        {threads.map((t) => (
          <li key={t.comment.key} className="thread">
            <ul>{[item(t.comment, false), ...t.replies.map((r) => item(r, true))]}</ul>
          </li>
        ))}
      </ul>
      {live && (
        <div className="comment-form">
          {replyTo && (
            <div className="replying small" data-testid="comment-replying">
              Replying to <strong>{replyTo.name}</strong> <button className="link-btn small" onClick={() => setReplyTo(null)}>cancel</button>
            </div>
          )}
          <textarea data-testid="comment-input" value={text} maxLength={4000} rows={2} placeholder="Write a comment… (Ctrl+Enter to send)"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); send(); } }} />
          <button className="btn btn-primary btn-small" data-testid="comment-send" disabled={!text.trim()} onClick={send}>{replyTo ? 'Reply' : 'Comment'}</button>
        </div>
      )}
    </div>
  );
}
