/**
 * History, saved queries and the schema explorer end to end in Chromium over web mode, on the
 * demo database: runs recorded and found by a word, a query saved twice and its versions diffed,
 * and the explorer tree expanded down to the columns of `orders`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../src/main/app/createApp';
import type { WebServer } from '../../src/main/web/server';
import { chromiumMissing } from '../harness/chromium';
import { startWebSession, stopWebSession } from '../harness/webSession';

const missing = chromiumMissing();
if (missing) console.warn(missing);
const RESULTS = path.resolve('test-results');

async function runInEditor(page: Page, sql: string): Promise<void> {
  await page.locator('.cm-content').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
  await page.keyboard.press('Control+Shift+Enter');
}

// String snippet: this file is type-checked without the DOM library.
const ACTIVE_EDITOR_TEXT =
  "[...document.querySelectorAll('.tab-panel:not([hidden]) .cm-content .cm-line')].map((l) => l.textContent).join('\\n')";

describe.skipIf(missing !== null)(
  'history, saved queries and explorer in Chromium (web mode)',
  () => {
    let home: string;
    let app: App;
    let server: WebServer;
    let browser: Browser;
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      ({ home, app, server, browser } = await startWebSession('qg-e2e-history-'));
      fs.mkdirSync(RESULTS, { recursive: true });
      page = await browser.newPage({
        viewport: { width: 1280, height: 800 },
        colorScheme: 'light',
      });
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url);
    });

    afterAll(async () => {
      await stopWebSession({ browser, server, app, home });
    });

    it('records runs and finds a past query by a word in it, then re-opens it in a tab', { timeout: 90_000 }, async () => {
      await page.getByRole('button', { name: 'Open the demo database' }).click();
      await page.locator('.cm-content').first().waitFor();
      await page.getByRole('tab', { name: 'History' }).click();
      const items = page.getByTestId('history-item');

      await runInEditor(
        page,
        'SELECT id, company_name, city\nFROM suppliers\nORDER BY company_name;',
      );
      await items.filter({ hasText: 'FROM suppliers' }).waitFor();
      await runInEditor(page, 'SELECT status, count(*) AS orders\nFROM orders\nGROUP BY status;');
      await items.filter({ hasText: 'GROUP BY status' }).waitFor();
      await runInEditor(page, 'SELECT missing_column FROM customers;');
      await items.filter({ hasText: 'missing_column' }).waitFor();
      await expect.poll(() => items.count()).toBe(3);
      await expect.poll(() => items.first().getByRole('img', { name: 'Failed' }).count()).toBe(1);
      await page.screenshot({ path: path.join(RESULTS, 'history.png') });

      await page.getByRole('searchbox', { name: 'Search history' }).fill('suppl');
      await expect.poll(() => items.count()).toBe(1);
      await expect.poll(() => items.first().textContent()).toContain('FROM suppliers');

      // The status filter: only the failed run.
      await page.getByRole('searchbox', { name: 'Search history' }).fill('');
      await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('error');
      await expect.poll(() => items.count()).toBe(1);
      await expect.poll(() => items.first().textContent()).toContain('missing_column');
      await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('');

      // A click re-opens the query in a new editor tab.
      await page.getByRole('searchbox', { name: 'Search history' }).fill('suppliers');
      await expect.poll(() => items.count()).toBe(1);
      await items.first().click();
      await expect.poll(() => page.evaluate(ACTIVE_EDITOR_TEXT)).toContain('FROM suppliers');
    });

    it('saves a query twice and shows the diff between its versions', { timeout: 90_000 }, async () => {
      await page.getByRole('tab', { name: 'Saved' }).click();
      await page.getByRole('button', { name: 'New saved query' }).click();
      const dialog = page.getByTestId('save-query-dialog');
      await dialog.getByLabel('Name').fill('Recent orders');
      await dialog.getByLabel('Folder').fill('reports/daily');
      await dialog.getByLabel('Tags').fill('sales, daily');
      await dialog.getByLabel('Description').fill('The latest orders with their status');
      await dialog
        .getByLabel('SQL')
        .fill('SELECT id, status, ordered_at\nFROM orders\nORDER BY ordered_at DESC\nLIMIT 10;');
      await dialog.getByRole('button', { name: 'Save', exact: true }).click();
      const item = page.getByTestId('saved-item').filter({ hasText: 'Recent orders' });
      await expect.poll(() => item.textContent()).toContain('v1');

      await item.hover();
      await item.getByRole('button', { name: 'Actions for Recent orders' }).click();
      await page.getByRole('menuitem', { name: 'Edit (new version)…' }).click();
      await dialog
        .getByLabel('SQL')
        .fill('SELECT id, status, ordered_at\nFROM orders\nORDER BY ordered_at DESC\nLIMIT 25;');
      await dialog.getByLabel('Version note').fill('Show more rows');
      await dialog.getByRole('button', { name: 'Save new version' }).click();
      await item.filter({ hasText: 'v2' }).waitFor();

      await item.hover();
      await item.getByRole('button', { name: 'Actions for Recent orders' }).click();
      await page.getByRole('menuitem', { name: 'Versions and diff…' }).click();
      const versions = page.getByTestId('versions-dialog');
      await expect.poll(() => versions.getByTestId('version-item').count()).toBe(2);
      const diff = versions.getByTestId('saved-diff');
      await diff.locator('.is-old', { hasText: 'LIMIT 10' }).waitFor();
      await diff.locator('.is-new', { hasText: 'LIMIT 25' }).waitFor();
      await expect.poll(() => diff.locator('.is-old').count()).toBe(1); // only the changed line
      await page.screenshot({ path: path.join(RESULTS, 'saved-diff.png') });

      // Restore version 1: a third version equal to the first.
      await versions.getByTestId('version-item').filter({ hasText: 'v1' }).click();
      await versions.getByRole('button', { name: 'Restore version 1' }).click();
      await expect.poll(() => versions.getByTestId('version-item').count()).toBe(3);
      await versions.getByRole('button', { name: 'Close' }).click();
      await item.filter({ hasText: 'v3' }).waitFor();
    });

    it('expands the demo database down to the columns of orders, and shows its DDL', { timeout: 90_000 }, async () => {
      await page.getByRole('tab', { name: 'Explorer' }).click();
      await page.getByTestId('explorer-connection').filter({ hasText: 'Demo (SQLite)' }).click();
      await page.getByTestId('explorer-group-tables').click();
      const orders = page.getByTestId('explorer-table').filter({ hasText: /^orders$/ });
      await orders.click();
      const columns = page.getByTestId('explorer-column');
      await columns.filter({ hasText: 'customer_id' }).waitFor();
      await expect
        .poll(async () => (await columns.locator('.tree-label').allTextContents()).slice(0, 4))
        .toEqual(['id', 'customer_id', 'employee_id', 'status']);
      await expect.poll(() => columns.filter({ hasText: 'customer_id' }).locator('.key-fk').count()).toBe(1);
      await expect.poll(() => columns.first().locator('.key-pk').count()).toBe(1);
      await page.screenshot({ path: path.join(RESULTS, 'explorer.png') });

      await orders.click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Show DDL' }).click();
      const ddl = page.getByTestId('ddl-text');
      await expect.poll(() => ddl.textContent()).toMatch(/^CREATE TABLE orders \(/);
      const text = (await ddl.textContent()) ?? '';
      expect(text).toContain('REFERENCES customers (id)');
      await page.getByTestId('ddl-dialog').getByRole('button', { name: 'Close' }).click();

      // Double-click: a new tab selects the first 100 rows.
      await orders.dblclick();
      await expect.poll(() => page.evaluate(ACTIVE_EDITOR_TEXT)).toContain('LIMIT 100');
      expect(errors).toEqual([]);
    });
  },
);
