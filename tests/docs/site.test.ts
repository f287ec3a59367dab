/**
 * The docs export on schemas the test builds (SQLite with hostile names) and on Pagila
 * (PostgreSQL, when the eval data and a server are there): every table and foreign key appears,
 * every relative link resolves, the site loads from file:// in Chromium with no console error,
 * its search box filters and its links navigate; the Markdown holds valid-looking Mermaid blocks;
 * the JSON is what `querygenie diff --from` reads; `querygenie docs` reports progress and a summary.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parseConnectionUrl } from '../../src/shared/connection';
import type { DocsBundle } from '../../src/shared/docs';
import { TableIndex } from '../../src/shared/docsPage';
import { createApp } from '../../src/main/app/createApp';
import { buildBundle } from '../../src/main/docs/bundle';
import { exportDocs } from '../../src/main/docs/site/exportDocs';
import { checkSiteLinks } from '../../src/main/docs/site/links';
import { pageNames } from '../../src/main/docs/site/names';
import { getDriver } from '../../src/main/drivers/registry';
import { chromiumMissing, launchChromium } from '../harness/chromium';
import { runCli } from '../harness/cli';
import { createPgDatabase } from '../harness/databases';
import { evalDataset, evalMissing } from '../harness/evalData';
import { runDump } from '../harness/loadPagila';
import { MISSING_PG, pgUrl } from '../harness/servers';
import { createSiteSchema } from './siteFixture';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-docs-site-'));
const shots = process.env.QG_SHOTS_DIR;
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const browserMissing = chromiumMissing();
/** Every table has a page, every FK is linked from its table to the referenced page and back. */
function expectEveryTableAndKey(bundle: DocsBundle, dir: string, ext: 'html' | 'md'): void {
  const index = new TableIndex(bundle.snapshot);
  const names = pageNames(index);
  const files = new Set(fs.readdirSync(path.join(dir, 'tables')));
  let fks = 0;
  for (const e of index.entries) {
    const file = `${names.get(e)}.${ext}`;
    expect(files.has(file), `page of ${e.target}`).toBe(true);
    const text = fs.readFileSync(path.join(dir, 'tables', file), 'utf8');
    for (const fk of e.table.foreignKeys) {
      const ref = index.get(fk.refSchema, fk.refTable);
      if (!ref) continue;
      fks++;
      const refFile = `${names.get(ref)}.${ext}`;
      expect(text, `${e.target} links ${fk.name}`).toContain(ext === 'html' ? `href="${refFile}"` : `(${refFile})`);
      const back = fs.readFileSync(path.join(dir, 'tables', refFile), 'utf8');
      expect(back, `${ref.target} lists ${e.target}`).toContain(ext === 'html' ? `href="${file}"` : `(${file})`);
    }
  }
  expect(fks).toBe(bundle.snapshot.schemas.flatMap((s) => s.tables.flatMap((t) => t.foreignKeys.filter((fk) => index.get(fk.refSchema, fk.refTable)))).length);
  const entry = fs.readFileSync(path.join(dir, ext === 'html' ? 'index.html' : 'README.md'), 'utf8');
  for (const e of index.entries) expect(entry).toContain(`tables/${names.get(e)}.${ext}`);
}

