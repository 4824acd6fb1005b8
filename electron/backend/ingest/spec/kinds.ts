// The custom kinds of a case (kind_def): how the kinds an import spec brought are shown.
import type Database from 'better-sqlite3';
import { defaultKindColour, guessIcon, type ImportSpec } from '../../../../shared/import-spec';
import { humaniseKind, type KindDef } from '../../../../shared/model';

/** The custom kinds an import brought, as the spec draws them (or a default look by name). */
export function saveKinds(db: Database.Database, spec: ImportSpec, met: Map<string, { label: string; link: boolean }>): void {
  const put = db.prepare(
    `INSERT INTO kind_def(kind, label, colour, icon, is_link, directed) VALUES (@kind, @label, @colour, @icon, @isLink, @directed)
     ON CONFLICT(kind) DO UPDATE SET label = excluded.label, colour = excluded.colour, icon = excluded.icon, directed = excluded.directed`,
  );
  const keep = db.prepare(`INSERT OR IGNORE INTO kind_def(kind, label, colour, icon, is_link, directed) VALUES (@kind, @label, @colour, @icon, @isLink, @directed)`);
  const declared = new Set<string>();
  for (const [list, isLink] of [[spec.kinds, 0], [spec.linkKinds, 1]] as const) {
    for (const d of list) {
      put.run({ kind: d.kind, label: d.label, colour: d.colour, icon: d.icon, isLink, directed: d.directed ? 1 : 0 });
      declared.add(d.kind);
    }
  }
  for (const [kind, m] of met) {
    if (declared.has(kind) || !kind.startsWith('x.')) continue;
    const label = m.label === kind ? humaniseKind(kind) : m.label;
    keep.run({ kind, label, colour: defaultKindColour(kind), icon: guessIcon(label), isLink: m.link ? 1 : 0, directed: m.link ? 1 : 0 });
  }
}

/** The custom kinds of a case. */
export function kindDefs(db: Database.Database): { nodes: KindDef[]; links: KindDef[] } {
  const rows = db.prepare('SELECT kind, label, colour, icon, is_link AS isLink, directed FROM kind_def ORDER BY label').all() as Array<Omit<KindDef, 'directed'> & { isLink: number; directed: number }>;
  const def = (r: (typeof rows)[number]): KindDef => ({ kind: r.kind, label: r.label, colour: r.colour, icon: r.icon, ...(r.isLink ? { directed: !!r.directed } : {}) });
  return { nodes: rows.filter((r) => !r.isLink).map(def), links: rows.filter((r) => r.isLink).map(def) };
}
