// What a participant's update may change, judged on the shadow copy it was tried on: only the
// session's own types, well-formed values, ids their agency may see, their own comments, and
// the session's settings only if they host it.
import type * as Y from 'yjs';
import type { Agency } from '../../../shared/model';
import {
  SESSION_COMMENT, SESSION_LIMITS, SESSION_LINK, SESSION_MAPS, SESSION_META, SESSION_NODE, SESSION_TARGET, SESSION_TEXT, SESSION_VERDICT,
  type SessionComment, type SessionMap,
} from '../../../shared/session-schemas';
import { VisibilityCache } from './visibility';

export interface Member {
  id: string;
  name: string;
  agency: Agency;
  colour: string;
  role: 'host' | 'participant';
}

export interface KeyChange {
  action: 'add' | 'update' | 'delete';
  old: unknown;
}

export interface Changes {
  maps: Map<string, Map<string, KeyChange>>;
  textBad: string | null;
  textChanged: boolean;
}

const ROOTS = new Set<string>([...SESSION_MAPS, SESSION_TEXT]);
const ID_KEY = /^\d{1,15}$/;
const COMMENT_KEY = /^[\w-]{1,80}$/;

function authoredBy(v: unknown, m: Member): boolean {
  const o = v as { by?: unknown; agency?: unknown } | undefined;
  return !!o && o.by === m.id && o.agency === m.agency;
}

export async function checkChanges(doc: Y.Doc, changes: Changes, m: Member, vis: VisibilityCache): Promise<string | null> {
  for (const name of doc.share.keys()) if (!ROOTS.has(name)) return `unknown part "${name.slice(0, 40)}" of the session document`;
  const pending = doc.store.pendingStructs?.update.length ?? 0;
  if (pending + (doc.store.pendingDs?.length ?? 0) > SESSION_LIMITS.frameBytes) return 'too many updates with missing history';
  if (changes.textBad) return changes.textBad;
  if (changes.textChanged && doc.getText(SESSION_TEXT).length > SESSION_LIMITS.minutesChars) return 'the minutes are over their size limit';

  const of = (name: SessionMap) => changes.maps.get(name) ?? new Map<string, KeyChange>();
  const map = (name: SessionMap) => doc.getMap(name);

  // First every id this update needs judged, asked of the case in one go.
  const targets: string[] = [];
  for (const [key, ch] of of('nodes')) if (ch.action !== 'delete') targets.push(`node:${key}`);
  for (const [key, ch] of of('links')) if (ch.action !== 'delete') targets.push(`link:${key}`);
  for (const [key, ch] of of('comments')) {
    const t = (map('comments').get(key) as { target?: unknown } | undefined)?.target;
    if (ch.action !== 'delete' && typeof t === 'string') targets.push(t);
  }
  for (const [key, ch] of of('verdicts')) if (ch.action !== 'delete') targets.push(key);
  if (targets.length) await vis.ensure(VisibilityCache.ids(targets));

  if (map('nodes').size > SESSION_LIMITS.nodes) return `the board is over ${SESSION_LIMITS.nodes} nodes`;
  for (const [key, ch] of of('nodes')) {
    if (!ID_KEY.test(key)) return 'bad node key';
    if (ch.action === 'delete') continue;
    if (!SESSION_NODE.safeParse(map('nodes').get(key)).success) return `bad position for node ${key}`;
    // Moving a pointer already on the board is fine; putting one there is not.
    if (ch.action === 'add' && vis.node(Number(key), m.agency) !== 2) return `node ${key} is not one you may see`;
  }
  for (const [key, ch] of of('links')) {
    if (!ID_KEY.test(key)) return 'bad link key';
    if (ch.action === 'delete') continue;
    const ends = vis.linkEnds(Number(key));
    const v = SESSION_LINK.safeParse(map('links').get(key));
    if (!ends || vis.link(Number(key), m.agency) !== 'read') return `link ${key} is not one you may see`;
    if (!v.success || v.data.s !== ends.s || v.data.t !== ends.t) return `link ${key} does not join those nodes`;
  }
  for (const [key, ch] of of('comments')) {
    if (!COMMENT_KEY.test(key)) return 'bad comment key';
    const own = m.role === 'host' || authoredBy(ch.old, m);
    if (ch.action === 'delete') {
      if (!own) return 'only its author or the host may delete a comment';
      continue;
    }
    const v = SESSION_COMMENT.safeParse(map('comments').get(key));
    if (!v.success) return `bad comment: ${v.error.issues[0]?.message ?? 'invalid'}`;
    if (!authoredBy(v.data, m)) return 'a comment must be signed by its sender';
    if (ch.action === 'update' && (!authoredBy(ch.old, m) || (ch.old as SessionComment).target !== v.data.target)) return 'only its author may edit a comment';
    if (!vis.target(v.data.target, m.agency)) return `${v.data.target} is not one you may see`;
  }
  for (const [key, ch] of of('verdicts')) {
    if (!SESSION_TARGET.safeParse(key).success) return 'bad verdict key';
    if (ch.action === 'delete') {
      if (m.role !== 'host' && !authoredBy(ch.old, m)) return 'only its author or the host may clear a verdict';
      continue;
    }
    const v = SESSION_VERDICT.safeParse(map('verdicts').get(key));
    if (!v.success) return `bad verdict: ${v.error.issues[0]?.message ?? 'invalid'}`;
    if (!authoredBy(v.data, m)) return 'a verdict must be signed by its sender';
    if (!vis.target(key as never, m.agency)) return `${key} is not one you may see`;
  }
  for (const [key, ch] of of('meta')) {
    if (m.role !== 'host') return 'only the host changes the session settings';
    const schema = (SESSION_META as Record<string, { safeParse(v: unknown): { success: boolean } }>)[key];
    if (!schema) return `unknown setting "${key.slice(0, 40)}"`;
    if (ch.action !== 'delete' && !schema.safeParse(map('meta').get(key)).success) return `bad value for ${key}`;
  }
  return null;
}
