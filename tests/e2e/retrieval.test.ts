/**
 * End to end in real Chromium over web mode: the "Retrieval index…" dialog on the demo database
 * builds the index with a progress bar, grows it when value samples are switched on, ranks
 * `suppliers` near the top for a supplier question, rebuilds with a provider embedder the user
 * types, and keeps the previous index when a build is cancelled.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { App } from '../../src/main/app/createApp';
import type { WebServer } from '../../src/main/web/server';
import { chromiumMissing } from '../harness/chromium';
import { startAiStandIn } from '../harness/aiStandIn';
import { openDemoEditor, startWebSession, stopWebSession } from '../harness/webSession';

const missing = chromiumMissing();
if (missing) console.warn(missing);
const SHOTS = '/tmp/shots/retrieval';

async function chunkCount(dialog: Locator): Promise<number> {
  return Number((await dialog.getByTestId('retrieval-chunks').textContent())?.replace(/,/g, ''));
}

/** Clicks Build/Update and waits until the build finished and the status was reloaded. */
async function buildAndWait(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: /^(Build|Update) index$/ }).click();
  await dialog.getByTestId('retrieval-progress').filter({ hasText: 'Done' }).waitFor();
  await dialog.getByTestId('retrieval-notice').filter({ hasText: /^(Updated|Rebuilt):/ }).waitFor();
  await dialog.getByRole('button', { name: 'Update index' }).and(dialog.locator(':enabled')).waitFor();
}

async function openDialog(page: Page, shot?: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Actions for Demo (SQLite)' }).click();
  const item = page.getByRole('menuitem', { name: 'Retrieval index…' });
  await item.waitFor();
  if (shot) await page.screenshot({ path: path.join(SHOTS, shot) });
  await item.click();
  const dialog = page.getByTestId('retrieval-dialog');
  await dialog.getByTestId('retrieval-headline').waitFor();
  return dialog;
}

