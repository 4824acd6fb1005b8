// Operations in the browser: back up, list backups, read the health panel; a damaged case
// is refused at open and the analyst restores the newest good backup from the window.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/api';
import { generateDemo } from '../../electron/backend/demo/generate';
import { tmpDir } from '../fixtures/bundle-builder';
import { call, countsOf, runImport } from '../helpers/case';
import { openSession, type Session } from './harness';

describe('backups, restore and health in the window', () => {
  let s: Session;
  let caseFile: string;
  let damaged: string;
  let good: ReturnType<typeof countsOf>;

  beforeAll(async () => {
    const dir = tmpDir();
    const demo = path.join(dir, 'demo');
    await generateDemo({ out: demo, seed: 7 });
    caseFile = path.join(dir, 'work.crosslink');
    damaged = path.join(dir, 'damaged.crosslink');
    for (const f of [caseFile, damaged]) {
      const b = new Backend({ host: 'cli', version: 'test', dataDir: dir, backup: { intervalMinutes: 0 } });
      await call(b, 'case.create', { path: f, name: path.basename(f, '.crosslink') });
      await runImport(b, demo);
      if (f === damaged) await call(b, 'backup.create', {});
      await b.close();
    }
    good = countsOf(damaged);
    // Scribble over b-tree page headers: the file is damaged.
    const fd = fs.openSync(damaged, 'r+');
    const pageSize = fs.readFileSync(damaged).readUInt16BE(16);
    for (const page of [2, 3, 4]) fs.writeSync(fd, Buffer.alloc(8, 0x5a), 0, 8, (page - 1) * pageSize);
    fs.closeSync(fd);
    s = await openSession({ db: caseFile });
  }, 120_000);
  afterAll(async () => s?.close());

  it('File > Back up now, then the backups list shows it with what it holds', async () => {
    const { page } = s;
    await page.getByTestId('status-bar').getByText('work.crosslink').waitFor();
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-backup-now').click();
    await page.getByText('Backup taken and verified').first().waitFor();
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-backups').click();
    const rows = page.getByTestId('backup-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/by hand.*nodes.*links.*TECS-EXP-/);
    await s.shot('20-backups');
    await page.keyboard.press('Escape');
  });

  it('View > Health shows the case, the backup age and the disk', async () => {
    const { page } = s;
    await page.getByTestId('menu-view').click();
    await page.getByTestId('menu-health').click();
    const dialog = page.getByTestId('health-dialog');
    await dialog.getByTestId('health-kpi').first().waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toMatch(/Case size/);
    expect(text).toMatch(/Last good backup\s*|min ago/);
    expect(text).toMatch(/Free disk/);
    expect(await dialog.getByTestId('health-warning').count()).toBe(0);
    await s.shot('21-health');
    await page.keyboard.press('Escape');
  });

  it('a damaged case is refused at open and restored from its newest backup', async () => {
    const { page } = s;
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-open-case').click();
    await page.getByTestId('file-path-input').fill(damaged);
    await page.getByTestId('file-path-input').press('Enter');
    await page.getByTestId('file-dialog-confirm').click();
    const dialog = page.getByTestId('backups-dialog');
    await dialog.getByTestId('damaged-note').waitFor({ timeout: 10_000 }).catch(async (e) => {
      await s.shot('22-damaged-case-failed');
      throw e;
    });
    expect(await dialog.getByTestId('damaged-note').textContent()).toMatch(/damaged/);
    await s.shot('22-damaged-case');
    await dialog.getByTestId('backup-restore').click();
    await dialog.getByTestId('backup-restore-confirm').click();
    // The window now shows the restored case (the status bar is lasting; the toast is not).
    await page.getByTestId('status-bar').getByText('damaged.crosslink').waitFor({ timeout: 60_000 });
    await dialog.waitFor({ state: 'hidden' });
    expect(countsOf(damaged)).toEqual(good);
  }, 60_000);
});
