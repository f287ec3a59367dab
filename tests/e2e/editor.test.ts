/**
 * The SQL editor end to end in Chromium over web mode, on the demo database: completion of an
 * alias's columns, run with Ctrl+Enter, an error marked in the editor, a parameter prompt, the
 * command palette, and the tab's text restored after a reload.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../src/main/app/createApp';
import type { WebServer } from '../../src/main/web/server';
import { parseConnectionUrl } from '../../src/shared/connection';
import { chromiumMissing } from '../harness/chromium';
import { pgUrl } from '../harness/servers';
import { startWebSession, stopWebSession } from '../harness/webSession';

const missing = chromiumMissing();
if (missing) console.warn(missing);
const RESULTS = path.resolve('test-results');
const PG = pgUrl();

/** Replaces the editor's whole text by typing (so completion and keymaps see real keys). */
async function setEditorText(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Presses Enter once the popup has `label` selected (the list updates asynchronously). */
async function accept(page: Page, label: string): Promise<void> {
  // A popup waiting for a source to answer again is disabled: Enter would insert a newline.
  const selected = page.locator('.cm-tooltip-autocomplete:not(.cm-tooltip-autocomplete-disabled) li[aria-selected] .cm-completionLabel');
  await expect.poll(() => selected.textContent()).toBe(label);
  // CodeMirror ignores Enter for 75 ms after the popup (re)opens, so fast typists do not accept
  // by accident; a person reading the list is slower than that.
  await page.waitForTimeout(120);
  await page.keyboard.press('Enter');
}

// String snippets: this file is type-checked without the DOM library.
const EDITOR_TEXT = "[...document.querySelectorAll('.cm-content .cm-line')].map((l) => l.textContent).join('\\n')";
const FOCUS_IN_EDITOR = "Boolean(document.activeElement && document.activeElement.closest('.cm-editor'))";

describe.skipIf(missing !== null)('the SQL editor in Chromium (web mode)', () => {
  let home: string;
  let app: App;
  let server: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ home, app, server, browser } = await startWebSession('qg-e2e-editor-'));
    fs.mkdirSync(RESULTS, { recursive: true });
  });

  afterAll(async () => {
    await stopWebSession({ browser, server, app, home });
  });

  it('completes alias columns, runs, marks errors, prompts for parameters and restores the tab', { timeout: 90_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Open the demo database' }).click();
    await page.locator('.cm-content').waitFor();
    await page.locator('.sql-editor[data-schema-ready="true"]').waitFor();

    // Completion after an alias: the FROM comes after the cursor, as when editing a select list.
    await setEditorText(page, 'SELECT  FROM orders o\nWHERE o.id <= 5\nORDER BY o.id;');
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 'SELECT '.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.type('o.');
    const popup = page.locator('.cm-tooltip-autocomplete');
    // The popup can open before every completion source has answered: wait for the columns.
    await expect
      .poll(() => popup.locator('li .cm-completionLabel').allTextContents())
      .toEqual(expect.arrayContaining(['id', 'customer_id', 'status', 'ordered_at', 'ship_city']));
    const offered = await popup.locator('li .cm-completionLabel').allTextContents();
    expect(offered).not.toContain('first_name'); // a customers column: not in scope of `o`
    await page.screenshot({ path: path.join(RESULTS, 'editor-completion.png') });
    await page.keyboard.type('sta');
    await accept(page, 'status');
    await page.keyboard.type(', o.ship_city');
    await expect.poll(() => page.evaluate(EDITOR_TEXT)).toMatch(/^SELECT o\.status, o\.ship_city FROM orders o/);

    // Ctrl+Enter runs the statement; rows show and the focus is back in the editor.
    await page.keyboard.press('Control+Enter');
    const grid = page.getByTestId('result-grid');
    await grid.waitFor();
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('5');
    await expect.poll(() => page.evaluate(FOCUS_IN_EDITOR)).toBe(true);
    await page.screenshot({ path: path.join(RESULTS, 'editor-run.png') });

    // An error is marked in the editor at its place.
    await setEditorText(page, 'SELECT 1;\nSELECT no_such_column FROM orders;');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.cm-error-line').textContent()).toContain('no_such_column');
    await page.screenshot({ path: path.join(RESULTS, 'editor-error.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(RESULTS, 'editor-error-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    // The palette lists actions; "Format SQL" formats in the dialect.
    await setEditorText(page, 'select id from orders where id=1');
    await page.keyboard.press('Control+K');
    await page.getByTestId('command-palette').waitFor();
    await page.keyboard.type('format');
    await page.screenshot({ path: path.join(RESULTS, 'editor-palette.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(EDITOR_TEXT)).toBe('SELECT\n  id\nFROM\n  orders\nWHERE\n  id = 1');

    // A table created in the editor is known to completion right after.
    await setEditorText(page, 'CREATE TABLE gadgets (gadget_id INTEGER PRIMARY KEY, label TEXT)');
    await page.keyboard.press('Control+Enter');
    await setEditorText(page, 'SELECT  FROM gadgets g');
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 'SELECT '.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.type('g.');
    await expect
      .poll(() => popup.locator('li .cm-completionLabel').allTextContents())
      .toEqual(['gadget_id', 'label']);
    await page.keyboard.press('Escape');

    // F1 shows the shortcuts sheet.
    await page.keyboard.press('F1');
    const sheet = page.getByTestId('shortcuts-sheet');
    await sheet.waitFor();
    await expect.poll(() => sheet.textContent()).toContain('Run whole script');
    await page.screenshot({ path: path.join(RESULTS, 'editor-shortcuts.png') });
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });

    // A parameter prompts for its value before running.
    await setEditorText(page, 'SELECT id, status FROM orders WHERE id = :order_id');
    await page.keyboard.press('Control+Enter');
    const dialog = page.getByTestId('params-dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Value of order_id').fill('3');
    await page.screenshot({ path: path.join(RESULTS, 'editor-params.png') });
    await dialog.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('1');
    await expect.poll(() => grid.locator('[role=row][aria-rowindex="1"] [role=gridcell]').first().textContent()).toBe('3');

    // After a reload the tab comes back with its text (saved after a short typing pause).
    await expect
      .poll(async () => (await app.handlers['tabs.list']({})).map((t) => t.sql))
      .toEqual(['SELECT id, status FROM orders WHERE id = :order_id']);
    await page.reload();
    await page.locator('.cm-content').waitFor();
    await expect.poll(() => page.evaluate(EDITOR_TEXT)).toBe('SELECT id, status FROM orders WHERE id = :order_id');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks a tab opened from a saved query when its text differs, also after a reload', { timeout: 90_000 }, async () => {
    const demo = (await app.handlers['connections.list']({})).find((c) => c.isDemo)!;
    const saved = await app.handlers['saved.save']({ name: 'Big orders', connectionId: demo.id, sql: 'SELECT * FROM orders' });
    // A tab left open by an earlier session.
    for (const t of await app.handlers['tabs.list']({})) await app.handlers['tabs.close']({ id: t.id });
    await app.handlers['tabs.save']({ id: 'tab-41', connectionId: demo.id, title: 'Big orders', sql: saved.sql, savedQueryId: saved.id, position: 0 });

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(15_000);
    await page.goto(server.url);
    const tab = page.getByRole('tab', { name: /Big orders/ });
    await tab.waitFor();
    expect(await tab.locator('.tab-dirty').count()).toBe(0);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' WHERE id < 10');
    await tab.locator('.tab-dirty').waitFor();
    await expect
      .poll(async () => (await app.handlers['tabs.list']({}))[0]?.sql)
      .toBe('SELECT * FROM orders WHERE id < 10');
    await page.reload();
    await page.getByRole('tab', { name: /Big orders/ }).locator('.tab-dirty').waitFor();
    await page.close();
  });

  it.skipIf(!PG)('completes schema-qualified tables, alias columns and FK joins on PostgreSQL', { timeout: 90_000 }, async () => {
    const { engine: _engine, password, ...params } = parseConnectionUrl(PG!);
    const conn = await app.handlers['connections.save']({ name: 'PG editor', engine: 'postgres', params, password: password ?? null });
    // A schema of this run only: the server is shared with other test runs.
    const schema = `qg_editor_${randomBytes(4).toString('hex')}`;
    onTestFinished(async () => {
      await app.handlers['query.run']({ connectionId: conn.id, confirmed: true, sql: `DROP SCHEMA IF EXISTS ${schema} CASCADE` }).catch(() => undefined);
    });
    const setup = await app.handlers['query.run']({
      connectionId: conn.id,
      confirmed: true,
      sql: `CREATE SCHEMA ${schema};
        CREATE TABLE ${schema}.customers (id int PRIMARY KEY, full_name text);
        CREATE TABLE ${schema}.orders (id int PRIMARY KEY, customer_id int REFERENCES ${schema}.customers(id), total numeric);
        INSERT INTO ${schema}.customers VALUES (1, 'Ada'), (2, 'Linus');
        INSERT INTO ${schema}.orders VALUES (10, 1, 9.5), (11, 2, 20);`,
    });
    expect(setup.statements.filter((st) => st.error)).toEqual([]);

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(20_000);
    await page.goto(server.url);
    await page.getByTestId('connection-item').filter({ hasText: 'PG editor' }).click();
    // The new tab's own panel: until it shows, the visible panel is the restored demo tab.
    const panel = page.getByRole('region', { name: 'Query PG editor' });
    await panel.locator('.sql-editor[data-schema-ready="true"]').waitFor();
    await panel.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(`SELECT * FROM ${schema}.`);
    const popup = page.locator('.cm-tooltip-autocomplete');
    await expect.poll(() => popup.locator('li .cm-completionLabel').allTextContents()).toEqual(['customers', 'orders']);
    await page.keyboard.type('ord');
    await accept(page, 'orders');
    await page.keyboard.type(` o JOIN ${schema}.customers c ON `);
    await accept(page, 'c.id = o.customer_id');
    await page.keyboard.type(' WHERE o.');
    await expect.poll(() => popup.locator('li .cm-completionLabel').allTextContents()).toEqual(['id', 'customer_id', 'total']);
    await page.keyboard.type('tot');
    await accept(page, 'total');
    await page.keyboard.type(' > 10');
    await page.keyboard.press('Control+Enter');
    const grid = panel.getByTestId('result-grid');
    await grid.waitFor().catch(async (e: unknown) => {
      await page.screenshot({ path: path.join(RESULTS, 'editor-postgres-fail.png') });
      throw e;
    });
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('1');
    // The row's number renders before its cells (the page arrives after the count): poll.
    await expect.poll(() => grid.locator('[role=row][aria-rowindex="1"]').textContent()).toContain('Linus');
    await page.screenshot({ path: path.join(RESULTS, 'editor-postgres.png') });
    await page.close();
  });
});
