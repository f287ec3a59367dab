/**
 * The ER diagram view end to end in Chromium over web mode: the demo database's diagram shows
 * every table as a node with no two nodes overlapping; hovering a table lights exactly its
 * neighbours; "Open in ER diagram" on a table shows the table and its 1-hop neighbours; a saved
 * view keeps a dragged position, and flags a dropped table and a new related one when reopened;
 * a generated 500-table schema opens in key-columns mode. Screenshots go to /tmp/shots/erd/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../src/main/app/createApp';
import type { WebServer } from '../../src/main/web/server';
import { chromiumMissing } from '../harness/chromium';
import { startWebSession, stopWebSession } from '../harness/webSession';
import { oneHop, readSqliteGraph, writeBigSchema } from './erdFixtures';

const missing = chromiumMissing();
if (missing) console.warn(missing);
const SHOTS = process.env.QG_SHOTS ?? '/tmp/shots/erd';

/** The part of a DOM element read in the page (this file is type-checked without the DOM library). */
type Attrs = { getAttribute(name: string): string | null };

type Box = { id: string; x: number; y: number; width: number; height: number };

/** The table nodes xyflow rendered, with their on-screen boxes. */
async function nodeBoxes(page: Page): Promise<Box[]> {
  const nodes = page.locator('.react-flow__node');
  const out: Box[] = [];
  for (const n of await nodes.all()) {
    const id = await n.getAttribute('data-id');
    const b = await n.boundingBox();
    if (id && b) out.push({ id, ...b });
  }
  return out;
}

function overlapping(boxes: Box[]): string[] {
  const hits: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (
        a.x < b.x + b.width - 0.5 &&
        b.x < a.x + a.width - 0.5 &&
        a.y < b.y + b.height - 0.5 &&
        b.y < a.y + a.height - 0.5
      )
        hits.push(`${a.id} × ${b.id}`);
    }
  }
  return hits;
}

/** Waits until the diagram is drawn with its final (ELK) layout. */
async function drawn(page: Page): Promise<void> {
  await page
    .locator('[data-testid="erd-status"][data-phase="ready"]')
    .waitFor({ timeout: 120_000 });
  await page.getByTestId('erd-progress').waitFor({ state: 'detached', timeout: 60_000 });
}

/** Ids of the rendered nodes. */
async function nodeIds(page: Page): Promise<string[]> {
  return (
    await page
      .locator('.react-flow__node')
      .evaluateAll((els) => els.map((e) => (e as unknown as Attrs).getAttribute('data-id') ?? ''))
  ).sort();
}

