// Leads in the case: each run's candidates meet the analyst's verdicts. A reviewed or
// dismissed lead stays so unless its evidence grew; then it is new again and says what is new.
import type Database from 'better-sqlite3';
import type { Lead, LeadKind, LeadsRun, LeadStatus } from '../../../shared/contract';
import { LEAD_KINDS } from '../../../shared/contract';
import { AppError } from '../errors';
import { ProvenanceLookup } from '../graph/provenance';
import { getNode, toLinkRef, toNodeRef, type DbLink } from '../graph/rows';
import type { Candidate } from './types';

interface LeadRow {
  id: number;
  kind: LeadKind;
  key: string;
  score: number;
  title: string;
  summary: string;
  entities: string;
  evidence: string;
  sources: string;
  items: string;
  status: LeadStatus;
  reason: string | null;
  whats_new: string | null;
  first_seen: string;
  last_seen: string;
}

/** Items that are entity ids (named in "what is new") rather than crossings. */
const ENTITY_ITEMS = new Set<LeadKind>(['shared_identifier', 'vehicle_drivers', 'cotravel', 'lookout_proximity']);

export function storeCandidates(db: Database.Database, found: Candidate[], byDetector: LeadsRun['byDetector'], started: number): LeadsRun {
  const now = new Date().toISOString();
  let added = 0;
  let reopened = 0;
  const get = db.prepare('SELECT id, status, items, decided_at FROM lead WHERE key = ?');
  const insert = db.prepare(
    `INSERT INTO lead(kind, key, score, title, summary, entities, evidence, sources, items, first_seen, last_seen)
     VALUES (@kind, @key, @score, @title, @summary, @entities, @evidence, @sources, @items, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE lead SET score = @score, title = @title, summary = @summary, entities = @entities, evidence = @evidence, sources = @sources,
       items = @items, last_seen = @now, active = 1, status = @status, whats_new = @whatsNew WHERE id = @id`,
  );
  const label = db.prepare('SELECT label FROM node WHERE id = ?').pluck();
  db.transaction(() => {
    db.prepare('UPDATE lead SET active = 0').run();
    for (const c of found) {
      const row = get.get(c.key) as { id: number; status: LeadStatus; items: string; decided_at: string | null } | undefined;
      const values = {
        kind: c.kind, key: c.key, score: c.score, title: c.title, summary: c.summary, now,
        entities: JSON.stringify(c.entities), evidence: JSON.stringify(c.evidence), sources: JSON.stringify(c.sourceLinks), items: JSON.stringify(c.items),
      };
      if (!row) {
        insert.run(values);
        added++;
        continue;
      }
      let status = row.status;
      let whatsNew: string | null = null;
      const before = new Set(JSON.parse(row.items) as string[]);
      const fresh = c.items.filter((i) => !before.has(i));
      if ((status === 'dismissed' || status === 'reviewed') && fresh.length) {
        whatsNew = ENTITY_ITEMS.has(c.kind)
          ? `New since it was ${status} on ${(row.decided_at ?? '').slice(0, 10)}: ${fresh.slice(0, 5).map((id) => String(label.get(Number(id)) ?? id).replace(/ · \d+ records?$/, '')).join('; ')}${fresh.length > 5 ? ` and ${fresh.length - 5} more` : ''}.`
          : `New since it was ${status} on ${(row.decided_at ?? '').slice(0, 10)}: ${fresh.length} more crossing${fresh.length === 1 ? '' : 's'}.`;
        status = 'new';
        reopened++;
      } else if (status === 'new') {
        whatsNew = null;
      } else {
        whatsNew = (db.prepare('SELECT whats_new FROM lead WHERE id = ?').pluck().get(row.id) as string | null) ?? null;
      }
      update.run({ ...values, id: row.id, status, whatsNew });
    }
  })();
  const run: LeadsRun = {
    at: now,
    leads: found.length,
    added,
    reopened,
    seconds: Math.round((performance.now() - started) / 10) / 100,
    byDetector,
  };
  db.prepare('INSERT INTO lead_run(at, summary) VALUES (?, ?)').run(now, JSON.stringify(run));
  return run;
}

function toLead(db: Database.Database, r: LeadRow, prov: ProvenanceLookup): Lead {
  const nodeRef = (id: number) => {
    try {
      return toNodeRef(db, getNode(db, id));
    } catch {
      return null;
    }
  };
  const linkRow = db.prepare('SELECT l.*, n.agency AS agency FROM link l JOIN node n ON n.id = l.src WHERE l.id = ?');
  const sources = (JSON.parse(r.sources) as number[])
    .map((id) => linkRow.get(id) as (DbLink & { agency: string | null }) | undefined)
    .flatMap((l) => {
      const p = l ? prov.of(l) : null;
      return p ? [p] : [];
    });
  return {
    id: r.id,
    kind: r.kind,
    score: r.score,
    title: r.title,
    summary: r.summary,
    entities: (JSON.parse(r.entities) as number[]).slice(0, 50).map(nodeRef).filter((x): x is NonNullable<typeof x> => !!x),
    sources,
    status: r.status,
    reason: r.reason,
    whatsNew: r.whats_new,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  };
}

