// The shared minutes: a plain textarea bound to the session's Y.Text. Each edit is sent as the
// smallest change, so people typing in different places merge; a change from someone else keeps
// this person's caret where it was in the text.
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { SESSION_LIMITS, SESSION_TEXT } from '../../../../shared/session-schemas';
import { useStore } from '../../hooks/useStore';
import { liveStore } from '../../session/connection';
import { movePosition, textEdit, type DeltaOp } from '../../session/minutes-diff';

const ORIGIN = 'crosslink-minutes';

export function MinutesEditor() {
  const live = useStore(liveStore);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = area.current;
    if (!live || !el) return;
    const text = live.doc.getText(SESSION_TEXT);
    el.value = text.toString();
    const onChange = (ev: Y.YTextEvent, tr: Y.Transaction) => {
      if (tr.origin === ORIGIN) return;
      const delta = ev.delta as DeltaOp[];
      const focused = document.activeElement === el;
      const [start, end] = [movePosition(el.selectionStart, delta), movePosition(el.selectionEnd, delta)];
      el.value = text.toString();
      if (focused) el.setSelectionRange(start, end);
    };
    const onInput = () => {
      const edit = textEdit(text.toString(), el.value, el.selectionEnd);
      if (!edit) return;
      live.doc.transact(() => {
        if (edit.remove) text.delete(edit.index, edit.remove);
        if (edit.insert) text.insert(edit.index, edit.insert);
      }, ORIGIN);
    };
    text.observe(onChange);
    el.addEventListener('input', onInput);
    return () => {
      text.unobserve(onChange);
      el.removeEventListener('input', onInput);
    };
  }, [live]);
  return (
    <section className="minutes">
      <label className="sp-heading" htmlFor="session-minutes">Minutes <span className="muted small">shared — everyone types here</span></label>
      <textarea id="session-minutes" ref={area} data-testid="session-minutes" disabled={!live} maxLength={SESSION_LIMITS.minutesChars} spellCheck
        placeholder="Decisions, open questions, who follows up on what…" />
    </section>
  );
}
