/**
 * End to end in real Chromium over web mode: the Docs view of the demo database opens from the
 * command palette, navigates to a table (tree and referenced-by links), a description written in
 * the Markdown editor is still there after a reload, a `<script>` in it is shown as text, and the
 * export dialog writes an HTML site.
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
const SHOTS = process.env.QG_SHOTS_DIR ?? path.resolve('test-results');

async function openDocs(page: Page, url: string): Promise<void> {
  const editor = await openDemoEditor(page, url);
  await editor.click();
  await page.keyboard.press('Control+K');
  await page.getByPlaceholder('Type a command…').fill('documentation');
  await page.getByTestId('command-palette').getByText(/Documentation \(data dictionary/).click();
  await page.getByTestId('docs-overview').waitFor();
}

describe.skipIf(missing !== null)('Docs view in Chromium (web mode)', () => {
  let home: string;
  let app: App;
  let server: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ home, app, server, browser } = await startWebSession('qg-e2e-docs-'));
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await stopWebSession({ browser, server, app, home });
  });

  it('navigates to a table, saves a description that survives a reload, and exports the site', { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, colorScheme: 'light' });
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await openDocs(page, server.url);
    await page.screenshot({ path: path.join(SHOTS, 'docs-view-overview.png') });

    // The tree filter narrows the list; a click opens the table's page.
    const tree = page.getByTestId('docs-tree');
    await page.getByRole('searchbox', { name: 'Filter tables' }).fill('custom');
    await expect.poll(() => tree.getByRole('button', { name: /^orders/ }).count()).toBe(0);
    await tree.getByRole('button', { name: /^customers/ }).click();
    const tablePage = page.getByTestId('docs-table-page');
    await tablePage.getByRole('heading', { name: /customers/ }).waitFor();
    await expect.poll(() => tablePage.locator('td.mono strong').allTextContents()).toContain('email');
    await tablePage.getByTestId('docs-diagram').waitFor();

    // Referenced-by links navigate to the referencing table.
    await tablePage.getByRole('region', { name: 'Referenced by' }).getByRole('button', { name: /orders/ }).first().click();
    await page.getByTestId('docs-table-page').getByRole('heading', { name: /^orders/ }).waitFor();
    await page.getByRole('searchbox', { name: 'Filter tables' }).fill('');
    await tree.getByRole('button', { name: /^customers/ }).click();
    await tablePage.getByRole('heading', { name: /customers/ }).waitFor();

    // Describe the table: Markdown with a script tag that must stay text.
    await tablePage.getByRole('button', { name: 'Edit description of main.customers', exact: true }).click();
    await tablePage.getByRole('textbox', { name: 'Description of main.customers', exact: true }).fill('People who **buy** things. <script>alert(1)</script>');
    await tablePage.getByRole('tab', { name: 'Preview' }).click();
    await tablePage.locator('.docs-editor-preview strong', { hasText: 'buy' }).waitFor();
    await tablePage.getByRole('button', { name: 'Save', exact: true }).click();
    await tablePage.getByTestId('docs-editor').waitFor({ state: 'detached' });
    // Saving keeps the user on the table's page, showing the rendered description.
    await tablePage.locator('.docs-desc strong', { hasText: 'buy' }).waitFor();
    await expect.poll(() => tablePage.getByRole('heading', { name: /customers/ }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'docs-view-table.png') });

    // Reload the app: the description comes back from the app database.
    await page.reload();
    await openDocs(page, server.url);
    await page.getByTestId('docs-tree').getByRole('button', { name: /^customers/ }).click();
    const desc = page.getByTestId('docs-table-page').locator('.docs-desc').first();
    await desc.locator('strong', { hasText: 'buy' }).waitFor();
    await expect.poll(() => desc.textContent()).toContain('<script>alert(1)</script>');
    await expect.poll(() => page.locator('.docs-desc script').count()).toBe(0);

    // Column description in place.
    const emailRow = page.getByTestId('docs-table-page').locator('tr', { has: page.locator('td.mono strong', { hasText: /^email$/ }) });
    await emailRow.hover();
    await emailRow.getByRole('button', { name: 'Edit description of main.customers.email', exact: true }).click();
    await emailRow.getByRole('textbox').fill('Login and receipts go here.');
    await emailRow.getByRole('button', { name: 'Save', exact: true }).click();
    await emailRow.getByText('Login and receipts go here.').waitFor();

    // Export the HTML site into the exports folder.
    await page.getByRole('button', { name: 'Export docs…' }).click();
    const dialog = page.getByTestId('docs-export-dialog');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const result = dialog.getByTestId('docs-export-result');
    await result.waitFor({ timeout: 60_000 });
    await expect.poll(() => result.locator('code').textContent()).toMatch(/index\.html$/);
    const entry = (await result.locator('code').textContent()) ?? '';
    expect(fs.existsSync(entry)).toBe(true);
    const customersPage = fs.readdirSync(path.join(path.dirname(entry), 'tables')).find((f) => f.includes('customers'));
    expect(customersPage).toBeDefined();
    const html = fs.readFileSync(path.join(path.dirname(entry), 'tables', customersPage!), 'utf8');
    expect(html).toContain('Login and receipts go here.');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    await page.screenshot({ path: path.join(SHOTS, 'docs-view-export.png') });
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('docs-table-page').getByRole('region', { name: 'Diagram' }).screenshot({ path: path.join(SHOTS, 'docs-view-diagram.png') });

    // Comment write-back: SQLite has no comments, and the dialog says so instead of running anything.
    await page.getByRole('button', { name: 'Write comments to database…' }).click();
    const comments = page.getByTestId('docs-comments-dialog');
    await comments.getByText(/comment/i).first().waitFor();
    await comments.getByRole('button', { name: 'Cancel', exact: true }).click();
    await comments.waitFor({ state: 'detached' });

    // The glossary on the overview page.
    await page.getByRole('button', { name: 'Overview', exact: true }).click();
    const overview = page.getByTestId('docs-overview');
    await overview.getByRole('button', { name: 'Add term' }).click();
    await overview.getByLabel('Term', { exact: true }).fill('Churn');
    await overview.getByLabel('Definition (Markdown)').fill('Customers who *left*.');
    await overview.getByRole('button', { name: 'Save term' }).click();
    await overview.locator('.docs-glossary dd em', { hasText: 'left' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'docs-view-glossary.png'), fullPage: true });

    // Changes: the snapshots kept so far can be compared with the live schema.
    await page.getByRole('button', { name: 'Changes', exact: true }).click();
    await page.getByTestId('docs-changes').waitFor();
    await page.getByTestId('docs-diff-summary').or(page.getByTestId('docs-changes').getByText(/No stored snapshots|Pick two/)).first().waitFor();

    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drafts descriptions with AI, saves only the reviewed ones', { timeout: 120_000 }, async () => {
    const standIn = await startAiStandIn();
    try {
      await app.handlers['ai.providers.save']({ kind: 'openai', name: 'Stand-in', baseUrl: standIn.openaiBaseUrl, models: ['gpt-test'], key: 'sk-e2e-docs' });
      standIn.script('openai.chat', {
        text: '```json\n{"table": "Stock keeping: what the shop sells.", "columns": {"sku": "Stock keeping unit code.", "unit_price": "Price of one unit.", "ghost": "nothing"}}\n```',
      });
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, colorScheme: 'light' });
      page.setDefaultTimeout(20_000);
      await openDocs(page, server.url);
      await page.getByTestId('docs-tree').getByRole('button', { name: /^products/ }).click();
      const tablePage = page.getByTestId('docs-table-page');
      await tablePage.getByRole('heading', { name: /products/ }).waitFor();
      await tablePage.getByRole('button', { name: /Describe with AI/ }).click();
      const review = tablePage.getByTestId('docs-describe');
      await review.getByLabel('Draft for sku', { exact: true }).waitFor();
      await expect.poll(() => review.getByText(/1 ignored/).count()).toBe(1);
      // Untick the price, edit the SKU text, keep the table's.
      await review.getByLabel('Keep the draft for unit_price', { exact: true }).uncheck();
      await review.getByLabel('Draft for sku', { exact: true }).fill('The SKU printed on the label.');
      await page.screenshot({ path: path.join(SHOTS, 'docs-view-describe.png') });
      await review.getByRole('button', { name: 'Save 2 descriptions' }).click();
      await review.getByText('Saved 2 descriptions.').waitFor();
      const saved = await app.handlers['docs.describe.list']({ connectionId: (await app.handlers['connections.list']({})).find((c) => c.isDemo)!.id });
      const byTarget = new Map(saved.map((d) => [d.target, d.text]));
      expect(byTarget.get('main.products')).toBe('Stock keeping: what the shop sells.');
      expect(byTarget.get('main.products.sku')).toBe('The SKU printed on the label.');
      expect(byTarget.has('main.products.unit_price')).toBe(false);
      // What went out: names and types, no values of the demo data.
      const body = JSON.stringify(standIn.requestsFor('openai.chat')[0]!.body);
      expect(body).toContain('unit_price');
      expect(body).not.toMatch(/SKU-\d\d-\d{5}/);
      await page.close();
    } finally {
      await standIn.close();
    }
  });
});
