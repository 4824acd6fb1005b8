// npx tsx tests/bench/canvas.ts [--out FILE]: the canvas in the browser host, in Debian's
// Chromium. Puts synthetic boards (1,000 nodes / 2,000 links and 5,000 / 10,000) on the
// canvas through the test hook, times each layout from request to positions applied (the
// layout itself runs in a Web Worker), checks the page keeps answering meanwhile, then pans
// and zooms with real input (mouse wheel, mouse drag) and times the frames. Prints a table
// with each target MET or MISSed and writes JSON. runCanvasBench() is for tests/bench/run.ts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { startWebHost } from '../../electron/host/web';
import { LINK_KINDS, type LinkKind, type NodeKind } from '../../shared/model';
import type { LayoutName } from '../../renderer/src/graph/layouts/types';
import type { CanvasLink, CanvasNode, Slice } from '../../renderer/src/graph/types';
import { launchChromium } from '../e2e/harness';
import { tmpDir } from '../fixtures/bundle-builder';

export interface CanvasBenchRow {
  metric: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean;
  note?: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Kinds in about the mix of a working board: many records and events, few ports and cases. */
const MIX: Array<[NodeKind, number]> = [
  ['person', 14], ['subject', 10], ['traveller', 14], ['event', 22], ['vehicle', 6], ['port', 1],
  ['case', 1], ['lookout', 2], ['document', 10], ['phone', 8], ['address', 6], ['plate', 4], ['email', 2],
];
const SURNAMES = ['GARCIA', 'MARTINEZ', 'LOPEZ', 'HERNANDEZ', 'GONZALEZ', 'PEREZ', 'SANCHEZ', 'RAMIREZ', 'TORRES', 'FLORES', 'RIVERA', 'GOMEZ'];

/** A seeded board of `n` nodes and about `2n` links, grown by preferential attachment (hubs
 * and long tails, like a real board), with dated links and nodes scattered as if unlaid. */
export function syntheticBoard(n: number, linksPerNode = 2, seed = 7): Slice {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const weights = MIX.reduce((a, [, w]) => a + w, 0);
  const kindAt = () => {
    let r = rnd() * weights;
    for (const [k, w] of MIX) if ((r -= w) < 0) return k;
    return MIX[0][0];
  };
  const side = Math.sqrt(n) * 90;
  const nodes: CanvasNode[] = [];
  for (let i = 1; i <= n; i++) {
    const kind = kindAt();
    const label = kind === 'person' || kind === 'subject' || kind === 'traveller'
      ? `${SURNAMES[i % SURNAMES.length]}, ${String.fromCharCode(65 + (i % 26))}. ${i}`
      : `${kind.replace('_', ' ')} ${i}`;
    nodes.push({
      ref: { id: i, kind, label, sourceId: `SYN-${i}`, handling: i % 17 === 0 ? 'LES' : 'SHARED', degree: 0 },
      pos: { x: rnd() * side, y: rnd() * side },
    });
  }
  const links: CanvasLink[] = [];
  const ends: number[] = [1];
  const seen = new Set<string>();
  const day0 = Date.UTC(2025, 0, 1);
  for (let i = 2; i <= n; i++) {
    for (let k = 0; k < linksPerNode; k++) {
      // Half the time a node already well linked (picked in proportion to its links).
      const j = rnd() < 0.5 ? ends[Math.floor(rnd() * ends.length)] : 1 + Math.floor(rnd() * (i - 1));
      const key = `${Math.min(i, j)}-${Math.max(i, j)}`;
      if (j === i || seen.has(key)) continue;
      seen.add(key);
      const kind: LinkKind = LINK_KINDS[Math.floor(rnd() * LINK_KINDS.length)];
      const dated = rnd() < 0.6;
      links.push({
        ref: {
          id: links.length + 1, kind, source: i, target: j, label: kind,
          at: dated ? new Date(day0 + Math.floor(rnd() * 300) * 86_400_000).toISOString() : null,
          handling: 'SHARED',
        },
      });
      ends.push(i, j);
    }
  }
  return { nodes, links };
}

/** Rebuilds the renderer bundle when it is missing or older than any renderer or shared source. */
export function ensureRendererBuilt(): void {
  const built = path.join(ROOT, 'dist/renderer/index.html');
  const newest = (dir: string): number => {
    let t = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }
    return t;
  };
  const sources = Math.max(newest(path.join(ROOT, 'renderer')), newest(path.join(ROOT, 'shared')));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  console.log('building the renderer (npm run build:renderer)…');
  execFileSync('npm', ['run', 'build:renderer'], { cwd: ROOT, stdio: 'inherit' });
}

