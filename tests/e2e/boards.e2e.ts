// Boards in the window: ten board actions (pin, note, move, group, collapse, style, remove…)
// are undone one by one back to the start and redone to the end, the canvas checked at every
// step; then the board is saved under a name and, after the host and the browser are
// restarted, opened again from the sidebar: same positions, same marks, same picture.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/api';
import { generateDemo } from '../../electron/backend/demo/generate';
import type { BoardState } from '../../shared/contract';
import { seedBoard } from './board-seed';
import { tmpDir } from '../fixtures/bundle-builder';
import { call, runImport } from '../helpers/case';
import { openSession, SCREENSHOTS, type Session } from './harness';

interface CyEl {
  id(): string; data(k?: string): unknown; position(): { x: number; y: number }; renderedPosition(): { x: number; y: number };
  locked(): boolean; hasClass(c: string): boolean; parent(): CyEl[] & { length: number }; select(): void; selected(): boolean; visible(): boolean;
}
interface Cy {
  nodes(sel?: string): CyEl[] & { length: number; unselect(): void }; edges(sel?: string): CyEl[] & { length: number };
  elements(): { unselect(): void }; getElementById(id: string): CyEl & { length: number }; container(): HTMLElement;
  png(o: object): string; zoom(): number; pan(): { x: number; y: number };
}
declare const window: { __crosslinkCy: Cy };

/** What the canvas shows, as plain data: every node, its place and marks, every link. */
const snapshot = (page: Page) =>
  page.evaluate(() => {
    const cy = window.__crosslinkCy;
    const nodes = cy.nodes().map((n) => ({
      id: n.id(),
      x: Math.round(n.position().x),
      y: Math.round(n.position().y),
      label: n.data('label') as string,
      note: (n.data('note') as string | undefined) ?? '',
      pinned: n.locked(),
      colour: n.data('colour') as string,
      size: n.data('size') as number,
      parent: n.parent().length ? n.parent()[0].id() : null,
      hidden: !n.visible(),
    }));
    const edges = cy.edges().map((e) => ({ id: e.id(), note: (e.data('note') as string) ?? '' }));
    return { nodes: nodes.sort((a, b) => a.id.localeCompare(b.id)), edges: edges.sort((a, b) => a.id.localeCompare(b.id)) };
  });

const at = async (page: Page, cyId: string) =>
  page.evaluate((id) => {
    const cy = window.__crosslinkCy;
    const p = cy.getElementById(id).renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, cyId);

async function select(page: Page, ids: string[]): Promise<void> {
  await page.evaluate((list) => {
    const cy = window.__crosslinkCy;
    cy.elements().unselect();
    for (const id of list) cy.getElementById(id).select();
    // Single-key shortcuts are for the canvas, not for a focused search field.
    (document.activeElement as HTMLElement | null)?.blur();
  }, ids);
  await page.waitForTimeout(50);
}

async function boardMenu(page: Page, item: string): Promise<void> {
  await page.getByTestId('menu-board').click();
  await page.getByTestId(`menu-item-board.${item}`).click();
}

/** The share of pixels that differ between two PNG data URIs, computed in the page. */
const pixelDiff = (page: Page, a: string, b: string) =>
  page.evaluate(async ([x, y]) => {
    const load = (src: string) => new Promise<HTMLImageElement>((res, rej) => { const i = new Image(); i.onload = () => res(i); i.onerror = rej; i.src = src; });
    const [ia, ib] = await Promise.all([load(x), load(y)]);
    if (ia.width !== ib.width || ia.height !== ib.height) return 1;
    const px = (img: HTMLImageElement) => {
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, c.width, c.height).data;
    };
    const da = px(ia);
    const db = px(ib);
    let diff = 0;
    for (let i = 0; i < da.length; i += 4) {
      if (Math.abs(da[i] - db[i]) + Math.abs(da[i + 1] - db[i + 1]) + Math.abs(da[i + 2] - db[i + 2]) + Math.abs(da[i + 3] - db[i + 3]) > 24) diff++;
    }
    return diff / (da.length / 4);
  }, [a, b]);

