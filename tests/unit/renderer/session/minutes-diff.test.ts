import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { movePosition, textEdit, type DeltaOp } from '../../../../renderer/src/session/minutes-diff';

const apply = (s: string, e: ReturnType<typeof textEdit>) => (e ? s.slice(0, e.index) + e.insert + s.slice(e.index + e.remove) : s);

describe('textEdit', () => {
  it('is null for equal texts', () => {
    expect(textEdit('same', 'same')).toBeNull();
  });

  it('keeps the common prefix and suffix and replaces the middle', () => {
    expect(textEdit('Agreed: vehicle', 'Agreed: the vehicle')).toEqual({ index: 8, remove: 0, insert: 'the ' });
    expect(textEdit('one two three', 'one three', 4)).toEqual({ index: 4, remove: 4, insert: '' });
    expect(apply('one two three', textEdit('one two three', 'one three'))).toBe('one three');
    expect(textEdit('abc', 'aXc')).toEqual({ index: 1, remove: 1, insert: 'X' });
  });

  it('puts a character typed into a run of the same character where the caret is', () => {
    // "aa" -> "aaa" with the caret after the first "a": the new "a" is the second one.
    expect(textEdit('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    expect(textEdit('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' });
  });

  it('always turns the old text into the new one', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.nat(), (a, b, c) => {
      expect(apply(a, textEdit(a, b, c % (b.length + 1)))).toBe(b);
    }));
  });
});

describe('movePosition', () => {
  it('moves a caret after text inserted or deleted before it, not after', () => {
    expect(movePosition(5, [{ insert: 'abc' }])).toBe(8);
    expect(movePosition(5, [{ retain: 7 }, { insert: 'abc' }])).toBe(5);
    expect(movePosition(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(movePosition(5, [{ retain: 8 }, { delete: 2 }])).toBe(5);
  });

  it('puts a caret inside deleted text at the start of the deletion', () => {
    expect(movePosition(5, [{ retain: 3 }, { delete: 4 }])).toBe(3);
  });

  it('keeps the caret behind text inserted exactly at it', () => {
    expect(movePosition(5, [{ retain: 5 }, { insert: 'xy' }])).toBe(7);
  });
});

describe('two people typing in the minutes', () => {
  it('merge: each edit is the smallest change, so concurrent edits in different places both stay', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const put = (d: Y.Doc, before: string, after: string) => {
      const e = textEdit(before, after)!;
      const t = d.getText('minutes');
      d.transact(() => {
        if (e.remove) t.delete(e.index, e.remove);
        if (e.insert) t.insert(e.index, e.insert);
      });
    };
    a.getText('minutes').insert(0, 'Vehicle seen twice. Follow up.');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    put(a, 'Vehicle seen twice. Follow up.', 'Blue vehicle seen twice. Follow up.');
    put(b, 'Vehicle seen twice. Follow up.', 'Vehicle seen twice. Follow up with CBP.');
    // And a caret in B, behind "twice", moved by A's change.
    let caret = 'Vehicle seen twice'.length;
    b.getText('minutes').observe((ev) => (caret = movePosition(caret, ev.delta as DeltaOp[])));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    expect(a.getText('minutes').toString()).toBe('Blue vehicle seen twice. Follow up with CBP.');
    expect(b.getText('minutes').toString()).toBe(a.getText('minutes').toString());
    expect(b.getText('minutes').toString().slice(0, caret)).toBe('Blue vehicle seen twice');
  });
});