type CyWindow = {
  __crosslinkCy: {
    nodes(): { length: number; forEach(f: (n: { renderedBoundingBox(): { x1: number; x2: number; y1: number; y2: number } }) => void): void };
    one(ev: string, f: (e: unknown, info: { ms: number }) => void): void;
    on(ev: string, f: () => void): void;
    off(ev: string, f: () => void): void;
    container(): HTMLElement;
    zoom(): number;
  };
  __crosslinkTest: { loadBoard(s: Slice): void; request(r: { type: 'relayout'; layout?: LayoutName } | { type: 'fit' }): void };
  __bench?: { frames: number[]; renders: number[]; on: boolean };
};

const settle = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));

export async function loadBoard(page: Page, slice: Slice): Promise<void> {
  await page.evaluate((b) => (window as unknown as CyWindow).__crosslinkTest.loadBoard(b), slice);
  await page.waitForFunction((n) => (window as unknown as CyWindow).__crosslinkCy.nodes().length === n, slice.nodes.length, { timeout: 60_000 });
  await settle(page);
}

/** Milliseconds from the re-layout request to the positions applied on the canvas. */
export async function timeLayout(page: Page, layout: LayoutName): Promise<number> {
  return page.evaluate((name) => new Promise<number>((resolve) => {
    const w = window as unknown as CyWindow;
    const t = performance.now();
    w.__crosslinkCy.one('relayoutdone', () => resolve(performance.now() - t));
    w.__crosslinkTest.request({ type: 'relayout', layout: name });
  }), layout);
}

/** Round-trips to the page (evaluate) while a layout runs: the window must keep answering. */
async function pingsDuring(page: Page, layout: LayoutName): Promise<{ ms: number; pings: number[] }> {
  const done = timeLayout(page, layout);
  let finished = false;
  void done.then(() => (finished = true));
  const pings: number[] = [];
  await new Promise((r) => setTimeout(r, 50));
  while (!finished) {
    const t = performance.now();
    await page.evaluate(() => document.title);
    pings.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { ms: await done, pings };
}

/** A point on the canvas with no node and no floating panel over it, to drag the view from. */
function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const cy = (window as unknown as CyWindow).__crosslinkCy;
    const box = cy.container().getBoundingClientRect();
    const boxes: Array<{ x1: number; x2: number; y1: number; y2: number }> = [];
    cy.nodes().forEach((n) => { boxes.push(n.renderedBoundingBox()); });
    for (let fy = 0.3; fy <= 0.8; fy += 0.05) {
      for (let fx = 0.2; fx <= 0.8; fx += 0.02) {
        const x = box.width * fx;
        const y = box.height * fy;
        const free = boxes.every((b) => x < b.x1 - 6 || x > b.x2 + 6 || y < b.y1 - 6 || y > b.y2 + 6);
        const el = document.elementFromPoint(box.left + x, box.top + y);
        if (free && el?.tagName === 'CANVAS') return { x: box.left + x, y: box.top + y };
      }
    }
    return { x: box.left + box.width / 2, y: box.top + box.height * 0.9 };
  });
}

const median = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const pct = (a: number[], p: number) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))] : NaN;
};

/** Lengths of the frames that redrew the canvas while wheel-zooming and dragging, and the redraw count. */
export async function measurePanZoom(page: Page): Promise<{ frames: number[]; renders: number }> {
  const box = (await page.getByTestId('canvas').boundingBox())!;
  const spot = await emptySpot(page);
  await page.evaluate(() => {
    const w = window as unknown as CyWindow;
    const rec = { frames: [] as number[], renders: [] as number[], on: true };
    w.__bench = rec;
    const tick = (t: number) => {
      if (!rec.on) return;
      rec.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const onRender = () => rec.renders.push(performance.now());
    w.__crosslinkCy.on('render', onRender);
  });
  // Drag the view around from an empty spot, then wheel in and out over the middle.
  await page.mouse.move(spot.x, spot.y);
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) await page.mouse.move(spot.x + Math.sin(i / 6) * 160, spot.y + Math.cos(i / 6) * 90 - 90, { steps: 1 });
  await page.mouse.up();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 15; i++) await page.mouse.wheel(0, -100);
  for (let i = 0; i < 15; i++) await page.mouse.wheel(0, 100);
  const rec = await page.evaluate(() => {
    const w = window as unknown as CyWindow;
    w.__bench!.on = false;
    return { frames: w.__bench!.frames, renders: w.__bench!.renders };
  });
  return { frames: redrawFrames(rec.frames, rec.renders), renders: rec.renders.length };
}

