/**
 * "Run statement to CSV file" in Chromium (web mode): the palette command, the menu beside Run and
 * its shortcut; the file's path (copied); the History entry; the confirmation of a destructive statement.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { App } from '../../src/main/app/createApp';
import type { WebServer } from '../../src/main/web/server';
import { parseConnectionUrl } from '../../src/shared/connection';
import { chromiumMissing } from '../harness/chromium';
import { createPgDatabase } from '../harness/databases';
import { pgUrl } from '../harness/servers';
import { openDemoEditor, startWebSession, stopWebSession } from '../harness/webSession';

const missing = chromiumMissing();
if (missing) console.warn(missing);
const SHOTS = '/tmp/shots/runToFile';
const SHOTS2 = '/tmp/shots/rtf2';

describe.skipIf(missing !== null)('Run to file in Chromium (web mode)', () => {
  let home: string;
  let app: App;
  let server: WebServer;
  let browser: Browser;
  beforeAll(async () => {
    ({ home, app, server, browser } = await startWebSession('qg-e2e-tofile-'));
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.mkdirSync(SHOTS2, { recursive: true });
  });
  afterAll(async () => {
    await stopWebSession({ browser, server, app, home });
  });

  it('SQLite: the palette command writes the statement at the cursor and shows the path', { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 800 }, colorScheme: 'light' });
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const editor = await openDemoEditor(page, server.url);
    await editor.fill('SELECT id, email FROM customers ORDER BY id');
    await page.keyboard.press('Control+K');
    await page.getByPlaceholder('Type a command…').fill('csv file');
    await page.screenshot({ path: path.join(SHOTS, 'palette.png') });
    await page.getByTestId('command-palette').getByText('Run statement to CSV file').click();
    const shown = page.getByTestId('run-to-file-path');
    await shown.waitFor();
    const file = (await shown.getAttribute('title'))!;
    expect(path.dirname(file)).toBe(path.join(home, 'exports'));
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^id,email\n1,/);
    await expect.poll(() => page.getByTestId('run-to-file-status').textContent()).toMatch(/Saved [\d,]+ rows/);
    await page.screenshot({ path: path.join(SHOTS, 'done-sqlite.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the menu beside Run writes the file; Copy path; the History pane lists the run with its file', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 800 }, colorScheme: 'light' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const editor = await openDemoEditor(page, server.url);
    await editor.fill('SELECT id, name FROM products ORDER BY id');
    await page.getByRole('button', { name: 'More ways to run' }).click();
    const item = page.getByRole('menuitem', { name: /Run statement to CSV file/ });
    await item.waitFor();
    await page.screenshot({ path: path.join(SHOTS2, 'menu.png') });
    await item.click();
    const shown = page.getByTestId('run-to-file-path');
    await shown.waitFor();
    const file = (await shown.getAttribute('title'))!;
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^id,name\n1,/);
    await page.getByRole('button', { name: 'Copy path' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(file);
    await page.screenshot({ path: path.join(SHOTS2, 'done-copied.png') });

    await page.getByRole('tab', { name: 'History' }).click();
    const entry = page.getByTestId('history-item').filter({ hasText: 'SELECT id, name FROM products ORDER BY id' }).first();
    await entry.waitFor();
    await expect.poll(() => entry.textContent()).toContain(`To CSV file ${path.basename(file)}`);
    await page.screenshot({ path: path.join(SHOTS2, 'history.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('DELETE … RETURNING asks first (Ctrl+Alt+Enter); declined runs nothing, confirmed writes the rows', { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 800 }, colorScheme: 'light' });
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const demoId = (await app.handlers['connections.list']({})).find((c) => c.isDemo)!.id;
    const count = async (): Promise<number> => {
      const r = await app.handlers['query.run']({ connectionId: demoId, sql: 'SELECT count(*) AS n FROM order_items', history: false });
      const set = r.statements[0]!.resultSets[0]!;
      const page0 = await app.handlers['result.page']({ resultId: set.resultId, offset: 0, limit: 1 });
      await app.handlers['result.close']({ resultId: set.resultId });
      return Number(page0.rows[0]![0]);
    };
    const before = await count();
    expect(before).toBeGreaterThan(0);
    const editor = await openDemoEditor(page, server.url);
    await editor.fill('DELETE FROM order_items RETURNING order_id, line_no');
    await editor.click();
    await page.keyboard.press('Control+Alt+Enter');
    const dialog = page.getByTestId('confirm-run-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain('DELETE without WHERE removes every row');
    await page.screenshot({ path: path.join(SHOTS2, 'confirm.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('run-to-file-status').textContent()).toContain('Nothing ran');
    expect(await count()).toBe(before);
    await page.screenshot({ path: path.join(SHOTS2, 'declined.png') });

    await editor.click();
    await page.keyboard.press('Control+Alt+Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Run anyway' }).click();
    const shown = page.getByTestId('run-to-file-path');
    await shown.waitFor();
    const file = (await shown.getAttribute('title'))!;
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^order_id,line_no\n/);
    expect(await count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS2, 'confirmed.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it.skipIf(!pgUrl())('PostgreSQL: COPY writes it, and the status says so', { timeout: 120_000 }, async () => {
    const { password, ...params } = parseConnectionUrl(await createPgDatabase(pgUrl()!, 'qg_e2e_tofile'));
    await app.handlers['connections.save']({ name: 'Files PG', engine: 'postgres', params, ...(password ? { password } : {}) });
    const page = await browser.newPage({ viewport: { width: 1360, height: 800 }, colorScheme: 'light' });
    page.setDefaultTimeout(30_000);
    await page.goto(server.url);
    await page.getByTestId('connection-item').filter({ hasText: 'Files PG' }).click();
    const tab = page.getByRole('region', { name: 'Query Files PG' });
    const editor = tab.getByRole('textbox', { name: 'SQL editor' });
    await editor.fill('SELECT g, md5(g::text), now() FROM generate_series(1, 200000) g');
    await editor.click();
    await page.keyboard.press('Control+K');
    await page.getByPlaceholder('Type a command…').fill('csv file');
    await page.getByTestId('command-palette').getByText('Run statement to CSV file').click();
    const status = tab.getByTestId('run-to-file-status');
    await expect.poll(() => status.textContent()).toMatch(/Saved 200,000 rows \([\d.]+ [KM]B, COPY\)/);
    await page.screenshot({ path: path.join(SHOTS, 'done-postgres.png') });
    await page.close();
  });
});
