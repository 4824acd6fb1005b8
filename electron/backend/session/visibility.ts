// The relay's memory of what each agency may see of the ids in a session, asked of the DB
// worker once per id. Unknown ids count as unseen: the relay fails closed.
import { AGENCY, type Agency } from '../../../shared/model';
import type { SessionTarget } from '../../../shared/session-schemas';
import type { VisibilityAnswer, VisibilityQuestion } from './visibility-op';

const IDX: Record<Agency, number> = Object.fromEntries(AGENCY.options.map((a, i) => [a, i])) as Record<Agency, number>;

export type LinkShow = 'read' | 'withheld' | 'hidden';

export class VisibilityCache {
  private readonly nodes = new Map<number, number[]>();
  private readonly links = new Map<number, { s: number; t: number; read: boolean[] } | null>();
  private readonly leads = new Map<number, boolean[] | null>();

  constructor(private readonly ask: (q: VisibilityQuestion) => Promise<VisibilityAnswer>) {}

  /** Asks the worker about the ids not known yet (and the ends of new links). */
  async ensure(q: Partial<VisibilityQuestion>): Promise<void> {
    const links = [...new Set(q.links ?? [])].filter((id) => !this.links.has(id));
    const leads = [...new Set(q.leads ?? [])].filter((id) => !this.leads.has(id));
    let nodes = [...new Set(q.nodes ?? [])].filter((id) => !this.nodes.has(id));
    if (links.length) {
      const a = await this.ask({ nodes: [], links, leads: [] });
      for (const id of links) this.links.set(id, a.links[id] ?? null);
      nodes = [...new Set([...nodes, ...links.flatMap((id) => (a.links[id] ? [a.links[id].s, a.links[id].t] : []))])].filter((id) => !this.nodes.has(id));
    }
    if (!nodes.length && !leads.length) return;
    const a = await this.ask({ nodes, links: [], leads });
    for (const id of nodes) this.nodes.set(id, a.nodes[id] ?? [0, 0, 0]);
    for (const id of leads) this.leads.set(id, a.leads[id] ?? null);
  }

  /** 0 not in the case, 1 withheld (shown as a pointer), 2 seen. */
  node(id: number, agency: Agency): number {
    return this.nodes.get(id)?.[IDX[agency]] ?? 0;
  }

  linkEnds(id: number): { s: number; t: number } | null {
    const l = this.links.get(id);
    return l ? { s: l.s, t: l.t } : null;
  }

  /** As redactSlice draws it: read, a withheld link from a seen node to a pointer, or nothing. */
  link(id: number, agency: Agency): LinkShow {
    const l = this.links.get(id);
    if (!l) return 'hidden';
    if (l.read[IDX[agency]]) return 'read';
    const s = this.node(l.s, agency);
    const t = this.node(l.t, agency);
    return (s === 1) !== (t === 1) && s > 0 && t > 0 ? 'withheld' : 'hidden';
  }

  lead(id: number, agency: Agency): boolean {
    return this.leads.get(id)?.[IDX[agency]] ?? false;
  }

  /** May the agency read what a comment or verdict is about? */
  target(t: SessionTarget, agency: Agency): boolean {
    const [kind, raw] = t.split(':');
    const id = Number(raw);
    if (kind === 'node') return this.node(id, agency) === 2;
    if (kind === 'link') return this.link(id, agency) === 'read';
    return this.lead(id, agency);
  }

  static ids(targets: Iterable<string>): VisibilityQuestion {
    const q: VisibilityQuestion = { nodes: [], links: [], leads: [] };
    for (const t of targets) {
      const [kind, raw] = t.split(':');
      const id = Number(raw);
      if (!Number.isSafeInteger(id)) continue;
      if (kind === 'node') q.nodes.push(id);
      else if (kind === 'link') q.links.push(id);
      else if (kind === 'lead') q.leads.push(id);
    }
    return q;
  }
}
