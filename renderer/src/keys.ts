// Matching keyboard events against shortcut strings like 'Ctrl+Shift+Z', '/', 'Delete'.
export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function matches(shortcut: string, e: KeyEventLike): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const want = { ctrl: parts.includes('Ctrl'), shift: parts.includes('Shift'), alt: parts.includes('Alt') };
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl !== want.ctrl || e.altKey !== want.alt) return false;
  const single = key.length === 1;
  // For printable keys like '?' the shift state is part of the character itself.
  if (!(single && !/[a-z]/i.test(key)) && e.shiftKey !== want.shift) return false;
  return single ? e.key.toLowerCase() === key.toLowerCase() : e.key === key;
}

/** Shortcuts without Ctrl/Alt must not fire while the user types in a field. */
export function needsFreeFocus(shortcut: string): boolean {
  return !/^(Ctrl|Alt)\+/.test(shortcut) && !/^F\d+$/.test(shortcut);
}

export function isTypingTarget(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}
