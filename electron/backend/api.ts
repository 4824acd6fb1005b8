// Implements the contract: every call's input is parsed with its zod schema here, whatever
// transport carried it, and every answer is { ok, value } or { ok: false, error }.
import { asCaller, caller } from './access/caller';
import type { Member } from './session/check';
import { sessionHandlers } from './session/handlers';
import { SessionManager } from './session/manager';
import { PARTICIPANT_CALLS } from './session/server';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  contract, type AuditAction, type CallName, type EventName, type EventPayload, type Health, type ImportProgress, type Output, type ParsedInput, type Result,
} from '../../shared/contract';
import { SLOW_MS } from './db/protocol';
import { defaultBackupDir, listBackups, restoreBackup, verifyBackup, type RotationPolicy } from './ops/backup';
import { journalPath, removeJournals, writeJournal } from './ops/board-journal';
import { OpsLog } from './ops/log';
import { caseHealth, diagnosticsText, LOOP_RESOLUTION_MS, type HealthContext } from './ops/health';
import { CaseStore } from './db/client';
import { AppError, toCallError } from './errors';
import { listDir } from './fs-browse';
import type { ImportOutcome, ImportProgressInfo } from './ingest/import-bundle';
import type { SpecImportOutcome } from './ingest/spec/import-table';
import { loadSpecFile, saveSpecFile } from './ingest/spec/spec-file';
import { inferSpec } from './ingest/spec/infer';
import type { ImportSpec } from '../../shared/import-spec';
import type { Agency, Profile } from '../../shared/model';
import { auditNoteFor } from './access/audit-calls';
import { AuditSink } from './access/audit-sink';
import { boardSource, keepWithheldMarks } from './board/board-source';
import { exportBrief } from './brief/export';
import type { BriefRenderer } from './brief/model';
import { LEGACY_PROFILE } from './db/case-meta';

export interface BackendOptions {
  host: 'electron' | 'web' | 'cli';
  version: string;
  /** A case opened at start (the bundled demo), if any. */
  demoCase?: string | null;
  /** Where the file dialogs start. */
  homeDir?: string;
  /** Validate answers against the contract too (tests, development). */
  checkOutput?: boolean;
  /** Logs and settings (default $CROSSLINK_HOME or ~/.crosslink). */
  dataDir?: string;
  backup?: Partial<BackupSettings>;
  /** Resolve persons and vehicles after each import (default on; CROSSLINK_AUTO_RESOLVE=0 turns it off). */
  autoResolve?: boolean;
  /** Answer for this agency instead of the case profile's (`--as AGENCY`). */
  actAs?: Agency;
  /** Who works a case this backend creates when the call names nobody. */
  analyst?: string;
  /** Draws briefs (PDF, PNG): Electron's printToPDF in the app; Chromium through playwright-core otherwise. */
  briefRenderer?: () => BriefRenderer;
  /** The built renderer, served to review-session participants (default dist/renderer). */
  rendererDir?: string;
}

/** Above this many identity-bearing records the automatic run is skipped (it would hold the
 * writer for minutes); the analyst starts it (crosslink resolution run). */
const AUTO_RESOLVE_MAX = Number(process.env.CROSSLINK_AUTO_RESOLVE_MAX ?? 300_000);

/** Cases with fewer links build their path graph in well under a second: no need to prepare it. */
const PREWARM_MIN_LINKS = 200_000;

export interface BackupSettings extends RotationPolicy {
  /** A folder for every case's backups (one subfolder per case); default beside each case. */
  dir: string | null;
  /** Minutes between automatic backups while a case is open; 0 turns them off. */
  intervalMinutes: number;
}

function envNumber(name: string, dflt: number): number {
  const n = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(n) && n >= 0 ? n : dflt;
}

