// What one agency's analyst may see of the case, node by node. A record is visible when its
// handling lets the agency read it; a derived value (a phone, a document, a crossing event)
// when at least one readable row names it; a resolved person or vehicle when one of its
// records is readable, and then only through those records. What may not be seen becomes a
// pointer: who holds it and whom to ask, never its content.
import type Database from 'better-sqlite3';
import type { Agency, Handling, NodeRef, Pointer } from '../../../shared/model';
import { ProvenanceLookup } from '../graph/provenance';
import { toNodeRef, type DbLink, type DbNode } from '../graph/rows';
import { AGENCY_BIT, agenciesIn, EVERYONE, rowMask } from './rules';

/** Kinds that are one row of the bundle: their own handling decides. */
const RECORD_KINDS = new Set(['subject', 'vehicle', 'traveller', 'case', 'lookout']);
const ENTITY_KINDS = new Set(['person', 'vehicle_entity']);

interface Vis {
  /** Agencies that may see something of the node. */
  any: number;
  /** Agencies that may see all of it. */
  all: number;
}

interface Part {
  handling: string;
  agency: string | null;
  n: number;
}

export interface Withheld {
  count: number;
  agencies: Agency[];
  contacts: string[];
}

const MAX_CONTACTS = 3;

export class Access {
  /** Each agency that must be able to read what is shown (an author and the audience of a brief). */
  private readonly bits: number[];
  private readonly rows = new Map<number, DbNode | null>();
  private readonly vis = new Map<number, Vis>();
  private readonly prov: ProvenanceLookup;

  constructor(
    readonly db: Database.Database,
    readonly agency: Agency,
    /** Also this agency: a brief shows only what both its author and its audience may read. */
    readonly audience: Agency = agency,
  ) {
    this.bits = [...new Set([AGENCY_BIT[agency], AGENCY_BIT[audience]])];
    this.prov = new ProvenanceLookup(db);
  }

  /** The bits every shown thing must carry (for the path walk over the whole case). */
  get readers(): number {
    return this.bits.reduce((a, b) => a | b, 0);
  }

  private allowed(mask: number): boolean {
    return this.bits.every((b) => (mask & b) !== 0);
  }

  canRead(handling: string | null | undefined, agency: string | null | undefined): boolean {
    return this.allowed(rowMask(handling, agency));
  }

  row(id: number): DbNode | null {
    if (!this.rows.has(id)) this.rows.set(id, (this.db.prepare('SELECT * FROM node WHERE id = ?').get(id) as DbNode | undefined) ?? null);
    return this.rows.get(id)!;
  }

  private readonly linkRows = new Map<number, DbLink | null>();

  link(id: number): DbLink | null {
    if (!this.linkRows.has(id)) this.linkRows.set(id, (this.db.prepare('SELECT * FROM link WHERE id = ?').get(id) as DbLink | undefined) ?? null);
    return this.linkRows.get(id)!;
  }

