/**
 * The `docsSite.*` methods through the app's handlers: an export lands in the exports folder with
 * the user's descriptions, reports progress events and can be cancelled; the Docs view's neighbour
 * diagram is an SVG of the table and its neighbours.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app/createApp';
import { getDriver } from '../../src/main/drivers/registry';
import { createSiteSchema } from './siteFixture';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-docs-handlers-'));
let app: App;
let connectionId: string;

beforeAll(async () => {
  const file = path.join(home, 'site.sqlite');
  const conn = await (await getDriver('sqlite')).connect({ engine: 'sqlite', filePath: file });
  await createSiteSchema(conn).finally(() => conn.close());
  app = await createApp({ home, mode: 'web' });
  connectionId = (await app.handlers['connections.save']({ name: 'Shop / EU', engine: 'sqlite', params: { filePath: file } })).id;
  await app.handlers['docs.describe.save']({ connectionId, target: 'main.customers', text: 'Everyone who *ordered*.' });
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('docsSite handlers', () => {
  it('exports the HTML site into the exports folder with progress events', async () => {
    const progress: { done: number; total: number }[] = [];
    const off = app.events.subscribe((name, payload) => {
      if (name === 'docsSite.progress') progress.push(payload as { done: number; total: number });
    });
    const r = await app.handlers['docsSite.export']({ connectionId, format: 'html', exportId: 'e1' }).finally(off);
    expect(path.dirname(r.path)).toBe(path.join(home, 'exports'));
    expect(path.basename(r.path)).toMatch(/^shop-eu-docs-\d{4}-/);
    expect(r.entry).toBe(path.join(r.path, 'index.html'));
    expect(r.tablePages).toBe(8);
    expect(fs.readFileSync(path.join(r.path, 'tables', 'main.customers.html'), 'utf8')).toContain('Everyone who <em>ordered</em>.');
    expect(progress.at(-1)).toEqual({ exportId: 'e1', done: 8, total: 8 });
  });

  it('exports JSON with the snapshot and the descriptions', async () => {
    const r = await app.handlers['docsSite.export']({ connectionId, format: 'json' });
    const doc = JSON.parse(fs.readFileSync(r.entry, 'utf8')) as { snapshot: { schemas: unknown[] }; descriptions: Record<string, string> };
    expect(doc.snapshot.schemas).toHaveLength(1);
    expect(doc.descriptions['main.customers']).toBe('Everyone who *ordered*.');
  });

  it('cancels a running export', async () => {
    const off = app.events.subscribe((name, payload) => {
      if (name === 'docsSite.progress' && (payload as { done: number }).done >= 1) void app.handlers['docsSite.cancel']({ exportId: 'e2' });
    });
    const run = app.handlers['docsSite.export']({ connectionId, format: 'md', exportId: 'e2' });
    await expect(run.finally(off)).rejects.toMatchObject({ code: 'QUERY_CANCELLED' });
    await expect(app.handlers['docsSite.cancel']({ exportId: 'e2' })).resolves.toEqual({ cancelled: false });
  });

  it('draws the neighbour diagram of a table', async () => {
    const d = await app.handlers['docsSite.diagram']({ connectionId, table: 'orders' });
    expect(d.table).toBe('main.orders');
    expect(d.tables).toBe(4);
    expect(d.svg.startsWith('<svg')).toBe(true);
    for (const t of ['main.orders', 'main.customers', 'main.con', 'main.order lines/items']) expect(d.svg).toContain(t);
    await expect(app.handlers['docsSite.diagram']({ connectionId, table: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