export function backupSettings(over: Partial<BackupSettings> = {}): BackupSettings {
  return {
    dir: over.dir ?? process.env.CROSSLINK_BACKUP_DIR ?? null,
    intervalMinutes: over.intervalMinutes ?? envNumber('CROSSLINK_BACKUP_INTERVAL_MIN', 60),
    keepLast: over.keepLast ?? envNumber('CROSSLINK_BACKUP_KEEP', 10),
    keepDaily: over.keepDaily ?? envNumber('CROSSLINK_BACKUP_KEEP_DAYS', 7),
  };
}

const rowsWord = (n: number | undefined): string => (n === undefined ? 'Some rows' : `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`);

const FREE_QUERIES = new Set<string>(['graph.warm', 'cotravel.run', 'leads.run', 'board.save', 'import.run', 'case.recover', 'case.init', 'backup.create', 'db.integrity', 'worker.heap']);

type Handlers = { [N in CallName]: (input: ParsedInput<N>) => Promise<Output<N>> };

interface Job {
  progress: ImportProgress;
  callId: number | null;
  cancelRequested: boolean;
  /** Resolves when cancel is asked, so a queued job stops waiting at once. */
  cancelled: Promise<void>;
  cancel(): void;
  done: Promise<void>;
  resolutionNote?: string;
}

export class Backend {
  private store: CaseStore | null = null;
  private readonly jobs = new Map<string, Job>();
  private readonly listeners = new Set<(name: EventName, payload: unknown) => void>();
  private jobSeq = 0;
  private importTail: Promise<void> = Promise.resolve();
  readonly log: OpsLog;
  private readonly auditSink: AuditSink;
  readonly backups: BackupSettings;
  private readonly loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  private readonly slow: Health['slowQueries'] = [];
  private backupTimer: NodeJS.Timeout | null = null;

  private get autoResolve(): boolean {
    return this.opts.autoResolve ?? process.env.CROSSLINK_AUTO_RESOLVE !== '0';
  }

  /** The review session this workstation hosts, if any. */
  readonly sessions: SessionManager;

  constructor(private readonly opts: BackendOptions) {
    const dataDir = opts.dataDir ?? process.env.CROSSLINK_HOME ?? path.join(os.homedir(), '.crosslink');
    this.log = new OpsLog(path.join(dataDir, 'logs'));
    this.auditSink = new AuditSink(dataDir, this.log, () => this.store);
    this.backups = backupSettings(opts.backup);
    this.loopDelay.enable();
    this.sessions = new SessionManager({
      store: () => this.requireStore(),
      log: this.log,
      profile: () => this.acting,
      staticDir: opts.rendererDir ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer'),
      call: (m, name, input) => this.handleFor(m, name, input),
      changed: (status) => this.emit('session.changed', status),
      audit: (target, detail) => this.audit('session', target, detail),
    });
  }

  /** A session participant's call: reading only, answered and audited under their profile. */
  handleFor(m: Member, name: string, input: unknown): Promise<Result<unknown>> {
    if (m.role !== 'host' && !PARTICIPANT_CALLS.has(name)) {
      return Promise.resolve({ ok: false, error: { code: 'unauthorized', message: `A session participant may not call '${String(name).slice(0, 80)}'.` } });
    }
    return asCaller({ name: m.name, agency: m.agency, participant: m.id }, () => this.handle(name, input));
  }

  /** The case's own profile, read when it is opened. */
  private caseProfile: Profile | null = null;

  private static userName(): string {
    try {
      return os.userInfo().username || 'analyst';
    } catch {
      return 'analyst'; // no user database (containers)
    }
  }

  /** The profile every answer is filtered for: the case's, or the host's --as. */
  get acting(): Profile {
    const participant = caller();
    if (participant) return participant;
    const base = this.caseProfile ?? { name: this.opts.analyst ?? Backend.userName(), agency: this.opts.actAs ?? LEGACY_PROFILE.agency };
    return { name: base.name, agency: this.opts.actAs ?? base.agency };
  }

