/**
 * Editor latency in Chromium over web mode:
 * - completion popup on a 10,000-table schema (a generated SQLite file): time from the keydown
 *   event to the popup being in the DOM with options, and to the next frame being painted;
 * - run to first rows painted on the demo database: Ctrl+Enter to the first grid row painted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { createApp } from '../src/main/app/createApp';
import { startWebServer } from '../src/main/web/server';
import { chromiumMissing, launchChromium } from '../tests/harness/chromium';
import { builtRenderer } from '../tests/harness/renderer';
import { median, round, type BenchEntry } from './types';

const TABLES = 10_000;
const TRIALS = 15;
/** Per-step bound, so a broken probe fails the bench instead of hanging it. */
const STEP_TIMEOUT_MS = 60_000;
const WORDS = ['account', 'billing', 'customer', 'delivery', 'event', 'invoice', 'ledger', 'metric', 'order', 'payment', 'product', 'region', 'session', 'ticket', 'user', 'vendor'];

function makeSchema(file: string): void {
  const db = new Database(file);
  db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;');
  db.transaction(() => {
    for (let i = 0; i < TABLES; i++)
      db.exec(`CREATE TABLE ${WORDS[i % WORDS.length]}_${String(i).padStart(5, '0')} (id INTEGER PRIMARY KEY, name TEXT, amount NUMERIC, created_at TEXT)`);
  })();
  db.close();
}

// Browser-side snippets are strings: this file is type-checked without the DOM library. The
// probe arms on the next keydown (capture phase, event timestamp) and resolves when the popup
// with at least one option is in the DOM, then after the following frame.
const ARM_PROBE = `window.__probe = new Promise((resolve) => {
  const onKey = (e) => {
    window.removeEventListener('keydown', onKey, true);
    const t0 = e.timeStamp;
    const ready = () => document.querySelector('.cm-tooltip-autocomplete li');
    const finish = () => { const dom = performance.now() - t0; requestAnimationFrame(() => setTimeout(() => resolve({ dom, paint: performance.now() - t0 }), 0)); };
    if (ready()) return finish();
    const obs = new MutationObserver(() => { if (ready()) { obs.disconnect(); finish(); } });
    obs.observe(document.body, { childList: true, subtree: true });
  };
  window.addEventListener('keydown', onKey, true);
})`;

async function typeAndMeasure(page: Page, key: string): Promise<{ dom: number; paint: number }> {
  // `; 0` so evaluate does not wait for the promise it assigns.
  await page.evaluate(`${ARM_PROBE}; 0`);
  await page.keyboard.press(key);
  return (await page.evaluate('window.__probe')) as { dom: number; paint: number };
}

async function setText(page: Page, text: string): Promise<void> {
  await page.locator('.tab-panel:not([hidden]) .cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Escape');
}

/** Runs the editor benchmarks. */
export async function run(): Promise<BenchEntry[]> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-bench-editor-'));
  const file = path.join(home, 'wide.sqlite');
  makeSchema(file);
  const app = await createApp({ home, mode: 'web' });
  const server = await startWebServer({ app, staticDir: await builtRenderer() });
  const browser = await launchChromium();
  try {
    await app.handlers['connections.save']({ name: 'Wide', engine: 'sqlite', params: { filePath: file } });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await page.goto(server.url);
    await page.getByTestId('connection-item').filter({ hasText: 'Wide' }).click();
    await page.locator('.sql-editor[data-schema-ready="true"]').waitFor();

    const tables: Array<{ dom: number; paint: number }> = [];
    const columns: Array<{ dom: number; paint: number }> = [];
    for (let i = 0; i < TRIALS; i++) {
      // A table name after FROM: 10,000 candidates, filtered by the first letter typed.
      await setText(page, 'SELECT * FROM ');
      tables.push(await typeAndMeasure(page, WORDS[i % WORDS.length]![0]!));
      // Columns after an alias, with the table list of the whole schema in the index.
      await setText(page, `SELECT x FROM ${WORDS[i % WORDS.length]}_${String(i).padStart(5, '0')} x WHERE x`);
      columns.push(await typeAndMeasure(page, '.'));
    }

    // Run to first rows painted on the demo database.
    await page.getByTestId('connection-item').filter({ hasText: 'Demo' }).click();
    await page.locator('.tab-panel:not([hidden]) .sql-editor[data-schema-ready="true"]').waitFor();
    const runs: number[] = [];
    for (let i = 0; i < 10; i++) {
      await setText(page, `SELECT 'mk${i}x' AS marker, * FROM customers LIMIT 100`);
      await page.evaluate(`window.__run = new Promise((resolve) => {
        const onKey = (e) => {
          window.removeEventListener('keydown', onKey, true);
          const t0 = e.timeStamp;
          const row = () => document.querySelector('.tab-panel:not([hidden]) [data-testid="result-grid"] [role=row][aria-rowindex="1"]');
          // The previous run's grid may still be shown: wait for this run's marker.
          const seen = () => (row()?.textContent || '').includes('mk${i}x');
          const obs = new MutationObserver(() => { if (seen()) { obs.disconnect(); requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0)); } });
          obs.observe(document.body, { childList: true, subtree: true, attributes: true });
        };
        window.addEventListener('keydown', onKey, true);
      }); 0`);
      await page.keyboard.press('Control+Enter');
      runs.push((await page.evaluate('window.__run')) as number);
    }
    return [
      { name: 'editor: completion popup after a keystroke, 10,000-table schema (tables after FROM), DOM', value: round(median(tables.map((t) => t.dom))), unit: 'ms', goal: '≤ 50 ms' },
      { name: 'editor: completion popup, 10,000-table schema (tables after FROM), painted', value: round(median(tables.map((t) => t.paint))), unit: 'ms', goal: '≤ 50 ms' },
      { name: 'editor: completion popup, 10,000-table schema (alias columns), painted', value: round(median(columns.map((t) => t.paint))), unit: 'ms', goal: '≤ 50 ms' },
      { name: 'editor: run to first rows painted, demo database (Ctrl+Enter)', value: round(median(runs)), unit: 'ms', goal: '≤ 150 ms' },
    ];
  } finally {
    await browser.close();
    await server.close();
    await app.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
