// Writing comments and verdicts into the session document, signed with this window's admitted
// identity (the host refuses anything signed otherwise).
import { SESSION_LIMITS, type SessionComment, type SessionTarget, type SessionVerdict, type Verdict } from '../../../shared/session-schemas';
import { liveStore } from './connection';
import { commentKey, mayClear, mayDelete } from './discussion';

function signer() {
  const live = liveStore.get();
  if (!live) return null;
  const p = live.self.participant;
  return { live, by: p.id, name: p.name.slice(0, SESSION_LIMITS.nameChars), agency: p.agency, me: { id: p.id, role: p.role } };
}

export function addComment(target: SessionTarget, text: string, replyTo: string | null = null): boolean {
  const s = signer();
  const body = text.trim().slice(0, SESSION_LIMITS.commentChars);
  if (!s || !body) return false;
  const c: SessionComment = { target, text: body, by: s.by, name: s.name, agency: s.agency, at: new Date().toISOString(), replyTo };
  s.live.doc.getMap<SessionComment>('comments').set(commentKey(s.live.doc.clientID), c);
  return true;
}

export function deleteComment(key: string): boolean {
  const s = signer();
  const comments = s?.live.doc.getMap<SessionComment>('comments');
  const c = comments?.get(key);
  if (!s || !c || !mayDelete(c, s.me)) return false;
  comments!.delete(key);
  return true;
}

/** Sets a verdict; the same verdict again clears it (when this analyst may clear it). */
export function toggleVerdict(target: SessionTarget, verdict: Verdict): boolean {
  const s = signer();
  if (!s) return false;
  const verdicts = s.live.doc.getMap<SessionVerdict>('verdicts');
  const cur = verdicts.get(target);
  if (cur?.verdict === verdict) {
    if (!mayClear(cur, s.me)) return false;
    verdicts.delete(target);
    return true;
  }
  verdicts.set(target, { verdict, by: s.by, name: s.name, agency: s.agency, at: new Date().toISOString() });
  return true;
}