/** A node's position in flow coordinates (its transform), which survives zoom and pan. */
async function flowPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const t = await page
    .locator(`.react-flow__node[data-id="${id}"]`)
    .evaluate((e) => (e as unknown as { style: { transform: string } }).style.transform);
  const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(t);
  if (!m) throw new Error(`no position in "${t}"`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

describe.skipIf(missing !== null)('ER diagram in Chromium (web mode)', () => {
  let home: string;
  let app: App;
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const requests: string[] = [];
  let demo: ReturnType<typeof readSqliteGraph>;

  beforeAll(async () => {
    ({ home, app, server, browser } = await startWebSession('qg-e2e-erd-'));
    fs.mkdirSync(SHOTS, { recursive: true });
    demo = readSqliteGraph(path.join(home, 'demo.sqlite'));
    page = await browser.newPage({ viewport: { width: 1400, height: 860 }, colorScheme: 'light' });
    page.setDefaultTimeout(20_000);
    errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfinished', (r) => requests.push(r.url()));
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Open the demo database' }).click();
    await page.getByRole('tab', { name: 'Explorer' }).click();
  }, 180_000);

  afterAll(async () => {
    await stopWebSession({ browser, server, app, home });
  });

  it('draws every demo table, without overlaps, and lights a table’s neighbours on hover', async () => {
    await page
      .getByTestId('explorer-connection')
      .filter({ hasText: 'Demo (SQLite)' })
      .click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'ER diagram' }).click();
    await drawn(page);
    const expected = demo.tables.map((t) => `main.${t}`).sort();
    await expect.poll(() => nodeIds(page), { timeout: 20_000 }).toEqual(expected);
    await expect.poll(async () => overlapping(await nodeBoxes(page))).toEqual([]);
    // The layout ran in the Web Worker (allowed by the CSP), not on the page's thread.
    expect(requests.some((u) => /layout\.worker[^/]*\.js$/.test(u))).toBe(true);
    // Every foreign key is an edge.
    // Edges are drawn once the nodes have been measured, after the nodes.
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(demo.links.length);
    await page.screenshot({ path: path.join(SHOTS, 'demo-whole.png') });

    await page.locator('.react-flow__node[data-id="main.orders"] .erd-node-header').hover();
    await page.locator('.erd-flow.is-hovering').waitFor();
    const lit = (): Promise<Array<string | null>> =>
      page
        .locator('.react-flow__node.is-lit')
        .evaluateAll((els) => els.map((e) => (e as unknown as Attrs).getAttribute('data-id')).sort());
    await expect.poll(lit).toEqual(oneHop(demo.links, 'orders').map((t) => `main.${t}`));
    const touching = demo.links.filter((l) => l.from === 'orders' || l.to === 'orders').length;
    await expect.poll(() => page.locator('.react-flow__edge.is-lit').count()).toBe(touching);
    await page.screenshot({ path: path.join(SHOTS, 'demo-hover-orders.png') });
    await page.mouse.move(5, 5);
    await page.locator('.erd-flow.is-hovering').waitFor({ state: 'detached' });

    // Search zooms to a table and marks it.
    await page.getByRole('searchbox', { name: 'Find a table' }).fill('suppl');
    await page.getByRole('option', { name: 'main.suppliers' }).click();
    await page.locator('.react-flow__node.is-found[data-id="main.suppliers"]').waitFor();
  }, 120_000);

  it('opens "around orders, 1 hop" from the explorer with exactly the neighbours', async () => {
    await page.getByTestId('explorer-connection').filter({ hasText: 'Demo (SQLite)' }).click();
    await page.getByTestId('explorer-group-tables').click();
    await page
      .getByTestId('explorer-table')
      .filter({ hasText: /^orders$/ })
      .click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Open in ER diagram' }).click();
    await expect.poll(() => page.getByLabel('Centre table').inputValue()).toBe('main.orders');
    await drawn(page);
    const expected = oneHop(demo.links, 'orders').map((t) => `main.${t}`);
    await expect.poll(() => nodeIds(page), { timeout: 20_000 }).toEqual(expected);
    await expect.poll(async () => overlapping(await nodeBoxes(page))).toEqual([]);
    // Column rows are drawn: the FK column of orders shows with its marker.
    await page
      .locator('.react-flow__node[data-id="main.orders"] .erd-row.is-fk', {
        hasText: 'customer_id',
      })
      .waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'demo-around-orders.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(SHOTS, 'demo-around-orders-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    // Export as Mermaid: the written path is shown, and the file holds the diagram.
    await page.getByRole('button', { name: 'Export ▾' }).click();
    await page.getByRole('menuitem', { name: 'Mermaid erDiagram' }).click();
    const notice = page
      .getByTestId('erd-notice')
      .filter({ hasText: /^Saved Mermaid erDiagram to / });
    await notice.waitFor();
    const written = ((await notice.locator('span').textContent()) ?? '').replace(
      /^Saved Mermaid erDiagram to /,
      '',
    );
    const mermaid = fs.readFileSync(written, 'utf8');
    expect(mermaid).toContain('erDiagram');
    for (const t of oneHop(demo.links, 'orders')) expect(mermaid).toContain(t);
  }, 120_000);

  it('saves a view with a dragged position and reopens it, flagging dropped and new tables', async () => {
    const header = page.locator('.react-flow__node[data-id="main.orders"] .erd-node-header');
    const before = await flowPosition(page, 'main.orders');
    const box = (await header.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + 80, box.y + 70, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await flowPosition(page, 'main.orders')).x).not.toBe(before.x);
    const dragged = await flowPosition(page, 'main.orders');

    await page.getByRole('button', { name: 'Views ▾' }).click();
    await page.getByRole('menuitem', { name: 'Save view…' }).click();
    await page.getByLabel('View name').fill('Orders area');
    await page.getByTestId('erd-save-dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('erd-view-name').filter({ hasText: 'Orders area' }).waitFor();
    await drawn(page);

    // Leave the view, then open it again from the menu.
    await page.getByRole('combobox', { name: 'Diagram scope' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Whole schema' }).click();
    await drawn(page);
    await expect.poll(() => nodeIds(page)).toHaveLength(demo.tables.length);
    await page.getByRole('button', { name: 'Views ▾' }).click();
    await page.getByRole('menuitem', { name: 'Open “Orders area”' }).click();
    await page.getByTestId('erd-view-name').filter({ hasText: 'Orders area' }).waitFor();
    await drawn(page);
    const expected = oneHop(demo.links, 'orders').map((t) => `main.${t}`);
    await expect.poll(() => nodeIds(page)).toEqual(expected);
    await expect
      .poll(async () => {
        const reopened = await flowPosition(page, 'main.orders');
        return Math.max(Math.abs(reopened.x - dragged.x), Math.abs(reopened.y - dragged.y));
      })
      .toBeLessThanOrEqual(1);

    // The database changes under the view: a table of it is dropped, a new one references orders.
    // A table nothing references and no view reads (a broken view would fail the introspection).
    const dropped = expected
      .map((id) => id.slice(5))
      .find(
        (t) => t !== 'orders' && !demo.links.some((l) => l.to === t) && !demo.viewSql.includes(t),
      )!;
    const conn = (await app.handlers['connections.list']({})).find(
      (c) => c.name === 'Demo (SQLite)',
    )!;
    await app.handlers['query.run']({
      connectionId: conn.id,
      sql: `DROP TABLE ${dropped};\nCREATE TABLE refunds (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders(id), amount REAL);`,
      confirmed: true,
    });
    await app.handlers['schema.get']({ connectionId: conn.id, refresh: true });

    await page.getByRole('button', { name: 'Whole schema' }).click();
    await drawn(page);
    await page.getByRole('button', { name: 'Views ▾' }).click();
    await page.getByRole('menuitem', { name: 'Open “Orders area”' }).click();
    await page
      .getByTestId('erd-missing')
      .filter({ hasText: `main.${dropped}` })
      .waitFor();
    await page
      .getByTestId('erd-suggested')
      .filter({ hasText: '1 new table links to this view — add it' })
      .waitFor();
    await drawn(page);
    await page.screenshot({ path: path.join(SHOTS, 'demo-view-reconciled.png') });
    await page.getByTestId('erd-suggested').getByRole('button', { name: 'Add it' }).click();
    await page.getByTestId('erd-suggested').waitFor({ state: 'detached' });
    await drawn(page);
    await expect.poll(() => nodeIds(page)).toContain('main.refunds');
    await expect.poll(async () => overlapping(await nodeBoxes(page))).toEqual([]);
  }, 120_000);

  it('opens a generated 500-table schema with key columns only', async () => {
    const file = path.join(home, 'big500.sqlite');
    writeBigSchema(file, 500);
    await app.handlers['connections.save']({
      name: 'Big 500',
      engine: 'sqlite',
      params: { filePath: file },
    });
    await page.reload();
    await page.getByRole('tab', { name: 'Explorer' }).click();
    await page
      .getByTestId('explorer-connection')
      .filter({ hasText: 'Big 500' })
      .click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'ER diagram' }).click();
    await page
      .getByTestId('erd-status')
      .filter({ hasText: /^500 tables/ })
      .waitFor({ timeout: 120_000 });
    await drawn(page);
    await expect.poll(() => page.getByRole('combobox', { name: 'Columns shown' }).inputValue()).toBe('keys');
    await page.screenshot({ path: path.join(SHOTS, 'big500-fit.png') });
    // Part way in: names only (rows are left out below 40 %), still readable.
    for (let i = 0; i < 10; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.screenshot({ path: path.join(SHOTS, 'big500-mid.png') });
    // Zoomed in, rows are drawn and only the visible part of the diagram is in the DOM.
    await page.getByRole('searchbox', { name: 'Find a table' }).fill('sales_');
    await page
      .getByRole('listbox', { name: 'Matching tables' })
      .getByRole('option')
      .first()
      .click();
    await page.locator('.react-flow__node.is-found .erd-row').first().waitFor();
    const rendered = await page.locator('.react-flow__node').count();
    expect(rendered).toBeLessThan(500);
    await expect.poll(async () => overlapping(await nodeBoxes(page))).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'big500-zoomed.png') });
    expect(errors).toEqual([]);
  }, 240_000);
});
