// Everything that runs against a case connection, by name. Runs inside a DB worker.
import type Database from 'better-sqlite3';
import type { Agency, NodeKind, NodeRef, Profile } from '../../../shared/model';
import type { Access } from '../access/access';
import {
  redactBoard, redactConnect, redactCotravel, redactExpansion, redactLead, redactLeadWithEvidence, redactLinkDetails, redactNodeDetails, redactPaths, redactRef,
  redactSearch, redactTimeline,
} from '../access/redact';
import { expand } from '../graph/expand';
import { linkDetails, nodeDetails } from '../graph/details';
import { resolveSourceId } from '../graph/resolve-id';
import { search } from '../graph/search';
import { stats } from '../graph/stats';
import fs from 'node:fs';
import path from 'node:path';
import { bundleAlreadyLoaded, importBundle, isBundle, type ImportProgressInfo } from '../ingest/import-bundle';
import { importWithSpec } from '../ingest/spec/import-table';
import { kindDefs } from '../ingest/spec/kinds';
import { previewSpec } from '../ingest/spec/preview';
import { inferSpec } from '../ingest/spec/infer';
import type { ImportSpec } from '../../../shared/import-spec';
import { rankEntities, rankRefs } from '../graph/rank';
import { recoverInterruptedImports } from '../ingest/import-marks';
import { importReport, listImports, rejectsCsv } from '../ingest/report';
import v8 from 'node:v8';
import { createBackup, rotateBackups, type BackupReason, type RotationPolicy } from '../ops/backup';
import { explainRecords, resolutionRows, reviewQueue, runResolution } from '../resolve/case-resolution';
import { decide, listDecisions, undoDecision, type Decision } from '../resolve/decisions';
import { getNode, toNodeRef, type DbNode } from '../graph/rows';
import { AppError } from '../errors';
import { assembleBrief, type BriefRequest } from '../brief/assemble';
import { caseInfo, initMeta } from './case-meta';
import type { BoardState, LeadStatus, ParsedInput } from '../../../shared/contract';
import { runDetectors } from '../leads/run';
import { loadIntel } from '../leads/intel';
import { addWatch, listWatches, removeWatch, runWatches } from '../leads/watch';
import { freshLeads, getLead, listLeads, markLead } from '../leads/store';
import { portTrends } from '../leads/anomalies';
import { connectSet, findPaths } from '../graph/paths';
import { boardMetrics } from '../graph/metrics';
import { timeline } from '../graph/timeline';
import { entityGraph } from '../graph/analysis/entity-graph';
import { listCotravel, runCotravel } from '../graph/cotravel';
import { boardName, createBoard, deleteBoard, listBoards, loadBoard, renameBoard, saveBoard } from '../board/boards';
import { sessionElements, sessionVisibility, type VisibilityQuestion } from '../session/visibility-op';
import {
  appendSession, compactSession, createSession, endSession, latestSession, unendedSessions, loadSession, openSession, saveParticipant, setSessionPort,
  type ParticipantRow, type SessionAppend, type SessionRow,
} from '../session/session-store';
import { appendAudit, auditHashAt, auditHead, auditTampered, carryAudit, listAudit, verifyAudit, type AuditInput } from '../access/audit';

export interface OpContext {
  db: Database.Database;
  path: string;
  /** The agency the answer is for: every answer that shows content goes through `access`. */
  as: Agency;
  readonly access: Access;
  progress(p: unknown): void;
  isCancelled(): boolean;
}