  /** Reads many nodes and links in a few statements (a board of thousands). */
  prefetch(nodeIds: number[], linkIds: number[] = []): void {
    const chunk = 500;
    const fill = <T extends { id: number }>(ids: number[], table: 'node' | 'link', into: Map<number, T | null>) => {
      const want = [...new Set(ids)].filter((id) => Number.isInteger(id) && !into.has(id));
      for (let i = 0; i < want.length; i += chunk) {
        const part = want.slice(i, i + chunk);
        for (const id of part) into.set(id, null);
        for (const r of this.db.prepare(`SELECT * FROM ${table} WHERE id IN (${part.map(() => '?').join(',')})`).all(...part) as T[]) into.set(r.id, r);
      }
    };
    fill(nodeIds, 'node', this.rows);
    fill(linkIds, 'link', this.linkRows);
    // Who may see each derived value and resolved entity, a chunk of nodes per statement.
    const pending = [...new Set(nodeIds)].map((id) => this.rows.get(id)).filter((n): n is DbNode => !!n && !this.vis.has(n.id) && !RECORD_KINDS.has(n.kind) && n.kind !== 'port');
    for (let i = 0; i < pending.length; i += chunk) {
      const part = pending.slice(i, i + chunk);
      const entities = part.filter((n) => ENTITY_KINDS.has(n.kind)).map((n) => n.id);
      const derived = part.filter((n) => !ENTITY_KINDS.has(n.kind)).map((n) => n.id);
      const parts = new Map<number, Part[]>();
      const add = (rows: Array<Part & { id: number }>) => {
        for (const r of rows) parts.set(r.id, [...(parts.get(r.id) ?? []), r]);
      };
      const list = (ids: number[]) => ids.map(() => '?').join(',');
      if (entities.length) {
        add(this.db.prepare(`SELECT l.dst AS id, r.handling, r.agency, count(*) AS n FROM link l JOIN node r ON r.id = l.src WHERE l.dst IN (${list(entities)}) AND l.kind = 'resolved_as' GROUP BY 1, 2, 3`).all(...entities) as Array<Part & { id: number }>);
      }
      if (derived.length) {
        add(
          this.db
            .prepare(
              `SELECT id, handling, agency, count(*) AS n FROM (
                 SELECT l.dst AS id, l.handling, o.agency FROM link l JOIN node o ON o.id = l.src WHERE l.dst IN (${list(derived)})
                 UNION ALL
                 SELECT l.src AS id, l.handling, o.agency FROM link l JOIN node o ON o.id = l.dst WHERE l.src IN (${list(derived)}))
               GROUP BY 1, 2, 3`,
            )
            .all(...derived, ...derived) as Array<Part & { id: number }>,
        );
      }
      for (const n of part) this.vis.set(n.id, combine(parts.get(n.id) ?? []));
    }
  }

  private visOf(n: DbNode): Vis {
    let v = this.vis.get(n.id);
    if (v) return v;
    if (RECORD_KINDS.has(n.kind)) {
      const m = rowMask(n.handling, n.agency);
      v = { any: m, all: m };
    } else if (n.kind === 'port') v = { any: EVERYONE, all: EVERYONE };
    else v = combine(ENTITY_KINDS.has(n.kind) ? this.memberParts(n.id) : this.mentionParts(n.id));
    this.vis.set(n.id, v);
    return v;
  }

  private memberParts(id: number): Part[] {
    return this.db
      .prepare(
        `SELECT r.handling, r.agency, count(*) AS n FROM link l JOIN node r ON r.id = l.src
         WHERE l.dst = ? AND l.kind = 'resolved_as' GROUP BY 1, 2`,
      )
      .all(id) as Part[];
  }

  /** The rows that name a derived value: each link carries its row's handling; the agency is
   * the other end's (the record that entered it). */
  private mentionParts(id: number): Part[] {
    return this.db
      .prepare(
        `SELECT handling, agency, count(*) AS n FROM (
           SELECT l.handling, o.agency FROM link l JOIN node o ON o.id = l.src WHERE l.dst = @id
           UNION ALL
           SELECT l.handling, o.agency FROM link l JOIN node o ON o.id = l.dst WHERE l.src = @id)
         GROUP BY 1, 2`,
      )
      .all({ id }) as Part[];
  }

  /** Something of the node may be seen. */
  sees(n: DbNode | number | null): boolean {
    const node = typeof n === 'number' ? this.row(n) : n;
    return !!node && this.allowed(this.visOf(node).any);
  }

  /** All of the node may be seen (its label and summary were made from readable rows only). */
  seesAll(n: DbNode | number | null): boolean {
    const node = typeof n === 'number' ? this.row(n) : n;
    return !!node && this.allowed(this.visOf(node).all);
  }

  /** The agency a link's row came from: the record at either end that has one. */
  private linkAgency(l: Pick<DbLink, 'src' | 'dst'>): string | null {
    return this.row(l.src)?.agency ?? this.row(l.dst)?.agency ?? null;
  }

