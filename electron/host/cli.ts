// The `crosslink` command line, over the same backend and contract as the window.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Backend } from '../backend/api';
import { AppError } from '../backend/errors';
import type { Output } from '../../shared/contract';
import { VERSION } from './version';
import { AGENCY, type Agency } from '../../shared/model';
import { call, int, need, print, UsageError } from './cli-util';
import { cmdCotravel, cmdMetrics, cmdNeighbours, cmdPath, GRAPH_OPTIONS, GRAPH_USAGE } from './cli-graph';
import { cmdLeads, cmdWatch, LEADS_USAGE, WATCH_USAGE } from './cli-leads';
import { BRIEF_USAGE, cmdBrief, cmdBriefVerify } from './cli-brief';
import { cmdResolution } from './cli-resolution';
import { AUDIT_USAGE, cmdAudit } from './cli-audit';
import { cmdSessionHost, SESSION_USAGE } from './cli-session';
import { cmdSpecCheck, cmdSpecInfer, cmdSpecPreview, SPEC_OPTIONS, SPEC_USAGE, specSub } from './cli-spec';
import { cmdImport } from './cli-import';

const USAGE = `crosslink ${VERSION} — link analysis for border intelligence

  crosslink demo --out DIR [--seed N] [--people N] [--days N] [--crossings N] [--start YYYY-MM-DD] [--truth DIR]
  crosslink demo --out DIR --national-day [--start YYYY-MM-DD]   1.4 M crossings, 50 k subjects, 2 k cases, 5 k lookouts
  crosslink import PATH --db FILE [--json] [--no-resolve]
                                                 PATH is a bundle folder or .zip; FILE is created if missing;
                                                 persons and vehicles are resolved after it unless --no-resolve
${SPEC_USAGE}
  crosslink stats --db FILE [--json]
  crosslink search --db FILE --q TEXT [--limit N] [--json]
  crosslink show --db FILE --id ID [--json]      ID: record_id, crossing_id, case_id, lookout_id, event_id or node id
  crosslink web [--db FILE] [--port N]           the browser host
  crosslink backup create|list|verify|restore --db FILE [--file BACKUP] [--dir FOLDER]
                                                 restore takes the newest good backup unless --file is given
  crosslink resolution --db FILE --csv             record_id,kind,entity_id for every subject record and crossing
  crosslink resolution run|decisions --db FILE     re-run resolution; list the analyst's decisions
  crosslink resolution why --db FILE --a ID --b ID   per-feature evidence for two records
  crosslink resolution same|not-same --a ID --b ID | alone --a ID | undo --id N   decisions, remembered and undoable
${GRAPH_USAGE}
${LEADS_USAGE}
${WATCH_USAGE}
${BRIEF_USAGE}
${AUDIT_USAGE}
${SESSION_USAGE}
  crosslink health --db FILE [--json]            case, backups, disk, memory; exit 1 on an error-level warning

Every command answers for the case's analyst profile (chosen when the case was created);
--as CBP|ICE|USCIS answers as that agency may see it, and a new case takes --as and
--analyst NAME as its profile (default: ICE and the login name).

Exit status: 0 done (an import with rejected rows is done), 1 failed or a file was refused
(reason on stderr; the JSON report is still printed), 2 usage.`;

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
  truth: { type: 'string' },
  seed: { type: 'string' },
  people: { type: 'string' },
  days: { type: 'string' },
  crossings: { type: 'string' },
  start: { type: 'string' },
  'national-day': { type: 'boolean' },
  q: { type: 'string' },
  id: { type: 'string' },
  limit: { type: 'string' },
  port: { type: 'string' },
  file: { type: 'string' },
  dir: { type: 'string' },
  csv: { type: 'boolean' },
  'no-resolve': { type: 'boolean' },
  a: { type: 'string' },
  b: { type: 'string' },
  note: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...GRAPH_OPTIONS,
  ...SPEC_OPTIONS,
  run: { type: 'boolean' },
  all: { type: 'boolean' },
  kinds: { type: 'string' },
  kind: { type: 'string' },
  target: { type: 'string' },
  label: { type: 'string' },
  action: { type: 'string' },
  as: { type: 'string' },
  analyst: { type: 'string' },
  audience: { type: 'string' },
  board: { type: 'string' },
  title: { type: 'string' },
  summary: { type: 'string' },
  bind: { type: 'string' },
  admit: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];


