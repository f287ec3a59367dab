/**
 * End to end in real Chromium over web mode: the "Generate mock data…" dialog on the demo
 * database previews sample rows, inserts 100 rows into `suppliers` with a progress bar, and the
 * table's count grows by 100.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../src/main/app/createApp';
import type { WebServer } from '../../src/main/web/server';
import { chromiumMissing } from '../harness/chromium';
import { startAiStandIn } from '../harness/aiStandIn';
import { openDemoEditor, startWebSession, stopWebSession } from '../harness/webSession';

const missing = chromiumMissing();
if (missing) console.warn(missing);
const RESULTS = path.resolve('test-results');

let counts = 0;

/**
 * Counts the suppliers through the editor. Each count gets its own column name: the grid still
 * shows the previous count until this run's result replaces it.
 */
async function countSuppliers(page: Page): Promise<number> {
  const column = `n_${++counts}`;
  await page.getByRole('textbox', { name: 'SQL editor' }).fill(`SELECT count(*) AS ${column} FROM suppliers`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const grid = page.getByTestId('result-grid');
  await grid.getByRole('columnheader').filter({ hasText: column }).waitFor();
  const cell = grid.locator('[role=row][aria-rowindex="1"] [role=gridcell]').first();
  await expect.poll(() => cell.textContent()).toMatch(/^\d+$/);
  return Number(await cell.textContent());
}

describe.skipIf(missing !== null)('mock data dialog in Chromium (web mode)', () => {
  let home: string;
  let app: App;
  let server: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ home, app, server, browser } = await startWebSession('qg-e2e-mock-'));
    fs.mkdirSync(RESULTS, { recursive: true });
  });

  afterAll(async () => {
    await stopWebSession({ browser, server, app, home });
  });

  it('previews and inserts 100 suppliers from the connection menu', { timeout: 90_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);

    await page.getByRole('button', { name: 'Open the demo database' }).click();
    const before = await countSuppliers(page);
    expect(before).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Actions for Demo (SQLite)' }).click();
    await page.getByRole('menuitem', { name: 'Generate mock data…' }).click();
    const dialog = page.getByTestId('mock-dialog');
    await dialog.getByRole('checkbox', { name: 'suppliers', exact: true }).check();
    await dialog.getByLabel('Rows per table').fill('100');
    await dialog.getByTestId('mock-plan').filter({ hasText: 'suppliers' }).waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'mock-dialog-settings.png') });

    await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = dialog.getByTestId('mock-preview');
    await preview.locator('tbody tr').first().waitFor();
    await expect.poll(() => preview.locator('th').allTextContents()).toContain('email');
    await expect.poll(() => preview.locator('tbody tr').count()).toBe(10);
    await page.screenshot({ path: path.join(RESULTS, 'mock-dialog.png') });

    await dialog.getByRole('button', { name: 'Insert', exact: true }).click();
    await dialog.getByTestId('mock-notice').filter({ hasText: 'Inserted 100 rows' }).waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'mock-dialog-inserted.png') });
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await dialog.waitFor({ state: 'detached' });

    expect(await countSuppliers(page)).toBe(before + 100);

    // The command palette opens the same dialog for the active tab's connection.
    await page.getByRole('textbox', { name: 'SQL editor' }).click();
    await page.keyboard.press('Control+K');
    await page.getByPlaceholder('Type a command…').fill('mock');
    await page.getByTestId('command-palette').getByText(/Generate mock data/).click();
    await page.getByTestId('mock-dialog').getByRole('checkbox', { name: 'suppliers', exact: true }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('uses the column overrides the user sets in the Columns tab', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    page.setDefaultTimeout(20_000);
    await openDemoEditor(page, server.url);
    await page.getByRole('button', { name: 'Actions for Demo (SQLite)' }).click();
    await page.getByRole('menuitem', { name: 'Generate mock data…' }).click();
    const dialog = page.getByTestId('mock-dialog');
    await dialog.getByRole('checkbox', { name: 'suppliers', exact: true }).check();
    await dialog.getByRole('tab', { name: 'Columns' }).click();
    const columns = dialog.getByTestId('mock-columns');
    await columns.getByLabel('Fixed values of city').fill('Oslo, Lima');
    await columns.getByLabel('NULL percent of contact_name').fill('100');
    await columns.getByLabel('Minimum of phone').fill('x');
    await expect.poll(() => dialog.getByRole('button', { name: 'Preview', exact: true }).isDisabled()).toBe(true);
    await columns.getByLabel('Minimum of phone').fill('');

    // AI suggestions are listed for review and applied only on request.
    const standIn = await startAiStandIn();
    try {
      await app.handlers['ai.providers.save']({ kind: 'openai', name: 'Stand-in', baseUrl: standIn.openaiBaseUrl, models: ['gpt-test'], key: 'sk-e2e' });
      standIn.script('openai.chat', { text: '{"suggestions":[{"table":"suppliers","column":"company_name","generator":"company","reason":"a firm"}]}' });
      await columns.getByRole('button', { name: /Suggest generators with AI/ }).click();
      await columns.getByTestId('mock-suggestions').filter({ hasText: 'suppliers.company_name' }).waitFor();
      await expect(columns.getByLabel('Generator of company_name').inputValue()).resolves.toBe('');
      await page.screenshot({ path: path.join(RESULTS, 'mock-dialog-suggestions.png') });
      await columns.getByRole('button', { name: 'Apply suggestions' }).click();
      await expect.poll(() => columns.getByLabel('Generator of company_name').inputValue()).toBe('company');
    } finally {
      await standIn.close();
    }
    await page.screenshot({ path: path.join(RESULTS, 'mock-dialog-columns.png') });
    await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = dialog.getByTestId('mock-preview');
    await preview.locator('tbody tr').first().waitFor();
    const headers = await preview.locator('th').allTextContents();
    const cityAt = headers.indexOf('city');
    const contactAt = headers.indexOf('contact_name');
    const rows = await preview.locator('tbody tr').all();
    for (const row of rows) {
      const cells = await row.locator('td').allTextContents();
      expect(['Oslo', 'Lima']).toContain(cells[cityAt]);
      expect(cells[contactAt]).toBe('NULL');
    }
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await page.close();
  }, 60_000);

  it('takes a row count per ticked table beside it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    page.setDefaultTimeout(20_000);
    await openDemoEditor(page, server.url);
    await page.getByRole('button', { name: 'Actions for Demo (SQLite)' }).click();
    await page.getByRole('menuitem', { name: 'Generate mock data…' }).click();
    const dialog = page.getByTestId('mock-dialog');
    await dialog.getByRole('checkbox', { name: 'suppliers', exact: true }).check();
    await dialog.getByRole('checkbox', { name: 'employees', exact: true }).check();
    await dialog.getByLabel('Rows per table').fill('5');
    await dialog.getByLabel('Rows for employees').fill('12');
    await page.screenshot({ path: path.join(RESULTS, 'mock-dialog-table-rows.png') });
    await dialog.getByRole('button', { name: 'Insert', exact: true }).click();
    const notice = dialog.getByTestId('mock-notice');
    await notice.filter({ hasText: 'Inserted 17 rows' }).waitFor();
    await expect.poll(() => notice.textContent()).toMatch(/employees 12/);
    await expect.poll(() => notice.textContent()).toMatch(/suppliers 5/);
    await dialog.getByLabel('Rows for employees').fill('many');
    await dialog.getByText(/Rows for employees: a whole number/).waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await page.close();
  }, 60_000);

  it('shows progress while inserting, and Cancel rolls everything back', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    page.setDefaultTimeout(20_000);
    // The first test's editor tab is restored; otherwise the demo is opened.
    await openDemoEditor(page, server.url);
    const before = await countSuppliers(page);

    await page.getByRole('button', { name: 'Actions for Demo (SQLite)' }).click();
    await page.getByRole('menuitem', { name: 'Generate mock data…' }).click();
    const dialog = page.getByTestId('mock-dialog');
    await dialog.getByRole('checkbox', { name: 'suppliers', exact: true }).check();
    await dialog.getByLabel('Rows per table').fill('1000000');
    await dialog.getByRole('button', { name: 'Insert', exact: true }).click();
    await dialog.getByTestId('mock-progress').filter({ hasText: '/ 1,000,000 rows' }).waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'mock-dialog-progress.png') });
    await dialog.getByRole('button', { name: 'Cancel insert' }).click();
    await dialog.getByTestId('mock-notice').filter({ hasText: 'Cancelled' }).waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();

    expect(await countSuppliers(page)).toBe(before);
    await page.close();
  }, 60_000);
});