/** The length of each animation frame in which the canvas redrew: idle frames between two
 * input events (16.7 ms each) would otherwise hide slow redraws in the median. */
export function redrawFrames(frameStarts: number[], renders: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let last = -1;
  for (const r of renders) {
    while (i + 1 < frameStarts.length && frameStarts[i + 1] <= r) i++;
    if (i + 1 >= frameStarts.length || i === last) continue;
    last = i;
    out.push(frameStarts[i + 1] - frameStarts[i]);
  }
  return out;
}

export async function runCanvasBench(opts: { log?: (s: string) => void } = {}): Promise<CanvasBenchRow[]> {
  const log = opts.log ?? ((s: string) => console.log(s));
  ensureRendererBuilt();
  const home = tmpDir('crosslink-bench-canvas-');
  // No case open: the board journal would save each 5,000-node board through the host's
  // WebSocket, whose 1 MB frame limit it exceeds. The empty-case card is hidden instead.
  const host = await startWebHost({ port: 0, homeDir: home, demoCase: null });
  const context = await launchChromium();
  const rows: CanvasBenchRow[] = [];
  /** A null limit: measured for the record, with no target set for it. */
  const row = (metric: string, value: number, unit: string, limit: number | null, note?: string) =>
    rows.push({ metric, value: Math.round(value * 10) / 10, unit, target: limit === null ? 'none' : `<= ${limit} ${unit}`, ok: limit === null || value <= limit, note });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // tsx keeps function names with a __name() helper that the page does not have.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.goto(host.url);
    await page.getByTestId('empty-state').waitFor({ timeout: 30_000 });
    await page.addStyleTag({ content: '.empty-state { display: none !important; }' });
    await page.waitForFunction(() => !!(window as unknown as CyWindow).__crosslinkTest);

    for (const [n, limit] of [[1000, 2000], [5000, 10000]] as const) {
      const board = syntheticBoard(n);
      log(`board of ${n} nodes, ${board.links.length} links: loading`);
      const t = performance.now();
      await loadBoard(page, board);
      row(`first draw, ${n} nodes`, performance.now() - t, 'ms', null, 'load through the board store, until drawn');
      const { ms, pings } = await pingsDuring(page, 'force');
      row(`layout force-directed, ${n} nodes`, ms, 'ms', limit, 'request to positions applied; the worker computes');
      row(`page round-trip during ${n}-node layout (p90)`, pct(pings, 0.9), 'ms', 200, `${pings.length} pings, max ${Math.round(Math.max(...pings, 0))} ms`);
      for (const layout of ['concentric', 'hierarchical', 'grid', 'time'] as const) {
        row(`layout ${layout}, ${n} nodes`, await timeLayout(page, layout), 'ms', limit);
      }
      await timeLayout(page, 'force');
      // Let the board journal save and the fitted view draw before the input starts.
      await page.waitForTimeout(1500);
      await settle(page);
      const pz = await measurePanZoom(page);
      row(`pan/zoom frame median, ${n} nodes / ${board.links.length} links`, median(pz.frames), 'ms', 33,
        `p95 ${Math.round(pct(pz.frames, 0.95))} ms over ${pz.frames.length} frames that redrew (${pz.renders} redraws), real wheel and drag`);
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  } finally {
    await context.close();
    await host.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
  return rows;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const rows = await runCanvasBench();
  console.log(`\nCrosslink canvas bench: ${new Date().toISOString()}, headless Chromium 1280x800\n`);
  console.log(`${'metric'.padEnd(52)} ${'value'.padStart(9)}  ${'unit'.padEnd(4)}  ${'target'.padEnd(18)}  note`);
  for (const r of rows) {
    console.log(`${r.metric.padEnd(52)} ${String(r.value).padStart(9)}  ${r.unit.padEnd(4)}  ${(r.target === 'none' ? '' : `${r.ok ? 'MET ' : 'MISS'} ${r.target}`).padEnd(18)}  ${r.note ?? ''}`);
  }
  const out = path.resolve(values.out ?? 'bench-results/bench-canvas.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), results: rows }, null, 2));
  console.log(`\nwrote ${out}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
