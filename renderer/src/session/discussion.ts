// Comments and verdicts of a review session as plain data: threads for one element, who may
// delete what, and what may be discussed at all (the host refuses a comment or verdict on
// an element the writer may not read, and closes their connection).
import type { SessionComment, SessionTarget, SessionVerdict } from '../../../shared/session-schemas';
import type { LinkRef, NodeRef } from '../../../shared/model';

export interface KeyedComment extends SessionComment {
  key: string;
}

export interface Thread {
  comment: KeyedComment;
  replies: KeyedComment[];
}

const byTime = (a: KeyedComment, b: KeyedComment): number => a.at.localeCompare(b.at) || a.key.localeCompare(b.key);

/** The comments on `target` as threads, oldest first; a reply to a reply joins its thread,
 * a reply whose comment was deleted stands on its own. */
export function threadsFor(comments: ReadonlyMap<string, SessionComment>, target: string): Thread[] {
  const mine = [...comments].filter(([, c]) => c.target === target).map(([key, c]) => ({ ...c, key }));
  const byKey = new Map(mine.map((c) => [c.key, c]));
  const rootOf = (c: KeyedComment): KeyedComment => {
    let cur = c;
    const seen = new Set<string>();
    while (cur.replyTo && byKey.has(cur.replyTo) && !seen.has(cur.key)) {
      seen.add(cur.key);
      cur = byKey.get(cur.replyTo)!;
    }
    return cur;
  };
  const threads = new Map<string, Thread>();
  for (const c of mine.sort(byTime)) {
    const root = rootOf(c);
    if (root === c) threads.set(c.key, { comment: c, replies: threads.get(c.key)?.replies ?? [] });
    else {
      const t = threads.get(root.key) ?? { comment: root, replies: [] };
      t.replies.push(c);
      threads.set(root.key, t);
    }
  }
  return [...threads.values()].sort((a, b) => byTime(a.comment, b.comment));
}

/** How many comments each target has (for badges). */
export function commentCounts(comments: ReadonlyMap<string, SessionComment>): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of comments.values()) out.set(c.target, (out.get(c.target) ?? 0) + 1);
  return out;
}

export interface Me {
  id: string;
  role: 'host' | 'participant';
}

/** The author deletes their own comment; the host deletes any. */
export const mayDelete = (c: Pick<SessionComment, 'by'>, me: Me): boolean => me.role === 'host' || c.by === me.id;

/** The author or the host clears a verdict; anyone may set another one over it. */
export const mayClear = (v: Pick<SessionVerdict, 'by'>, me: Me): boolean => me.role === 'host' || v.by === me.id;

/** A comment key no one else can produce: the writer's Yjs client id and the time. */
export function commentKey(clientId: number, now = Date.now(), salt = Math.floor(Math.random() * 1296)): string {
  return `${clientId}-${now.toString(36)}${salt.toString(36)}`;
}

export function targetOf(focus: { type: 'node' | 'link'; id: number } | null): SessionTarget | null {
  return focus ? `${focus.type}:${focus.id}` : null;
}

/** What this analyst may comment on: an element they may read, not a pointer or a withheld link. */
export function mayDiscuss(el: { node?: NodeRef; link?: LinkRef } | null): boolean {
  if (!el) return false;
  if (el.node) return el.node.kind !== 'pointer';
  if (el.link) return el.link.kind !== 'withheld';
  return false;
}

export const VERDICT_TEXT = { confirmed: 'Confirmed', refuted: 'Refuted', 'follow-up': 'Needs follow-up' } as const;

/** "14:02" today, "3 Mar 14:02" another day, in the reader's time zone. */
export function shortTime(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  if (d.toDateString() === now.toDateString()) return hm;
  return `${d.getDate()} ${d.toLocaleString('en-GB', { month: 'short' })} ${hm}`;
}
