/**
 * End to end in real Chromium over web mode: the shell shows the demo connection, a query on it
 * returns rows, and screenshots of the light and dark themes land in test-results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { App } from '../../src/main/app/createApp';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { chromiumMissing } from '../harness/chromium';
import { builtRenderer } from '../harness/renderer';
import { startWebSession, stopWebSession } from '../harness/webSession';

const missing = chromiumMissing();
if (missing) console.warn(missing);
const RESULTS = path.resolve('test-results');

describe.skipIf(missing !== null)('the shell in Chromium (web mode)', () => {
  let home: string;
  let app: App;
  let server: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ home, app, server, browser } = await startWebSession('qg-e2e-'));
    fs.mkdirSync(RESULTS, { recursive: true });
  });

  afterAll(async () => {
    await stopWebSession({ browser, server, app, home });
  });

  it('shows the demo connection, runs a query on it, and renders both themes', { timeout: 90_000 }, async () => {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      colorScheme: 'light',
    });
    // Fail with Playwright's message (which names the missing element) before Vitest's timeout.
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);

    const demo = page.getByTestId('connection-item').filter({ hasText: 'Demo (SQLite)' });
    await demo.waitFor();
    await expect.poll(() => demo.textContent()).toContain('SQLite');
    await expect.poll(() => page.getByTestId('status-bar').textContent()).toMatch(/Web mode.*1 connection/);
    await page.getByRole('button', { name: 'Open the demo database' }).waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'shell-empty.png') });

    await page.getByRole('button', { name: 'Open the demo database' }).click();
    await page.getByRole('tab', { name: /Demo \(SQLite\)/ }).waitFor();
    await page
      .getByRole('textbox', { name: 'SQL editor' })
      .fill('SELECT count(*) AS customers FROM customers');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const grid = page.getByTestId('result-grid');
    await grid.waitFor();
    await expect
      .poll(async () => Number(await grid.locator('[role=row][aria-rowindex="1"] [role=gridcell]').first().textContent()))
      .toBeGreaterThan(100);

    // A browsable result: the first page of a real table.
    await page
      .getByRole('textbox', { name: 'SQL editor' })
      .fill('SELECT * FROM customers ORDER BY 1');
    await page.keyboard.press('Control+Enter');
    await page
      .getByTestId('result-count')
      .filter({ hasText: /\d+ rows/ })
      .waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'shell.png') });

    await page.emulateMedia({ colorScheme: 'dark' });
    // A string, because this file is type-checked without the DOM library.
    const background = await page.evaluate(
      "getComputedStyle(document.querySelector('.main')).backgroundColor",
    );
    expect(background).not.toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: path.join(RESULTS, 'shell-dark.png') });

    // A SQL error is shown as a readable message, not a crash.
    await page.getByRole('textbox', { name: 'SQL editor' }).fill('SELECT * FROM no_such_table');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'no_such_table' }).first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tells the user when the web server stops', { timeout: 90_000 }, async () => {
    const second = await startWebServer({ app, staticDir: await builtRenderer() });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(second.url);
      await page.getByTestId('connection-item').first().waitFor();
      await second.close();
      await page.getByText(/Lost the connection to QueryGenie's web server/).waitFor();
      await expect.poll(() => page.getByTestId('status-bar').textContent()).toMatch(/Disconnected/);
    } finally {
      await page.close();
      await second.close().catch(() => undefined);
    }
  });
});
