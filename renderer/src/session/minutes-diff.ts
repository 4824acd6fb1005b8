// The shared minutes are one plain Y.Text. A textarea edit becomes the smallest change
// (common prefix and suffix kept, the middle replaced), so two people typing in different
// places merge; a change from elsewhere moves the caret as the text around it moved.

export interface TextEdit {
  /** Where the change starts. */
  index: number;
  /** Characters removed there. */
  remove: number;
  /** Text inserted there. */
  insert: string;
}

/** The one replacement that turns `before` into `after`, or null when they are equal.
 * `caret` (where the caret is after the edit) settles ties in runs of the same character. */
export function textEdit(before: string, after: string, caret = after.length): TextEdit | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Typing "a" into "aa" at the end: the prefix would swallow the new "a"; the caret says where it went.
  // Deleting one "t" of "tt": likewise, the deletion is where the caret stopped.
  const grown = after.length - before.length;
  if (grown > 0) start = Math.min(start, Math.max(0, caret - grown));
  else if (grown < 0) start = Math.min(start, Math.max(0, caret));
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** One op of a Y.Text change (Yjs's delta format, plain text only). */
export interface DeltaOp {
  retain?: number;
  insert?: string | object;
  delete?: number;
}

/** Where a position ends up after a change made elsewhere. Text inserted exactly at the
 * position goes before it (the other person's words appear behind the caret, not in front). */
export function movePosition(pos: number, delta: readonly DeltaOp[]): number {
  // `at` walks the text as it was; inserts take no room in it, deletes and retains do.
  let at = 0;
  let shift = 0;
  for (const op of delta) {
    if (at > pos) break;
    if (op.retain) at += op.retain;
    else if (op.insert !== undefined) shift += typeof op.insert === 'string' ? op.insert.length : 1;
    else if (op.delete) {
      shift -= Math.min(op.delete, pos - at);
      at += op.delete;
    }
  }
  return Math.max(0, pos + shift);
}
