import { describe, expect, it } from 'vitest';
import type { SessionComment } from '../../../../shared/session-schemas';
import { SESSION_COMMENT } from '../../../../shared/session-schemas';
import { commentCounts, commentKey, mayDelete, mayDiscuss, shortTime, threadsFor } from '../../../../renderer/src/session/discussion';
import { link, node } from '../fixtures';

const c = (target: string, at: string, by = 'p-1', replyTo: string | null = null): SessionComment => ({
  target, text: `at ${at}`, by, name: by, agency: 'CBP', at, replyTo,
});

describe('comment threads', () => {
  const comments = new Map<string, SessionComment>([
    ['b', c('node:1', '2026-01-01T10:05:00Z', 'p-2')],
    ['a', c('node:1', '2026-01-01T10:00:00Z')],
    ['r1', c('node:1', '2026-01-01T10:01:00Z', 'p-2', 'a')],
    ['r2', c('node:1', '2026-01-01T10:02:00Z', 'p-1', 'r1')],
    ['orphan', c('node:1', '2026-01-01T10:03:00Z', 'p-1', 'deleted')],
    ['other', c('link:7', '2026-01-01T09:00:00Z')],
  ]);

  it('groups replies (and replies to replies) under their comment, oldest first', () => {
    const t = threadsFor(comments, 'node:1');
    expect(t.map((x) => x.comment.key)).toEqual(['a', 'orphan', 'b']);
    expect(t[0].replies.map((x) => x.key)).toEqual(['r1', 'r2']);
  });

  it('counts comments per target', () => {
    expect(commentCounts(comments).get('node:1')).toBe(5);
    expect(commentCounts(comments).get('link:7')).toBe(1);
  });

  it('lets the author and the host delete, nobody else', () => {
    expect(mayDelete({ by: 'p-1' }, { id: 'p-1', role: 'participant' })).toBe(true);
    expect(mayDelete({ by: 'p-1' }, { id: 'p-2', role: 'participant' })).toBe(false);
    expect(mayDelete({ by: 'p-1' }, { id: 'host', role: 'host' })).toBe(true);
  });

  it('makes keys the host accepts', () => {
    const key = commentKey(123456789, Date.UTC(2026, 0, 1));
    expect(key).toMatch(/^[\w-]{1,80}$/);
    expect(SESSION_COMMENT.safeParse(c('node:1', 'now')).success).toBe(true);
  });

  it('offers discussion only of what the analyst may read', () => {
    expect(mayDiscuss({ node: node(1) })).toBe(true);
    expect(mayDiscuss({ node: node(1, 'pointer') })).toBe(false);
    expect(mayDiscuss({ link: link(7, 1, 2) })).toBe(true);
    expect(mayDiscuss({ link: { ...link(7, 1, 2), kind: 'withheld' } })).toBe(false);
    expect(mayDiscuss(null)).toBe(false);
  });

  it('shows the time alone today and the date on other days', () => {
    const now = new Date(2026, 2, 3, 15, 0);
    expect(shortTime(new Date(2026, 2, 3, 14, 2).toISOString(), now)).toBe('14:02');
    expect(shortTime(new Date(2026, 2, 1, 9, 5).toISOString(), now)).toBe('1 Mar 09:05');
  });
});
