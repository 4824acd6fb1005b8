// The access bench (issue 7) on a case file: filtering a large board for each agency,
// building the path graph with its visibility masks, a CBP path search, and writing a
// briefing package for another agency (Chromium draws it).
import path from 'node:path';
import Database from 'better-sqlite3';
import { Access } from '../../electron/backend/access/access';
import { redactBoard } from '../../electron/backend/access/redact';
import { Backend } from '../../electron/backend/api';
import { buildEntityGraph } from '../../electron/backend/graph/analysis/entity-graph';
import { toNodeRef, type DbLink, type DbNode } from '../../electron/backend/graph/rows';
import type { BoardState } from '../../shared/contract';
import { AGENCY } from '../../shared/model';

type Record = (metric: string, value: number, unit: string, note?: string, target?: { text: string; ok: boolean }) => void;

const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
};

/** A board of up to `n` nodes drawn from the case, and the links among them. */
function sampleBoard(db: Database.Database, n: number): BoardState {
  const rows = db.prepare(`SELECT * FROM node WHERE kind IN ('person', 'subject', 'traveller', 'event', 'phone', 'document', 'case') ORDER BY random() LIMIT ?`).all(n) as DbNode[];
  const ids = rows.map((r) => r.id);
  const links = db.prepare(`SELECT * FROM link WHERE src IN (${ids.join(',') || '0'}) LIMIT ?`).all(n) as DbLink[];
  return {
    nodes: rows.map((r, i) => ({ ref: toNodeRef(db, r), pos: { x: (i % 70) * 40, y: Math.floor(i / 70) * 40 } })),
    links: links.map((l) => ({ id: l.id, kind: l.kind, source: l.src, target: l.dst, label: l.kind, at: l.at, handling: l.handling })),
  };
}

export async function accessBench(file: string, dir: string, record: Record): Promise<void> {
  const db = new Database(file, { readonly: true });
  try {
    const board = sampleBoard(db, 5000);
    for (const agency of AGENCY.options) {
      const [b, ms] = time(() => redactBoard(new Access(db, agency), board));
      record(`board of ${board.nodes.length} nodes filtered for ${agency}`, ms, 'ms', `${b.nodes.filter((x) => x.ref.kind === 'pointer').length} pointers`);
    }
    const [g, ms] = time(() => buildEntityGraph(db));
    record('path graph build with visibility masks', ms / 1000, 's', `${g.links.toLocaleString('en-US')} links; ${JSON.stringify(g.phases)}`);
  } finally {
    db.close();
  }
  const b = new Backend({ host: 'cli', version: 'bench', actAs: 'CBP' });
  await b.handle('case.open', { path: file });
  try {
    const db2 = new Database(file, { readonly: true });
    const persons = db2.prepare(`SELECT key FROM node WHERE kind IN ('person', 'subject') ORDER BY random() LIMIT 40`).pluck().all() as string[];
    const board = sampleBoard(db2, 300);
    db2.close();
    // The first search builds the path graph (measured above); the rest answer from it.
    await b.handle('graph.path', { from: persons[0], to: persons[1], k: 1 });
    const ms: number[] = [];
    for (let i = 0; i + 1 < persons.length; i += 2) {
      const t = performance.now();
      await b.handle('graph.path', { from: persons[i], to: persons[i + 1], k: 1 });
      ms.push(performance.now() - t);
    }
    ms.sort((x, y) => x - y);
    record('path search as CBP, graph built (p95 of 20)', ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))] ?? 0, 'ms');
    const created = await b.handle('board.create', { name: `bench brief ${Date.now()}`, state: board });
    if (!created.ok) throw new Error(created.error.message);
    const t = performance.now();
    const r = await b.handle('brief.export', { boardId: (created.value as { id: number }).id, title: 'Bench brief', audience: 'USCIS', out: path.join(dir, 'bench-brief.zip') });
    record('briefing package of a 300-node board (CBP for USCIS)', (performance.now() - t) / 1000, 's', r.ok ? `${(r.value as { bytes: number }).bytes} bytes` : `failed: ${r.error.message}`);
  } finally {
    await b.close();
  }
}
