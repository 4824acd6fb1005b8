// A dense path -> the contract's path: each step's link with its date, source row and the
// records it joins, and the elements to draw (records and their 'record of' links included).
import type Database from 'better-sqlite3';
import type { GraphPath, PathStep } from '../../../../shared/contract';
import { linkKindLabel, type LinkRef, type NodeRef } from '../../../../shared/model';
import { ProvenanceLookup } from '../provenance';
import { getNode, toLinkRef, toNodeRef, type DbLink, type DbNode } from '../rows';
import type { EntityGraph } from './entity-graph';
import type { DensePath } from './walk';

const MAX_SOURCE_IDS = 12;

export class PathExplainer {
  private readonly prov: ProvenanceLookup;
  private readonly nodes = new Map<number, NodeRef>();
  private readonly sourceIds = new Map<number, string[]>();
  private readonly linkStmt;
  private readonly recordOfStmt;
  private readonly recordsStmt;

  constructor(
    private readonly db: Database.Database,
    private readonly g: EntityGraph,
  ) {
    this.prov = new ProvenanceLookup(db);
    this.linkStmt = db.prepare('SELECT * FROM link WHERE id = ?');
    this.recordOfStmt = db.prepare(`SELECT * FROM link WHERE src = ? AND kind = 'resolved_as' LIMIT 1`);
    this.recordsStmt = db.prepare(`SELECT r.key FROM link l JOIN node r ON r.id = l.src WHERE l.dst = ? AND l.kind = 'resolved_as' ORDER BY r.kind, r.key LIMIT ${MAX_SOURCE_IDS}`);
  }

  node(id: number): NodeRef {
    let r = this.nodes.get(id);
    if (!r) this.nodes.set(id, (r = toNodeRef(this.db, getNode(this.db, id))));
    return r;
  }

  private ids(id: number): string[] {
    let s = this.sourceIds.get(id);
    if (!s) {
      const ref = this.node(id);
      s = ref.kind === 'person' || ref.kind === 'vehicle_entity' ? (this.recordsStmt.pluck().all(id) as string[]) : ref.sourceId ? [ref.sourceId] : [];
      if (ref.sourceId && !s.includes(ref.sourceId)) s.unshift(ref.sourceId);
      this.sourceIds.set(id, s);
    }
    return s;
  }

  explain(p: DensePath): GraphPath {
    const { g } = this;
    const boardNodes = new Map<number, NodeRef>();
    const boardLinks = new Map<number, LinkRef>();
    const nodes = p.nodes.map((i) => {
      const id = g.ids[i];
      const ref = this.node(id);
      boardNodes.set(id, ref);
      return { ...ref, sourceIds: this.ids(id) };
    });
    const links: PathStep[] = p.steps.map((pos, s) => {
      const from = g.ids[p.nodes[s]];
      const to = g.ids[p.nodes[s + 1]];
      const l = this.linkStmt.get(g.adjLink[pos]) as DbLink;
      const via: NodeRef[] = [];
      for (const end of [l.src, l.dst]) {
        if (end === from || end === to) continue;
        // A record folded into one of the two entities: draw it with its 'record of' link.
        const rec = this.node(end);
        via.push(rec);
        boardNodes.set(end, rec);
        const ra = this.recordOfStmt.get(end) as DbLink | undefined;
        if (ra) boardLinks.set(ra.id, toLinkRef(ra));
      }
      const link = toLinkRef(l);
      boardLinks.set(l.id, link);
      const srcNode = l.file_id !== null ? (this.db.prepare('SELECT agency FROM node WHERE id = ?').get(l.src) as Pick<DbNode, 'agency'>) : null;
      const attrs = l.attrs ? (JSON.parse(l.attrs) as Record<string, unknown>) : null;
      return {
        from,
        to,
        linkId: l.id,
        kind: l.kind,
        label: link.label || linkKindLabel(l.kind),
        at: l.at,
        provenance: this.prov.of({ file_id: l.file_id, line: l.line, agency: srcNode?.agency ?? null, handling: l.handling }),
        via,
        detail: l.kind === 'travelled_with' && attrs ? `together ${attrs.count} times, ${attrs.first} to ${attrs.last}` : l.kind === 'possibly_same' && attrs ? `possibly the same (p ${attrs.probability}): ${attrs.evidence}` : null,
      };
    });
    return { length: p.steps.length, nodes, links, board: { nodes: [...boardNodes.values()], links: [...boardLinks.values()] } };
  }
}
