// The timeline under the canvas: the crossings of the board's persons as a histogram;
// brushing a period fades the rest of the board; a selected person's events show in blue.
// The screenshot shows a board with a pin, notes, a group and the brushed timeline.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/api';
import { generateDemo } from '../../electron/backend/demo/generate';
import type { BoardState } from '../../shared/contract';
import { tmpDir } from '../fixtures/bundle-builder';
import { call, runImport } from '../helpers/case';
import { seedBoard } from './board-seed';
import { openSession, type Session } from './harness';

interface CyEl { id(): string; data(k: string): unknown; hasClass(c: string): boolean; select(): void }
interface Cy { nodes(sel?: string): CyEl[] & { length: number }; elements(): { unselect(): void }; getElementById(id: string): CyEl }
declare const window: { __crosslinkCy: Cy };

async function select(page: Page, ids: string[]): Promise<void> {
  await page.evaluate((list) => {
    const cy = window.__crosslinkCy;
    cy.elements().unselect();
    for (const id of list) cy.getElementById(id).select();
    (document.activeElement as HTMLElement | null)?.blur();
  }, ids);
  await page.waitForTimeout(50);
}

const faded = (page: Page) => page.evaluate(() => window.__crosslinkCy.nodes('.tl-faded').length);

describe('the timeline panel', () => {
  let s: Session;
  let seeded: BoardState;
  beforeAll(async () => {
    const dir = tmpDir();
    const demo = path.join(dir, 'demo');
    await generateDemo({ out: demo, seed: 7 });
    const db = path.join(dir, 'timeline.crosslink');
    const b = new Backend({ host: 'cli', version: 'test', dataDir: dir, backup: { intervalMinutes: 0 } });
    await call(b, 'case.create', { path: db, name: 'Timeline' });
    await runImport(b, demo);
    seeded = await seedBoard(b, demo);
    await b.close();
    s = await openSession({ db });
  }, 180_000);
  afterAll(async () => s?.close());

  it('shows the events of the board, brushes a period and highlights the selection', async () => {
    const { page } = s;
    await page.getByTestId('status-bar').getByText('timeline.crosslink').waitFor();
    await expect.poll(() => page.evaluate(() => window.__crosslinkCy.nodes('[nodeId]').length), { timeout: 20_000 }).toBe(seeded.nodes.length);
    const ids = seeded.nodes.map((n) => `n${n.ref.id}`);
    const persons = seeded.nodes.filter((n) => n.ref.kind === 'person').map((n) => `n${n.ref.id}`);

    // Marks for the picture: a pin, a note on a node and on a link, a group.
    await select(page, [ids[0]]);
    await page.keyboard.press('p');
    await select(page, [ids[1]]);
    await page.keyboard.press('n');
    await page.getByTestId('note-text').fill('Crossed at BOTA with the same vehicle three times');
    await page.getByTestId('board-dialog-confirm').click();
    await select(page, [`l${seeded.links[0].id}`]);
    await page.keyboard.press('n');
    await page.getByTestId('note-text').fill('shared phone');
    await page.getByTestId('board-dialog-confirm').click();
    await select(page, ids.slice(2, 4));
    await page.keyboard.press('g');
    await page.getByTestId('group-name').fill('Vehicle and owner');
    await page.getByTestId('board-dialog-confirm').click();
    await expect.poll(() => page.evaluate(() => window.__crosslinkCy.nodes('.board-group').length)).toBe(1);

    await page.keyboard.press('t');
    const panel = page.getByTestId('timeline');
    await panel.waitFor();
    await panel.getByTestId('timeline-chart').waitFor({ timeout: 20_000 });
    expect(await panel.getByTestId('timeline-summary').textContent()).toMatch(/\d+ events? · \d+ entit/);
    const bars = await panel.locator('.tl-bar').count();
    expect(bars).toBeGreaterThan(0);

    // Brush the first third of the chart.
    const box = (await panel.getByTestId('timeline-chart').boundingBox())!;
    await page.mouse.move(box.x + 12, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, box.y + 40);
    await page.mouse.move(box.x + box.width * 0.35, box.y + 40);
    await page.mouse.up();
    await panel.getByTestId('timeline-brush').waitFor();
    expect(await panel.getByTestId('timeline-brush').textContent()).toMatch(/\d{4}-\d{2}(-\d{2})? – \d{4}-\d{2}(-\d{2})? · \d+ events?/);
    await expect.poll(() => faded(page)).toBeGreaterThan(0);

    // A selected person's events are drawn over the bars.
    if (persons.length) {
      await select(page, [persons[0]]);
      await expect.poll(() => panel.locator('.tl-bar-sel').count()).toBeGreaterThan(0);
    }
    await page.evaluate(() => { window.__crosslinkCy.elements().unselect(); });
    await page.mouse.move(box.x + box.width * 0.5, box.y - 200);
    await page.waitForTimeout(500);
    await s.shot('42-board-marks-timeline-brush');

    // Hide instead of fade, then clear the brush: everything is back.
    await panel.getByRole('button', { name: 'Hide', exact: true }).click();
    await expect.poll(() => page.evaluate(() => window.__crosslinkCy.nodes('.tl-hidden').length)).toBeGreaterThan(0);
    await panel.getByTestId('timeline-clear').click();
    await expect.poll(() => faded(page)).toBe(0);
    expect(await page.evaluate(() => window.__crosslinkCy.nodes('.tl-hidden').length)).toBe(0);
    // T hides the panel again.
    await page.keyboard.press('t');
    await panel.waitFor({ state: 'detached' });
  });
});