export function listLeads(db: Database.Database, o: { kinds?: LeadKind[]; status?: LeadStatus[]; limit: number; offset: number }) {
  const status = o.status?.length ? o.status : ['new', 'reviewed', 'escalated'];
  const kinds = o.kinds?.length ? o.kinds : [...LEAD_KINDS];
  const where = `active = 1 AND status IN (${status.map(() => '?').join(',')}) AND kind IN (${kinds.map(() => '?').join(',')})`;
  const args = [...status, ...kinds];
  const prov = new ProvenanceLookup(db);
  const rows = db.prepare(`SELECT * FROM lead WHERE ${where} ORDER BY score DESC, id LIMIT ? OFFSET ?`).all(...args, o.limit, o.offset) as LeadRow[];
  const total = db.prepare(`SELECT count(*) FROM lead WHERE ${where}`).pluck().get(...args) as number;
  const byKind = db
    .prepare(`SELECT kind, count(*) AS count FROM lead WHERE active = 1 AND status IN (${status.map(() => '?').join(',')}) GROUP BY kind ORDER BY count DESC`)
    .all(...status) as Array<{ kind: LeadKind; count: number }>;
  const unseen = db.prepare(`SELECT count(*) FROM lead WHERE active = 1 AND status = 'new'`).pluck().get() as number;
  const last = db.prepare('SELECT summary FROM lead_run ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
  return { leads: rows.map((r) => toLead(db, r, prov)), total, byKind, unseen, lastRun: last ? (JSON.parse(last) as LeadsRun) : null };
}

function row(db: Database.Database, id: number): LeadRow {
  const r = db.prepare('SELECT * FROM lead WHERE id = ?').get(id) as LeadRow | undefined;
  if (!r) throw new AppError('not_found', `No lead #${id} in this case.`);
  return r;
}

/** A lead with its evidence as board elements: every link with both ends, records with their 'record of' link. */
export function getLead(db: Database.Database, id: number) {
  const r = row(db, id);
  const ev = JSON.parse(r.evidence) as { nodes: number[]; links: number[] };
  const links = new Map<number, DbLink>();
  const linkStmt = db.prepare('SELECT * FROM link WHERE id = ?');
  for (const l of ev.links) {
    const x = linkStmt.get(l) as DbLink | undefined;
    if (x) links.set(x.id, x);
  }
  const nodeIds = new Set([...ev.nodes, ...[...links.values()].flatMap((l) => [l.src, l.dst])]);
  const recordOf = db.prepare(`SELECT * FROM link WHERE src = ? AND kind = 'resolved_as'`);
  for (const n of [...nodeIds]) {
    for (const l of recordOf.all(n) as DbLink[]) {
      if (nodeIds.has(l.dst)) links.set(l.id, l);
    }
  }
  const nodes = [...nodeIds].flatMap((n) => {
    try {
      return [toNodeRef(db, getNode(db, n))];
    } catch {
      return [];
    }
  });
  const present = new Set(nodes.map((n) => n.id));
  return {
    ...toLead(db, r, new ProvenanceLookup(db)),
    evidence: { nodes, links: [...links.values()].filter((l) => present.has(l.src) && present.has(l.dst)).map(toLinkRef) },
  };
}

export function markLead(db: Database.Database, id: number, status: LeadStatus, reason: string | null, who: string): Lead {
  row(db, id);
  if (status === 'dismissed' && !reason) throw new AppError('invalid_input', 'Say why the lead is dismissed (a reason is required).');
  db.prepare('UPDATE lead SET status = ?, reason = ?, decided_at = ?, decided_by = ?, whats_new = NULL WHERE id = ?').run(status, reason, new Date().toISOString(), who, id);
  return toLead(db, row(db, id), new ProvenanceLookup(db));
}

/** The best of what a run brought: leads it added or reopened (for the notification). */
export function freshLeads(db: Database.Database, at: string, limit: number): Array<{ id: number; title: string; score: number }> {
  return db
    .prepare(
      `SELECT id, title, score FROM lead WHERE active = 1 AND status = 'new' AND last_seen = @at AND (first_seen = @at OR whats_new IS NOT NULL)
       ORDER BY score DESC, id LIMIT @limit`,
    )
    .all({ at, limit }) as Array<{ id: number; title: string; score: number }>;
}