describe('boards: undo everything, save, reopen the same picture', () => {
  let s: Session;
  let db: string;
  let seeded: BoardState;
  beforeAll(async () => {
    const dir = tmpDir();
    const demo = path.join(dir, 'demo');
    await generateDemo({ out: demo, seed: 7 });
    db = path.join(dir, 'boards.crosslink');
    const b = new Backend({ host: 'cli', version: 'test', dataDir: dir, backup: { intervalMinutes: 0 } });
    await call(b, 'case.create', { path: db, name: 'Boards' });
    await runImport(b, demo);
    seeded = await seedBoard(b, demo);
    await b.close();
    s = await openSession({ db });
  }, 180_000);
  afterAll(async () => s?.close());

  it('undoes ten board actions one by one and redoes them', async () => {
    const { page } = s;
    await page.getByTestId('status-bar').getByText('boards.crosslink').waitFor();
    await expect.poll(() => page.evaluate(() => window.__crosslinkCy.nodes('[nodeId]').length), { timeout: 20_000 }).toBe(seeded.nodes.length);
    expect(seeded.nodes.length).toBeGreaterThanOrEqual(4);
    const ids = seeded.nodes.map((n) => `n${n.ref.id}`);
    const link = `l${seeded.links[0].id}`;
    await page.waitForTimeout(400);
    const states = [await snapshot(page)];
    const step = async (what: () => Promise<void>) => {
      await what();
      await page.waitForTimeout(120);
      const snap = await snapshot(page);
      expect(snap, `step ${states.length} changed the canvas`).not.toEqual(states.at(-1));
      states.push(snap);
    };
    // 1 pin
    await step(async () => {
      await select(page, [ids[0]]);
      await page.keyboard.press('p');
    });
    // 2 note on a node
    await step(async () => {
      await select(page, [ids[1]]);
      await page.keyboard.press('n');
      await page.getByTestId('note-text').fill('Drove the Tacoma on 12 Oct; per CBP officer J. Diaz');
      await page.getByTestId('board-dialog-confirm').click();
    });
    // 3 drag a node
    await step(async () => {
      await page.evaluate(() => { window.__crosslinkCy.elements().unselect(); });
      const p = await at(page, ids[2]);
      await page.mouse.move(p.x, p.y);
      await page.mouse.down();
      await page.mouse.move(p.x + 40, p.y + 30);
      await page.mouse.move(p.x + 80, p.y + 60);
      await page.mouse.up();
    });
    // 4 group two nodes
    await step(async () => {
      await select(page, [ids[1], ids[2]]);
      await page.keyboard.press('g');
      await page.getByTestId('group-name').fill('Drivers');
      await page.getByTestId('board-dialog-confirm').click();
    });
    // 5 collapse the group
    await step(async () => { await select(page, [ids[1]]); await page.keyboard.press('c'); });
    // 6 note on a link
    await step(async () => {
      await select(page, [link]);
      await page.keyboard.press('n');
      await page.getByTestId('note-text').fill('same phone, two subscribers');
      await page.getByTestId('board-dialog-confirm').click();
    });
    // 7 colour and size through the menu
    await step(async () => {
      await select(page, [ids[3]]);
      await boardMenu(page, 'style');
      await page.getByTestId('board-dialog').getByRole('button', { name: '#dc2626' }).click();
      await page.getByTestId('board-dialog').getByRole('button', { name: 'Large' }).click();
      await page.getByTestId('board-dialog-confirm').click();
    });
    // 8 expand the group again (select its frame)
    await step(async () => { await select(page, ['grp:g1']); await page.keyboard.press('c'); });
    // 9 unpin through the menu
    await step(async () => { await select(page, [ids[0]]); await boardMenu(page, 'pin'); });
    // 10 remove a node
    await step(async () => { await select(page, [ids[3]]); await page.keyboard.press('Delete'); });

    expect(states).toHaveLength(11);
    const collapsed = states[5].nodes.find((n) => n.id === 'grp:g1')!;
    expect(collapsed.label).toMatch(/Drivers \(2\)/);
    expect(states[5].nodes.filter((n) => n.parent === 'grp:g1').every((n) => n.hidden)).toBe(true);
    expect(states[1].nodes.find((n) => n.id === ids[0])!.pinned).toBe(true);
    await page.evaluate(() => { window.__crosslinkCy.elements().unselect(); });
    for (let i = 9; i >= 0; i--) {
      await page.keyboard.press('Control+z');
      await expect.poll(() => snapshot(page), { timeout: 3000 }).toEqual(states[i]);
    }
    for (let i = 1; i <= 10; i++) {
      await page.keyboard.press('Control+Shift+Z');
      await expect.poll(() => snapshot(page), { timeout: 3000 }).toEqual(states[i]);
    }
  });

  it('saves the board under a name and brings back the same picture after a restart', async () => {
    let { page } = s;
    // Back to a marked board: undo the removal and the unpin, so pins, notes and the group show.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await boardMenu(page, 'saveAs');
    await page.getByTestId('board-name').fill('Crew, October');
    await page.getByTestId('board-dialog-confirm').click();
    await page.getByTestId('boards-list').getByText('Crew, October').waitFor();
    await expect.poll(() => page.getByTestId('boards-list').locator('.board-row.current').textContent()).toContain('Crew, October');
    await page.evaluate(() => { window.__crosslinkCy.elements().unselect(); });
    await page.mouse.move(5, 790);
    await page.waitForTimeout(1200); // saved within half a second
    const before = await snapshot(page);
    const view = await page.evaluate(() => ({ zoom: window.__crosslinkCy.zoom(), pan: window.__crosslinkCy.pan() }));
    const png = await page.evaluate(() => window.__crosslinkCy.png({ full: false, scale: 1, bg: '#ffffff' }));
    await page.screenshot({ path: path.join(SCREENSHOTS, '40-board-before-restart.png') });

    await s.close();
    s = await openSession({ db });
    page = s.page;
    await page.getByTestId('status-bar').getByText('boards.crosslink').waitFor();
    // A new browser profile starts on the working board; the saved one is in the sidebar.
    await page.getByTestId('boards-list').getByText('Crew, October').click();
    await expect.poll(() => snapshot(page), { timeout: 10_000 }).toEqual(before);
    await page.mouse.move(5, 790);
    await page.waitForTimeout(800);
    const after = await page.evaluate(() => ({ zoom: window.__crosslinkCy.zoom(), pan: window.__crosslinkCy.pan() }));
    expect(after.zoom).toBeCloseTo(view.zoom, 3);
    expect(after.pan.x).toBeCloseTo(view.pan.x, 0);
    expect(after.pan.y).toBeCloseTo(view.pan.y, 0);
    const png2 = await page.evaluate(() => window.__crosslinkCy.png({ full: false, scale: 1, bg: '#ffffff' }));
    const diff = await pixelDiff(page, png, png2);
    expect(diff).toBeLessThan(0.005);
    await page.screenshot({ path: path.join(SCREENSHOTS, '41-board-after-restart.png') });
    // The working board is still there, untouched by the copy's changes.
    await page.getByTestId('boards-list').getByText('Working board').click();
    await expect.poll(() => page.evaluate(() => window.__crosslinkCy.nodes('[nodeId]').length)).toBeGreaterThan(0);
  });
});
