// npm run bench [-- --crossings N --people N]: generates a bundle, imports it through the
// CLI (a child process, peak RSS read from /proc), measures the raw sqlite3 CLI .import
// of the same crossings.csv, then search and expand latencies. Prints a table, writes JSON.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Backend } from '../../electron/backend/api';
import { generateDemo } from '../../electron/backend/demo/generate';
import { tmpDir } from '../fixtures/bundle-builder';

const { values } = parseArgs({ options: { crossings: { type: 'string' }, people: { type: 'string' }, out: { type: 'string' } } });
const crossings = Number(values.crossings ?? 200_000);
const people = Number(values.people ?? Math.max(2000, Math.round(crossings / 28)));
const results: Array<{ metric: string; value: number; unit: string; note?: string }> = [];
const record = (metric: string, value: number, unit: string, note?: string) => {
  results.push({ metric, value: Math.round(value * 1000) / 1000, unit, note });
};

function ensureSqlite3(): boolean {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    try {
      execFileSync('bash', ['-c', 'apt-get install -y -qq sqlite3 >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null)'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }
}

/** Runs a command, sampling its peak RSS (VmHWM) until it exits. */
function runMeasured(cmd: string, args: string[]): Promise<{ seconds: number; peakMb: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let peak = 0;
    child.stdout.on('data', (d) => (stdout += d));
    const timer = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch {
        /* exited */
      }
    }, 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${cmd} exited ${code}`));
      else resolve({ seconds: (performance.now() - t) / 1000, peakMb: peak, stdout });
    });
  });
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function main(): Promise<void> {
  const dir = tmpDir('crosslink-bench-');
  const bundle = path.join(dir, 'bundle');
  let t = performance.now();
  const gen = await generateDemo({ out: bundle, seed: 42, people, crossings });
  record('demo generate', (performance.now() - t) / 1000, 's', `${crossings} crossings, ${people} people`);

  if (ensureSqlite3()) {
    const raw = path.join(dir, 'raw.sqlite');
    t = performance.now();
    execFileSync('sqlite3', [raw, '-cmd', '.mode csv', `.import ${path.join(bundle, 'crossings.csv')} crossings`]);
    const s = (performance.now() - t) / 1000;
    record('sqlite3 CLI .import crossings.csv', s, 's', `${Math.round(crossings / s)} rows/s (raw limit)`);
  }

  const db = path.join(dir, 'case.crosslink');
  const cli = path.resolve('bin/crosslink.js');
  const first = await runMeasured(process.execPath, [cli, 'import', bundle, '--db', db, '--json']);
  const report = JSON.parse(first.stdout) as { rows_read: number; nodes: number; links: number };
  record('crosslink import (fresh)', first.seconds, 's', `${Math.round(report.rows_read / first.seconds)} rows/s, ${report.nodes} nodes, ${report.links} links`);
  record('crosslink import peak RSS', first.peakMb, 'MB');
  const again = await runMeasured(process.execPath, [cli, 'import', bundle, '--db', db, '--json']);
  record('crosslink re-import (same bundle)', again.seconds, 's', `${((100 * again.seconds) / first.seconds).toFixed(1)} % of fresh`);

  const b = new Backend({ host: 'cli', version: 'bench' });
  await b.handle('case.open', { path: db });
  const names = fs.readFileSync(path.join(bundle, 'subjects.csv'), 'utf8').split('\n').slice(1, 201).map((l) => l.split(',')[4]).filter(Boolean);
  const searchMs: number[] = [];
  const ids: number[] = [];
  for (const q of names) {
    t = performance.now();
    const r = await b.handle('search', { q, limit: 20 });
    searchMs.push(performance.now() - t);
    if (r.ok) ids.push(...(r.value as Array<{ id: number }>).slice(0, 1).map((h) => h.id));
  }
  record('search p50', percentile(searchMs, 50), 'ms', `${searchMs.length} name queries`);
  record('search p95', percentile(searchMs, 95), 'ms');
  const expandMs: number[] = [];
  for (const id of ids) {
    t = performance.now();
    await b.handle('graph.expand', { id });
    expandMs.push(performance.now() - t);
  }
  record('expand p95', percentile(expandMs, 95), 'ms', `${expandMs.length} nodes`);
  await b.close();

  console.log(`\nCrosslink bench — ${new Date().toISOString()} — ${Object.values(gen.files).reduce((a, c) => a + c, 0)} rows\n`);
  console.log(`${'metric'.padEnd(38)} ${'value'.padStart(10)}  unit  note`);
  for (const r of results) console.log(`${r.metric.padEnd(38)} ${String(r.value).padStart(10)}  ${r.unit.padEnd(4)}  ${r.note ?? ''}`);
  const outDir = path.resolve(values.out ?? 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'bench.json'), JSON.stringify({ at: new Date().toISOString(), crossings, people, results }, null, 2));
  console.log(`\nwrote ${path.join(outDir, 'bench.json')}`);
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