/** Mermaid erDiagram blocks whose every line is an entity, attribute, brace or relationship. */
function expectMermaid(dir: string): number {
  let blocks = 0;
  for (const f of fs.readdirSync(path.join(dir, 'tables'))) {
    const text = fs.readFileSync(path.join(dir, 'tables', f), 'utf8');
    for (const m of text.matchAll(/```mermaid\n([\s\S]*?)```/g)) {
      blocks++;
      const lines = m[1]!.trimEnd().split('\n');
      expect(lines[0]).toBe('erDiagram');
      for (const line of lines.slice(1)) {
        expect(line, `${f}: ${line}`).toMatch(/^\s*(\w+( \{)?|\}|\w+ \w+( (PK|FK|PK, FK))?( "[^"<>]*")?|\w+ [|}][|o]--[o|][|{] \w+ : "[^"]*")$/);
      }
    }
  }
  return blocks;
}

describe('docs export of a SQLite schema with hostile names', () => {
  let bundle: DocsBundle;
  let file: string;
  beforeAll(async () => {
    file = path.join(tmp, 'site.sqlite');
    const conn = await (await getDriver('sqlite')).connect({ engine: 'sqlite', filePath: file });
    try {
      await createSiteSchema(conn);
      const snapshot = await conn.introspect();
      const { orphans: _o, ...b } = buildBundle({ snapshot, descriptions: new Map([['main.orders', 'Orders **placed** online. <script>alert(1)</script>'], ['main.customers.email', 'Login e-mail']]), glossary: [{ term: 'Order', definition: 'A *purchase*.' }] });
      bundle = b;
    } finally {
      await conn.close();
    }
  });

  it('writes an HTML site where every table, key and link is there', async () => {
    const out = path.join(tmp, 'html');
    await exportDocs(bundle, { format: 'html', out });
    expectEveryTableAndKey(bundle, out, 'html');
    expect(checkSiteLinks(out)).toEqual([]);
  });

  it('writes Markdown pages with Mermaid diagrams and working links', async () => {
    const out = path.join(tmp, 'md');
    await exportDocs(bundle, { format: 'md', out });
    expectEveryTableAndKey(bundle, out, 'md');
    expect(checkSiteLinks(out)).toEqual([]);
    expect(expectMermaid(out)).toBe(new TableIndex(bundle.snapshot).entries.length);
  });

  it('writes JSON that `querygenie diff --from` reads', async () => {
    const r = await exportDocs(bundle, { format: 'json', out: path.join(tmp, 'json') });
    const same = await runCli(['diff', '--from', r.path, '--to', r.path]);
    expect(same.stderr).toBe('');
    expect(same.code).toBe(0);
    const live = await runCli(['diff', '--from', r.path, '--url', file, '--json']);
    expect(live.code).toBe(0);
    expect((JSON.parse(live.stdout) as { changes: unknown[] }).changes).toEqual([]);
  }, 60_000);

  it('`querygenie docs` prints progress on stderr and a summary', async () => {
    const out = path.join(tmp, 'cli');
    const run = await runCli(['docs', '--url', file, '--out', out, '--format', 'md']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/writing pages: 8\/8/);
    expect(run.stdout).toMatch(/wrote 11 files \(8 table pages\)/);
    expect(run.stdout).toMatch(/coverage: tables 0% \(0\/8\)/);
    expect(fs.existsSync(path.join(out, 'README.md'))).toBe(true);
    const bad = await runCli(['docs', '--url', file, '--out', out, '--format', 'pdf']);
    expect(bad.code).toBe(2);
  }, 60_000);

  it('`querygenie docs --conn` includes the descriptions and glossary kept in the app database', async () => {
    const home = fs.mkdtempSync(path.join(tmp, 'home-'));
    const app = await createApp({ home, mode: 'web' });
    try {
      const c = await app.handlers['connections.save']({ name: 'site docs', engine: 'sqlite', params: { filePath: file } });
      await app.handlers['docs.describe.save']({ connectionId: c.id, target: 'main.orders', text: 'Orders from **the app**.' });
      await app.handlers['docs.glossary.save']({ connectionId: c.id, term: 'AOV', definition: 'Average *order* value' });
    } finally {
      await app.close();
    }
    const out = path.join(tmp, 'conn');
    const run = await runCli(['docs', '--conn', 'site docs', '--out', out], { env: { QG_HOME: home } });
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/coverage: tables 13% \(1\/8\)/);
    expect(fs.readFileSync(path.join(out, 'tables', 'main.orders.html'), 'utf8')).toContain('Orders from <strong>the app</strong>.');
    expect(fs.readFileSync(path.join(out, 'glossary.html'), 'utf8')).toContain('Average <em>order</em> value');
  }, 60_000);

  describe.skipIf(browserMissing !== null)('in Chromium from file://', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => browser?.close());

    it('loads without console errors; the search box filters; links navigate', { timeout: 60_000 }, async () => {
      const out = path.join(tmp, 'html');
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.setDefaultTimeout(15_000);
      const problems: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`network: ${r.url()}`); });
      await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
      const rows = page.locator('#tables tbody tr');
      await expect.poll(() => rows.count()).toBe(8);
      await expect.poll(() => page.locator('#count').textContent()).toBe('8 of 8 tables');
      await page.getByLabel('Filter tables').fill('order');
      await expect.poll(() => page.locator('#tables tbody tr:visible').count()).toBe(3);
      await expect.poll(() => page.locator('#count').textContent()).toBe('3 of 8 tables');
      if (shots) await page.screenshot({ path: path.join(shots, 'site-index-filtered.png'), fullPage: true });
      await page.locator('#tables tbody tr:visible a', { hasText: /^main\.orders$/ }).click();
      await page.waitForURL(/tables\/main\.orders\.html$/);
      await page.locator('h1', { hasText: 'orders' }).waitFor();
      await expect.poll(() => page.locator('.description strong').textContent()).toBe('placed');
      await expect.poll(() => page.locator('.description script').count()).toBe(0);
      // The diagram image decoded (a broken data URL has no natural size).
      type Img = { complete: boolean; naturalWidth: number; onload: unknown };
      await page.locator('figure.diagram img').evaluate((el) => { const img = el as unknown as Img; return img.complete ? null : new Promise((r) => (img.onload = r)); });
      await expect.poll(() => page.locator('figure.diagram img').evaluate((el) => (el as unknown as Img).naturalWidth)).toBeGreaterThan(100);
      if (shots) await page.screenshot({ path: path.join(shots, 'site-table-orders.png'), fullPage: true });
      await page.locator('#foreign-keys + table a', { hasText: 'main.customers' }).click();
      await page.waitForURL(/tables\/main\.customers\.html$/);
      await page.locator('#referenced-by + table a', { hasText: 'main.../escape' }).click();
      await page.waitForURL(/tables\/main\.escape-[0-9a-f]{8}\.html$/);
      await page.locator('header.top a.home').click();
      await page.waitForURL(/index\.html$/);
      await page.goto(pathToFileURL(path.join(out, 'lint.html')).href);
      await page.goto(pathToFileURL(path.join(out, 'glossary.html')).href);
      await expect.poll(() => page.locator('dd em').textContent()).toBe('purchase');
      expect(problems).toEqual([]);
      await page.close();
    });
  });
});

