/**
 * End to end in Chromium over web mode, on the demo database: the results grid shows a query,
 * scrolls to row 1,000,000 of a million-row result, sorts, opens the cell viewer, cancels a long
 * query, and exports a result to CSV that matches the database row for row.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../src/main/app/createApp';
import type { WebServer } from '../../src/main/web/server';
import { chromiumMissing } from '../harness/chromium';
import { startWebSession, stopWebSession } from '../harness/webSession';

const missing = chromiumMissing();
if (missing) console.warn(missing);
const RESULTS = path.resolve('test-results');
const MILLION = `WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g+1 FROM s WHERE g < 1000000) SELECT g, g*2, 'row ' || g FROM s`;
const ENDLESS = `WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g+1 FROM s WHERE g < 1000000000) SELECT g, 'row ' || g FROM s`;

/** A CSV field as the export writes it (RFC 4180; NULL empty, '' quoted). */
function csvField(v: string | number | null): string {
  if (v === null) return '';
  const text = String(v);
  if (text === '') return '""';
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Replaces the editor's text and runs the whole script. The run state still says "Done" for
 * the previous run until this one starts: wait for this run's own output, not for "Done".
 */
async function runSql(page: Page, sql: string): Promise<void> {
  const editor = page.getByTestId('sql-editor');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(sql);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Run all' }).click();
}

/** Text of the cells of the grid row with 1-based number `n`. */
async function rowCells(page: Page, n: number): Promise<string[]> {
  return page.locator(`[role="row"][aria-rowindex="${n}"] [role="gridcell"]`).allTextContents();
}

describe.skipIf(missing !== null)('the results grid in Chromium (web mode)', () => {
  let home: string;
  let app: App;
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ home, app, server, browser } = await startWebSession('qg-e2e-results-'));
    fs.mkdirSync(RESULTS, { recursive: true });
    page = await browser.newPage({ viewport: { width: 1360, height: 820 }, colorScheme: 'light' });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Open the demo database' }).click();
    await page.getByTestId('sql-editor').waitFor();
  }, 180_000);

  afterAll(async () => {
    await stopWebSession({ browser, server, app, home });
  });

  it('shows a query in the grid with NULLs distinct, and sorts it by a header click', { timeout: 90_000 }, async () => {
    await runSql(page, 'SELECT id, first_name, last_name, phone, city, country FROM customers ORDER BY id');
    const results = page.getByRole('region', { name: 'Results' });
    await results.getByTestId('run-state').filter({ hasText: 'Done' }).waitFor();
    await page.getByTestId('result-grid').waitFor();
    await expect.poll(async () => (await rowCells(page, 1))[0]).toBe('1');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/^[\d,]+ rows/);
    const count = await page.getByTestId('result-count').textContent();
    await page.screenshot({ path: path.join(RESULTS, 'results-grid.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(RESULTS, 'results-grid-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    // Sorting by id descending in the grid (a complete, small result is sorted client-side).
    const idHeader = page.getByRole('columnheader').filter({ hasText: 'id' }).first();
    await idHeader.click();
    await idHeader.click();
    await expect.poll(() => idHeader.getAttribute('aria-sort')).toBe('descending');
    const total = Number(count!.replace(/[^\d]/g, ''));
    await expect.poll(async () => (await rowCells(page, 1))[0]).toBe(String(total));
  });

  it('filters, reorders and resizes columns, and copies a selection as CSV', { timeout: 90_000 }, async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await runSql(page, 'SELECT id, first_name, last_name, phone FROM customers ORDER BY id');
    await page.getByRole('region', { name: 'Results' }).getByTestId('run-state').filter({ hasText: 'Done' }).waitFor();
    const headers = page.getByRole('columnheader');
    await expect.poll(() => headers.allTextContents()).toEqual(['idinteger', 'first_nametext', 'last_nametext', 'phonetext']);

    // Drag "last_name" before "first_name".
    const from = (await headers.nth(2).boundingBox())!;
    const to = (await headers.nth(1).boundingBox())!;
    await page.mouse.move(from.x + 20, from.y + 10);
    await page.mouse.down();
    await page.mouse.move(to.x + 30, to.y + 10, { steps: 5 });
    await page.mouse.move(to.x + 10, to.y + 10, { steps: 2 });
    await page.mouse.up();
    await expect.poll(async () => (await headers.allTextContents()).map((t) => t.replace(/text|integer/, ''))).toEqual(['id', 'last_name', 'first_name', 'phone']);

    // Widen "phone" by dragging its right edge.
    const phone = (await headers.nth(3).boundingBox())!;
    await page.mouse.move(phone.x + phone.width - 1, phone.y + 10);
    await page.mouse.down();
    await page.mouse.move(phone.x + phone.width + 80, phone.y + 10, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await headers.nth(3).boundingBox())!.width).toBeGreaterThan(phone.width + 60);

    // Filter first names in the grid.
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('textbox', { name: 'Filter first_name' }).fill('yuki');
    await page.keyboard.press('Enter');
    await page.getByText('sorted/filtered', { exact: true }).waitFor();
    await expect.poll(async () => (await rowCells(page, 1))[2]).toBe('Yuki');
    const filteredCount = async (): Promise<number> =>
      Number(((await page.getByTestId('result-count').textContent()) ?? '').replace(/[^\d]/g, ''));
    await expect.poll(filteredCount).toSatisfy((n: number) => n > 0 && n < 5000);

    // Select the first two rows by their numbers and copy them as CSV (columns in screen order).
    await page.locator('[role="row"][aria-rowindex="1"] .grid-rownum').click();
    await page.locator('[role="row"][aria-rowindex="2"] .grid-rownum').click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: 'Copy as…' }).click();
    await page.getByRole('menuitem', { name: 'CSV' }).click();
    await page.getByText(/Copied 2 rows as CSV/).waitFor();
    const clip = (await page.evaluate('navigator.clipboard.readText()')) as string;
    const lines = clip.split('\n');
    expect(lines[0]).toBe('id,last_name,first_name,phone');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^\d+,[^,]+,Yuki,/);

    // Right click a cell: copy just its value.
    await page.locator('[role="row"][aria-rowindex="1"] [role="gridcell"]').nth(2).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Copy value' }).click();
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe('Yuki');
    await page.getByRole('button', { name: 'Filter' }).click();
  });

  it('opens long text, JSON and binary cells in the viewer', { timeout: 90_000 }, async () => {
    await runSql(
      page,
      `SELECT json_object('id', 7, 'tags', json_array('a', 'b'), 'nested', json_object('ok', 1)) AS doc, x'48656c6c6f00ff' AS bytes, NULL AS empty_value`,
    );
    await page.getByRole('region', { name: 'Results' }).getByTestId('run-state').filter({ hasText: 'Done' }).waitFor({ timeout: 30_000 });
    const cells = page.locator('[role="row"][aria-rowindex="1"] [role="gridcell"]');
    await expect.poll(() => cells.nth(2).textContent()).toBe('NULL');
    expect(await cells.nth(2).getAttribute('class')).toContain('cell-null');
    await cells.nth(1).dblclick();
    await expect.poll(() => page.getByTestId('cell-viewer').textContent()).toContain('48 65 6c 6c 6f 00 ff');
    await cells.nth(0).dblclick();
    const viewer = page.getByTestId('cell-viewer');
    await expect.poll(() => viewer.locator('pre').textContent()).toContain('"tags": [\n    "a",');
    await page.screenshot({ path: path.join(RESULTS, 'results-cell-viewer.png') });
    await viewer.getByRole('button', { name: 'Close cell viewer' }).click();
  });

  it('shows each result set of a script as a sub-tab, and rows affected in Messages', { timeout: 90_000 }, async () => {
    await runSql(
      page,
      "SELECT 1 AS first_set;\nCREATE TEMP TABLE t_rs(x);\nINSERT INTO t_rs VALUES (1), (2), (3);\nSELECT 'two' AS second_set, x FROM t_rs;",
    );
    const results = page.getByRole('region', { name: 'Results' });
    await results.getByTestId('run-state').filter({ hasText: 'Done' }).waitFor();
    await expect.poll(() => results.getByRole('tab').allTextContents()).toEqual(['Result 1', 'Result 2', 'Messages']);
    await results.getByRole('tab', { name: 'Result 2' }).click();
    await expect.poll(() => rowCells(page, 3)).toEqual(['two', '3']);
    await results.getByRole('tab', { name: 'Messages' }).click();
    await expect.poll(() => results.getByTestId('result-messages').textContent()).toContain('3 rows affected');

    await runSql(page, 'SELECT * FROM customers WHERE id < 0');
    await results.getByText('No rows').waitFor();
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('0 rows');
  });

  it('scrolls a 1,000,000-row result to its last row, and sorts it on the server', async () => {
    await runSql(page, MILLION);
    const results = page.getByRole('region', { name: 'Results' });
    // "Done" may still be the previous run's: the count is what says this one finished.
    await page.getByTestId('result-count').filter({ hasText: '1,000,000 rows' }).waitFor({ timeout: 120_000 });
    await expect.poll(() => rowCells(page, 1)).toEqual(['1', '2', 'row 1']);

    const grid = page.getByTestId('result-grid');
    await page.locator('[role="row"][aria-rowindex="1"] [role="gridcell"]').first().click();
    await grid.press('Control+End');
    const last = page.locator('[role="row"][aria-rowindex="1000000"]');
    await last.waitFor();
    await expect.poll(() => rowCells(page, 1_000_000)).toEqual(['1000000', '2000000', 'row 1000000']);
    // The last row ends inside the grid's box (once the scroll has settled).
    await expect
      .poll(async () => {
        const box = (await last.boundingBox())!;
        const gridBox = (await grid.boundingBox())!;
        return box.y + box.height - (gridBox.y + gridBox.height);
      })
      .toBeLessThanOrEqual(1);
    await page.screenshot({ path: path.join(RESULTS, 'results-end.png') });

    // Export the whole million rows, watch the progress, and cancel it.
    await results.getByRole('button', { name: 'Export…' }).click();
    await page.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click();
    await page.getByTestId('export-status').filter({ hasText: /Exporting Excel/ }).waitFor();
    await page.getByTestId('export-status').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('export-status').filter({ hasText: 'Export cancelled' }).waitFor({ timeout: 30_000 });

    // The middle, by dragging the scroll bar: the right rows arrive from the spool.
    // A string: this file is type-checked without the DOM library.
    await page.evaluate(
      `(() => { const el = document.querySelector('[data-testid="result-grid"]'); el.scrollTop = (el.scrollHeight - el.clientHeight) / 2; })()`,
    );
    const middle = page.locator('[role="row"]').nth(15);
    await expect.poll(async () => {
      const n = Number(await middle.getAttribute('aria-rowindex'));
      const cells = await rowCells(page, n);
      return n > 400_000 && n < 600_000 && cells[2] === `row ${n}`;
    }).toBe(true);

    // Too large for the renderer: the statement is re-run sorted by the database.
    const gHeader = page.getByRole('columnheader').first();
    await gHeader.click();
    await expect.poll(() => gHeader.getAttribute('aria-sort')).toBe('ascending');
    await gHeader.click();
    await page.getByText('sorted/filtered by the server').waitFor();
    await expect.poll(() => rowCells(page, 1), { timeout: 60_000 }).toEqual(['1000000', '2000000', 'row 1000000']);
  }, 240_000);

  it('cancels a long query while its row count grows', async () => {
    await runSql(page, ENDLESS);
    const results = page.getByRole('region', { name: 'Results' });
    await results.getByTestId('run-state').filter({ hasText: 'Running' }).waitFor();
    await expect.poll(async () => Number(((await page.getByTestId('result-count').textContent()) ?? '').replace(/[^\d]/g, '')), { timeout: 30_000 }).toBeGreaterThan(1000);
    await page.screenshot({ path: path.join(RESULTS, 'results-streaming.png') });
    await results.getByRole('button', { name: 'Cancel' }).click();
    await results.getByTestId('run-state').filter({ hasText: 'Cancelled' }).waitFor({ timeout: 30_000 });
    // The rows received before the cancel stay browsable.
    await expect.poll(() => rowCells(page, 1)).toEqual(['1', 'row 1']);
    await results.getByRole('tab', { name: /Messages/ }).click();
    await expect.poll(() => results.getByTestId('result-messages').textContent()).toMatch(/Cancelled after [\d,]+ rows/);
    await page.screenshot({ path: path.join(RESULTS, 'results-messages.png') });
  }, 90_000);

  it('exports a whole result to CSV that matches the database', { timeout: 90_000 }, async () => {
    const sql = 'SELECT id, first_name, last_name, email, phone, city, country, created_at FROM customers ORDER BY id';
    await runSql(page, sql);
    const results = page.getByRole('region', { name: 'Results' });
    await results.getByTestId('run-state').filter({ hasText: 'Done' }).waitFor();
    await results.getByRole('button', { name: 'Export…' }).click();
    await page.getByRole('menuitem', { name: 'CSV' }).click();
    const file = await page.getByTestId('export-path').textContent({ timeout: 30_000 });
    const csv = fs.readFileSync(file!, 'utf8');

    const db = new Database(path.join(home, 'demo.sqlite'), { readonly: true });
    const rows = db.prepare(sql).raw().all() as Array<Array<string | number | null>>;
    db.close();
    const expected =
      ['id,first_name,last_name,email,phone,city,country,created_at', ...rows.map((r) => r.map(csvField).join(','))].join('\n') + '\n';
    expect(rows.length).toBeGreaterThan(100);
    expect(csv).toBe(expected);
    expect(errors).toEqual([]);
  });
});