function date(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) throw new UsageError(`--start must be a date YYYY-MM-DD, got '${v}'`);
  return v;
}



let backupDir: string | undefined;

let autoResolve: boolean | undefined;
let actAs: Agency | undefined;
let analyst: string | undefined;

export function agencyOption(v: string | undefined, name: string): Agency | undefined {
  if (v === undefined) return undefined;
  const a = AGENCY.safeParse(v.trim().toUpperCase());
  if (!a.success) throw new UsageError(`--${name} must be one of ${AGENCY.options.join(', ')}, got '${v}'`);
  return a.data;
}

function backend(): Backend {
  return new Backend({ host: 'cli', version: VERSION, backup: backupDir ? { dir: path.resolve(backupDir) } : {}, autoResolve, actAs, analyst });
}

async function withCase<T>(db: string | undefined, create: boolean, fn: (b: Backend) => Promise<T>): Promise<T> {
  const file = path.resolve(need(db, 'db'));
  const b = backend();
  try {
    if (fs.existsSync(file)) await call(b, 'case.open', { path: file });
    else if (create) await call(b, 'case.create', { path: file });
    else throw new AppError('not_found', `No case file at ${file}.`);
    return await fn(b);
  } finally {
    await b.close();
  }
}


const fmtBackup = (x: Output<'backup.create'>) =>
  `${x.createdAt}  ${x.reason.padEnd(16)} ${(x.bytes / 1e6).toFixed(1).padStart(8)} MB  ${String(x.counts.nodes).padStart(9)} nodes ${String(x.counts.links).padStart(9)} links  ${x.integrity}  ${x.file}`;

async function cmdBackup(sub: string | undefined, v: Values): Promise<number> {
  const file = path.resolve(need(v.db, 'db'));
  switch (sub) {
    case 'create':
      return withCase(v.db, false, async (b) => {
        const info = await call(b, 'backup.create', {});
        print(v.json, info, () => `Backed up to ${info.file} (verified: ${info.integrity}, ${info.counts.nodes} nodes, ${info.counts.links} links).`);
        return 0;
      });
    case 'list': {
      // Works on a damaged case too: it does not open it.
      const b = backend();
      try {
        const out = await call(b, 'backup.list', { casePath: file });
        print(v.json, out, () => (out.backups.length ? [`Backups in ${out.dir}:`, ...out.backups.map(fmtBackup)].join('\n') : `No backups in ${out.dir}.`));
        return 0;
      } finally {
        await b.close();
      }
    }
    case 'verify': {
      const b = backend();
      try {
        const targets = v.file ? [path.resolve(v.file)] : (await call(b, 'backup.list', { casePath: file })).backups.map((x) => x.file);
        if (!targets.length) throw new AppError('not_found', `No backups of ${file} to verify.`);
        let bad = 0;
        const results: Array<{ file: string; ok: boolean; problem: string | null }> = [];
        for (const t of targets) {
          const r = await call(b, 'backup.verify', { file: t });
          if (!r.ok) bad++;
          results.push({ file: t, ...r });
        }
        print(v.json, results, () => results.map((r) => `${r.ok ? 'OK  ' : 'BAD '} ${r.file}${r.problem ? `: ${r.problem}` : ''}`).join('\n'));
        return bad ? 1 : 0;
      } finally {
        await b.close();
      }
    }
    case 'restore': {
      const b = backend();
      try {
        const chosen = v.file ? path.resolve(v.file) : (await call(b, 'backup.list', { casePath: file })).backups[0]?.file;
        if (!chosen) throw new AppError('not_found', `No backups of ${file} to restore.`);
        const out = await call(b, 'backup.restore', { file: chosen, casePath: file });
        print(v.json, out, () => `Restored ${out.restored.file} into ${file} (${out.restored.counts.nodes} nodes, ${out.restored.counts.links} links).${out.savedCurrent ? ` The previous state was saved as ${out.savedCurrent}.` : ''}`);
        return 0;
      } finally {
        await b.close();
      }
    }
    default:
      throw new UsageError('backup needs one of: create, list, verify, restore');
  }
}

