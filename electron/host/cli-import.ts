// `crosslink import`: a bundle, a table through a spec, or a graph export, with a progress bar
// on a terminal (JSON lines with --json) and the report, rejects counted by reason.
import type { Backend } from '../backend/api';
import { AppError } from '../backend/errors';
import { specFor } from './cli-spec';
import { call, print } from './cli-util';

interface ImportValues {
  json?: boolean;
  spec?: string;
  'accept-rejects'?: boolean;
}

function progressBar(p: { rowsRead: number; rowsTotal: number | null; rowsPerSecond: number; etaSeconds: number | null; file: string | null }): string {
  const frac = p.rowsTotal ? Math.min(1, p.rowsRead / p.rowsTotal) : 0;
  const width = 30;
  const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
  const eta = p.etaSeconds === null ? '' : ` ETA ${Math.ceil(p.etaSeconds)}s`;
  return `\r${bar} ${p.rowsRead.toLocaleString('en-US')} rows  ${p.rowsPerSecond.toLocaleString('en-US')} rows/s${eta}  ${p.file ?? ''}   `;
}

const CLI_REJECTS = 10_000;

export async function cmdImport(b: Backend, bundle: string, v: ImportValues): Promise<number> {
  const tty = process.stderr.isTTY && !v.json;
  b.on((name, payload) => {
    if (name !== 'import.progress') return;
    if (v.json) process.stderr.write(`${JSON.stringify(payload)}\n`);
    else if (tty) process.stderr.write(progressBar(payload as Parameters<typeof progressBar>[0]));
  });
  const spec = await specFor(b, v.spec);
  const { jobId } = await call(b, 'import.start', { path: bundle, spec, acceptRejects: !!v['accept-rejects'] });
  const final = await b.waitForJob(jobId);
  if (tty) process.stderr.write('\n');
  if (final.state === 'failed') throw new AppError('bad_bundle', final.error ?? 'import failed');
  if (final.importId === null) throw new AppError('internal', final.note ?? 'import did not finish');
  const report = await call(b, 'import.report', { importId: final.importId, limit: 1000 });
  const already = !!final.note && /already (in the case|imported with this spec)/.test(final.note);
  // At most 10,000 rejects in the answer (a flood of bad rows stays in the case file:
  // the report counts them all by reason; the app saves them all as CSV).
  const rejects = [...report.rejects];
  for (let offset = rejects.length; rejects.length < Math.min(report.rowsRejected, CLI_REJECTS); offset = rejects.length) {
    const more = await call(b, 'import.report', { importId: final.importId, offset, limit: 1000 });
    if (more.rejects.length === 0) break;
    rejects.push(...more.rejects);
  }
  const out = {
    import_id: report.importId,
    export_id: report.exportId,
    status: already ? 'already_loaded' : report.status,
    rows_read: already ? 0 : report.rowsRead,
    rows_loaded: already ? 0 : report.rowsLoaded,
    rows_rejected: already ? 0 : report.rowsRejected,
    rows_skipped: already ? 0 : report.rowsSkipped,
    rejects: already ? [] : rejects.slice(0, CLI_REJECTS),
    rejects_by_reason: already ? [] : report.rejectsByReason,
    files: report.files,
    nodes: already ? 0 : report.nodesAdded,
    links: already ? 0 : report.linksAdded,
    seconds: report.seconds,
    note: final.note ?? null,
  };
  print(v.json, out, () => {
    const kept = report.status !== 'rejected';
    const lines = [
      already ? final.note! : !kept ? `Nothing kept of ${report.exportId}: ${out.rows_rejected} of ${out.rows_read} rows would be rejected.` : `Imported ${report.exportId}: ${out.rows_loaded} rows loaded, ${out.rows_rejected} rejected, ${out.rows_skipped} already present; +${out.nodes} nodes, +${out.links} links in ${out.seconds.toFixed(1)} s.`,
    ];
    if (already) return lines.join('\n');
    if (final.note) lines.push(`  ${final.note}`);
    for (const f of report.files) if (f.refused) lines.push(`  REFUSED ${f.refused}`);
    for (const r of rejects.slice(0, 20)) lines.push(`  ${r.file}:${r.line}${r.column ? ` [${r.column}]` : ''} ${r.reason}`);
    if (out.rows_rejected > 20) {
      lines.push(`  … ${out.rows_rejected - 20} more rejects; by reason:`);
      for (const g of report.rejectsByReason.slice(0, 10)) lines.push(`    ${String(g.count).padStart(8)}  ${g.reason}`);
    }
    return lines.join('\n');
  });
  if (report.status === 'rejected') {
    process.stderr.write(`crosslink: ${final.note ?? 'rows would be rejected; nothing was kept'} (--accept-rejects loads the rest)\n`);
    return 1;
  }
  // A refused file (bad checksum, listed but missing) means the bundle did not load whole.
  const refused = report.files.filter((f) => f.refused);
  if (refused.length && !already) {
    process.stderr.write(`crosslink: ${refused.map((f) => f.refused).join('; ')}\n`);
    return 1;
  }
  return 0;
}