  linkReadable(l: Pick<DbLink, 'src' | 'dst' | 'handling'>): boolean {
    return this.canRead(l.handling, this.linkAgency(l));
  }

  /** The link's row may be read and both of its ends may be seen. */
  linkVisible(l: Pick<DbLink, 'src' | 'dst' | 'handling'>): boolean {
    return this.linkReadable(l) && this.sees(l.src) && this.sees(l.dst);
  }

  /** The rows of a node the profile may not read: how many, whose, and whom to ask. */
  withheld(n: DbNode): Withheld {
    let hidden: DbNode[];
    if (RECORD_KINDS.has(n.kind)) hidden = this.sees(n) ? [] : [n];
    else if (ENTITY_KINDS.has(n.kind)) {
      hidden = (
        this.db
          .prepare(`SELECT r.* FROM link l JOIN node r ON r.id = l.src WHERE l.dst = ? AND l.kind = 'resolved_as' AND r.handling <> 'SHARED' LIMIT 2000`)
          .all(n.id) as DbNode[]
      ).filter((r) => !this.canRead(r.handling, r.agency));
    } else {
      hidden = (
        this.db
          .prepare(
            `SELECT o.*, l.handling AS link_handling FROM link l JOIN node o ON o.id = CASE WHEN l.src = @id THEN l.dst ELSE l.src END
             WHERE (l.src = @id OR l.dst = @id) AND l.handling <> 'SHARED' LIMIT 2000`,
          )
          .all({ id: n.id }) as Array<DbNode & { link_handling: string }>
      ).filter((r) => !this.canRead(r.link_handling, r.agency));
    }
    let mask = 0;
    const contacts: string[] = [];
    for (const r of hidden) {
      mask |= r.agency && Object.hasOwn(AGENCY_BIT, r.agency) ? AGENCY_BIT[r.agency as Agency] : 0;
      if (contacts.length < MAX_CONTACTS) {
        const c = this.contactOf(r);
        if (c && !contacts.includes(c)) contacts.push(c);
      }
    }
    return { count: hidden.length, agencies: agenciesIn(mask), contacts };
  }

  private cell(n: DbNode, column: string): string | null {
    if (!n.cells || n.file_id === null) return null;
    try {
      const header = JSON.parse(this.prov.file(n.file_id).header) as string[];
      const i = header.indexOf(column);
      const v = i >= 0 ? (JSON.parse(n.cells) as string[])[i]?.trim() : '';
      return v || null;
    } catch {
      return null;
    }
  }

  /** Whom to ask about a record: its case's office or its lookout's contact. */
  contactOf(r: DbNode): string | null {
    if (r.kind === 'case') return this.cell(r, 'office') ?? r.agency;
    if (r.kind === 'lookout') return this.cell(r, 'contact') ?? r.agency;
    const owners = this.db
      .prepare(
        `SELECT o.* FROM link l JOIN node o ON o.id = l.src
         WHERE l.dst = ? AND l.kind IN ('lookout_on', 'case_names') ORDER BY l.kind DESC LIMIT 3`,
      )
      .all(r.id) as DbNode[];
    for (const o of owners) {
      const c = o.kind === 'case' ? this.cell(o, 'office') : this.cell(o, 'contact');
      if (c) return c;
    }
    return r.agency;
  }

  pointerOf(n: DbNode): Pointer {
    const w = this.withheld(n);
    return { agencies: w.agencies, contact: w.contacts.join('; ') || w.agencies.join(', ') || 'the originating agency', withheld: Math.max(1, w.count) };
  }

