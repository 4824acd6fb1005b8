// The review-session bench (issue 8): a headless host (`crosslink session host`, its own
// process) and 10 participants of three agencies on loopback, each moving its own nodes 10
// times a second for a minute. Measures how long an edit takes to reach every other
// participant (p50/p95/max) and the host process's CPU and memory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Backend } from '../../electron/backend/api';
import { joinSession, parseJoinLink, pinnedWebSocket } from '../../electron/backend/session/pinned';
import { toNodeRef, type DbNode } from '../../electron/backend/graph/rows';

type Record = (metric: string, value: number, unit: string, note?: string, target?: { text: string; ok: boolean }) => void;

const AGENCIES = ['CBP', 'CBP', 'CBP', 'CBP', 'ICE', 'ICE', 'ICE', 'USCIS', 'USCIS', 'USCIS'] as const;
const NODES_EACH = 5;

function percentile(xs: number[], p: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

function cpuSeconds(pid: number): number {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100; // utime + stime in clock ticks (USER_HZ 100)
}

function rssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** Puts SHARED records (readable by every agency) on the working board. */
async function seedBoard(file: string, n: number): Promise<void> {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare(`SELECT * FROM node WHERE handling = 'SHARED' AND kind IN ('subject', 'traveller', 'vehicle') LIMIT ?`).all(n) as DbNode[];
  const nodes = rows.map((r, i) => ({ ref: toNodeRef(db, r), pos: { x: (i % 10) * 80, y: Math.floor(i / 10) * 80 } }));
  db.close();
  const b = new Backend({ host: 'cli', version: 'bench' });
  await b.handle('case.open', { path: file });
  const r = await b.handle('board.save', { id: 1, state: { type: 'crosslink-board', version: 2, nodes, links: [] } });
  if (!r.ok) throw new Error(r.error.message);
  await b.close();
}

export async function sessionBench(file: string, cli: string, record: Record, seconds = 60): Promise<void> {
  await seedBoard(file, AGENCIES.length * NODES_EACH);
  const child = spawn(process.execPath, [cli, 'session', 'host', '--db', file, '--board', 'Working board', '--admit', 'CBP,ICE,USCIS', '--json'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const info = await new Promise<{ joinUrl: string; sessionId: number }>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', (l) => resolve(JSON.parse(l)));
    child.once('exit', (c) => reject(new Error(`session host exited ${c}`)));
  });
  const link = parseJoinLink(info.joinUrl);
  const sent = new Map<number, { at: number; from: number }>();
  const latencies: number[] = [];
  const reachedAll: number[] = [];
  const seenBy = new Map<number, number>();
  const docs: Y.Doc[] = [];
  let drops = 0;
  const providers: WebsocketProvider[] = [];
  try {
    for (let i = 0; i < AGENCIES.length; i++) {
      const token = await joinSession(link, { name: `Analyst ${i + 1}`, agency: AGENCIES[i] }, { pollMs: 50 });
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`${link.origin.replace(/^https/, 'wss')}/session/yjs`, String(info.sessionId), doc, {
        WebSocketPolyfill: pinnedWebSocket(link.fingerprint, token) as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      const me = i;
      doc.getMap('nodes').observe((ev, tr) => {
        if (tr.local) return;
        const now = performance.now();
        for (const key of ev.keysChanged) {
          const x = (doc.getMap('nodes').get(key) as { x: number } | undefined)?.x;
          const s = x === undefined ? undefined : sent.get(x);
          if (x === undefined || !s || s.from === me) continue;
          latencies.push(now - s.at);
          const n = (seenBy.get(x) ?? 0) + 1;
          seenBy.set(x, n);
          if (n === AGENCIES.length - 1) reachedAll.push(now - s.at);
        }
      });
      provider.on('status', (e: { status: string }) => {
        if (e.status === 'disconnected') drops++;
      });
      docs.push(doc);
      providers.push(provider);
    }
    const deadline = Date.now() + 20_000;
    while (!providers.every((p) => p.synced) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const keys = [...docs[0].getMap('nodes').keys()];
    if (keys.length < AGENCIES.length * NODES_EACH) throw new Error(`the session board has ${keys.length} nodes`);

    const cpu0 = cpuSeconds(child.pid!);
    const t0 = performance.now();
    let seq = 0;
    let edits = 0;
    const timers = docs.map((doc, i) =>
      setInterval(() => {
        const key = keys[i * NODES_EACH + (seq % NODES_EACH)];
        const x = ++seq;
        sent.set(x, { at: performance.now(), from: i });
        doc.getMap('nodes').set(key, { x, y: i * 100 });
        edits++;
      }, 100),
    );
    await new Promise((r) => setTimeout(r, seconds * 1000));
    for (const t of timers) clearInterval(t);
    await new Promise((r) => setTimeout(r, 1500)); // the last edits arrive
    const wall = (performance.now() - t0) / 1000;
    const cpu = ((cpuSeconds(child.pid!) - cpu0) / wall) * 100;
    const lostIds = [...sent.keys()].filter((x) => (seenBy.get(x) ?? 0) < AGENCIES.length - 1);
    const lost = lostIds.length;
    if (process.env.DEBUG_SESSION_BENCH) console.log(lostIds.slice(0, 20).map((x) => ({ x, from: sent.get(x)!.from, seen: seenBy.get(x) ?? 0, at: Math.round(sent.get(x)!.at - t0) })));
    const p95 = percentile(reachedAll, 95);
    record('session: edits sent', edits, 'n', `${AGENCIES.length} participants (4 CBP, 3 ICE, 3 USCIS) × 10/s for ${seconds} s`);
    record('session: edit to one participant p50', percentile(latencies, 50), 'ms', `${latencies.length} deliveries`);
    record('session: edit to all participants p95', p95, 'ms', `max ${Math.round(Math.max(0, ...reachedAll))} ms; ${lost} edits not seen by all; ${drops} dropped connections`, { text: 'p95 <= 200 ms', ok: p95 <= 200 && lost === 0 });
    record('session: host CPU', cpu, '%', 'of one core, over the run (the host process alone)');
    record('session: host peak RSS', rssMb(child.pid!), 'MB');
  } finally {
    for (const p of providers) p.destroy();
    child.stdin!.write('end\n');
    await new Promise((r) => child.once('exit', r));
  }
}
