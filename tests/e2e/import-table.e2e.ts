// File > Import table… in a real browser: with no case open a case is created first; the
// wizard reads a CSV of people, shows the mapping it guessed, the analyst maps the date of
// birth with its format, makes a custom kind of the employer column, sees the preview's
// entities and the rejected row (line and reason, red in the grid), saves the spec, accepts
// the reject and imports; search finds a person whose details name people.csv and its line.
// Then an XLSX of the same shape is imported with the saved spec (Load spec…), after a broken
// spec file is refused with the JSON path of each problem. Last, a neo4j export: its labels
// are listed with what each becomes, and Person is switched to a person record.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_SPEC } from '../../shared/import-spec';
import { csv, tmpDir } from '../fixtures/bundle-builder';
import { writeNeo4jExport } from '../fixtures/neo4j-export';
import { call } from '../helpers/case';
import { openSession, type Session } from './harness';

const HEADER = ['Ref', 'Surname', 'Given names', 'DOB (DD/MM/YYYY)', 'Mobile', 'Email', 'Employer'];
const DOB = 'DOB (DD/MM/YYYY)';
// Line 4 of each file has a date that does not exist (31 February).
const PEOPLE = [
  ['P-001', 'GARCIA', 'Maria Elena', '14/03/1985', '+1 915 555 0101', 'maria.garcia@example.com', 'Acme Freight'],
  ['P-002', 'NGUYEN', 'Van Minh', '02/11/1979', '+1 915 555 0102', 'minh.nguyen@example.com', 'Border Logistics'],
  ['P-003', 'HADDAD', 'Omar', '31/02/1990', '+1 915 555 0103', 'omar.haddad@example.com', 'Acme Freight'],
  ['P-004', 'OKONKWO', 'Chidi', '25/12/1970', '+1 915 555 0101', '', 'Rio Bravo Imports'],
  ['P-005', 'KOWALSKI', 'Anna', '07/06/1988', '+1 915 555 0105', 'anna.k@example.com', 'Border Logistics'],
  ['P-006', "O'NEIL", 'Sean', '19/09/1992', '', 'sean.oneil@example.com', 'Acme Freight'],
  ['P-007', 'GARCÍA LÓPEZ', 'José Luis', '01/01/1965', '+52 656 123 4567', 'jl.garcia@example.mx', 'Rio Bravo Imports'],
  ['P-008', 'CHEN', 'Mei', '30/04/1983', '+1 915 555 0108', 'mei.chen@example.com', ''],
];
const MORE_PEOPLE = [
  ['X-101', 'VASQUEZ', 'Elena', '03/05/1991', '+1 915 555 0201', 'elena.v@example.com', 'Acme Freight'],
  ['X-102', 'MÜLLER', 'Jonas', '12/10/1984', '+1 915 555 0202', 'jonas.m@example.de', 'Delta Holdings'],
  ['X-103', 'ALI', 'Fatima', '30/02/1999', '+1 915 555 0203', 'fatima.ali@example.com', 'Delta Holdings'],
  ['X-104', 'SMITH', 'Peter', '21/07/1975', '+1 915 555 0101', '', 'Border Logistics'],
];
const CHOSEN_COLOUR = '#be123c';

/** Toasts off the picture before a screenshot. */
async function clearToasts(s: Session): Promise<void> {
  for (const b of await s.page.getByTestId('toast').getByLabel('Dismiss').all()) await b.click({ timeout: 1000 }).catch(() => undefined);
}

/** Waits until the preview answered for the newest edit. */
async function previewSettled(s: Session): Promise<void> {
  await expect.poll(() => s.page.getByTestId('preview-status').textContent(), { timeout: 20_000 }).toMatch(/up to date/);
}

async function pick(s: Session, folder: string, name: string): Promise<void> {
  const { page } = s;
  const picker = page.getByTestId('import-table-pick');
  await picker.getByTestId('file-path-input').fill(folder);
  await picker.getByTestId('file-path-input').press('Enter');
  await picker.locator('.fb-entry', { hasText: name }).click();
  await picker.getByTestId('import-table-read').click();
  await page.getByTestId('import-table').waitFor({ timeout: 20_000 });
}

