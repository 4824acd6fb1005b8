// The Analyse menu in the window: two members of the demo's smuggling cell are searched,
// put on the canvas and selected; Find paths explains how they are connected and adds a
// path to the board, highlighted. Co-travel runs from the menu; the board is then sized by
// betweenness and coloured by community.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/api';
import { generateDemo } from '../../electron/backend/demo/generate';
import type { NodeRef } from '../../shared/model';
import { tmpDir } from '../fixtures/bundle-builder';
import { call, runImport } from '../helpers/case';
import { openSession, type Session } from './harness';

interface CyEl { id(): string; hasClass(c: string): boolean; data(k: string): unknown; renderedPosition(): { x: number; y: number } }
interface Cy { nodes(sel?: string): CyEl[] & { length: number }; edges(sel?: string): CyEl[] & { length: number }; getElementById(id: string): CyEl & { length: number }; container(): HTMLElement }

async function addBySearch(page: Page, person: NodeRef): Promise<void> {
  await page.getByTestId('search-input').fill(person.sourceId!);
  await page.getByTestId('search-result').filter({ hasText: 'Person (resolved)' }).first().click();
  await expect.poll(() => page.evaluate((id) => (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy.getElementById(`n${id}`).length, person.id)).toBe(1);
}

async function clickNode(page: Page, id: number): Promise<void> {
  const at = await page.evaluate((nid) => {
    const cy = (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy;
    const p = cy.getElementById(`n${nid}`).renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  await page.mouse.click(at.x, at.y);
}

async function openAnalyse(page: Page, item: string): Promise<void> {
  await page.getByTestId('menu-analyse').click();
  await page.getByTestId(`menu-item-analyse.${item}`).click();
}

describe('Analyse: paths, co-travel, metrics', () => {
  let s: Session;
  let from: NodeRef;
  let to: NodeRef;
  beforeAll(async () => {
    const dir = tmpDir();
    const demo = path.join(dir, 'demo');
    await generateDemo({ out: demo, seed: 7 });
    const truth = JSON.parse(fs.readFileSync(`${demo}.truth/planted.json`, 'utf8')) as { network: { record_ids: string[] } };
    const db = path.join(dir, 'paths.crosslink');
    const b = new Backend({ host: 'cli', version: 'test', dataDir: dir, backup: { intervalMinutes: 0 } });
    await call(b, 'case.create', { path: db, name: 'Paths' });
    await runImport(b, demo);
    // Two members of the cell, as the persons their records resolved to.
    const recs = truth.network.record_ids;
    const r = await call(b, 'graph.path', { from: recs[0], to: recs[recs.length - 1], k: 1, maxHops: 6 });
    expect(r.paths.length).toBe(1);
    ({ from, to } = r);
    await b.close();
    s = await openSession({ db });
  }, 180_000);
  afterAll(async () => s?.close());

  it('finds how two searched and selected persons are connected, and adds a path to the board', async () => {
    const { page } = s;
    await page.getByTestId('status-bar').getByText('paths.crosslink').waitFor();
    await addBySearch(page, from);
    await addBySearch(page, to);
    // The last one added is selected; a click adds the other (the canvas selects additively).
    await clickNode(page, from.id);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy.nodes(':selected').length)).toBe(2);

    await openAnalyse(page, 'paths');
    const dialog = page.getByTestId('path-dialog');
    await dialog.getByTestId('path-result').first().waitFor({ timeout: 30_000 });
    expect(await dialog.getByTestId('path-from').textContent()).toContain(from.label.split(' · ')[0]);
    expect(await dialog.getByTestId('path-to').textContent()).toContain(to.label.split(' · ')[0]);
    expect(await dialog.getByTestId('path-result').count()).toBeGreaterThan(1);
    // Every step names its source row: export · file:line.
    const src = await dialog.getByTestId('path-result').first().getByTestId('path-source').first().textContent();
    expect(src).toMatch(/TECS-EXP-\S+ · \w+\.csv:\d+/);
    await dialog.getByTestId('hubs-avoided').waitFor();
    await s.shot('60-path-dialog');

    const chain = await dialog.getByTestId('path-result').nth(1).getByTestId('node-chip').count();
    await dialog.getByTestId('path-add').nth(1).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('path-highlight').waitFor();
    const onCanvas = await page.evaluate(() => {
      const cy = (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy;
      return { path: cy.nodes('.an-path').length, links: cy.edges('.an-path').length, all: cy.nodes().length };
    });
    // The path's nodes (and the records its steps go through) are on the canvas, highlighted.
    expect(onCanvas.path).toBeGreaterThanOrEqual(chain);
    expect(onCanvas.links).toBeGreaterThanOrEqual(chain - 1);
    await s.shot('61-path-on-board');
    // Undo takes the whole path off in one step.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy.nodes().length)).toBe(2);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy.nodes().length)).toBe(onCanvas.all);
  });

  it('runs co-travel from the menu and draws "travelled with" links', async () => {
    const { page } = s;
    await openAnalyse(page, 'cotravel');
    const dialog = page.getByTestId('cotravel-dialog');
    await dialog.getByTestId('cotravel-run').click();
    await expect.poll(async () => (await dialog.getByTestId('cotravel-status').textContent()) ?? '', { timeout: 30_000 }).toContain('Last run');
    await dialog.getByTestId('cotravel-pair').first().waitFor();
    expect(await dialog.getByTestId('cotravel-total').textContent()).toMatch(/\d+ pairs?/);
    await s.shot('62-cotravel');
    await dialog.getByTestId('cotravel-add-top').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy.edges('[kind = "travelled_with"]').length)).toBeGreaterThan(0);
  });

  it('sizes the board by betweenness and colours it by community', async () => {
    const { page } = s;
    // A fresh board of the cell's paths only, so the screenshot reads.
    await page.getByTestId('menu-view').click();
    await page.getByTestId('menu-item-view.clear').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy.nodes().length)).toBe(0);
    // Nothing selected now: the ends are picked by searching inside the dialog.
    await openAnalyse(page, 'paths');
    const dialog = page.getByTestId('path-dialog');
    for (const [end, who] of [['path-from', from], ['path-to', to]] as const) {
      await dialog.getByTestId(end).getByRole('searchbox').fill(who.sourceId!);
      await dialog.getByTestId(end).getByRole('option').first().click();
    }
    await dialog.getByTestId('path-find').click();
    await dialog.getByTestId('path-result').first().waitFor({ timeout: 30_000 });
    await dialog.getByTestId('path-add-all').click();
    await page.getByTestId('path-highlight').getByText('Clear').click();
    await openAnalyse(page, 'metrics');
    const m = page.getByTestId('metrics-dialog');
    await m.getByTestId('metric-betweenness').check();
    await m.getByTestId('metric-community').check();
    await m.getByTestId('metrics-apply').click();
    await m.getByTestId('metric-top').waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    await page.getByTestId('community-key').waitFor();
    await page.getByTestId('size-key').waitFor();
    const styled = await page.evaluate(() => {
      const cy = (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy;
      const sized = cy.nodes('.an-sized');
      return { sized: sized.length, all: cy.nodes().length, sizes: new Set(sized.map((n) => n.data('anSize'))).size, colours: new Set(cy.nodes('.an-coloured').map((n) => n.data('anColour'))).size };
    });
    expect(styled.sized).toBe(styled.all);
    expect(styled.sizes).toBeGreaterThan(2);
    expect(styled.colours).toBeGreaterThan(1);
    await page.keyboard.press('l');
    await page.waitForTimeout(1500);
    // The layout spaces nodes by their kind size, not the metric size: step back a little.
    await page.evaluate(() => {
      const cy = (window as unknown as { __crosslinkCy: Cy & { zoom(z?: number | object): number; width(): number; height(): number } }).__crosslinkCy;
      cy.zoom({ level: cy.zoom() * 0.72, renderedPosition: { x: cy.width() * 0.45, y: cy.height() / 2 } });
    });
    await s.shot('63-metrics-board');
    // Filters hide the subject records (they stay on the board) until cleared.
    await openAnalyse(page, 'filters');
    await page.getByTestId('filters-dialog').getByTestId('filter-kind-subject').uncheck();
    await page.getByTestId('filters-apply').click();
    const hidden = () => page.evaluate(() => {
      const cy = (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy;
      return { hidden: cy.nodes('.an-hidden').length, subjects: cy.nodes('[kind = "subject"]').length };
    });
    const h = await hidden();
    expect(h.subjects).toBeGreaterThan(0);
    expect(h.hidden).toBe(h.subjects);
    expect(await page.getByTestId('filter-key').textContent()).toContain(`${h.subjects} of`);
    await page.getByTestId('filter-clear').click();
    await expect.poll(async () => (await hidden()).hidden).toBe(0);
    await page.getByTestId('metric-clear').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy.nodes('.an-sized').length)).toBe(0);
  });

  it('connects the selected nodes with the short paths between them', async () => {
    const { page } = s;
    await page.getByTestId('menu-view').click();
    await page.getByTestId('menu-item-view.clear').click();
    await addBySearch(page, from);
    await addBySearch(page, to);
    await clickNode(page, from.id);
    await openAnalyse(page, 'connect');
    await page.getByTestId('path-highlight').waitFor();
    const n = await page.evaluate(() => (window as unknown as { __crosslinkCy: Cy }).__crosslinkCy.nodes('.an-path').length);
    expect(n).toBeGreaterThan(2);
  });
});