  /** Who acts, for the decision log and the audit trail. */
  get who(): string {
    return `${this.acting.name} (${this.acting.agency})`;
  }

  /** Appends to the case's audit trail (see access/audit-sink.ts). */
  private audit(action: AuditAction, target: string, detail: string): void {
    this.auditSink.note(this.who, this.acting.agency, action, target, detail);
  }

  private flushAudit(): Promise<void> {
    return this.auditSink.flush();
  }

  /** The folder holding a case's backups. */
  backupDirFor(casePath: string): string {
    return this.backups.dir ? path.join(this.backups.dir, path.basename(casePath)) : defaultBackupDir(casePath);
  }

  private onWorkerDone = (role: 'writer' | 'reader' | 'analyst', op: string, ms: number, plan: string[] | undefined): void => {
    if (ms <= SLOW_MS || FREE_QUERIES.has(op)) return;
    this.slow.push({ op: `${role}:${op}`, ms: Math.round(ms), at: new Date().toISOString(), plan: plan ?? [] });
    if (this.slow.length > 50) this.slow.shift();
    this.log.write('warn', 'slow_query', { op, ms: Math.round(ms) });
  };

  private async backupNow(reason: 'manual' | 'scheduled' | 'before-import'): Promise<Output<'backup.create'>> {
    const store = this.requireStore();
    const dir = this.backupDirFor(store.path);
    const rotation = { keepLast: this.backups.keepLast, keepDaily: this.backups.keepDaily };
    try {
      const info = await store.query('backup.create', { dir, reason, rotation });
      this.log.write('info', 'backup', { reason, bytes: info.bytes, nodes: info.counts.nodes });
      return info;
    } catch (err) {
      const e = toCallError(err);
      this.log.write('error', 'backup_failed', { reason, code: e.code, message: e.message });
      throw err;
    }
  }

  private scheduleBackups(): void {
    if (this.backupTimer) clearInterval(this.backupTimer);
    this.backupTimer = null;
    if (!this.store || this.backups.intervalMinutes <= 0) return;
    this.backupTimer = setInterval(() => {
      if ([...this.jobs.values()].some((j) => j.progress.state === 'running')) return; // before-import covers it
      this.backupNow('scheduled').catch(() => {});
    }, this.backups.intervalMinutes * 60_000);
    this.backupTimer.unref();
  }