  /** The node as the profile may see it: unchanged, relabelled from its readable records, or a pointer. */
  ref(input: DbNode | NodeRef | number): NodeRef {
    const n = typeof input === 'number' ? this.row(input) : 'key' in input ? input : this.row(input.id);
    if (!n) {
      return { id: typeof input === 'number' ? input : input.id, kind: 'pointer', label: 'Withheld or removed', sourceId: null, handling: 'SHARED', degree: 0, pointer: { agencies: [], contact: 'the originating agency', withheld: 1 } };
    }
    if (!this.sees(n)) {
      const pointer = this.pointerOf(n);
      return { id: n.id, kind: 'pointer', label: pointerLabel(pointer), sourceId: null, handling: n.handling, degree: 0, pointer };
    }
    if (this.seesAll(n)) {
      // What the caller holds is the node as stored: nothing to withhold, nothing to recount.
      if (typeof input !== 'number' && !('key' in input) && input.kind === n.kind && input.label === n.label && !input.pointer) return input;
      return toNodeRef(this.db, n);
    }
    const ref = toNodeRef(this.db, n);
    const pointer = this.pointerOf(n);
    if (ENTITY_KINDS.has(n.kind)) {
      const seen = this.visibleEntity(n);
      // Its id and marking were taken from all its records: the readable ones decide here.
      return { ...ref, label: seen.label, handling: seen.handling, sourceId: null, pointer };
    }
    return { ...ref, handling: this.visibleMentionHandling(n), pointer };
  }

  /** The highest marking among the rows of a derived value that may be read. */
  private visibleMentionHandling(n: DbNode): Handling {
    return highest(this.mentionParts(n.id).filter((p) => this.canRead(p.handling, p.agency)).map((p) => p.handling));
  }

  /** A resolved entity named and marked from its readable records only. */
  private visibleEntity(n: DbNode): { label: string; handling: Handling } {
    const members = (
      this.db.prepare(`SELECT r.* FROM link l JOIN node r ON r.id = l.src WHERE l.dst = ? AND l.kind = 'resolved_as' LIMIT 5000`).all(n.id) as DbNode[]
    ).filter((r) => this.canRead(r.handling, r.agency));
    const names = new Map<string, number>();
    for (const r of members) names.set(r.label, (names.get(r.label) ?? 0) + 1);
    const name = [...names].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'Withheld';
    const unit = n.kind === 'person' ? 'record' : 'read';
    return { label: `${name} · ${members.length} visible ${unit}${members.length === 1 ? '' : 's'}`, handling: highest(members.map((r) => r.handling)) };
  }

  /** Readable member records of a resolved entity (for search and details). */
  visibleMembers(id: number): number[] {
    return (this.db.prepare(`SELECT r.id, r.handling, r.agency FROM link l JOIN node r ON r.id = l.src WHERE l.dst = ? AND l.kind = 'resolved_as'`).all(id) as Array<{ id: number; handling: string; agency: string | null }>)
      .filter((r) => this.canRead(r.handling, r.agency))
      .map((r) => r.id);
  }
}

/** Something of a node may be seen by whoever may read one of its rows; all of it by whoever may read them all. */
function combine(parts: Part[]): Vis {
  const v = parts.length ? { any: 0, all: EVERYONE } : { any: EVERYONE, all: EVERYONE };
  for (const p of parts) {
    const m = rowMask(p.handling, p.agency);
    v.any |= m;
    v.all &= m;
  }
  return v;
}

const RANK: Record<string, number> = { SHARED: 0, LES: 1, ORCON: 2 };

function highest(hs: string[]): Handling {
  return hs.reduce<Handling>((a, b) => ((RANK[b] ?? 0) > RANK[a] ? (b as Handling) : a), 'SHARED');
}

export function pointerLabel(p: Pointer): string {
  const who = p.agencies.length ? p.agencies.join(' and ') : 'Another agency';
  const what = p.withheld === 1 ? 'a record' : `${p.withheld} records`;
  return `${who} ${p.agencies.length > 1 ? 'hold' : 'holds'} ${what} — contact ${p.contact}`;
}

export function isEntityKind(kind: string): boolean {
  return ENTITY_KINDS.has(kind);
}
