/** "Run statement to CSV file" from the command palette, in Chromium (web mode): progress, then the file's path. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
vi.setConfig({ expect: { poll: { timeout: 20_000 } } });
const SHOTS = '/tmp/shots/runToFile';

describe.skipIf(missing !== null)('Run to file in Chromium (web mode)', () => {
  let home: string;
  let app: App;
  let server: WebServer;
  let browser: Browser;
  beforeAll(async () => {
    ({ home, app, server, browser } = await startWebSession('qg-e2e-tofile-'));
    fs.mkdirSync(SHOTS, { recursive: true });
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
