/**
 * The ER diagram of a generated 500-table SQLite schema in Chromium (web mode): time from
 * choosing "ER diagram" to the diagram drawn and the page answering frames again, first open
 * (schema read, diagram chunk, worker start, layout) and re-open (schema cached); then frames per
 * second while panning (drag) and zooming (wheel) over all 500 tables and zoomed in to readable
 * rows. Baselines from the same run: opening a new SQL editor tab, and the idle page's frame rate.
 */
import { windowFps } from './frames';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createApp } from '../src/main/app/createApp';
import { startWebServer } from '../src/main/web/server';
import { chromiumMissing, launchChromium } from '../tests/harness/chromium';
import { PROJECT_ROOT } from '../src/main/web/rendererBuild';
import { writeBigSchema } from '../tests/e2e/erdFixtures';
import { median, round, type BenchEntry } from './types';

const TABLES = 500;
const SECONDS = 4;

// Browser-side snippets are strings: this file is type-checked without the DOM library; a string
// given to page.evaluate runs through CDP, which the app's CSP does not block.
const START_FRAMES = `(() => {
  const w = window;
  w.__frames = [];
  w.__counting = true;
  const tick = (t) => { if (!w.__counting) return; w.__frames.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
const STOP_FRAMES = `(() => { window.__counting = false; return window.__frames; })()`;
/** Resolves after two frames: the main thread is free to paint and answer input again. */
const TWO_FRAMES = `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))`;
const NODE_COUNT = `document.querySelectorAll('.react-flow__node').length`;

/** Frames per second (median of half-second windows) while `drive` runs for a few seconds. */
async function fps(page: Page, drive: (step: number) => Promise<void>): Promise<number> {
  await page.evaluate(START_FRAMES);
  const until = Date.now() + SECONDS * 1000;
  let step = 0;
  while (Date.now() < until) await drive(step++);
  const frames = (await page.evaluate(STOP_FRAMES)) as number[];
  return median(windowFps(frames));
}

/**
 * Opens the ER diagram of "Big" from the explorer: ms until a diagram is drawn and the page
 * paints again (stand-in or final arrangement), and until ELK's final layout is drawn.
 */
async function openDiagram(page: Page): Promise<{ ms: number; finalMs: number; layoutMs: number }> {
  await page
    .getByTestId('explorer-connection')
    .filter({ hasText: 'Big' })
    .click({ button: 'right' });
  const item = page.getByRole('menuitem', { name: 'ER diagram' });
  await item.waitFor();
  const t0 = Date.now();
  await item.click();
  const status = page.getByTestId('erd-status');
  await page
    .locator('[data-testid="erd-status"][data-phase="refining"]')
    .or(page.locator('[data-testid="erd-status"][data-phase="ready"]'))
    .waitFor({ timeout: 120_000 });
  await page.locator('.react-flow__node').first().waitFor();
  await page.evaluate(TWO_FRAMES);
  const ms = Date.now() - t0;
  await page
    .locator('[data-testid="erd-status"][data-phase="ready"]')
    .waitFor({ timeout: 300_000 });
  await page.evaluate(TWO_FRAMES);
  const finalMs = Date.now() - t0;
  if (!new RegExp(`^${TABLES} tables`).test((await status.textContent()) ?? ''))
    throw new Error('the diagram does not show every table');
  return { ms, finalMs, layoutMs: Number(await status.getAttribute('data-layout-ms')) };
}

/**
 * A production build of the renderer in its own folder: the shared build may have been made under
 * vitest (NODE_ENV=test), which bundles React's development build, several times slower.
 */
async function productionRenderer(outDir: string): Promise<string> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const vite = await import('vite');
    await vite.build({
      configFile: path.join(PROJECT_ROOT, 'vite.web.config.ts'),
      root: path.join(PROJECT_ROOT, 'src', 'renderer'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  return outDir;
}

/** Runs the benchmark. */
export async function run(): Promise<BenchEntry[]> {
  const missing = chromiumMissing();
  if (missing) {
    console.warn(missing);
    return [];
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-bench-erd-'));
  const staticDir = await productionRenderer(path.join(home, 'renderer'));
  const file = path.join(home, 'big.sqlite');
  const { foreignKeys } = writeBigSchema(file, TABLES);
  const app = await createApp({ home, mode: 'web' });
  await app.handlers['connections.save']({
    name: 'Big',
    engine: 'sqlite',
    params: { filePath: file },
  });
  const server = await startWebServer({ app, staticDir });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(120_000);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Open the demo database' }).click();
    await page.getByRole('textbox', { name: 'SQL editor' }).waitFor();

    // Baseline: a new editor tab, clicked to ready, twice (the first warms the path).
    const editorTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      await page.getByRole('button', { name: 'New query tab' }).click();
      await page.getByRole('textbox', { name: 'SQL editor' }).last().waitFor();
      await page.evaluate(TWO_FRAMES);
      editorTimes.push(Date.now() - t0);
    }
    const editorMs = median(editorTimes);

    await page.getByRole('tab', { name: 'Explorer' }).click();
    const cold = await openDiagram(page);
    await page.getByRole('button', { name: /^Close ER diagram/ }).click();
    const warm = await openDiagram(page);

    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const cx = pane.x + pane.width / 2;
    const cy = pane.y + pane.height / 2;
    const idle = await fps(page, () => new Promise((r) => setTimeout(r, 50)));
    // Whole diagram on screen (every node rendered, names only): drag to pan, wheel to zoom.
    const overview = await fps(page, async (step) => {
      if (step % 2 === 0) {
        await page.mouse.move(cx, cy);
        await page.mouse.down();
        await page.mouse.move(cx + (step % 4 === 0 ? 120 : -120), cy + 60, { steps: 6 });
        await page.mouse.up();
      } else await page.mouse.wheel(0, step % 4 === 1 ? -240 : 240);
    });
    const shownOverview = (await page.evaluate(NODE_COUNT)) as number;
    // Zoomed in (rows drawn, nodes mount and unmount as they scroll in and out of view).
    await page.getByRole('searchbox', { name: 'Find a table' }).fill('ops_');
    await page
      .getByRole('listbox', { name: 'Matching tables' })
      .getByRole('option')
      .first()
      .click();
    await page.locator('.react-flow__node.is-found .erd-row').first().waitFor();
    await page.mouse.move(cx, cy);
    const detail = await fps(page, async (step) => {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      const dir = Math.floor(step / 6) % 2 === 0 ? -1 : 1;
      await page.mouse.move(cx + dir * 200, cy + dir * 160, { steps: 8 });
      await page.mouse.up();
    });
    const shownDetail = (await page.evaluate(NODE_COUNT)) as number;
    await page.close();

    const goal2s = '≤ 2000 ms';
    return [
      {
        name: `erd: open a ${TABLES}-table, ${foreignKeys}-FK diagram, first time, to drawn + interactive (stand-in layout) vs new editor tab`,
        value: cold.ms,
        unit: 'ms',
        baseline: editorMs,
        ratio: round(cold.ms / Math.max(1, editorMs)),
        goal: goal2s,
      },
      {
        name: `erd: open the same, first time, until ELK's final layout is drawn`,
        value: cold.finalMs,
        unit: 'ms',
        baseline: editorMs,
        ratio: round(cold.finalMs / Math.max(1, editorMs)),
      },
      {
        name: `erd: re-open the ${TABLES}-table diagram (schema and layout cached) vs new editor tab`,
        value: warm.ms,
        unit: 'ms',
        baseline: editorMs,
        ratio: round(warm.ms / Math.max(1, editorMs)),
        goal: goal2s,
      },
      {
        name: `erd: ELK layout of ${TABLES} tables (key columns) in the worker, first open`,
        value: cold.layoutMs,
        unit: 'ms',
        goal: '≤ 1500 ms for 300 tables (engine)',
      },
      {
        name: `erd: fps panning/zooming the whole ${TABLES}-table diagram (${shownOverview} nodes in DOM) vs idle page`,
        value: round(overview, 1),
        unit: 'fps',
        baseline: round(idle, 1),
        ratio: round(idle / Math.max(1, overview)),
        goal: '≥ 30 fps',
      },
      {
        name: `erd: fps panning zoomed in (rows drawn, ${shownDetail} nodes in DOM) vs idle page`,
        value: round(detail, 1),
        unit: 'fps',
        baseline: round(idle, 1),
        ratio: round(idle / Math.max(1, detail)),
        goal: '≥ 30 fps',
      },
    ];
  } finally {
    await browser.close();
    await server.close();
    await app.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
