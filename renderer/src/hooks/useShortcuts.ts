import { useEffect } from 'react';
import { COMMANDS } from '../app-commands';
import { allowedHere } from '../actions/session-commands';
import { isTypingTarget, matches, needsFreeFocus } from '../keys';
import { uiStore } from '../state/ui-store';

/** Global keyboard shortcuts; quiet while a dialog is open (Escape belongs to the dialog). */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (uiStore.get().dialog || e.defaultPrevented) return;
      const typing = isTypingTarget(e.target);
      for (const c of COMMANDS) {
        const hit = c.keys.find((k) => matches(k, e));
        if (!hit || !allowedHere(c.id)) continue;
        // Inside a text field, Ctrl+Z undoes typing, not the canvas.
        if (typing && (needsFreeFocus(hit) || c.id.startsWith('edit.'))) return;
        e.preventDefault();
        if (c.enabled?.() ?? true) c.run();
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
