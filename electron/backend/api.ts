// Implements the contract: every call's input is parsed with its zod schema here, whatever
// transport carried it, and every answer is { ok, value } or { ok: false, error }.
import { asCaller, caller } from './access/caller';
import type { Member } from './session/check';
import { sessionHandlers } from './session/handlers';
import { SessionManager } from './session/manager';
import { PARTICIPANT_CALLS } from './session/server';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  contract, type AuditAction, type CallName, type EventName, type EventPayload, type Health, type ImportProgress, type Output, type ParsedInput, type Result,
} from '../../shared/contract';
import { SLOW_MS } from './db/protocol';
import { defaultBackupDir, listBackups, restoreBackup, verifyBackup } from './ops/backup';
import { backupSettings, type BackupSettings } from './ops/backup-settings';
import { removeJournals } from './ops/board-journal';
import { OpsLog } from './ops/log';
import { caseHealth, diagnosticsText, LOOP_RESOLUTION_MS, type HealthContext } from './ops/health';
import { CaseStore } from './db/client';
import { AppError, toCallError } from './errors';
import { listDir } from './fs-browse';
import { ImportJobs, importHandlers, runLeads } from './import-jobs';
import { prewarmGraph } from './graph/prewarm';
import type { Agency, Profile } from '../../shared/model';
import { auditNoteFor } from './access/audit-calls';
import { AuditSink } from './access/audit-sink';
import { boardHandlers } from './board/board-handlers';
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

const FREE_QUERIES = new Set<string>(['graph.warm', 'cotravel.run', 'leads.run', 'board.save', 'import.run', 'case.recover', 'case.init', 'backup.create', 'db.integrity', 'worker.heap']);

type Handlers = { [N in CallName]: (input: ParsedInput<N>) => Promise<Output<N>> };

export class Backend {
  private store: CaseStore | null = null;
  private readonly listeners = new Set<(name: EventName, payload: unknown) => void>();
  private readonly imports: ImportJobs;
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
    this.imports = new ImportJobs({
      log: this.log,
      emit: (n, p) => this.emit(n, p),
      backup: () => this.backupNow('before-import'),
      autoResolve: () => this.autoResolve,
      prewarm: (store) => this.prewarm(store),
    });
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
      if (this.imports.running()) return; // before-import covers it
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
    if (this.imports.running()) {
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

  /** On a large case, the path graph is built in the background (not for one CLI command). */
  private prewarm(store: CaseStore): void {
    if (this.opts.host !== 'cli') prewarmGraph(store, this.log);
  }

  /** For the CLI and tests: resolves when the job ends. */
  waitForJob(jobId: string): Promise<ImportProgress> {
    return this.imports.wait(jobId);
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
    ...importHandlers(() => this.imports, () => this.requireStore(), () => this.store, () => this.acting.agency),
    'graph.rank': async (i) => this.requireStore().analyse('graph.rank', i),
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
      if (this.imports.running()) {
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
    ...boardHandlers(() => this.requireStore(), () => this.log),
    'graph.path': async (i) => this.requireStore().analyse('graph.path', i),
    'graph.connect': async (i) => this.requireStore().analyse('graph.connect', i),
    'graph.metrics': async (i) => this.requireStore().query('graph.metrics', i),
    'graph.timeline': async (i) => this.requireStore().query('graph.timeline', i),
    'cotravel.run': async (i) => this.requireStore().write('cotravel.run', i).done,
    'cotravel.list': async (i) => this.requireStore().query('cotravel.list', i),
    'leads.run': async () => runLeads(this.requireStore(), (n, p) => this.emit(n, p)),
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
    await this.imports.cancelAll(this.store);
    await this.sessions.suspend().catch(() => {});
    await this.flushAudit();
    await this.store?.close();
    this.store = null;
  }
}
