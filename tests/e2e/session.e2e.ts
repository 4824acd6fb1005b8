// A review session in three browsers: an ICE analyst hosts a review of a board from the
// browser host; a CBP and a USCIS analyst open the join link (self-signed TLS; the page shows
// the certificate's fingerprint to compare), knock, and are admitted from the host's lobby.
// Moves, comments and presence converge; follow mode applies the presenter's view; the ORCON
// case stays a pointer for CBP and nothing about it (not the canary, not ICE's comment on it)
// reaches CBP's browser; the host is killed and restarted and the session resumes on the same
// port, with the participants reconnecting by themselves and an edit made meanwhile merged.
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import Database from 'better-sqlite3';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/api';
import { generateDemo } from '../../electron/backend/demo/generate';
import { startWebHost, type WebHost } from '../../electron/host/web';
import type { NodeRef } from '../../shared/model';
import type { SessionStatus } from '../../shared/session-schemas';
import { tmpDir } from '../fixtures/bundle-builder';
import { call, runImport } from '../helpers/case';
import { CHROMIUM, SCREENSHOTS } from './harness';

interface CyEl { id(): string; data(k: string): unknown; hasClass(c: string): boolean; position(): { x: number; y: number }; renderedPosition(): { x: number; y: number }; select(): void; length: number }
interface Cy {
  getElementById(id: string): CyEl;
  nodes(sel?: string): CyEl[] & { length: number };
  elements(): { unselect(): void };
  zoom(): number;
  pan(): { x: number; y: number };
  viewport(v: { zoom: number; pan: { x: number; y: number } }): void;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let dir: string;
let db: string;
let home: string;
let host: WebHost;
let browser: Browser;
let status: SessionStatus;
let canary: string;
let orcon: NodeRef;
let shared: NodeRef[];
const errors: string[] = [];
const pages: Record<'ice' | 'cbp' | 'uscis', Page> = {} as never;
/** Every WebSocket frame CBP's browser received (text frames as they are, binary as latin1). */
const cbpFrames: string[] = [];

/** Runs `fn` on the page's Cytoscape instance (as an expression: no eval inside the page, whose CSP forbids it). */
const cy = <T>(page: Page, fn: (cy: Cy, arg: never) => T, arg?: unknown): Promise<T> =>
  page.evaluate(`(${fn.toString()})(window.__crosslinkCy, ${JSON.stringify(arg ?? null)})`) as Promise<T>;

async function newPage(ctx: BrowserContext, who: string): Promise<Page> {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(`${who}: ${String(e)}`));
  return page;
}

async function select(page: Page, cyId: string): Promise<void> {
  await cy(page, (c, id: string) => {
    c.elements().unselect();
    c.getElementById(id).select();
  }, cyId);
}

async function hostStatus(): Promise<SessionStatus> {
  const r = await host.backend.handle('session.status', {});
  if (!r.ok || !r.value) throw new Error('no session');
  return r.value as SessionStatus;
}

/** The SHA-256 fingerprint of the certificate the session server really presents. */
function servedFingerprint(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      resolve(s.getPeerCertificate().fingerprint256);
      s.end();
    });
    s.on('error', reject);
  });
}

async function join(page: Page, joinUrl: string, name: string, agency: string): Promise<void> {
  await page.goto(joinUrl);
  await page.getByTestId('join-page').waitFor();
  expect(await page.getByTestId('join-fingerprint').textContent()).toBe(status.fingerprint);
  expect(await page.getByTestId('join-code').inputValue()).toBe(status.code);
  await page.getByTestId('join-name').fill(name);
  await page.getByTestId('join-agency').selectOption(agency);
  await page.getByTestId('join-submit').click();
  await page.getByTestId('join-waiting').waitFor();
}

async function admit(name: string): Promise<void> {
  const ice = pages.ice;
  await ice.getByTestId('lobby-row').filter({ hasText: name }).getByTestId('lobby-admit').click();
  await ice.locator(`[data-testid="participant-row"][data-name="${name}"][data-online="yes"]`).waitFor({ timeout: 20_000 });
}

const position = (page: Page, id: number) => cy(page, (c, i: string) => c.getElementById(i).position(), `n${id}`);