  /** The single entry point of both transports. */
  async handle(name: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!Object.hasOwn(contract, name)) {
      return { ok: false, error: { code: 'unknown_call', message: `Unknown call '${String(name).slice(0, 80)}'.` } };
    }
    const spec = contract[name as CallName];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: { code: 'invalid_input', message: `${name}: ${issue.path.join('.') || 'input'}: ${issue.message}` } };
    }
    try {
      const handler = this.handlers[name as CallName] as (i: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      if (this.opts.checkOutput) spec.output.parse(value);
      const note = auditNoteFor(name as CallName, parsed.data, value);
      if (note) this.audit(note.action, note.target, note.detail);
      return { ok: true, value };
    } catch (err) {
      const e = toCallError(err);
      this.log.write(e.code === 'internal' || e.code === 'io_error' || e.code === 'damaged' ? 'error' : 'warn', 'call_failed', { call: name, code: e.code, message: e.message });
      return { ok: false, error: e };
    }
  }

  on(listener: (name: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(name, payload);
  }

  private requireStore(): CaseStore {
    if (!this.store) throw new AppError('no_case', 'No case is open. Use File > New case or File > Open case.');
    return this.store;
  }

  private checkAuditTail(store: CaseStore): Promise<string | null> {
    return this.auditSink.checkTail(store, this.who, this.acting.agency);
  }

  /** Takes the profile of a case just read, and says whom its answers are for. */
  private withProfile(info: Output<'case.open'>): Output<'case.open'> {
    this.caseProfile = info.profile;
    this.auditSink.caseCreatedAt = info.createdAt;
    if (this.store) this.store.actingAs = this.acting.agency;
    return { ...info, actingAs: this.acting };
  }

  async openCase(file: string, create: boolean, name?: string, profile?: Profile, checkTail = true): Promise<Output<'case.open'>> {
    const resolved = path.resolve(file);
    if (this.jobs.size && [...this.jobs.values()].some((j) => j.progress.state === 'running')) {
      throw new AppError('conflict', 'An import is running; wait for it or cancel it before switching cases.');
    }
    const next = await CaseStore.open(resolved, create, { backupDir: this.backupDirFor(resolved), onDone: this.onWorkerDone });
    await this.sessions.suspend();
    await this.flushAudit();
    const old = this.store;
    this.store = next;
    await old?.close();
    this.scheduleBackups();
    this.log.write('info', create ? 'case_created' : 'case_opened', {});
    if (create) {
      const owner = profile ?? { name: this.opts.analyst ?? Backend.userName(), agency: this.opts.actAs ?? LEGACY_PROFILE.agency };
      const info = await next.write('case.init', { name: name?.trim() || path.basename(resolved).replace(/\.[^.]+$/, ''), profile: owner }).done;
      return this.withProfile(info);
    }
    const recovered = await next.write('case.recover', undefined).done;
    this.prewarm(next);
    for (const r of recovered) this.log.write('warn', 'import_rolled_back_at_open', { importId: r.importId });
    const info = this.withProfile(await next.query('case.info', undefined));
    info.notices = recovered.map(
      (r) => `Import #${r.importId} (${r.exportId}) was interrupted before it finished; its partial rows were removed. Import the bundle again.`,
    );
    const tampered = checkTail ? await this.checkAuditTail(next) : null;
    if (tampered) info.notices.push(`The audit trail of this case was tampered with: ${tampered}. This is now recorded in the trail.`);
    return info;
  }

  private startImport(location: string, spec?: ImportSpec, acceptRejects = false): string {
    const store = this.requireStore();
    const jobId = `job-${++this.jobSeq}`;
    const started = Date.now();
    const progress: ImportProgress = {
      jobId, state: 'running', file: null, rowsRead: 0, rowsTotal: null, rowsPerSecond: 0, etaSeconds: null,
      phase: 'queued', error: null, importId: null, note: null,
    };
    let cancel = () => {};
    const cancelled = new Promise<void>((r) => (cancel = r));
    const job: Job = { progress, callId: null, cancelRequested: false, cancelled, cancel: () => cancel(), done: Promise.resolve() };
    // Imports run one after the other (the case has one writer); each waits for the one before.
    const previous = this.importTail;
    let release = () => {};
    this.importTail = new Promise<void>((r) => (release = r));
    const run = async (): Promise<ImportOutcome> => {
      await Promise.race([previous, cancelled]);
      if (job.cancelRequested) return { importId: null, status: 'cancelled' };
      progress.phase = 'starting';
      // A case with data is backed up before every import.
      const before = await store.query('graph.stats', undefined);
      if (before.nodes.length && !(await store.query('import.loaded', { path: path.resolve(location) }))) {
        progress.phase = 'backing up';
        this.emit('import.progress', { ...progress });
        await this.backupNow('before-import');
      }
      if (job.cancelRequested) return { importId: null, status: 'cancelled' };
      const call = store.write('import.run', { path: path.resolve(location), spec, acceptRejects }, (p) => {
        const info = p as ImportProgressInfo;
        const elapsed = Math.max(0.001, (Date.now() - started) / 1000);
        const frac = info.bytesTotal ? info.bytesDone / info.bytesTotal : 0;
        Object.assign(progress, {
          file: info.file,
          phase: info.phase,
          rowsRead: info.rowsRead,
          rowsTotal: info.rowsTotal,
          rowsPerSecond: Math.round(info.rowsRead / elapsed),
          etaSeconds: frac > 0.01 ? Math.max(0, (elapsed * (1 - frac)) / frac) : null,
        });
        this.emit('import.progress', { ...progress });
      });
      job.callId = call.id;
      const outcome = await call.done;
      if (outcome.status === 'done' && this.autoResolve) await this.afterImport(store, progress, job);
      if (outcome.status === 'done') this.prewarm(store);
      return outcome;
    };
    if ([...this.jobs.values()].some((j) => j.progress.state === 'running')) progress.phase = 'queued';
    const runAndRelease = () => run().finally(() => release());
    job.done = runAndRelease().then(
      (outcome: ImportOutcome) => {
        progress.state = outcome.status === 'cancelled' ? 'cancelled' : 'done';
        progress.importId = outcome.importId;
        progress.etaSeconds = 0;
        progress.phase = 'finished';
        progress.note =
          job.resolutionNote ??
          (outcome.status === 'already_loaded'
            ? (outcome as Partial<SpecImportOutcome>).viaSpec
              ? 'These files were already imported with this spec; nothing was added.'
              : 'This bundle (same export_id) is already in the case; nothing was added.'
            : outcome.status === 'rejected'
              ? `${rowsWord((outcome as SpecImportOutcome).wouldReject)} would be rejected, so nothing was kept. Review them in the report, then import again accepting them.`
            : outcome.status === 'cancelled'
              ? 'Import cancelled; the case is as it was before the import.'
              : null);
        this.log.write('info', 'import_finished', { status: outcome.status, importId: outcome.importId, rows: progress.rowsRead, seconds: (Date.now() - started) / 1000 });
        this.emit('import.progress', { ...progress });
      },
      (err) => {
        progress.state = 'failed';
        progress.error = toCallError(err).message;
        this.log.write('error', 'import_failed', { code: toCallError(err).code, message: progress.error });
        this.emit('import.progress', { ...progress });
      },
    );
    this.jobs.set(jobId, job);
    return jobId;
  }

  /** After an import: who is who (skipped on very large cases, said in the note), who
   * travels together, and what is new and worth a look. A failure of one step is logged
   * and does not undo the import. */
  private async afterImport(store: CaseStore, progress: ImportProgress, job: Job): Promise<void> {
    const step = async (phase: string, event: string, fn: () => Promise<Record<string, string | number | boolean | null>>) => {
      progress.phase = phase;
      this.emit('import.progress', { ...progress });
      try {
        this.log.write('info', event, await fn());
      } catch (err) {
        this.log.write('error', `${event}_failed`, { code: toCallError(err).code, message: toCallError(err).message });
      }
    };
    const records = await store.query('resolution.recordCount', undefined);
    if (records > AUTO_RESOLVE_MAX) {
      job.resolutionNote = `Resolution was not run automatically: ${records.toLocaleString('en-US')} records are more than ${AUTO_RESOLVE_MAX.toLocaleString('en-US')}; run it with crosslink resolution run.`;
      this.log.write('warn', 'resolution_skipped', { records });
    } else {
      await step('resolving', 'resolution', async () => {
        const r = await store.write('resolution.run', { incremental: true }).done;
        return { records: r.records, persons: r.persons, seconds: r.seconds, incremental: r.incremental };
      });
    }
    // Who travels together, with the analyst's last settings (or the defaults).
    await step('co-travel', 'cotravel', async () => {
      const last = (await store.query('cotravel.list', { minCount: 1, limit: 1 })).lastRun;
      const c = await store.write('cotravel.run', { minCount: last?.minCount ?? 2, windowMinutes: last?.windowMinutes ?? 5 }).done;
      return { pairs: c.pairs, seconds: c.seconds };
    });
    await step('leads', 'leads', async () => {
      const r = await this.runLeads(store);
      return { leads: r.leads, added: r.added, reopened: r.reopened, seconds: r.seconds };
    });
  }

  /** Runs the detectors and tells the window what is new (toast and badge). */
  private async runLeads(store: CaseStore): Promise<Output<'leads.run'>> {
    const run = await store.write('leads.run', undefined).done;
    const watches = await store.write('watch.run', undefined).done;
    const list = await store.query('leads.list', { limit: 1, offset: 0, status: ['new'] });
    // Only what this run brought (added or reopened), not what was already waiting.
    const top = await store.query('leads.fresh', { at: run.at });
    this.emit('leads.updated', { added: run.added, reopened: run.reopened, unseen: list.unseen, top, watches });
    return run;
  }

  /** On a large case, builds the in-memory graph for paths in the background (its own
   * worker), so the analyst's first path question does not wait for it. */
  private prewarm(store: CaseStore): void {
    if (this.opts.host === 'cli') return;
    void (async () => {
      const st = await store.query('graph.stats', undefined);
      const links = st.links.reduce((a, l) => a + l.count, 0);
      if (links < PREWARM_MIN_LINKS) return;
      const g = await store.analyse('graph.warm', undefined);
      this.log.write('info', 'graph_ready', { nodes: g.nodes, links: g.links, ms: g.ms });
    })().catch(() => {});
  }

  /** For the CLI and tests: resolves when the job ends. */
  async waitForJob(jobId: string): Promise<ImportProgress> {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not_found', `No import job ${jobId}.`);
    await job.done;
    return { ...job.progress };
  }

  private readonly handlers: Handlers = {
    'app.info': async () => ({ version: this.opts.version, host: caller()?.participant ? 'session' : this.opts.host, demoCase: caller()?.participant ? null : (this.opts.demoCase ?? null) }),
    ...sessionHandlers(() => this.sessions, () => this.requireStore()),
    'case.create': async (i) => this.openCase(i.path, true, i.name, i.profile),
    'case.open': async (i) => this.openCase(i.path, false),
    'case.current': async () => (this.store ? { ...(await this.store.query('case.info', undefined)), actingAs: this.acting } : null),
    'case.close': async () => {
      const had = !!this.store;
      await this.sessions.suspend();
      await this.flushAudit();
      await this.store?.close();
      this.store = null;
      this.caseProfile = null;
      this.auditSink.caseCreatedAt = null;
      return { closed: had };
    },
    'fs.list': async (i) => listDir(i.path, this.opts.homeDir ?? ''),
    'import.start': async (i) => ({ jobId: this.startImport(i.path, i.spec, i.acceptRejects) }),
    'import.preview': async (i) => this.requireStore().write('import.preview', { ...i, path: path.resolve(i.path) }).done,
    // Inference reads only the files: without a case it runs here (crosslink spec infer).
    'import.infer': async (i) =>
      this.store ? this.store.query('import.infer', { ...i, path: path.resolve(i.path) }) : inferSpec(path.resolve(i.path), { name: i.name, agency: this.acting.agency }),
    'spec.save': async (i) => saveSpecFile(i.path, i.spec),
    'spec.load': async (i) => loadSpecFile(i.path),
    'kinds.list': async () => this.requireStore().query('kinds.list', undefined),
    'graph.rank': async (i) => this.requireStore().analyse('graph.rank', i),
    'import.progress': async (i) => {
      const job = this.jobs.get(i.jobId);
      if (!job) throw new AppError('not_found', `No import job ${i.jobId}.`);
      return { ...job.progress };
    },
    'import.cancel': async (i) => {
      const job = this.jobs.get(i.jobId);
      if (!job || job.progress.state !== 'running') return { cancelled: false };
      job.cancelRequested = true;
      job.cancel();
      if (job.callId !== null) this.requireStore().cancel(job.callId);
      await job.done;
      const final: ImportProgress = job.progress;
      return { cancelled: final.state === 'cancelled' };
    },
    'import.list': async () => this.requireStore().query('import.list', undefined),
    'import.report': async (i) => this.requireStore().query('import.report', i),
    'import.rejectsCsv': async (i) => this.requireStore().query('import.rejectsCsv', i),
    'search': async (i) => this.requireStore().query('search', i),
    'graph.stats': async () => this.requireStore().query('graph.stats', undefined),
    'graph.node': async (i) => this.requireStore().query('graph.node', i),
    'graph.link': async (i) => this.requireStore().query('graph.link', i),
    'graph.resolveId': async (i) => this.requireStore().query('graph.resolveId', i),
    'graph.expand': async (i) => this.requireStore().query('graph.expand', i),
    'backup.create': async () => this.backupNow('manual'),
    'backup.list': async (i) => {
      const casePath = i.casePath ? path.resolve(i.casePath) : this.requireStore().path;
      const dir = this.backupDirFor(casePath);
      return { dir, backups: listBackups(dir) };
    },
    'backup.verify': async (i) => {
      const r = verifyBackup(path.resolve(i.file));
      return { ok: r.ok, problem: r.problem };
    },
    'backup.restore': async (i) => {
      const casePath = i.casePath ? path.resolve(i.casePath) : this.requireStore().path;
      if ([...this.jobs.values()].some((j) => j.progress.state === 'running')) {
        throw new AppError('conflict', 'An import is running; wait for it or cancel it before restoring.');
      }
      // The case must be closed while its file is replaced.
      if (this.store?.path === casePath) {
        await this.flushAudit();
        await this.store.close();
        this.store = null;
      }
      const { restored, savedCurrent } = await restoreBackup(casePath, path.resolve(i.file), this.backupDirFor(casePath));
      // The board comes back as the backup holds it, not as the journal last had it.
      removeJournals(casePath);
      this.log.write('warn', 'restored', { nodes: restored.counts.nodes, links: restored.counts.links });
      const info = await this.openCase(casePath, false, undefined, undefined, false);
      // A restore takes the case back, not the record of who did what: the audit entries
      // written since the backup are carried over, chain intact.
      if (savedCurrent) {
        const carried = await this.requireStore().write('audit.carry', { from: savedCurrent }).done.catch(() => 0);
        this.log.write('info', 'audit_carried', { entries: carried });
      }
      const tampered = await this.checkAuditTail(this.requireStore());
      if (tampered) info.notices.push(`The audit trail could not be carried over the restore: ${tampered}.`);
      info.notices.push(`Restored the backup of ${restored.createdAt} (${restored.counts.nodes} nodes, ${restored.counts.links} links).${savedCurrent ? ' The case as it was before the restore was saved as a backup too.' : ''}`);
      return { restored, savedCurrent, case: info };
    },
    'resolution.run': async () => this.requireStore().write('resolution.run', undefined).done,
    'resolution.explain': async (i) => this.requireStore().query('resolution.explain', i),
    'resolution.decide': async (i) => {
      const out = await this.requireStore().write('resolution.decide', { who: this.who, action: i.action, a: i.a, b: i.b ?? null, note: i.note ?? null }).done;
      this.log.write('info', 'resolution_decision', { action: i.action, decision: out.decisionId });
      return out;
    },
    'resolution.undo': async (i) => this.requireStore().write('resolution.undo', i).done,
    'resolution.decisions': async () => this.requireStore().query('resolution.decisions', undefined),
    'resolution.rows': async () => this.requireStore().query('resolution.rows', undefined),
    'resolution.queue': async (i) => this.requireStore().query('resolution.queue', i),
    'board.list': async () => this.requireStore().query('board.list', undefined),
    'board.create': async (i) => {
      const state = i.state ?? { nodes: [], links: [] };
      return this.requireStore().write('board.create', { name: i.name, state: JSON.stringify(state), nodes: state.nodes.length, links: state.links.length, savedAt: new Date().toISOString() }).done;
    },
    'board.rename': async (i) => this.requireStore().write('board.rename', i).done,
    'board.delete': async (i) => {
      const store = this.requireStore();
      const deleted = await store.write('board.delete', i).done;
      fs.rmSync(journalPath(store.path, i.id), { force: true });
      return { deleted };
    },
    'board.save': async (i) => {
      const store = this.requireStore();
      const savedAt = new Date().toISOString();
      if (i.id !== 1) await store.query('board.load', { id: i.id }); // an unknown board is an error, not a stray journal
      const state = await keepWithheldMarks(store, i.id, i.state);
      // The journal first (never waits for an import), then the case (queued in the writer).
      writeJournal(store.path, { state, savedAt }, i.id);
      store.write('board.save', { id: i.id, state: JSON.stringify(state), nodes: i.state.nodes.length, links: i.state.links.length, savedAt }).done.catch((err) => {
        this.log.write('warn', 'board_save_deferred', { code: toCallError(err).code });
      });
      return { savedAt };
    },
    'board.load': async (i) => {
      const store = this.requireStore();
      const b = await boardSource(store, i.id);
      return b && { id: i.id, name: b.name, state: await store.query('board.redact', { state: b.state }), savedAt: b.savedAt, from: b.from };
    },
    'graph.path': async (i) => this.requireStore().analyse('graph.path', i),
    'graph.connect': async (i) => this.requireStore().analyse('graph.connect', i),
    'graph.metrics': async (i) => this.requireStore().query('graph.metrics', i),
    'graph.timeline': async (i) => this.requireStore().query('graph.timeline', i),
    'cotravel.run': async (i) => this.requireStore().write('cotravel.run', i).done,
    'cotravel.list': async (i) => this.requireStore().query('cotravel.list', i),
    'leads.run': async () => this.runLeads(this.requireStore()),
    'leads.list': async (i) => this.requireStore().query('leads.list', i),
    'leads.get': async (i) => this.requireStore().query('leads.get', i),
    'leads.mark': async (i) => {
      const lead = await this.requireStore().write('leads.mark', { id: i.id, status: i.status, reason: i.reason ?? null, who: this.who }).done;
      this.log.write('info', 'lead_marked', { lead: i.id, status: i.status });
      return lead;
    },
    'trends.ports': async (i) => this.requireStore().query('trends.ports', i),
    'watch.add': async (i) => this.requireStore().write('watch.add', i).done,
    'watch.list': async () => this.requireStore().query('watch.list', undefined),
    'watch.remove': async (i) => ({ removed: await this.requireStore().write('watch.remove', i).done }),
    'watch.run': async () => this.requireStore().write('watch.run', undefined).done,
    'ops.health': async () => caseHealth(this.healthContext()),
    'audit.list': async (i) => {
      await this.flushAudit();
      return this.requireStore().query('audit.list', i);
    },
    'audit.verify': async () => this.auditSink.verify(this.requireStore()),
    'brief.export': async (i) => exportBrief(this.requireStore(), this.acting, i, this.opts.briefRenderer, this.log),
    'brief.verify': async (i) => {
      const { verifyPackage } = await import('./brief/verify');
      return verifyPackage(path.resolve(i.file));
    },
    'ops.diagnostics': async () => ({ text: await diagnosticsText({ ...this.healthContext(), version: this.opts.version, host: this.opts.host, backups: this.backups, log: this.log }) }),
  };

  private healthContext(): HealthContext {
    return { store: this.store, backupDirFor: (p) => this.backupDirFor(p), loopDelay: this.loopDelay, slow: this.slow };
  }

  async close(): Promise<void> {
    if (this.backupTimer) clearInterval(this.backupTimer);
    this.loopDelay.disable();
    for (const job of this.jobs.values()) {
      if (job.progress.state !== 'running') continue;
      job.cancelRequested = true;
      job.cancel();
      if (job.callId !== null) this.store?.cancel(job.callId);
    }
    await Promise.all([...this.jobs.values()].map((j) => j.done));
    await this.sessions.suspend().catch(() => {});
    await this.flushAudit();
    await this.store?.close();
    this.store = null;
  }
}