const server = pgUrl();
const pagilaDir = evalDataset('pagila');
const pagilaSkip = !server ? MISSING_PG : !pagilaDir ? `Pagila docs export ${evalMissing('pagila')}` : null;
if (pagilaSkip) console.warn(`skipped: ${pagilaSkip}`);

describe.skipIf(pagilaSkip !== null)('docs export of Pagila (PostgreSQL)', () => {
  let bundle: DocsBundle;
  let dbName = '';
  afterAll(async () => {
    if (!dbName) return;
    const client = new pg.Client({ connectionString: server! });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).finally(() => client.end());
  });
  beforeAll(async () => {
    const url = await createPgDatabase(server!, 'docspagila');
    dbName = new URL(url).pathname.slice(1);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await runDump(client, await readFile(path.join(pagilaDir!, 'pagila-schema.sql'), 'utf8'));
    } finally {
      await client.end();
    }
    const conn = await (await getDriver('postgres')).connect(parseConnectionUrl(url));
    try {
      const { orphans: _o, ...b } = buildBundle({ snapshot: await conn.introspect(), descriptions: new Map([['public.film', 'A film in the catalogue.']]) });
      bundle = b;
    } finally {
      await conn.close();
    }
  }, 120_000);

  it('has every table and foreign key, and every link resolves (HTML and Markdown)', { timeout: 120_000 }, async () => {
    const html = path.join(tmp, 'pagila-html');
    await exportDocs(bundle, { format: 'html', out: html });
    expectEveryTableAndKey(bundle, html, 'html');
    expect(checkSiteLinks(html)).toEqual([]);
    const md = path.join(tmp, 'pagila-md');
    await exportDocs(bundle, { format: 'md', out: md });
    expectEveryTableAndKey(bundle, md, 'md');
    expect(checkSiteLinks(md)).toEqual([]);
    expect(expectMermaid(md)).toBeGreaterThan(20);
    const film = fs.readFileSync(path.join(html, 'tables', 'public.film.html'), 'utf8');
    for (const s of ['film_actor', 'inventory', 'language', 'CREATE TABLE', 'A film in the catalogue.']) expect(film).toContain(s);
    if (shots && !browserMissing) {
      const browser = await launchChromium();
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(path.join(html, 'tables', 'public.film.html')).href);
      await page.screenshot({ path: path.join(shots, 'site-pagila-film.png'), fullPage: true });
      await browser.close();
    }
  });
});
