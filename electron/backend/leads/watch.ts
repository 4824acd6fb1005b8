// Watch rules, evaluated after every import: each says only what is new since its last run.
//  entity             any new crossing or link of the entity (a person: of any of its records)
//  search             new results of a saved search
//  near_case          any new crossing by anyone within two hops of a case
//  shares_identifier  any new person giving an identifier the watched person gives
import type Database from 'better-sqlite3';
import type { WatchKind, WatchRule } from '../../../shared/contract';
import { AppError } from '../errors';
import { resolveSourceId } from '../graph/resolve-id';
import { search } from '../graph/search';
import { cleanLabel, loadIntel, type Intel } from './intel';
import { Access } from '../access/access';
import { redactSearch } from '../access/redact';
import type { Agency } from '../../../shared/model';
import type { DbLink } from '../graph/rows';

interface Row {
  id: number;
  kind: WatchKind;
  target: string;
  label: string;
  created_at: string;
  last_run_at: string | null;
  seen: string;
  last_news: string;
  agency: Agency;
}

const MAX_NEWS = 20;

const toRule = (r: Row): WatchRule => ({
  id: r.id, kind: r.kind, target: r.target, label: r.label, createdAt: r.created_at, lastRunAt: r.last_run_at, lastNews: JSON.parse(r.last_news) as string[],
});

function targetNode(acc: Access, target: string): { id: number; label: string; kind: string } {
  const raw = resolveSourceId(acc.db, target);
  if (!raw) throw new AppError('not_found', `Nothing in this case is called '${target.slice(0, 80)}'.`);
  const ref = acc.ref(raw);
  if (ref.kind === 'pointer') throw new AppError('unauthorized', `${ref.label}; it cannot be watched from this profile.`);
  return { id: ref.id, label: cleanLabel(ref.label), kind: ref.kind };
}

export function addWatch(acc: Access, kind: WatchKind, target: string, label: string | undefined): WatchRule {
  const db = acc.db;
  let text = label;
  if (kind === 'search') text ??= `Search “${target}”`;
  else {
    const node = targetNode(acc, target);
    if (kind === 'near_case' && node.kind !== 'case') throw new AppError('invalid_input', `'${target}' is a ${node.kind}, not a case.`);
    text ??= kind === 'entity' ? `Watch ${node.label}` : kind === 'near_case' ? `Crossings near case ${target}` : `New persons sharing an identifier with ${node.label}`;
  }
  // What is there now is not news: the first run only remembers it.
  const seen = [...currentItems(acc, null, kind, target).keys()];
  const id = Number(
    db
      .prepare('INSERT INTO watch_rule(kind, target, label, created_at, seen, agency) VALUES (?, ?, ?, ?, ?, ?)')
      .run(kind, target, text, new Date().toISOString(), JSON.stringify(seen), acc.agency).lastInsertRowid,
  );
  return toRule(db.prepare('SELECT * FROM watch_rule WHERE id = ?').get(id) as Row);
}

/** The rules of one agency's analysts: another agency's rules and news are theirs alone. */
export const listWatches = (db: Database.Database, agency: Agency): WatchRule[] =>
  (db.prepare('SELECT * FROM watch_rule WHERE agency = ? ORDER BY id').all(agency) as Row[]).map(toRule);

export const removeWatch = (db: Database.Database, id: number, agency: Agency): boolean => db.prepare('DELETE FROM watch_rule WHERE id = ? AND agency = ?').run(id, agency).changes > 0;