async function cmdShow(v: Values): Promise<number> {
  const id = need(v.id, 'id');
  return withCase(v.db, false, async (b) => {
    const ref = await call(b, 'graph.resolveId', { sourceId: id });
    if (!ref) throw new AppError('not_found', `Nothing with id '${id}' in this case.`);
    const details = await call(b, 'graph.node', { id: ref.id });
    const exp = await call(b, 'graph.expand', { id: ref.id, force: true, limit: 1000 });
    const neighbours: Record<string, Array<{ id: number; label: string; source_id: string | null; link: string }>> = {};
    if (exp.type === 'graph') {
      const byId = new Map(exp.nodes.map((n) => [n.id, n]));
      for (const l of exp.links) {
        const n = byId.get(l.source === ref.id ? l.target : l.source);
        if (n) (neighbours[n.kind] ??= []).push({ id: n.id, label: n.label, source_id: n.sourceId, link: l.kind });
      }
    }
    const out = { id: ref.id, kind: ref.kind, label: ref.label, source_id: ref.sourceId, handling: ref.handling, attributes: details.attributes, mentions: details.mentions, neighbour_counts: details.neighbourCounts, neighbours };
    print(v.json, out, () =>
      [
        `${details.kindLabel}: ${ref.label} (#${ref.id}${ref.sourceId ? `, ${ref.sourceId}` : ''})`,
        ...details.attributes.map((a) => `  ${a.name} = ${a.value}   [${a.provenance.exportId} ${a.provenance.file}:${a.provenance.line} ${a.provenance.agency ?? ''} ${a.handling}]`),
        ...Object.entries(neighbours).map(([k, ns]) => `  ${k}: ${ns.slice(0, 10).map((n) => n.label).join('; ')}${ns.length > 10 ? ` … (${ns.length})` : ''}`),
      ].join('\n'),
    );
    return 0;
  });
}