type Op = (ctx: OpContext, args: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

export const OPS = {
  'case.init': (c: OpContext, a: { name: string; profile: Profile }) => {
    initMeta(c.db, a.name, a.profile);
    return caseInfo(c.db, c.path);
  },
  'case.info': (c: OpContext) => caseInfo(c.db, c.path),
  'case.recover': (c: OpContext) => recoverInterruptedImports(c.db),
  'import.run': (c: OpContext, a: { path: string; spec?: ImportSpec; acceptRejects?: boolean }) =>
    runImport(c, a.path, a.spec, !!a.acceptRejects),
  'import.preview': async (c: OpContext, a: { path: string; spec: ImportSpec; limit: number }) => {
    const p = await previewSpec(c.db, a.path, a.spec, a.limit);
    // What the rows name that the case already holds is shown only as the profile may see it
    // (the preview's own new entities are gone again, rolled back: they are the analyst's file).
    const seen = (id: number) => id > p.nodeMark || c.access.sees(getNode(c.db, id));
    const { nodeMark: _mark, ...rest } = p;
    return {
      ...rest,
      entities: rest.entities.map((e) => (seen(e.id) ? e : { ...e, label: 'withheld', key: '' })),
      links: rest.links.map((l) => ({ ...l, sourceLabel: seen(l.source) ? l.sourceLabel : 'withheld', targetLabel: seen(l.target) ? l.targetLabel : 'withheld' })),
    };
  },
  'import.infer': (c: OpContext, a: { path: string; name?: string }) => inferSpec(a.path, { name: a.name, agency: c.as }),
  'kinds.list': (c: OpContext) => kindDefs(c.db),
  'graph.rank': (c: OpContext, a: ParsedInput<'graph.rank'>) => {
    const r = rankEntities(c.db, c.path, a, c.access.readers);
    return { ...r, top: rankRefs(c.db, r.top).map(({ ref, score }) => ({ ...pick(c.access.ref(ref)), score })) };
  },
  'import.list': (c: OpContext) => listImports(c.db),
  'import.loaded': (c: OpContext, a: { path: string }) => bundleAlreadyLoaded(c.db, a.path),
  'import.report': (c: OpContext, a: { importId: number; offset: number; limit: number }) =>
    importReport(c.db, a.importId, a.offset, a.limit, (h, ag) => c.access.canRead(h, ag)),
  'import.rejectsCsv': (c: OpContext, a: { importId: number }) => rejectsCsv(c.db, a.importId, (h, ag) => c.access.canRead(h, ag)),
  'search': (c: OpContext, a: { q: string; limit: number; kinds?: NodeKind[] }) => redactSearch(c.access, search(c.db, a.q, a.limit, a.kinds), a.q),
  'graph.stats': (c: OpContext) => stats(c.db),
  'graph.node': (c: OpContext, a: { id: number }) => redactNodeDetails(c.access, nodeDetails(c.db, a.id)),
  'graph.link': (c: OpContext, a: { id: number }) => redactLinkDetails(c.access, linkDetails(c.db, a.id)),
  'graph.expand': (c: OpContext, a: { id: number; force: boolean; limit: number; kinds?: NodeKind[] }) => redactExpansion(c.access, expand(c.db, a.id, a)),
  'graph.resolveId': (c: OpContext, a: { sourceId: string }) => redactRef(c.access, resolveSourceId(c.db, a.sourceId)),
  'db.integrity': (c: OpContext) => c.db.pragma('integrity_check', { simple: true }),
  'backup.create': async (c: OpContext, a: { dir: string; reason: BackupReason; rotation: RotationPolicy }) => {
    const info = await createBackup(c.db, c.path, a.dir, a.reason);
    rotateBackups(a.dir, a.rotation);
    return info;
  },
  'worker.heap': () => v8.getHeapStatistics().used_heap_size,
  'resolution.run': (c: OpContext, a?: { incremental?: boolean }) => runResolution(c.db, !!a?.incremental),
  'resolution.decide': (c: OpContext, a: { who: string; action: Decision['action']; a: string; b: string | null; note: string | null }) => {
    const id = decide(c.db, a.who, a.action, a.a, a.b, a.note);
    return { decisionId: id, run: runResolution(c.db) };
  },
  'resolution.undo': (c: OpContext, a: { decisionId: number }) => {
    undoDecision(c.db, a.decisionId);
    return { run: runResolution(c.db) };
  },
  'resolution.decisions': (c: OpContext) => listDecisions(c.db).filter((d) => recordVisible(c, d.a) && (d.b === null || recordVisible(c, d.b))),
  'resolution.rows': (c: OpContext) => resolutionRows(c.db, c.as),
  'resolution.recordCount': (c: OpContext) => (c.db.prepare(`SELECT count(*) FROM node WHERE kind IN ('subject', 'traveller')`).pluck().get() as number),
  'resolution.queue': (c: OpContext, a: { limit: number }) =>
    reviewQueue(c.db, a.limit * 2)
      .filter((q) => c.access.sees(q.a) && c.access.sees(q.b))
      .slice(0, a.limit)
      .map((q) => ({ ...q, a: c.access.ref(toNodeRef(c.db, getNode(c.db, q.a))), b: c.access.ref(toNodeRef(c.db, getNode(c.db, q.b))) })),
  'resolution.explain': (c: OpContext, a: { a: string; b: string }) => {
    for (const id of [a.a, a.b]) {
      if (!recordVisible(c, id)) throw new AppError('unauthorized', `${id}: the evidence rests on records you may not see; ask the agency that holds them.`);
    }
    return explainRecords(c.db, a.a, a.b);
  },
  'graph.path': (c: OpContext, a: ParsedInput<'graph.path'>) => redactPaths(c.access, findPaths(c.db, c.path, a, c.access.readers)),
  'graph.connect': (c: OpContext, a: ParsedInput<'graph.connect'>) => redactConnect(c.access, connectSet(c.db, c.path, a, c.access.readers)),
  'graph.metrics': (_c: OpContext, a: ParsedInput<'graph.metrics'>) => boardMetrics(a.nodes, a.links),
  'graph.timeline': (c: OpContext, a: ParsedInput<'graph.timeline'>) => redactTimeline(c.access, timeline(c.db, a.ids, a.limit)),
  'graph.warm': (c: OpContext) => {
    const g = entityGraph(c.db, c.path);
    return { nodes: g.n, links: g.links, ms: Math.round(g.buildMs) };
  },
  'cotravel.run': (c: OpContext, a: ParsedInput<'cotravel.run'>) => runCotravel(c.db, a.minCount, a.windowMinutes),
  'cotravel.list': (c: OpContext, a: ParsedInput<'cotravel.list'>) => {
    const r = listCotravel(c.db, a);
    return { ...r, pairs: redactCotravel(c.access, r.pairs) };
  },
  'leads.run': (c: OpContext) => runDetectors(c.db),
  /** After an import: the detectors, then every watch rule, over one picture of the case. */
  'leads.runAndWatch': (c: OpContext) => {
    const started = performance.now();
    const intel = loadIntel(c.db);
    return { run: runDetectors(c.db, intel, started), watches: runWatches(c.db, c.as, intel) };
  },
  'watch.add': (c: OpContext, a: ParsedInput<'watch.add'>) => addWatch(c.access, a.kind, a.target, a.label),
  'watch.list': (c: OpContext) => listWatches(c.db, c.as),
  'watch.remove': (c: OpContext, a: { id: number }) => removeWatch(c.db, a.id, c.as),
  'watch.run': (c: OpContext) => runWatches(c.db, c.as),
  'leads.list': (c: OpContext, a: ParsedInput<'leads.list'>) => {
    const r = listLeads(c.db, a);
    return { ...r, leads: r.leads.map((l) => redactLead(c.access, l)).filter((l) => l !== null) };
  },
  'leads.get': (c: OpContext, a: { id: number }) => redactLeadWithEvidence(c.access, getLead(c.db, a.id)),
  // The toast's titles were written from every row behind a lead: shown only as the profile may see them.
  'leads.fresh': (c: OpContext, a: { at: string }) =>
    freshLeads(c.db, a.at, 5).flatMap((f) => {
      const l = redactLead(c.access, getLead(c.db, f.id));
      return l ? [{ ...f, title: l.title }] : [];
    }),
  'leads.mark': (c: OpContext, a: { id: number; status: LeadStatus; reason: string | null; who: string }) => markLead(c.db, a.id, a.status, a.reason, a.who),
  'trends.ports': (c: OpContext, a: ParsedInput<'trends.ports'>) => portTrends(c.db, a.top, a.threshold, (h, ag) => c.access.canRead(h, ag)),
  'board.list': (c: OpContext) => listBoards(c.db),
  'board.create': (c: OpContext, a: { name: string; state: string; nodes: number; links: number; savedAt: string }) =>
    createBoard(c.db, a.name, a.state, a, a.savedAt),
  'board.rename': (c: OpContext, a: { id: number; name: string }) => renameBoard(c.db, a.id, a.name),
  'board.delete': (c: OpContext, a: { id: number }) => deleteBoard(c.db, a.id),
  'board.save': (c: OpContext, a: { id: number; state: string; nodes: number; links: number; savedAt: string }) => {
    saveBoard(c.db, a.id, a.state, a, a.savedAt);
    return a.savedAt;
  },
  'board.load': (c: OpContext, a: { id: number }) => loadBoard(c.db, a.id),
  /** Every board shown is re-read for the profile, whichever copy (case or crash journal) it came from. */
  'board.redact': (c: OpContext, a: { state: BoardState }) => redactBoard(c.access, a.state),
  // The author is always the acting profile: nobody briefs what they may not read themselves.
  'brief.model': (c: OpContext, a: BriefRequest) => assembleBrief(c.db, { ...a, author: { ...a.author, agency: c.as } }),
  'board.name': (c: OpContext, a: { id: number }) => boardName(c.db, a.id),
  'audit.append': (c: OpContext, a: { entries: AuditInput[] }) => appendAudit(c.db, a.entries),
  // Entries written under another agency's profile may name what that agency alone could see.
  'audit.list': (c: OpContext, a: ParsedInput<'audit.list'>) => {
    const r = listAudit(c.db, { ...a, readableBy: c.as });
    return { ...r, entries: r.entries.map((e) => (e.agency === c.as ? e : { ...e, target: `(recorded under a ${e.agency} profile; withheld)`, detail: '' })) };
  },
  'audit.verify': (c: OpContext) => verifyAudit(c.db),
  'audit.hashAt': (c: OpContext, a: { id: number }) => auditHashAt(c.db, a.id),
  'audit.carry': (c: OpContext, a: { from: string }) => carryAudit(c.db, a.from),
  'audit.head': (c: OpContext) => auditHead(c.db),
  'audit.tampered': (c: OpContext) => auditTampered(c.db),
  'session.visibility': (c: OpContext, a: VisibilityQuestion) => sessionVisibility(c.db, a),
  'session.elements': (c: OpContext, a: { nodes: number[]; links: number[]; raw?: boolean }) => sessionElements(c.db, c.access, a),
  'session.create': (c: OpContext, a: Omit<SessionRow, 'id' | 'endedAt'>) => createSession(c.db, a),
  'session.open': (c: OpContext, a: { boardId: number }) => openSession(c.db, a.boardId),
  'session.unended': (c: OpContext) => unendedSessions(c.db),
  'session.latest': (c: OpContext, a: { boardId: number }) => latestSession(c.db, a.boardId),
  'session.port': (c: OpContext, a: { id: number; port: number }) => setSessionPort(c.db, a.id, a.port),
  'session.end': (c: OpContext, a: { id: number; at: string }) => endSession(c.db, a.id, a.at),
  'session.load': (c: OpContext, a: { id: number }) => loadSession(c.db, a.id),
  'session.append': (c: OpContext, a: SessionAppend) => appendSession(c.db, a),
  'session.compact': (c: OpContext, a: { sessionId: number; doc: string; data: Uint8Array }) => compactSession(c.db, a),
  'session.participant': (c: OpContext, a: { sessionId: number; p: ParticipantRow }) => saveParticipant(c.db, a),
} satisfies Record<string, Op>;

const pick = (r: NodeRef) => ({ id: r.id, kind: r.kind, label: r.label, sourceId: r.sourceId });

/** A bundle by its manifest; a spec import; or a graph-database export, whose spec is inferred. */
async function runImport(c: OpContext, location: string, spec: ImportSpec | undefined, acceptRejects: boolean) {
  const ctl = { onProgress: (p: ImportProgressInfo) => c.progress(p), isCancelled: () => c.isCancelled(), acceptRejects };
  if (spec) return importWithSpec(c.db, location, spec, ctl);
  // A bundle by its manifest; a location that is no table source either is read as a bundle, for its own error.
  if ((await isBundle(location)) || !fs.existsSync(location)) return importBundle(c.db, location, ctl);
  const inferred = await inferSpec(location, { agency: c.as }).catch(() => null);
  // Not readable as tables either (a damaged zip): the bundle reader says what is wrong with it.
  if (!inferred) return importBundle(c.db, location, ctl);
  if (inferred.style !== 'neo4j') {
    throw new AppError(
      'bad_bundle',
      `${path.basename(location)} is not a TECS bundle: it has no manifest.json. Nor is it a graph-database export (no :ID or :START_ID header). Import a table with a spec: File > Import table…, or crosslink import PATH --spec SPEC.json.`,
    );
  }
  return importWithSpec(c.db, location, inferred.spec, ctl);
}

/** A record id (or P- person id) the profile may see. */
function recordVisible(c: OpContext, id: string): boolean {
  const n = c.db.prepare(`SELECT * FROM node WHERE key = ? AND kind IN ('subject', 'traveller', 'vehicle', 'person', 'vehicle_entity') LIMIT 1`).get(id.replace(/^(subject|traveller):/, '')) as DbNode | undefined;
  return !n || c.access.sees(n);
}

export type OpName = keyof typeof OPS;
export type OpArgs<N extends OpName> = Parameters<(typeof OPS)[N]>[1];
export type OpResult<N extends OpName> = Awaited<ReturnType<(typeof OPS)[N]>>;