/** Everything the rule covers now: item key -> a sentence saying what it is. */
function currentItems(acc: Access, intel: Intel | null, kind: WatchKind, target: string): Map<string, string> {
  const db = acc.db;
  const out = new Map<string, string>();
  if (kind === 'search') {
    for (const h of redactSearch(acc, search(db, target, 500), target)) out.set(`n${h.id}`, `${h.label} (${h.kind === 'pointer' ? 'withheld' : h.kind})`);
    return out;
  }
  const node = targetNode(acc, target);
  if (kind === 'entity') {
    // A record stands for the person (or vehicle) it resolved as: watch all of its records.
    const entity = (db.prepare(`SELECT dst FROM link WHERE src = ? AND kind = 'resolved_as'`).pluck().get(node.id) as number | undefined) ?? node.id;
    const ids = [entity, ...(db.prepare(`SELECT src FROM link WHERE dst = ? AND kind = 'resolved_as'`).pluck().all(entity) as number[])];
    const rows = db
      .prepare(
        `SELECT l.*, n.id AS other FROM link l JOIN node n ON n.id = CASE WHEN l.src = @id THEN l.dst ELSE l.src END
         WHERE (l.src = @id OR l.dst = @id) AND l.kind NOT IN ('resolved_as', 'possibly_same')`,
      );
    for (const id of ids) {
      if (!acc.sees(id)) continue;
      for (const r of rows.all({ id }) as Array<DbLink & { other: number }>) {
        if (!acc.linkVisible(r)) continue;
        out.set(`l${r.id}`, `${node.label}: ${r.kind.replace(/_/g, ' ')} ${cleanLabel(acc.ref(r.other).label)}${r.at ? ` (${r.at.slice(0, 16).replace('T', ' ')})` : ''}`);
      }
    }
    return out;
  }
  const picture = intel ?? loadIntel(db);
  if (kind === 'shares_identifier') {
    const me = picture.whoOf(node.id);
    // Only identifiers given in records the profile may read, by persons it may see whole.
    const gives = (who: number, records: number[] | undefined) => acc.seesAll(who) && (records ?? []).some((r) => acc.sees(r));
    for (const e of picture.identifiers.values()) {
      if (!gives(me, e.by.get(me))) continue;
      for (const [who, records] of e.by) if (who !== me && gives(who, records)) out.set(`p${who}:${e.value}`, `${picture.label(who)} gives ${e.kind} ${e.value}, as ${node.label} does`);
    }
    return out;
  }
  // near_case: entities named in the case and their neighbours (shared identifier, tie, co-travel); their crossings.
  const named = (db.prepare(`SELECT dst FROM link WHERE src = ? AND kind = 'case_names'`).pluck().all(node.id) as number[]).map((r) => picture.whoOf(r));
  const near = new Set(named);
  const step = (from: Set<number>) => {
    const next = new Set<number>();
    for (const e of picture.identifiers.values()) {
      if (e.by.size > 20) continue;
      const who = [...e.by.keys()];
      if (who.some((w) => from.has(w))) who.forEach((w) => next.add(w));
    }
    for (const t of picture.ties) {
      if (from.has(t.a)) next.add(t.b);
      if (from.has(t.b)) next.add(t.a);
    }
    return next;
  };
  const one = step(near);
  one.forEach((x) => near.add(x));
  step(one).forEach((x) => near.add(x));
  const c = picture.crossings;
  const linkStmt = acc.db.prepare('SELECT * FROM link WHERE id = ?');
  for (let i = 0; i < c.n; i++) {
    const who = c.who[i];
    if (!near.has(who) || !acc.seesAll(who)) continue;
    const l = linkStmt.get(c.link[i]) as DbLink | undefined;
    if (!l || !acc.linkVisible(l)) continue;
    out.set(`x${l.id}`, `${picture.label(who)} crossed at ${picture.portKey(c.port[i])} on ${(l.at ?? '').slice(0, 16).replace('T', ' ')}${named.includes(who) ? ` (named in ${target})` : ` (near ${target})`}`);
  }
  return out;
}

/** Runs every rule, each for the eyes of the agency that set it; answers, per rule of
 * `agency` with news, what is new; remembers it all as seen. `picture`: the detectors'
 * picture of the case when they just ran (reading it again costs seconds on a big case). */
export function runWatches(db: Database.Database, agency: Agency, picture?: Intel): Array<{ ruleId: number; label: string; news: string[] }> {
  const rows = db.prepare('SELECT * FROM watch_rule ORDER BY id').all() as Row[];
  if (!rows.length) return [];
  const needsIntel = rows.some((r) => r.kind === 'near_case' || r.kind === 'shares_identifier');
  const intel = needsIntel ? (picture ?? loadIntel(db)) : null;
  const now = new Date().toISOString();
  const out: Array<{ ruleId: number; label: string; news: string[] }> = [];
  const save = db.prepare('UPDATE watch_rule SET last_run_at = ?, seen = ?, last_news = ? WHERE id = ?');
  for (const r of rows) {
    let items: Map<string, string>;
    try {
      items = currentItems(new Access(db, r.agency), intel, r.kind, r.target);
    } catch {
      continue; // the watched thing left the case (a restore, a rolled-back import)
    }
    const seen = new Set(JSON.parse(r.seen) as string[]);
    const fresh = [...items].filter(([k]) => !seen.has(k)).map(([, text]) => text);
    const news = fresh.length > MAX_NEWS ? [...fresh.slice(0, MAX_NEWS), `… and ${fresh.length - MAX_NEWS} more`] : fresh;
    save.run(now, JSON.stringify([...new Set([...seen, ...items.keys()])]), JSON.stringify(news), r.id);
    if (news.length && r.agency === agency) out.push({ ruleId: r.id, label: r.label, news });
  }
  return out;
}
