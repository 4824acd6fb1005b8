// The health panel and the diagnostics text: case size, last import and backup, disk,
// memory, event-loop lag, slow operations, recent errors. No record content.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IntervalHistogram } from 'node:perf_hooks';
import type { Health } from '../../../shared/contract';
import type { BackupSettings } from './backup-settings';
import type { CaseStore } from '../db/client';
import { SLOW_MS } from '../db/protocol';
import { listBackups } from './backup';
import { scrub, type OpsLog } from './log';

const LOW_DISK_BYTES = 2 * 1024 ** 3;
export const LOOP_RESOLUTION_MS = 20;

export interface HealthContext {
  store: CaseStore | null;
  backupDirFor(casePath: string): string;
  loopDelay: IntervalHistogram;
  slow: Health['slowQueries'];
}

export async function caseHealth(c: HealthContext): Promise<Health> {
  const store = c.store;
  const warnings: Health['warnings'] = [];
  let caseBytes = 0;
  let nodes = 0;
  let links = 0;
  let lastImport: Health['lastImport'] = null;
  let lastBackup: Health['lastBackup'] = null;
  let backupDir: string | null = null;
  let freeDiskBytes: number | null = null;
  const workers: Health['memory']['workers'] = [];
  if (store) {
    for (const f of [store.path, `${store.path}-wal`]) caseBytes += fs.existsSync(f) ? fs.statSync(f).size : 0;
    const st = await store.query('graph.stats', undefined);
    nodes = st.nodes.reduce((a, n) => a + n.count, 0);
    links = st.links.reduce((a, l) => a + l.count, 0);
    const imports = await store.query('import.list', undefined);
    const li = imports[0];
    if (li) lastImport = { exportId: li.exportId, finishedAt: li.finishedAt, rowsLoaded: li.rowsLoaded, rowsRejected: li.rowsRejected, status: li.status };
    backupDir = c.backupDirFor(store.path);
    const b = listBackups(backupDir)[0];
    if (b) lastBackup = { file: b.file, createdAt: b.createdAt, ageHours: (Date.now() - Date.parse(b.createdAt)) / 3_600_000 };
    if (!b) warnings.push({ level: 'warn', text: 'This case has no backup yet: File > Backups > Back up now.' });
    else if (lastBackup!.ageHours > 24) warnings.push({ level: 'warn', text: `The newest backup is ${Math.floor(lastBackup!.ageHours / 24)} day(s) old.` });
    try {
      const s = fs.statfsSync(path.dirname(store.path));
      freeDiskBytes = s.bavail * s.bsize;
      if (freeDiskBytes < LOW_DISK_BYTES) warnings.push({ level: 'error', text: `Only ${(freeDiskBytes / 1024 ** 3).toFixed(1)} GB free on the case's disk.` });
    } catch {
      /* not every file system answers */
    }
    workers.push({ role: 'reader', heapUsedBytes: await store.query('worker.heap', undefined) });
    const writerHeap = await Promise.race([store.askWriter('worker.heap', undefined), new Promise<null>((r) => setTimeout(() => r(null), 250))]);
    if (writerHeap !== null) workers.push({ role: 'writer', heapUsedBytes: writerHeap });
  }
  const mem = process.memoryUsage();
  // The histogram holds whole sampling intervals: the lag is what exceeds the resolution.
  const ms = (ns: number) => Math.max(0, Math.round((ns - LOOP_RESOLUTION_MS * 1e6) / 1e4) / 100);
  const lag = { p50: ms(c.loopDelay.percentile(50)), p99: ms(c.loopDelay.percentile(99)), max: ms(c.loopDelay.max) };
  if (lag.p99 > 200) warnings.push({ level: 'warn', text: `The backend's event loop lagged ${lag.p99} ms (p99).` });
  return {
    casePath: store?.path ?? null, caseBytes, nodes, links, lastImport, lastBackup, backupDir, freeDiskBytes,
    memory: { rssBytes: mem.rss, heapUsedBytes: mem.heapUsed, workers },
    eventLoopLagMs: lag,
    slowQueries: [...c.slow].reverse(),
    warnings,
  };
}

/** Versions, settings, health figures and recent errors: no record content. */
export async function diagnosticsText(c: HealthContext & { version: string; host: string; backups: BackupSettings; log: OpsLog }): Promise<string> {
  const h = await caseHealth(c);
  const sqlite = await (async () => {
    try {
      const Database = (await import('better-sqlite3')).default;
      const db = new Database(':memory:');
      const v = db.prepare('SELECT sqlite_version()').pluck().get() as string;
      db.close();
      return v;
    } catch {
      return 'unknown';
    }
  })();
  const lines = [
    `Crosslink ${c.version} (${c.host} host)`,
    `Node ${process.versions.node}${process.versions.electron ? `, Electron ${process.versions.electron}` : ''}, SQLite ${sqlite}, ${process.platform} ${process.arch}, ${os.cpus().length} CPUs, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM`,
    `Backups: every ${c.backups.intervalMinutes} min, keep ${c.backups.keepLast} + daily for ${c.backups.keepDaily} days, folder ${c.backups.dir ? 'chosen' : 'beside the case'}`,
    `Case: ${h.casePath ? 'open' : 'none'}, ${(h.caseBytes / 1e6).toFixed(1)} MB, ${h.nodes} nodes, ${h.links} links`,
    `Last import: ${h.lastImport ? `${h.lastImport.status} at ${h.lastImport.finishedAt}, ${h.lastImport.rowsLoaded} loaded, ${h.lastImport.rowsRejected} rejected` : 'none'}`,
    `Last backup: ${h.lastBackup ? `${h.lastBackup.createdAt} (${h.lastBackup.ageHours.toFixed(1)} h ago)` : 'none'}`,
    `Free disk: ${h.freeDiskBytes === null ? 'unknown' : `${(h.freeDiskBytes / 1024 ** 3).toFixed(1)} GB`}`,
    `Memory: rss ${(h.memory.rssBytes / 1e6).toFixed(0)} MB, heap ${(h.memory.heapUsedBytes / 1e6).toFixed(0)} MB; ${h.memory.workers.map((w) => `${w.role} ${(w.heapUsedBytes / 1e6).toFixed(0)} MB`).join(', ')}`,
    `Event loop lag: p50 ${h.eventLoopLagMs.p50} ms, p99 ${h.eventLoopLagMs.p99} ms, max ${h.eventLoopLagMs.max} ms`,
    `Warnings: ${h.warnings.map((w) => w.text).join(' | ') || 'none'}`,
    `Slow operations (> ${SLOW_MS} ms): ${h.slowQueries.slice(0, 10).map((q) => `${q.op} ${q.ms} ms`).join(', ') || 'none'}`,
    '',
    'Recent errors and warnings:',
    ...c.log.tail(30).filter((e) => e.level !== 'info').map((e) => `  ${e.at} ${e.level} ${e.event} ${Object.entries(e).filter(([k]) => !['at', 'level', 'event'].includes(k)).map(([k, v]) => `${k}=${typeof v === 'string' ? scrub(v) : v}`).join(' ')}`),
  ];
  return lines.join('\n');
}
