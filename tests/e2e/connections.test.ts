/**
 * End to end in real Chromium over web mode: add a PostgreSQL connection by pasting its URL,
 * save and test it, reload, and query it without retyping the password; a prod SQLite connection
 * asks before a destructive statement; profiles export and import. Screenshots land in
 * test-results/ (connection-dialog.png, prod-confirm.png).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { App } from '../../src/main/app/createApp';
import type { WebServer } from '../../src/main/web/server';
import { chromiumMissing } from '../harness/chromium';
import { MISSING_PG, pgUrl } from '../harness/servers';
import { startWebSession, stopWebSession } from '../harness/webSession';

const missing = chromiumMissing();
if (missing) console.warn(missing);
const PG = pgUrl();
if (!PG) console.warn(MISSING_PG);

const RESULTS = path.resolve('test-results');

describe.skipIf(missing !== null)('connections in Chromium (web mode)', () => {
  let home: string;
  let app: App;
  let server: WebServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    ({ home, app, server, browser } = await startWebSession('qg-e2e-conn-'));
    context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      colorScheme: 'light',
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(server.url).origin,
    });
    fs.mkdirSync(RESULTS, { recursive: true });
  });

  afterAll(async () => {
    // Leave no test password behind in a real keychain.
    if (app) {
      for (const c of await app.handlers['connections.list']({}))
        if (!c.isDemo) await app.handlers['connections.delete']({ connectionId: c.id });
    }
    await context?.close();
    await stopWebSession({ browser, server, app, home });
  });

  async function openPage(): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.getByTestId('connection-item').first().waitFor();
    return { page, errors };
  }

  async function paste(page: Page, field: string, text: string): Promise<void> {
    // Strings, because this file is type-checked without the DOM library.
    await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
    await page.getByTestId('connection-dialog').getByLabel(field, { exact: true }).focus();
    await page.keyboard.press('Control+V');
  }

  it.skipIf(!PG)(
    'adds PostgreSQL from a pasted URL, tests it, and queries after a reload',
    async () => {
      const url = new URL(PG!);
      const { page, errors } = await openPage();
      await page.getByRole('button', { name: 'New connection' }).click();
      const dialog = page.getByTestId('connection-dialog');
      await dialog.waitFor();

      // A URL the dialog cannot read is explained next to the field.
      await paste(page, 'Paste URL', 'redis://localhost:6379');
      await expect.poll(() => dialog.getByRole('alert').first().textContent()).toMatch(
        /Unknown URL scheme "redis:"/,
      );

      await page.getByLabel('Paste URL', { exact: true }).fill('');
      await paste(page, 'Paste URL', PG!);
      await expect.poll(() => page.getByLabel('Host', { exact: true }).inputValue()).toBe(
        url.hostname,
      );
      await expect.poll(() => page.getByLabel('Port', { exact: true }).inputValue()).toBe(url.port);
      await expect.poll(() => page.getByLabel('User', { exact: true }).inputValue()).toBe(
        decodeURIComponent(url.username),
      );
      await expect.poll(() => page.getByLabel('Database', { exact: true }).inputValue()).toBe(
        url.pathname.slice(1),
      );
      await expect.poll(() => page.getByLabel('Password', { exact: true }).inputValue()).toBe(
        decodeURIComponent(url.password),
      );
      await expect
        .poll(() => page.getByRole('radio', { name: 'PostgreSQL' }).getAttribute('aria-checked'))
        .toBe('true');
      await page.getByLabel('Name', { exact: true }).fill('Local PG');
      await page.getByRole('radio', { name: 'Dev' }).click();

      await dialog.getByRole('button', { name: 'Save & test' }).click();
      await expect.poll(() =>
        page.getByTestId('test-result').filter({ hasText: 'Connected' }).textContent(),
      ).toMatch(/^Connected: PostgreSQL \d+.* · \d+ ms$/);
      // Saved now: the password field says where the password went, and the button only tests.
      await expect.poll(() =>
        page.getByLabel('Password', { exact: true }).getAttribute('placeholder'),
      ).toMatch(/saved in/);
      await dialog.getByRole('button', { name: 'Test connection' }).waitFor();
      await page.screenshot({ path: path.join(RESULTS, 'connection-dialog.png') });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: path.join(RESULTS, 'connection-dialog-dark.png') });
      await page.emulateMedia({ colorScheme: 'light' });
      await dialog.getByRole('button', { name: 'Save', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });

      // "Copy as URL" from the sidebar never carries the password.
      const item = page.getByTestId('connection-item').filter({ hasText: 'Local PG' });
      await item.click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Copy as URL' }).waitFor();
      await page.screenshot({ path: path.join(RESULTS, 'connection-menu.png') });
      await page.getByRole('menuitem', { name: 'Copy as URL' }).click();
      await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
      const copied = String(await page.evaluate('navigator.clipboard.readText()'));
      expect(copied).toContain(`@${url.hostname}:${url.port}/`);
      expect(copied).not.toContain(decodeURIComponent(url.password));

      await page.reload();
      await page.getByTestId('connection-item').filter({ hasText: 'Local PG' }).click();
      const panel = page.getByRole('region', { name: 'Query Local PG' });
      await panel.getByRole('textbox', { name: 'SQL editor' }).fill('SELECT 1 AS one');
      await panel.getByRole('button', { name: 'Run', exact: true }).click();
      const grid = panel.getByTestId('result-grid');
      await grid.waitFor();
      await expect.poll(() => grid.locator('[role=columnheader]').first().textContent()).toContain('one');
      await expect
        .poll(() => grid.locator('[role=row][aria-rowindex="1"] [role=gridcell]').first().textContent())
        .toBe('1');
      expect(errors).toEqual([]);
      await page.close();
    },
    90_000,
  );

  it('asks before a destructive statement on a prod connection', { timeout: 90_000 }, async () => {
    const file = path.join(home, 'prod.db');
    const db = new Database(file);
    db.exec(
      "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t (v) VALUES ('a'), ('b'), ('c');",
    );
    db.close();
    const rows = (): number => {
      const ro = new Database(file, { readonly: true });
      try {
        return (ro.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
      } finally {
        ro.close();
      }
    };

    const { page, errors } = await openPage();
    await page.getByRole('button', { name: 'New connection' }).click();
    const dialog = page.getByTestId('connection-dialog');
    await page.getByRole('radio', { name: 'SQLite' }).click();
    // Validation: nothing is saved without a name and a file.
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.getByText('Give the connection a name.').waitFor();
    await dialog.getByText('Enter the path of the SQLite database file.').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Billing');
    await page.getByLabel('Database file', { exact: true }).fill(file);
    await page.getByRole('radio', { name: 'Production' }).click();
    await page.getByRole('radio', { name: 'Colour #d1303f' }).click();
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('connection-item').filter({ hasText: 'Billing' }).click();
    const tab = page.getByRole('tab', { name: /Billing/ });
    await expect.poll(() => tab.textContent()).toContain('PROD');
    // The Billing tab's own panel (the earlier test's tab is restored beside it).
    const panel = page.getByRole('region', { name: 'Query Billing' });
    await panel.getByRole('textbox', { name: 'SQL editor' }).fill('DELETE FROM t');
    await panel.getByRole('button', { name: 'Run', exact: true }).click();
    const confirm = page.getByTestId('confirm-run-dialog');
    await confirm.waitFor();
    await expect.poll(() => confirm.textContent()).toMatch(/DELETE FROM t/);
    await expect.poll(() => confirm.getByRole('heading').textContent()).toMatch(/PRODUCTION/);
    await page.screenshot({ path: path.join(RESULTS, 'prod-confirm.png') });

    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText('Nothing ran: the script was not confirmed.').waitFor();
    expect(rows()).toBe(3);

    await panel.getByRole('button', { name: 'Run', exact: true }).click();
    await confirm.getByRole('button', { name: 'Run anyway' }).click();
    await page.getByText(/3 rows affected/).waitFor();
    expect(rows()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports profiles with an encrypted password and imports them back', { timeout: 90_000 }, async () => {
    await app.handlers['connections.save']({
      name: 'Exported',
      engine: 'postgres',
      params: { host: 'db.example.com', user: 'app' },
      password: 'hunter2-export',
    });
    const { page, errors } = await openPage();
    await page.getByRole('button', { name: 'Import or export connections' }).click();
    await page.getByRole('menuitem', { name: 'Export connections…' }).click();
    const exportDialog = page.getByTestId('export-dialog');
    await page.getByLabel('Passphrase (optional)', { exact: true }).fill('short');
    await exportDialog.getByText(/at least 8 characters/).waitFor();
    await page.getByLabel('Passphrase (optional)', { exact: true }).fill('correct horse');
    await exportDialog.getByRole('button', { name: 'Export' }).click();
    await expect.poll(() => page.getByTestId('transfer-result').textContent()).toMatch(/passwords included, encrypted/);
    const result = await page.getByTestId('transfer-result').textContent();
    const exported = /to (.+\.json) \(/.exec(result ?? '')?.[1];
    expect(exported && fs.existsSync(exported)).toBe(true);
    expect(fs.readFileSync(exported!, 'utf8')).not.toContain('hunter2-export');
    await exportDialog.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Import or export connections' }).click();
    await page.getByRole('menuitem', { name: 'Import connections…' }).click();
    const importDialog = page.getByTestId('import-dialog');
    await page.getByLabel('Export file', { exact: true }).setInputFiles(exported!);
    await page.getByLabel('Passphrase', { exact: true }).fill('wrong passphrase');
    await importDialog.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByTestId('transfer-result').textContent()).toMatch(/^[A-Z_]+: /);
    await page.getByLabel('Passphrase', { exact: true }).fill('correct horse');
    await importDialog.getByRole('button', { name: 'Import' }).click();
    await page.getByTestId('transfer-result').filter({ hasText: 'Imported:' }).waitFor();
    await expect.poll(() => page.getByTestId('transfer-result').textContent()).toMatch(
      /Exported.*\(with passwords\)/,
    );
    await importDialog.getByRole('button', { name: 'Done' }).click();
    const copy = page.getByTestId('connection-item').filter({ hasText: /Exported \S/ });
    await copy.first().waitFor();
    const list = await app.handlers['connections.list']({});
    expect(list.filter((c) => c.name.startsWith('Exported') && c.hasSecret)).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  });
});
