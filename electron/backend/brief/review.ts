// The review session of a board, for its briefing package: who took part, the verdicts and
// comments on what the package may show, and the minutes. Read from the session's master
// document in the case (runs in a DB worker), cut to what author and audience may both read.
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { Agency } from '../../../shared/model';
import { SESSION_COMMENT, SESSION_VERDICT, type SessionTarget } from '../../../shared/session-schemas';
import type { Access } from '../access/access';
import { redactLead } from '../access/redact';
import { getLead } from '../leads/store';
import { latestSession, loadSession } from '../session/session-store';

export interface BriefReview {
  startedAt: string;
  endedAt: string | null;
  participants: Array<{ name: string; agency: Agency; role: 'host' | 'participant' }>;
  verdicts: Array<{ about: string; verdict: string; name: string; agency: Agency; at: string; note: string }>;
  comments: Array<{ about: string; name: string; agency: Agency; at: string; text: string }>;
  minutes: string;
  /** Verdicts and comments left out because they are about what the audience may not read. */
  withheld: number;
}

const MAX_ITEMS = 300;

export function boardReview(db: Database.Database, acc: Access, boardId: number, labelOf: (id: number) => string | undefined): BriefReview | null {
  const s = latestSession(db, boardId);
  if (!s) return null;
  const stored = loadSession(db, s.id);
  const doc = new Y.Doc();
  for (const u of stored.updates.master ?? []) Y.applyUpdate(doc, u);
  const about = (t: SessionTarget): string | null => {
    const [kind, raw] = t.split(':');
    const id = Number(raw);
    if (kind === 'node') return acc.sees(id) ? (labelOf(id) ?? acc.ref(id).label) : null;
    if (kind === 'link') {
      const l = acc.link(id);
      if (!l || !acc.linkVisible(l)) return null;
      return `link between ${labelOf(l.src) ?? acc.ref(l.src).label} and ${labelOf(l.dst) ?? acc.ref(l.dst).label}`;
    }
    try {
      const lead = redactLead(acc, getLead(db, id));
      return lead ? `lead: ${lead.title}` : null;
    } catch {
      return null;
    }
  };
  let withheld = 0;
  const verdicts: BriefReview['verdicts'] = [];
  for (const [key, raw] of doc.getMap('verdicts').entries()) {
    const v = SESSION_VERDICT.safeParse(raw);
    const what = v.success ? about(key as SessionTarget) : null;
    if (!v.success) continue;
    if (!what) withheld++;
    else verdicts.push({ about: what, verdict: v.data.verdict, name: v.data.name, agency: v.data.agency, at: v.data.at, note: v.data.note ?? '' });
  }
  const comments: BriefReview['comments'] = [];
  for (const raw of doc.getMap('comments').values()) {
    const c = SESSION_COMMENT.safeParse(raw);
    if (!c.success) continue;
    const what = about(c.data.target);
    if (!what) withheld++;
    else comments.push({ about: what, name: c.data.name, agency: c.data.agency, at: c.data.at, text: c.data.text });
  }
  const minutes = doc.getText('minutes').toString();
  doc.destroy();
  return {
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    participants: stored.participants.map((p) => ({ name: p.name, agency: p.agency, role: p.role })),
    verdicts: verdicts.sort((a, b) => a.at.localeCompare(b.at)).slice(0, MAX_ITEMS),
    comments: comments.sort((a, b) => a.at.localeCompare(b.at)).slice(0, MAX_ITEMS),
    minutes,
    withheld,
  };
}