async function main(argv: string[]): Promise<number> {
  const { values: v, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  backupDir = v.dir;
  autoResolve = v['no-resolve'] ? false : undefined;
  actAs = agencyOption(v.as, 'as');
  analyst = v.analyst?.trim() || undefined;
  const [cmd, ...rest] = positionals;
  if (v.help || !cmd || cmd === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return cmd || v.help ? 0 : 2;
  }
  switch (cmd) {
    case 'demo': {
      const nd = !!v['national-day'];
      const { generateDemo } = await import('../backend/demo/generate');
      const res = await generateDemo({
        out: path.resolve(need(v.out, 'out')),
        truthOut: v.truth ? path.resolve(v.truth) : undefined,
        seed: int(v.seed, 'seed'),
        // One national day (ingest issue): 1.4 M crossings, ~50 k subject and ~16 k
        // vehicle records, 2,000 cases, 5,000 lookouts.
        people: int(v.people, 'people', nd ? 80_000 : undefined),
        days: int(v.days, 'days', nd ? 1 : undefined),
        crossings: int(v.crossings, 'crossings', nd ? 1_400_000 : undefined),
        cases: nd ? 2000 : undefined,
        lookouts: nd ? 5000 : undefined,
        startDate: v.start === undefined ? undefined : date(v.start),
      });
      print(v.json, res, () => `Wrote bundle ${res.bundleDir} (${Object.entries(res.files).map(([f, n]) => `${f} ${n}`).join(', ')}) and ground truth ${res.truthDir} in ${res.seconds.toFixed(1)} s.`);
      return 0;
    }
    case 'import':
      if (!rest[0]) throw new UsageError('import needs a bundle PATH');
      return withCase(v.db, true, (b) => cmdImport(b, path.resolve(rest[0]), v));
    case 'spec': {
      const sub = specSub(rest[0]);
      if (sub === 'check') return cmdSpecCheck(rest[1] ?? v.spec, !!v.json);
      if (!rest[1]) throw new UsageError(`spec ${sub} needs a PATH`);
      const target = path.resolve(rest[1]);
      if (sub === 'infer') {
        const b = backend();
        try {
          return await cmdSpecInfer(b, target, v);
        } finally {
          await b.close();
        }
      }
      return withCase(v.db, false, (b) => cmdSpecPreview(b, target, v));
    }
    case 'metrics':
      return withCase(v.db, false, (b) => cmdMetrics(b, v));
    case 'stats':
      return withCase(v.db, false, async (b) => {
        const s = await call(b, 'graph.stats', {});
        const out = { nodes: Object.fromEntries(s.nodes.map((n) => [n.kind, n.count])), links: Object.fromEntries(s.links.map((l) => [l.kind, l.count])) };
        print(v.json, out, () => [...s.nodes.map((n) => `node ${n.kind} ${n.count}`), ...s.links.map((l) => `link ${l.kind} ${l.count}`)].join('\n'));
        return 0;
      });
    case 'search':
      return withCase(v.db, false, async (b) => {
        const hits = await call(b, 'search', { q: need(v.q, 'q'), limit: int(v.limit, 'limit', 50) });
        print(v.json, hits, () => hits.map((h) => `${h.kind.padEnd(9)} ${h.sourceId ?? `#${h.id}`}  ${h.label}`).join('\n') || 'no match');
        return 0;
      });
    case 'show':
      return cmdShow(v);
    case 'path':
      return withCase(v.db, false, (b) => cmdPath(b, v));
    case 'neighbours':
    case 'neighbors':
      return withCase(v.db, false, (b) => cmdNeighbours(b, v));
    case 'cotravel':
      return withCase(v.db, false, (b) => cmdCotravel(b, v));
    case 'leads':
      return withCase(v.db, false, (b) => cmdLeads(b, v));
    case 'watch':
      return withCase(v.db, false, (b) => cmdWatch(b, rest[0], v));
    case 'brief':
      if (rest[0] === 'verify') {
        if (!rest[1] && !v.file) throw new UsageError('brief verify needs a FILE.zip');
        return cmdBriefVerify(path.resolve(rest[1] ?? v.file!), !!v.json);
      }
      return withCase(v.db, false, (b) => cmdBrief(b, v, agencyOption(v.audience, 'audience')));
    case 'audit':
      return withCase(v.db, false, (b) => cmdAudit(b, rest[0], v));
    case 'backup':
      return cmdBackup(rest[0], v);
    case 'session':
      if (rest[0] !== 'host') throw new UsageError('session needs a subcommand: host');
      return withCase(v.db, false, (b) => cmdSessionHost(b, v));
    case 'resolution':
      return withCase(v.db, false, async (b) => cmdResolution(b, rest, v));
    case 'health':
      return withCase(v.db, false, async (b) => {
        const h = await call(b, 'ops.health', {});
        const diag = await call(b, 'ops.diagnostics', {});
        print(v.json, h, () => diag.text);
        return h.warnings.some((w) => w.level === 'error') ? 1 : 0;
      });
    case 'web': {
      const { startWebHost } = await import('./web');
      const host = await startWebHost({ db: v.db ? path.resolve(v.db) : undefined, port: int(v.port, 'port', 0), actAs });
      process.stdout.write(`Crosslink browser host: ${host.url}\n`);
      return new Promise(() => {});
    }
    default:
      throw new UsageError(`unknown command '${cmd}'`);
  }
}

export async function runCli(argv: string[]): Promise<void> {
  // `crosslink resolution --csv | head`: a reader that stops early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    process.exitCode = await main(argv);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`crosslink: ${(err as Error).message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`crosslink: ${(err as Error).message.split('\n')[0]}\n`);
      process.exitCode = 1;
    }
  }
}
