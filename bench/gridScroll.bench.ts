/**
 * Scrolling a 1,000,000-row result in Chromium: frames counted with requestAnimationFrame while
 * wheel scrolls are scripted over the grid for a few seconds; median frames per second over
 * half-second windows, compared with the same page idle (the browser's own frame rate here).
 * Also reports the share of frames that showed rows still loading from the spool.
 */
import { windowFps } from './frames';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createApp } from '../src/main/app/createApp';
import { startWebServer } from '../src/main/web/server';
import { chromiumMissing, launchChromium } from '../tests/harness/chromium';
import { builtRenderer } from '../tests/harness/renderer';
import { median, round, type BenchEntry } from './types';

const MILLION = `WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g+1 FROM s WHERE g < 1000000) SELECT g, g*2, 'row ' || g FROM s`;
const SECONDS = 5;

// Browser-side snippets are strings: this file is type-checked without the DOM library, and the
// app's CSP forbids string eval (page.evaluate of an expression goes through CDP instead).
const START_FRAMES = `(() => {
  const w = window;
  w.__frames = [];
  w.__blank = 0;
  w.__counting = true;
  const tick = (t) => {
    if (!w.__counting) return;
    w.__frames.push(t);
    if (document.querySelector('.grid-cell.cell-loading')) w.__blank++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const STOP_FRAMES = `(() => { window.__counting = false; return { frames: window.__frames, blank: window.__blank }; })()`;
const jumpTo = (fraction: number): string =>
  `(() => { const el = document.querySelector('[data-testid="result-grid"]'); el.scrollTop = (el.scrollHeight - el.clientHeight) * ${Math.min(1, fraction)}; })()`;
const FIRST_ROW = `Number(document.querySelector('[data-testid="result-grid"] [role="row"][aria-rowindex]')?.getAttribute('aria-rowindex') ?? 0)`;

async function measure(page: Page, scroll: boolean): Promise<{ fps: number; blankShare: number; maxRow: number }> {
  await page.evaluate(START_FRAMES);
  const until = Date.now() + SECONDS * 1000;
  let direction = 1;
  let steps = 0;
  let maxRow = 0;
  while (Date.now() < until) {
    if (scroll) {
      await page.mouse.wheel(0, direction * 320);
      if (steps % 20 === 0) maxRow = Math.max(maxRow, (await page.evaluate(FIRST_ROW)) as number);
      // Now and then turn around, or jump elsewhere (a scroll-bar drag): cached and fresh blocks alike.
      if (++steps % 40 === 0) direction = -direction;
      if (steps % 80 === 0) await page.evaluate(jumpTo(((steps / 80) * 0.31) % 1));
    } else await new Promise((r) => setTimeout(r, 50));
  }
  const { frames, blank } = (await page.evaluate(STOP_FRAMES)) as { frames: number[]; blank: number };
  return { fps: median(windowFps(frames)), blankShare: frames.length ? blank / frames.length : 0, maxRow };
}

/** Runs the benchmark. */
export async function run(): Promise<BenchEntry[]> {
  const missing = chromiumMissing();
  if (missing) {
    console.warn(missing);
    return [];
  }
  const staticDir = await builtRenderer();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-bench-grid-'));
  const app = await createApp({ home, mode: 'web' });
  const server = await startWebServer({ app, staticDir });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
    page.setDefaultTimeout(120_000);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Open the demo database' }).click();
    await page.getByTestId('sql-editor').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(MILLION);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Run all' }).click();
    await page.getByTestId('result-count').filter({ hasText: '1,000,000 rows' }).waitFor();
    await page.getByRole('region', { name: 'Results' }).getByTestId('run-state').filter({ hasText: 'Done' }).waitFor();
    const box = (await page.getByTestId('result-grid').boundingBox())!;
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);

    const idle = await measure(page, false);
    const scrolled = await measure(page, true);
    // A wheel that never reached the grid would measure an idle page.
    if (scrolled.maxRow < 200) throw new Error(`the grid did not scroll (reached row ${scrolled.maxRow})`);
    return [
      {
        name: 'grid: median fps while wheel-scrolling a 1,000,000-row result (vs idle page)',
        value: round(scrolled.fps, 1),
        unit: 'fps',
        baseline: round(idle.fps, 1),
        ratio: round(idle.fps / Math.max(1, scrolled.fps)),
        goal: '≥ 50 fps',
      },
      { name: 'grid: deepest row reached by the scripted wheel scroll', value: scrolled.maxRow, unit: 'row' },
      {
        name: 'grid: frames showing rows still loading while wheel-scrolling',
        value: round(scrolled.blankShare * 100, 1),
        unit: '%',
      },
    ];
  } finally {
    await browser.close();
    await server.close();
    await app.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
