// Runs in the DB worker: what each agency may see of the ids a review session touches. The
// session relay (main thread) keeps the answers and filters every change with them.
import type Database from 'better-sqlite3';
import { AGENCY, type Agency } from '../../../shared/model';
import { Access } from '../access/access';
import { redactLead, redactSlice } from '../access/redact';
import type { BoardSlice } from '../../../shared/contract';
import { toLinkRef, toNodeRef, type DbLink, type DbNode } from '../graph/rows';
import { getLead } from '../leads/store';

/** Per agency, in AGENCY order: 0 absent from the case, 1 exists but withheld (a pointer), 2 seen. */
export type NodeVis = number[];

export interface VisibilityAnswer {
  nodes: Record<number, NodeVis>;
  /** A link's ends and, per agency, whether it may be read. Absent when not in the case. */
  links: Record<number, { s: number; t: number; read: boolean[] }>;
  leads: Record<number, boolean[]>;
}

export interface VisibilityQuestion {
  nodes: number[];
  links: number[];
  leads: number[];
}

export function sessionVisibility(db: Database.Database, q: VisibilityQuestion): VisibilityAnswer {
  const agencies = AGENCY.options as readonly Agency[];
  const accs = agencies.map((a) => new Access(db, a));
  const out: VisibilityAnswer = { nodes: {}, links: {}, leads: {} };
  const nodeIds = [...new Set(q.nodes)];
  for (const acc of accs) acc.prefetch(nodeIds, q.links);
  for (const id of nodeIds) {
    out.nodes[id] = accs.map((acc) => (acc.row(id) === null ? 0 : acc.sees(id) ? 2 : 1));
  }
  for (const id of new Set(q.links)) {
    const row = accs[0].link(id);
    if (!row) continue;
    out.links[id] = { s: row.src, t: row.dst, read: accs.map((acc) => acc.linkVisible(row)) };
  }
  for (const id of new Set(q.leads)) {
    try {
      const lead = getLead(db, id);
      out.leads[id] = accs.map((acc) => redactLead(acc, lead) !== null);
    } catch {
      // not in the case: absent from the answer, refused by the relay
    }
  }
  return out;
}

/** The board elements of a session as the asking profile may see them (labels, kinds, pointers);
 * ids not in the case are left out. `raw` skips the filter: the host's own board copy. */
export function sessionElements(db: Database.Database, acc: Access, q: { nodes: number[]; links: number[]; raw?: boolean }): BoardSlice {
  const node = db.prepare('SELECT * FROM node WHERE id = ?');
  const link = db.prepare('SELECT * FROM link WHERE id = ?');
  const nodes = [...new Set(q.nodes)].flatMap((id) => {
    const n = node.get(id) as DbNode | undefined;
    return n ? [toNodeRef(db, n)] : [];
  });
  const links = [...new Set(q.links)].flatMap((id) => {
    const l = link.get(id) as DbLink | undefined;
    return l ? [toLinkRef(l)] : [];
  });
  return q.raw ? { nodes, links } : redactSlice(acc, { nodes, links });
}