describe.skipIf(missing !== null)('retrieval index dialog in Chromium (web mode)', () => {
  let home: string;
  let app: App;
  let server: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ home, app, server, browser } = await startWebSession('qg-e2e-retrieval-'));
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await stopWebSession({ browser, server, app, home });
  });

  it('builds the index, adds value samples, and searches it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Open the demo database' }).click();
    await page.getByRole('textbox', { name: 'SQL editor' }).waitFor();

    const dialog = await openDialog(page, '0-menu.png');
    await expect.poll(() => dialog.getByTestId('retrieval-headline').textContent()).toMatch(/^Not built yet/);
    const samples = dialog.getByRole('switch', { name: 'Index value samples' });
    await expect.poll(() => samples.isChecked()).toBe(false);
    await page.screenshot({ path: path.join(SHOTS, '1-not-built.png') });

    await buildAndWait(dialog);
    await expect.poll(() => chunkCount(dialog)).toBeGreaterThan(0);
    const first = await chunkCount(dialog);
    await expect.poll(() => dialog.getByTestId('retrieval-status').textContent()).toContain('Built-in (offline)');
    await page.screenshot({ path: path.join(SHOTS, '2-built.png') });

    // Value samples are opt-in; switched on, the next build adds their chunks.
    // The switch's input is visually hidden behind its track: click the label, as a user does.
    await dialog.getByText('Index value samples', { exact: true }).click();
    await dialog.getByTestId('retrieval-notice').filter({ hasText: 'Value samples on' }).waitFor();
    await expect.poll(() => samples.isChecked()).toBe(true);
    await buildAndWait(dialog);
    await expect.poll(() => chunkCount(dialog), { timeout: 30_000 }).toBeGreaterThan(first);
    await page.screenshot({ path: path.join(SHOTS, '3-with-samples.png') });

    await dialog.getByRole('textbox', { name: 'Question' }).fill('supplier of a product');
    await dialog.getByRole('button', { name: 'Search', exact: true }).click();
    const results = dialog.getByTestId('retrieval-results');
    await results.locator('li').first().waitFor();
    await expect
      .poll(async () => (await results.locator('.retrieval-hit-table').allTextContents()).slice(0, 3))
      .toContain('main.suppliers');
    await dialog.getByTestId('retrieval-results').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, '4-search.png') });

    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await dialog.waitFor({ state: 'detached' });

    // The palette opens the same dialog for the active tab's connection, which remembers the options.
    await page.getByRole('textbox', { name: 'SQL editor' }).click();
    await page.keyboard.press('Control+K');
    await page.getByPlaceholder('Type a command…').fill('retrieval');
    await page.getByTestId('command-palette').getByText(/Retrieval index…/).click();
    const again = page.getByTestId('retrieval-dialog');
    await again.getByTestId('retrieval-chunks').waitFor();
    await expect.poll(() => again.getByRole('switch', { name: 'Index value samples' }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('rebuilds with a provider embedder whose model the user types', async () => {
    const standIn = await startAiStandIn();
    try {
      await app.handlers['ai.providers.save']({ kind: 'openai-compatible', name: 'Stand-in', baseUrl: standIn.openaiBaseUrl, models: [] });
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
      page.setDefaultTimeout(30_000);
      await openDemoEditor(page, server.url);

      const dialog = await openDialog(page);
      await dialog.getByLabel('Embedder', { exact: true }).selectOption({ label: 'Stand-in · type a model…' });
      const model = dialog.getByLabel('Embedding model');
      await model.fill('bad name');
      await dialog.getByText('A model name has no spaces.').waitFor();
      await expect.poll(() => dialog.getByRole('button', { name: 'Use and rebuild' }).isDisabled()).toBe(true);
      await model.fill('embed-test');
      await dialog.getByTestId('retrieval-embedder-note').filter({ hasText: 'rebuilt with Stand-in · embed-test' }).waitFor();
      await page.screenshot({ path: path.join(SHOTS, '5-embedder-change.png') });

      await dialog.getByRole('button', { name: 'Use and rebuild' }).click();
      await dialog.getByTestId('retrieval-notice').filter({ hasText: /^Rebuilt:/ }).waitFor();
      await dialog.getByTestId('retrieval-status').filter({ hasText: 'Stand-in · embed-test' }).waitFor();
      const embedCalls = standIn.requestsFor('openai.embeddings').length;
      expect(embedCalls).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(SHOTS, '6-provider-built.png') });
      const chunks = await chunkCount(dialog);
      await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
      await dialog.waitFor({ state: 'detached' });

      // A new table needs one embedding; the stand-in answers it slowly, so Cancel lands mid-build.
      await page.getByRole('textbox', { name: 'SQL editor' }).fill('CREATE TABLE shipping_notes (id INTEGER PRIMARY KEY, note TEXT)');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.getByRole('region', { name: 'Results' }).getByTestId('run-state').filter({ hasText: 'Done' }).waitFor();
      await page.getByRole('textbox', { name: 'SQL editor' }).fill('SELECT count(*) AS n FROM shipping_notes');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.getByTestId('result-grid').locator('[role=row][aria-rowindex="1"] [role=gridcell]').filter({ hasText: /^0$/ }).first().waitFor();
      standIn.script('openai.embeddings', { delayMs: 8_000 });
      const reopened = await openDialog(page);
      await reopened.getByRole('checkbox', { name: /Refresh schema first/ }).check();
      await reopened.getByRole('button', { name: 'Update index' }).click();
      await expect.poll(() => standIn.requestsFor('openai.embeddings').length, { timeout: 30_000 }).toBeGreaterThan(embedCalls);
      await reopened.getByTestId('retrieval-progress').waitFor();
      await page.screenshot({ path: path.join(SHOTS, '7-building.png') });
      await reopened.getByRole('button', { name: 'Cancel build' }).click();
      await reopened.getByTestId('retrieval-notice').filter({ hasText: 'Cancelled: the previous index is kept.' }).waitFor();
      await expect.poll(() => reopened.getByTestId('retrieval-status').textContent()).toContain('Stand-in · embed-test');
      await expect.poll(() => chunkCount(reopened)).toBe(chunks);
      await page.screenshot({ path: path.join(SHOTS, '8-cancelled.png') });
      await page.close();
    } finally {
      await standIn.close();
    }
  }, 120_000);
});