beforeAll(async () => {
  dir = tmpDir();
  const bundle = path.join(dir, 'demo');
  await generateDemo({ out: bundle, seed: 31, people: 400, days: 2 });
  const planted = JSON.parse(fs.readFileSync(`${bundle}.truth/planted.json`, 'utf8')) as { orcon_canary: string; orcon_case_id: string };
  canary = planted.orcon_canary;
  db = path.join(dir, 'review.crosslink');
  const b = new Backend({ host: 'cli', version: 'test', dataDir: dir, backup: { intervalMinutes: 0 } });
  await call(b, 'case.create', { path: db, name: 'NOGALES review', profile: { name: 'R. Ortega', agency: 'ICE' } });
  await runImport(b, bundle);
  orcon = (await call(b, 'graph.resolveId', { sourceId: planted.orcon_case_id }))!;
  const d = new Database(db, { readonly: true });
  const ids = d.prepare(`SELECT id FROM node WHERE handling = 'SHARED' AND kind = 'subject' AND (agency IS NULL OR agency != 'USCIS') ORDER BY id LIMIT 4`).pluck().all() as number[];
  d.close();
  shared = (await call(b, 'session.elements', { nodes: ids, links: [] })).nodes;
  // The first subject with what every agency may read around it, so the board has links.
  const around = await call(b, 'graph.expand', { id: shared[0].id, limit: 12 });
  const extra = around.type === 'graph' ? around.nodes.filter((n) => n.handling === 'SHARED' && !ids.includes(n.id)).slice(0, 6) : [];
  const refs = [orcon, ...shared, ...extra];
  const on = new Set(refs.map((r) => r.id));
  const links = around.type === 'graph' ? around.links.filter((l) => l.handling === 'SHARED' && on.has(l.source) && on.has(l.target)) : [];
  const nodes = refs.map((ref, i) => ({ ref, pos: { x: Math.round(240 * Math.cos((2 * Math.PI * i) / refs.length)), y: Math.round(170 * Math.sin((2 * Math.PI * i) / refs.length)) } }));
  await call(b, 'board.save', { id: 1, state: { type: 'crosslink-board', version: 2, nodes, links } });
  await b.close();

  home = tmpDir('crosslink-home-');
  host = await startWebHost({ port: 0, homeDir: home, db, checkOutput: true });
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const viewport = { width: 1280, height: 800 };
  pages.ice = await newPage(await browser.newContext({ viewport }), 'ICE host');
  // The session server's certificate is self-signed: the join page shows its fingerprint instead.
  pages.cbp = await newPage(await browser.newContext({ viewport, ignoreHTTPSErrors: true }), 'CBP');
  pages.uscis = await newPage(await browser.newContext({ viewport, ignoreHTTPSErrors: true }), 'USCIS');
  pages.cbp.on('websocket', (ws) => ws.on('framereceived', (f) => cbpFrames.push(typeof f.payload === 'string' ? f.payload : Buffer.from(f.payload).toString('latin1'))));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a review session in three browsers', () => {
  it('the ICE host starts a review of the board and sees the join link, code and certificate fingerprint', async () => {
    const ice = pages.ice;
    await ice.goto(host.url);
    await ice.getByTestId('status-bar').getByText('review.crosslink').waitFor();
    await expect.poll(() => cy(ice, (c) => c.nodes().length)).toBeGreaterThan(5);
    await ice.getByTestId('menu-session').click();
    await ice.getByTestId('menu-item-session.host').click();
    await ice.getByTestId('session-start').click();
    await ice.getByTestId('session-join-link').waitFor();
    status = await hostStatus();
    expect(await ice.getByTestId('session-join-link').inputValue()).toBe(status.joinUrl);
    expect(await ice.getByTestId('session-code').textContent()).toBe(status.code);
    expect(await ice.getByTestId('session-fingerprint').textContent()).toBe(status.fingerprint);
    expect(await servedFingerprint(status.port)).toBe(status.fingerprint);
    expect(status.bind).toBe('127.0.0.1');
  });

  it('CBP and USCIS knock with the join link, wait in the lobby, and are admitted by the host', async () => {
    await join(pages.cbp, status.joinUrl, 'C. Barros', 'CBP');
    await pages.cbp.screenshot({ path: path.join(SCREENSHOTS, 'session-join-waiting.png') });
    await join(pages.uscis, status.joinUrl, 'U. Sato', 'USCIS');
    expect(await pages.cbp.getByTestId('join-waiting').textContent()).toContain('Waiting for the host to admit you');
    const ice = pages.ice;
    await expect.poll(() => ice.getByTestId('lobby-row').count()).toBe(2);
    await admit('C. Barros');
    await ice.getByTestId('session-host-dialog').screenshot({ path: path.join(SCREENSHOTS, 'session-host-lobby.png') });
    await ice.screenshot({ path: path.join(SCREENSHOTS, 'session-host-lobby-window.png') });
    await admit('U. Sato');
    status = await hostStatus();
    for (const [page, name, agency] of [[pages.cbp, 'C. Barros', 'CBP'], [pages.uscis, 'U. Sato', 'USCIS']] as const) {
      await page.waitForURL(/\/$/);
      await expect.poll(() => page.title()).toBe(`Review session: Working board — you are ${name} (${agency})`);
      // No case, file or board menus for a participant: they may only read.
      expect(await page.getByTestId('menu-file').count()).toBe(0);
      expect(await page.getByTestId('menu-board').count()).toBe(0);
    }
    // The host sees both online, each with their colour.
    for (const name of ['C. Barros', 'U. Sato']) {
      const row = ice.locator(`[data-testid="participant-row"][data-name="${name}"]`);
      expect(await row.getAttribute('data-online')).toBe('yes');
      const colour = status.participants.find((p) => p.name === name)!.colour;
      const shown = await row.getByTestId('participant-colour').evaluate((el) => getComputedStyle(el).backgroundColor);
      const hex = (rgb: string) => '#' + rgb.match(/\d+/g)!.slice(0, 3).map((v) => Number(v).toString(16).padStart(2, '0')).join('');
      expect(hex(shown)).toBe(colour);
    }
    await ice.keyboard.press('Escape');
  });

  it('everyone has the same board, the ORCON case a pointer for CBP; a node CBP drags moves for all', async () => {
    const { ice, cbp, uscis } = pages;
    for (const page of [cbp, uscis]) {
      await expect.poll(() => cy(page, (c) => c.nodes().length), { timeout: 20_000 }).toBe(await cy(ice, (c) => c.nodes().length));
    }
    expect(await cy(cbp, (c, id: string) => c.getElementById(id).data('kind'), `n${orcon.id}`)).toBe('pointer');
    expect(await cy(ice, (c, id: string) => c.getElementById(id).data('kind'), `n${orcon.id}`)).toBe('case');
    // A real drag on CBP's canvas.
    const node = `n${shared[1].id}`;
    const before = await position(ice, shared[1].id);
    await cbp.waitForTimeout(600); // the first fit to the board settles
    const box = (await cbp.getByTestId('canvas').boundingBox())!;
    const at = await cy(cbp, (c, id: string) => c.getElementById(id).renderedPosition(), node);
    await cbp.mouse.move(box.x + at.x, box.y + at.y);
    await cbp.mouse.down();
    await cbp.mouse.move(box.x + at.x + 60, box.y + at.y + 45, { steps: 6 });
    await cbp.mouse.up();
    const moved = await position(cbp, shared[1].id);
    expect(Math.abs(moved.x - before.x) + Math.abs(moved.y - before.y)).toBeGreaterThan(20);
    for (const page of [ice, uscis]) {
      await expect.poll(async () => {
        const p = await position(page, shared[1].id);
        return Math.abs(p.x - moved.x) < 0.05 && Math.abs(p.y - moved.y) < 0.05;
      }, { timeout: 10_000 }).toBe(true);
    }
  });

  it('what CBP adds by expanding a node reaches the others (what CBP may not read stays on CBP’s canvas)', async () => {
    const { ice, cbp, uscis } = pages;
    const before = await cy(ice, (c) => c.nodes().length);
    await select(cbp, `n${shared[3].id}`);
    await cbp.keyboard.press('e');
    await expect.poll(() => cy(cbp, (c) => c.nodes().length), { timeout: 15_000 }).toBeGreaterThan(before);
    const added = await cy(cbp, (c) => c.nodes().filter((n) => n.data('kind') !== 'pointer').length);
    for (const page of [ice, uscis]) await expect.poll(() => cy(page, (c) => c.nodes().length), { timeout: 10_000 }).toBeGreaterThanOrEqual(added);
    expect(await cbp.getByTestId('session-ended').count()).toBe(0);
  });

  it('a comment converges; the host sees CBP in their colour, their selection and their pointer', async () => {
    const { ice, cbp, uscis } = pages;
    const target = `n${shared[0].id}`;
    await select(cbp, target);
    await cbp.getByTestId('tab-session').click();
    await cbp.getByTestId('comment-input').fill('Seen at Nogales twice last week — same vehicle?');
    await cbp.getByTestId('comment-send').click();
    await cbp.getByTestId('comment-text').filter({ hasText: 'Seen at Nogales twice' }).waitFor();
    for (const page of [ice, uscis]) {
      await select(page, target);
      await page.getByTestId('tab-session').click();
      await page.getByTestId('comment-text').filter({ hasText: 'Seen at Nogales twice' }).waitFor({ timeout: 10_000 });
    }
    // The host replies, USCIS sets a verdict.
    await ice.getByTestId('comment-reply').first().click();
    await ice.getByTestId('comment-input').fill('Yes — the plate matches. Following up.');
    await ice.getByTestId('comment-send').click();
    await uscis.getByTestId('verdict-follow-up').click();
    await cbp.getByTestId('comment-text').filter({ hasText: 'the plate matches' }).waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await cbp.getByTestId('verdict-by').textContent()) ?? '').toMatch(/^Needs follow-up by U\. Sato \(USCIS\)/);

    const cbpColour = status.participants.find((p) => p.name === 'C. Barros')!.colour;
    const cbpId = status.participants.find((p) => p.name === 'C. Barros')!.id;
    await ice.locator(`[data-testid="presence-chip"][data-participant="${cbpId}"]`).waitFor();
    // USCIS looks elsewhere; the node CBP still has selected is ringed in CBP's colour for the host.
    await select(uscis, `n${shared[3].id}`);
    await expect.poll(() => cy(ice, (c, id: string) => [c.getElementById(id).hasClass('remote-sel'), c.getElementById(id).data('remoteColour')], target)).toEqual([true, cbpColour]);
    // CBP's pointer over their canvas shows on the host's, with their name.
    const box = (await cbp.getByTestId('canvas').boundingBox())!;
    await cbp.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    const cursor = ice.locator(`[data-testid="remote-cursor"][data-participant="${cbpId}"]`);
    await cursor.waitFor({ timeout: 10_000 });
    expect(await cursor.textContent()).toBe('C. Barros');
    await cbp.getByTestId('session-minutes').click();
    await cbp.keyboard.type('Agreed: CBP checks the crossings of the blue pickup. ');
    await expect.poll(() => ice.getByTestId('session-minutes').inputValue()).toContain('CBP checks the crossings');
    await cbp.getByTestId('tool-fit').click();
    await cbp.waitForTimeout(400);
    await cbp.screenshot({ path: path.join(SCREENSHOTS, 'session-cbp-panel.png') });
  });

  it('participants who follow the presenter get the host’s pan and zoom', async () => {
    const { ice, cbp } = pages;
    await ice.getByTestId('menu-session').click();
    await ice.getByTestId('menu-item-session.present').click();
    await cbp.getByTestId('canvas').click({ position: { x: 5, y: 400 } });
    await cbp.keyboard.press('Control+Shift+F');
    await expect.poll(async () => (await cbp.getByTestId('follow-badge').textContent()) ?? '').toContain('Following R. Ortega');
    // (Returns nothing: a Cytoscape instance is far too big to send back.)
    await cy(ice, (c) => { c.viewport({ zoom: 1.7, pan: { x: 123, y: 45 } }); });
    await expect.poll(() => cy(cbp, (c) => [Math.round(c.zoom() * 100) / 100, Math.round(c.pan().x), Math.round(c.pan().y)]), { timeout: 10_000 }).toEqual([1.7, 123, 45]);
    await cbp.keyboard.press('Control+Shift+F');
    await cbp.getByTestId('follow-badge').waitFor({ state: 'detached' });
  });

  it('nothing about the ORCON case reaches CBP: not the canary, not ICE’s comment on it', async () => {
    const { ice, cbp, uscis } = pages;
    await select(ice, `n${orcon.id}`);
    await ice.getByTestId('comment-input').fill(`Source says ${canary}`);
    await ice.getByTestId('comment-send').click();
    await ice.getByTestId('verdict-confirmed').click();
    // A later comment on a shared node: once CBP has it, CBP has had every chance at the first.
    await select(ice, `n${shared[2].id}`);
    await ice.getByTestId('comment-input').fill('Last one before the break.');
    await ice.getByTestId('comment-send').click();
    await select(cbp, `n${shared[2].id}`);
    await cbp.getByTestId('comment-text').filter({ hasText: 'Last one before the break.' }).waitFor({ timeout: 10_000 });
    // CBP sees the ORCON case as a pointer it may not discuss.
    await select(cbp, `n${orcon.id}`);
    await cbp.getByTestId('session-withheld').waitFor();
    await cbp.getByTestId('tab-details').click();
    await cbp.getByTestId('pointer-card').waitFor();
    for (const page of [cbp, uscis]) {
      const html = await page.content();
      expect(html.includes(canary)).toBe(false);
      expect(html.includes('Source says')).toBe(false);
    }
    expect(cbpFrames.length).toBeGreaterThan(20);
    expect(cbpFrames.filter((f) => f.includes(canary) || f.includes('Source says'))).toEqual([]);
    await cbp.getByTestId('tab-session').click();
  });

  it('the host is killed and restarts: the session resumes on its port, participants reconnect, an edit made meanwhile merges', async () => {
    const { ice, cbp, uscis } = pages;
    const { port, fingerprint } = status;
    await host.close();
    await cbp.getByTestId('session-connection').waitFor({ timeout: 15_000 });
    expect(await cbp.getByTestId('session-connection').textContent()).toContain('reconnecting');
    await cbp.getByTestId('session-minutes').click();
    await cbp.keyboard.press('End');
    await cbp.keyboard.type('CBP note while the host was away.');
    await cbp.screenshot({ path: path.join(SCREENSHOTS, 'session-cbp-host-away.png') });

    // The workstation comes back on the same case; the window offers to resume the review.
    host = await startWebHost({ port: 0, homeDir: home, db, checkOutput: true });
    await ice.goto(host.url);
    await ice.getByTestId('toast').filter({ hasText: 'The review of “Working board” was interrupted' }).waitFor({ timeout: 20_000 });
    await ice.getByTestId('menu-session').click();
    await ice.getByTestId('menu-item-session.host').click();
    await expect.poll(() => ice.getByTestId('session-start').textContent()).toBe('Resume session');
    await ice.getByTestId('session-start').click();
    await ice.getByTestId('session-join-link').waitFor({ timeout: 20_000 });
    status = await hostStatus();
    expect(status.port).toBe(port);
    expect(status.fingerprint).toBe(fingerprint);
    await ice.keyboard.press('Escape');
    await ice.getByTestId('hosting-badge').waitFor();
    for (const page of [cbp, uscis]) await page.getByTestId('session-connection').waitFor({ state: 'detached', timeout: 20_000 });
    await ice.getByTestId('tab-session').click();
    await expect.poll(() => ice.getByTestId('session-minutes').inputValue(), { timeout: 15_000 }).toContain('CBP note while the host was away.');
    expect(await ice.getByTestId('session-minutes').inputValue()).toContain('CBP checks the crossings');
    // The board came back as the session left it: CBP's move is still there.
    await expect.poll(() => cy(ice, (c) => c.nodes().length)).toBe(await cy(cbp, (c) => c.nodes().length));
  });

  it('the host removes USCIS, then ends the session; each participant is told which', async () => {
    const { ice, cbp, uscis } = pages;
    await ice.getByTestId('menu-session').click();
    await ice.getByTestId('menu-item-session.host').click();
    await ice.locator('[data-testid="participant-row"][data-name="U. Sato"]').getByTestId('participant-remove').click();
    await uscis.getByTestId('session-ended').waitFor({ timeout: 10_000 });
    expect(await uscis.getByTestId('session-ended').textContent()).toContain('You were removed from the session');
    await ice.locator('[data-testid="participant-row"][data-name="U. Sato"]').waitFor({ state: 'detached' });
    await ice.getByTestId('session-end').click();
    await ice.getByTestId('session-end-confirm').click();
    await ice.getByTestId('hosting-badge').waitFor({ state: 'detached' });
    await cbp.getByTestId('session-ended').waitFor({ timeout: 10_000 });
    expect(await cbp.getByTestId('session-ended').textContent()).toContain('The host ended the session');
    await cbp.screenshot({ path: path.join(SCREENSHOTS, 'session-cbp-ended.png') });
    // The host's board is the case's again, with the session's changes written back.
    await expect.poll(() => cy(ice, (c) => c.nodes().length)).toBeGreaterThan(5);
    expect(errors).toEqual([]);
  });
});
