/**
 * End to end in real Chromium over web mode on the demo SQLite database: Explain a join query,
 * see the plan tree and an advisor finding, select the node a finding cites, switch to the graph,
 * show the raw plan, compare two runs, try the suggested index (what-if on a copy), and open the
 * Workload view. Screenshots go to /tmp/shots/plan/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { App } from '../../src/main/app/createApp';
import type { WebServer } from '../../src/main/web/server';
import { getDriver } from '../../src/main/drivers/registry';
import { parseConnectionUrl } from '../../src/shared/connection';
import { chromiumMissing } from '../harness/chromium';
import { createPgDatabase } from '../harness/databases';
import { pgUrl } from '../harness/servers';
import { openDemoEditor, startWebSession, stopWebSession } from '../harness/webSession';
import { createShop } from '../plan/fixture';

const missing = chromiumMissing();
if (missing) console.warn(missing);
const SHOTS = '/tmp/shots/plan';
const SQL = "SELECT c.email, o.id FROM customers c JOIN orders o ON o.customer_id = c.id WHERE lower(c.email) = 'ana@example.com'";

describe.skipIf(missing !== null)('plan view in Chromium (web mode)', () => {
  let home: string;
  let app: App;
  let server: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ home, app, server, browser } = await startWebSession('qg-e2e-plan-'));
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await stopWebSession({ browser, server, app, home });
  });

  it('explains a join, shows the tree and a finding that selects its node', { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, colorScheme: 'light' });
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const editor = await openDemoEditor(page, server.url);
    await editor.fill(SQL);
    await page.getByRole('button', { name: 'Explain', exact: true }).click();

    const view = page.getByTestId('plan-view');
    const tree = view.getByRole('tree', { name: 'Plan tree' });
    await tree.getByRole('treeitem').first().waitFor();
    const labels = await tree.getByRole('treeitem').locator('.plan-op').allTextContents();
    expect(labels.some((l) => /SCAN on customers|SCAN on c\b/.test(l))).toBe(true);
    const finding = view.locator('.plan-finding[data-rule="function-on-indexed-column"]');
    await finding.waitFor();
    await expect.poll(() => finding.textContent()).toMatch(/lower\(\) to the indexed column customers\.email/);
    await page.screenshot({ path: path.join(SHOTS, 'plan-tree.png') });

    // The finding's link selects the node it cites.
    const cited = (await finding.locator('.plan-finding-node').textContent())!;
    await finding.locator('.plan-finding-node').click();
    await expect.poll(() => tree.locator('[aria-selected="true"] .plan-op').textContent()).toContain(cited.trim());

    await view.getByRole('checkbox', { name: 'Raw plan' }).check();
    await view.getByLabel('Raw plan', { exact: true }).and(page.locator('pre')).waitFor();
    await expect.poll(() => view.locator('pre.plan-raw').textContent()).toMatch(/"detail": "SCAN c/);
    await page.screenshot({ path: path.join(SHOTS, 'plan-raw.png') });
    await view.getByRole('checkbox', { name: 'Raw plan' }).uncheck();

    await view.getByRole('button', { name: 'Graph', exact: true }).click();
    await view.getByRole('img', { name: 'Plan graph' }).waitFor();
    await expect.poll(() => view.locator('.plan-box').count()).toBe(labels.length);
    await page.screenshot({ path: path.join(SHOTS, 'plan-graph.png') });
    await view.getByRole('button', { name: 'Tree', exact: true }).click();

    // What-if on a copy of the file: the plan after the suggested expression index seeks.
    await finding.getByRole('button', { name: 'Try it (what-if)' }).click();
    const whatIf = page.getByTestId('plan-whatif');
    await whatIf.getByText('Before', { exact: false }).first().waitFor();
    await whatIf.locator('.plan-side').nth(1).getByText(/idx_customers_lower_email/).first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'plan-whatif.png') });
    await whatIf.getByRole('button', { name: /close/i }).first().click();

    // Compare: pin, explain analyze-like again with a different statement, see two panes.
    await view.getByRole('button', { name: 'Compare (pin)' }).click();
    await editor.fill("SELECT c.email, o.id FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.email = 'ana@example.com'");
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    await view.getByTestId('plan-pane').nth(1).waitFor();
    await expect.poll(() => view.getByTestId('plan-pane').count()).toBe(2);
    // The latest plan compares the bare column: its index is used, the function finding is gone.
    await view.getByTestId('plan-pane').nth(1).getByText(/SEARCH on c/).waitFor();
    await expect.poll(() => view.getByTestId('plan-pane').nth(1).locator('.plan-finding[data-rule="function-on-indexed-column"]').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'plan-compare.png') });

    // Apply… asks first, runs the CREATE INDEX, and the audit lists it (shown in the Workload view).
    await view.getByTestId('plan-pane').first().getByRole('button', { name: 'Apply…' }).click();
    const applyDialog = page.getByTestId('plan-apply');
    await applyDialog.getByText('DROP INDEX idx_customers_lower_email').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'plan-apply.png') });
    await applyDialog.getByRole('button', { name: 'Apply', exact: true }).click();
    await applyDialog.getByText(/recorded in the audit/).waitFor();
    await applyDialog.getByRole('button', { name: 'Close', exact: true }).last().click();

    // Back to results when a run starts.
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('tab', { name: 'Results' }).and(page.locator('[aria-selected="true"]')).waitFor();

    // Workload view from the palette: SQLite has none and says so.
    await editor.click();
    await page.keyboard.press('Control+K');
    await page.getByPlaceholder('Type a command…').fill('workload');
    await page.getByTestId('command-palette').getByText(/Open workload/).click();
    await page.getByTestId('workload-view').getByText(/SQLite keeps no statement statistics/).first().waitFor();
    await page.getByTestId('workload-view').getByRole('region', { name: 'Applied suggestions' }).getByText('CREATE INDEX idx_customers_lower_email ON customers (lower(email))').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'workload-sqlite.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
  it.skipIf(!pgUrl())('explain analyze on PostgreSQL: bars, buffers, a red misestimate, what-if before/after', { timeout: 180_000 }, async () => {
    const params = parseConnectionUrl(await createPgDatabase(pgUrl()!, 'qg_e2e_plan'));
    const direct = await (await getDriver('postgres')).connect(params);
    try {
      await createShop(direct, 'postgres');
    } finally {
      await direct.close();
    }
    const { password, ...rest } = params;
    await app.handlers['connections.save']({ name: 'Shop PG', engine: 'postgres', params: rest, ...(password ? { password } : {}) });
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, colorScheme: 'light' });
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.getByTestId('connection-item').filter({ hasText: 'Shop PG' }).click();
    // The new tab's own panel: until it shows, the visible one is the demo tab restored beside it.
    const tab = page.getByRole('region', { name: 'Query Shop PG' });
    const editor = tab.getByRole('textbox', { name: 'SQL editor' });
    await editor.fill('SELECT c.email, o.total FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.a = 1 AND o.b = 1 ORDER BY o.note');
    await tab.getByRole('button', { name: 'Explain analyze', exact: true }).click();
    const view = tab.getByTestId('plan-view');
    await view.getByRole('treeitem').first().waitFor();
    // Correlated a/b: estimated ~4 rows, actual 400 — shown in red.
    await view.getByTestId('plan-misestimate').first().waitFor();
    await view.locator('.plan-finding[data-rule="row-misestimate"]').first().waitFor();
    await expect.poll(() => view.locator('.plan-buffers').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'plan-pg-analyze.png') });
    await view.getByRole('button', { name: 'Graph', exact: true }).click();
    await page.screenshot({ path: path.join(SHOTS, 'plan-pg-graph.png') });
    await view.getByRole('button', { name: 'Tree', exact: true }).click();

    const seq = view.locator('.plan-finding[data-rule="seq-scan-selective"]');
    await seq.getByRole('button', { name: 'Try it (what-if)' }).click();
    const whatIf = page.getByTestId('plan-whatif');
    await whatIf.locator('.plan-side').nth(1).getByText(/idx_orders_a_b/).first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'plan-pg-whatif.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