const wizard = (s: Session) => s.page.getByTestId('import-table');
const role = (s: Session, column: string) => wizard(s).getByLabel(`${column} becomes`).first();

describe('Import table: the mapping wizard, end to end in Chromium', () => {
  let s: Session;
  let dir: string;
  let specFile: string;

  beforeAll(async () => {
    dir = tmpDir('crosslink-tables-');
    fs.writeFileSync(path.join(dir, 'people.csv'), csv([HEADER, ...PEOPLE]));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('People');
    for (const r of [HEADER, ...MORE_PEOPLE]) ws.addRow(r);
    await wb.xlsx.writeFile(path.join(dir, 'people.xlsx'));
    // A spec file gone wrong: an unknown version and kind.
    fs.writeFileSync(path.join(dir, 'broken.spec.json'), JSON.stringify({ type: 'crosslink-import-spec', version: 2, name: 'x', source: { agency: 'ICE' }, files: [{ entities: [{ id: 'a', kind: 'alien', key: { columns: ['Ref'] } }] }] }));
    writeNeo4jExport(path.join(dir, 'graph-export'), 11, 24, 8, 4, 5);
    // 120 rows: the preview reads 100 of them, and line 115 has an impossible date.
    const long = Array.from({ length: 120 }, (_, k) => {
      const i = k + 1;
      const dob = i === 114 ? '31/02/1980' : `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/1980`;
      return [`L-${i}`, `LONGLIST${i}`, 'Test', dob, '', '', ''];
    });
    fs.writeFileSync(path.join(dir, 'roster-long.csv'), csv([HEADER, ...long]));
    specFile = path.join(dir, 'people.spec.json');
    s = await openSession();
  });
  afterAll(async () => s?.close());

  it('with no case open, File › Import table… creates a case first, then picks the table', async () => {
    const { page } = s;
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-import-table').click();
    const create = page.getByTestId('file-dialog');
    await create.getByText('A table is imported into a case file').waitFor();
    await page.getByTestId('new-case-name').fill('Tables case');
    await page.getByTestId('new-case-analyst').fill('E2E analyst');
    await page.getByTestId('new-case-agency').getByText('ICE').click();
    await page.getByTestId('new-case-file').fill(path.join(s.home, 'tables.crosslink'));
    expect(await page.getByTestId('file-dialog-confirm').textContent()).toBe('Create and choose table…');
    await page.getByTestId('file-dialog-confirm').click();
    await page.getByTestId('import-table-pick').waitFor();
    await pick(s, dir, 'people.csv');
  });

  it('shows the mapping it guessed: a person record keyed by Ref, names and phone as TECS fields', async () => {
    const w = wizard(s);
    await expect.poll(() => w.getByTestId('entity-kind').first().inputValue()).toBe('subject');
    expect(await w.getByTestId('entity-key').first().textContent()).toBe('Ref');
    expect(await role(s, 'Surname').inputValue()).toBe('field:last_name');
    expect(await role(s, 'Given names').inputValue()).toBe('field:first_name');
    expect(await role(s, 'Mobile').inputValue()).toBe('field:phone');
    // The date column was read as a date attribute, its day-first form guessed from the rows.
    expect(await role(s, DOB).inputValue()).toBe('attribute');
    expect(await w.getByLabel(`${DOB} format`).inputValue()).toBe('D/M/YYYY');
    await previewSettled(s);
    // 7 person records, 5 phones and 6 emails from their fields (the row with the bad date is out).
    expect(await w.getByTestId('preview-headline').textContent()).toBe('8 rows: 18 entities, 12 links, 1 rejected row');
    // The grid shows the rows with their line numbers, and what each column becomes.
    const grid = w.getByTestId('rows-grid');
    expect(await grid.locator('tbody tr').count()).toBe(8);
    expect(await grid.locator('tr[data-line="9"] td').first().textContent()).toBe('9');
    expect(await grid.locator('th', { hasText: 'Surname' }).textContent()).toContain('Last name');
  });

  it('maps the date of birth with its format, makes a kind of the employer, and previews the rejected row', async () => {
    const w = wizard(s);
    await role(s, DOB).selectOption('field:dob');
    await w.getByLabel(`${DOB} format`).fill('DD/MM/YYYY');
    // The employer becomes an entity of its own, a custom kind, with a colour of the analyst's choosing.
    await w.getByTestId('add-entity').selectOption('Employer');
    const employer = w.getByTestId('entity-card').nth(1);
    await expect.poll(() => employer.getByTestId('entity-kind').inputValue()).toBe('x.employer');
    await employer.getByRole('button', { name: /Look/ }).click();
    await employer.getByTestId('custom-kind-form').getByTitle(CHOSEN_COLOUR).click();
    await employer.getByTestId('custom-kind-save').click();
    await previewSettled(s);

    const kinds = w.getByTestId('preview-kinds');
    expect(await kinds.locator('li[data-kind="subject"] .itw-kc-n').textContent()).toBe('7');
    expect(await kinds.locator('li[data-kind="x.employer"] .itw-kc-n').textContent()).toBe('3');
    // Phones come from the records' phone field: 5 distinct numbers on the 7 rows kept.
    expect(await kinds.locator('li[data-kind="phone"] .itw-kc-n').textContent()).toBe('5');
    expect(await kinds.locator('li[data-link-kind="employer"] .itw-kc-n').textContent()).toBe('6');
    expect(await w.getByTestId('schema-sketch').textContent()).toContain('Employer');

    const rejects = w.getByTestId('preview-rejects');
    await rejects.waitFor();
    const rows = rejects.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const cells = await rows.first().locator('td').allTextContents();
    expect(cells[0]).toBe('people.csv');
    expect(cells[1]).toBe('4');
    expect(cells[2]).toBe(DOB);
    expect(cells[3]).toContain("impossible date '31/02/1990'");
    expect(cells[3]).toContain('$.files[0].entities[0].fields.dob');
    // The row is red in the grid, its date cell darker.
    const bad = w.getByTestId('rows-grid').locator('tr[data-line="4"]');
    expect(await bad.getAttribute('class')).toContain('rejected');
    expect(await bad.locator('td.bad-cell').textContent()).toBe('31/02/1990');

    await w.getByTestId('preview-tab-entities').click();
    const entities = await w.getByTestId('preview-entities').locator('tbody tr').allTextContents();
    expect(entities.some((t) => t.includes('OKONKWO, Chidi'))).toBe(true);
    expect(entities.some((t) => t.includes('HADDAD'))).toBe(false);
    await w.getByTestId('preview-tab-rejects').click();
    await clearToasts(s);
    await w.locator('.itw-spec').evaluate((el) => el.scrollTo(0, 0));
    await s.shot('import-table-wizard');
  });

  it('Enter in a field does not import, and Import waits for the reject to be accepted', async () => {
    const w = wizard(s);
    await w.getByTestId('spec-name').press('Enter');
    await w.getByLabel(`${DOB} format`).press('Enter');
    expect(await w.isVisible()).toBe(true);
    expect(await w.getByTestId('import-table-start').isDisabled()).toBe(true);
    expect(await w.getByTestId('import-gate-reason').textContent()).toContain('Tick “Accept” to import without the 1 rejected row');
    expect((await call(s.host.backend, 'import.list', {})).length).toBe(0);
    // A spec problem is named by file, entity and field, and holds the preview and the import.
    await w.getByLabel('Ref is part of the key').first().uncheck();
    const problems = w.getByTestId('spec-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('people.csv › Person record (subject) “person” › key columns: choose at least one key column');
    expect(await problems.textContent()).toContain('$.files[0].entities[0].key.columns');
    expect(await w.getByTestId('import-gate-reason').textContent()).toBe('Fix 1 problem of the spec first.');
    await w.getByLabel('Ref is part of the key').first().check();
    await previewSettled(s);
    await problems.waitFor({ state: 'hidden' });
  });

  it('saves the spec as JSON for the next file of this shape; Escape leaves the panel, not the wizard', async () => {
    const { page } = s;
    const w = wizard(s);
    await w.getByTestId('spec-save').click();
    const panel = w.getByTestId('spec-save-panel');
    await panel.getByTestId('file-path-input').fill(dir);
    await panel.getByTestId('file-path-input').press('Enter');
    await expect.poll(() => panel.locator('.fb-entry', { hasText: 'people.csv' }).count()).toBe(0);
    expect(await panel.getByTestId('spec-file-name').inputValue()).toBe('people.spec.json');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await w.isVisible()).toBe(true);
    await w.getByTestId('spec-save').click();
    await w.getByTestId('spec-save-panel').getByTestId('file-path-input').fill(dir);
    await w.getByTestId('spec-save-panel').getByTestId('file-path-input').press('Enter');
    await w.getByTestId('spec-save-confirm').click();
    await page.getByTestId('toast').filter({ hasText: 'Spec saved' }).waitFor();
    const saved = IMPORT_SPEC.parse(JSON.parse(fs.readFileSync(specFile, 'utf8')));
    const person = saved.files[0].entities[0];
    expect(person.fields.dob).toMatchObject({ column: DOB, type: 'date', format: 'DD/MM/YYYY' });
    expect(saved.kinds).toEqual([expect.objectContaining({ kind: 'x.employer', label: 'Employer', colour: CHOSEN_COLOUR })]);
    expect(await w.getByTestId('import-gate-reason').textContent()).toContain('Tick');
  });

  it('imports once the reject is accepted: the report lists it, search finds a person with its file and line', async () => {
    const { page } = s;
    const w = wizard(s);
    const accept = w.getByTestId('accept-rejects');
    expect(await w.locator('.itw-accept').textContent()).toBe('Accept 1 rejected row (they are listed in the import report)');
    await accept.check();
    expect(await w.getByTestId('import-table-start').isEnabled()).toBe(true);
    await w.getByTestId('import-table-start').click();
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    await expect.poll(() => report.textContent()).toMatch(/people\.csv/);
    const kpis = await report.locator('.kpi-n').allTextContents();
    expect(kpis.slice(0, 2)).toEqual(['7', '1']);
    expect(await report.locator('table.rejects tbody tr').first().textContent()).toContain("impossible date '31/02/1990'");
    await page.keyboard.press('Escape');
    await report.waitFor({ state: 'hidden' });

    await page.getByTestId('search-input').fill('OKONKWO');
    await page.getByTestId('search-result').filter({ hasText: 'OKONKWO' }).filter({ hasText: 'Subject record' }).first().click();
    const details = page.getByTestId('details-panel');
    await details.getByText('OKONKWO, Chidi').first().waitFor();
    await expect.poll(async () => (await details.getByTestId('provenance').allTextContents()).join(' ')).toMatch(/people\.csv:5/);
    // The date of birth went in as the record's own field, read day first.
    expect(await details.textContent()).toMatch(/1970-?12-?25/);
    // The custom kind is listed in the case with the colour chosen in the wizard.
    const side = page.locator('.kind-counts li', { hasText: 'Employer' });
    expect(await side.locator('.kc-count').textContent()).toBe('3');
    expect(await side.locator('img').getAttribute('src')).toContain(encodeURIComponent(CHOSEN_COLOUR));
    // The leads of the import announce themselves a moment later: let them, then clear them off.
    await page.getByTestId('toast').filter({ hasText: /new lead/ }).waitFor({ timeout: 10_000 }).catch(() => undefined);
    await clearToasts(s);
    await page.waitForTimeout(400);
    await s.shot('import-table-result');
  });

  it('imports the XLSX of the same shape with the saved spec, after a broken spec is refused by JSON path', async () => {
    const { page } = s;
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 600, y: 400 } });
    await page.keyboard.press('Control+Shift+I');
    await page.getByTestId('import-table-pick').waitFor();
    await pick(s, dir, 'people.xlsx');
    const w = wizard(s);
    // Guessed afresh: no employer entity yet.
    expect(await w.getByTestId('entity-card').count()).toBe(1);

    await w.getByTestId('spec-load').click();
    const panel = w.getByTestId('spec-load-panel');
    await panel.getByTestId('file-path-input').fill(dir);
    await panel.getByTestId('file-path-input').press('Enter');
    await panel.locator('.fb-entry', { hasText: 'broken.spec.json' }).click();
    await panel.getByTestId('spec-load-confirm').click();
    const problems = panel.getByTestId('spec-load-error');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('broken.spec.json is not a valid import spec');
    const items = await problems.locator('li').allTextContents();
    expect(items.some((t) => t.startsWith('$.version'))).toBe(true);
    expect(items.some((t) => t.startsWith('$.files[0].entities[0].kind'))).toBe(true);
    await clearToasts(s);
    await s.shot('import-table-load-problems');

    await panel.locator('.fb-entry', { hasText: 'people.spec.json' }).click();
    await panel.getByTestId('spec-load-confirm').click();
    await panel.waitFor({ state: 'hidden' });
    expect(await w.getByTestId('entity-card').count()).toBe(2);
    expect(await w.getByTestId('import-gate-reason').textContent()).not.toContain('Spec file');
    await previewSettled(s);
    // Three person records, their 3 phones and 2 emails, and their 3 employers (Delta Holdings new, two already in the case).
    expect(await w.getByTestId('preview-headline').textContent()).toBe('4 rows: 11 entities, 8 links, 1 rejected row');
    const cells = await w.getByTestId('preview-rejects').locator('tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['people.xlsx', '4', DOB]);
    expect(cells[3]).toContain("impossible date '30/02/1999'");

    await w.getByTestId('accept-rejects').check();
    await w.getByTestId('import-table-start').click();
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    await expect.poll(() => report.textContent()).toMatch(/people\.xlsx/);
    expect((await report.locator('.kpi-n').allTextContents()).slice(0, 2)).toEqual(['3', '1']);
    await page.keyboard.press('Escape');

    await page.getByTestId('search-input').fill('MÜLLER');
    await page.getByTestId('search-result').filter({ hasText: 'MÜLLER' }).filter({ hasText: 'Subject record' }).first().click();
    const details = page.getByTestId('details-panel');
    await details.getByText('MÜLLER, Jonas').first().waitFor();
    await expect.poll(async () => (await details.getByTestId('provenance').allTextContents()).join(' ')).toMatch(/people\.xlsx:3/);
    // Delta Holdings is new; Acme Freight and Border Logistics were already in the case.
    await expect.poll(() => page.locator('.kind-counts li', { hasText: 'Employer' }).locator('.kc-count').textContent()).toBe('4');
  });

  it('a bad row past the preview keeps the whole import out; the report leads back to the mapping', async () => {
    const { page } = s;
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-import-table').click();
    await pick(s, dir, 'roster-long.csv');
    const w = wizard(s);
    await previewSettled(s);
    expect(await w.getByTestId('preview-headline').textContent()).toMatch(/^First 100 rows: /);
    expect(await w.getByTestId('accept-rejects').count()).toBe(0);
    expect(await w.getByTestId('import-gate-reason').textContent()).toContain('The preview read the first 100 rows: if a later row breaks a rule, nothing is kept');
    const before = await call(s.host.backend, 'graph.stats', {});
    await w.getByTestId('spec-name').fill('roster');
    await previewSettled(s);
    await w.getByTestId('import-table-start').click();
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    await expect.poll(() => report.getByTestId('import-note').textContent()).toMatch(/would be rejected, so nothing was kept/);
    expect(await report.locator('table.rejects tbody tr').first().textContent()).toContain("impossible date '31/02/1980'");
    expect(await call(s.host.backend, 'graph.stats', {})).toEqual(before);
    await report.getByTestId('report-back-to-mapping').click();
    await w.waitFor();
    expect(await w.getByTestId('spec-name').inputValue()).toBe('roster');
    await page.keyboard.press('Escape');
    await w.waitFor({ state: 'hidden' });
  });

  it('Escape cancels a kind form, not the wizard; a mapping closed by mistake can be taken up again', async () => {
    const { page } = s;
    await page.keyboard.press('Control+Shift+I');
    await pick(s, dir, 'people.csv');
    const w = wizard(s);
    await w.getByTestId('entity-kind').first().selectOption('__new__');
    await w.getByTestId('custom-kind-label').fill('Crew member');
    await page.keyboard.press('Escape');
    await w.getByTestId('custom-kind-form').waitFor({ state: 'hidden' });
    expect(await w.getByTestId('entity-kind').first().inputValue()).toBe('subject');
    await w.getByTestId('spec-name').fill('crew list');
    await page.keyboard.press('Escape');
    await w.waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+Shift+I');
    await page.getByTestId('import-table-pick').getByText('The mapping of people.csv was closed before it was imported.').waitFor();
    await page.getByTestId('import-table-reopen').click();
    expect(await w.getByTestId('spec-name').inputValue()).toBe('crew list');
    await previewSettled(s);
    await page.keyboard.press('Escape');
    await w.waitFor({ state: 'hidden' });
  });

  it('a neo4j export lists each label with what it becomes; Person switched to a person record needs its name mapped', async () => {
    const { page } = s;
    await page.keyboard.press('Escape');
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-import-table').click();
    const picker = page.getByTestId('import-table-pick');
    await picker.getByTestId('file-path-input').fill(dir);
    await picker.getByTestId('file-path-input').press('Enter');
    await picker.locator('.fb-entry', { hasText: 'graph-export' }).click();
    expect(await picker.getByTestId('import-table-read').textContent()).toBe('Read this folder');
    await picker.getByTestId('import-table-read').click();
    const w = wizard(s);
    await w.waitFor({ timeout: 20_000 });
    expect(await w.locator('h2').textContent()).toContain('Import graph export');
    const parts = w.getByTestId('spec-parts');
    expect(await parts.locator('button').count()).toBe(6);
    await parts.locator('button', { hasText: 'persons.csv' }).click();
    const labels = w.getByTestId('label-kinds');
    expect(await labels.locator('tbody tr').first().textContent()).toContain('Person');
    await previewSettled(s);
    expect(await w.getByTestId('preview-kinds').locator('li[data-kind="x.person"]').count()).toBe(1);

    await labels.getByTestId('label-kind-Person').selectOption('subject');
    await w.getByText('Map a column to Last name').waitFor();
    await role(s, 'name').selectOption('field:last_name');
    await previewSettled(s);
    await w.getByText('Map a column to Last name').waitFor({ state: 'hidden' });
    expect(await w.getByTestId('preview-kinds').locator('li[data-kind="subject"] .itw-kc-n').textContent()).toBe('24');
    // The relationship types keep their own kinds, each shown with what it becomes.
    await parts.locator('button', { hasText: 'uses.csv' }).click();
    const uses = w.getByTestId('type-kinds').getByLabel('USES becomes');
    expect(await uses.inputValue()).toBe('x.uses');
    // A link kind of the analyst's own, named in the wizard.
    await uses.selectOption('__new__');
    await w.getByTestId('custom-kind-label').fill('uses phone');
    await w.getByTestId('custom-kind-label').press('Enter');
    expect(await w.getByTestId('custom-kind-form').isVisible()).toBe(true);
    await w.getByTestId('custom-kind-save').click();
    expect(await uses.inputValue()).toBe('x.uses_phone');
    await previewSettled(s);
    expect(await w.getByTestId('preview-kinds').locator('li[data-link-kind="x.uses_phone"] .itw-kc-label').textContent()).toBe('uses phone');
    await clearToasts(s);
    await s.shot('import-table-neo4j');
    await page.keyboard.press('Escape');
    await w.waitFor({ state: 'hidden' });
  });
});
