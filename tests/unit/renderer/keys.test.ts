import { describe, expect, it } from 'vitest';
import { matches, needsFreeFocus } from '../../../renderer/src/keys';

const ev = (key: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => ({
  key, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, shiftKey: !!mods.shift, altKey: !!mods.alt,
});

describe('shortcut matching', () => {
  it('matches Ctrl (or Cmd) combinations exactly', () => {
    expect(matches('Ctrl+Z', ev('z', { ctrl: true }))).toBe(true);
    expect(matches('Ctrl+Z', ev('z', { meta: true }))).toBe(true);
    expect(matches('Ctrl+Z', ev('Z', { ctrl: true, shift: true }))).toBe(false);
    expect(matches('Ctrl+Shift+Z', ev('Z', { ctrl: true, shift: true }))).toBe(true);
    expect(matches('Ctrl+K', ev('k'))).toBe(false);
  });

  it('matches single keys and symbols typed with Shift', () => {
    expect(matches('E', ev('e'))).toBe(true);
    expect(matches('E', ev('e', { ctrl: true }))).toBe(false);
    expect(matches('?', ev('?', { shift: true }))).toBe(true);
    expect(matches('/', ev('/'))).toBe(true);
    expect(matches('Delete', ev('Delete'))).toBe(true);
    expect(matches('F1', ev('F1'))).toBe(true);
  });

  it('knows which shortcuts must wait until the user is not typing', () => {
    expect(needsFreeFocus('E')).toBe(true);
    expect(needsFreeFocus('/')).toBe(true);
    expect(needsFreeFocus('Ctrl+K')).toBe(false);
    expect(needsFreeFocus('F1')).toBe(false);
  });
});
