/**
 * Web-mode cold start in Chromium: start the services and the web server, launch a browser,
 * open the URL and wait for the demo connection in the sidebar. Compared, in the same run, with
 * a trivial static page served by a bare node:http server (browser launch and paint costs).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { createApp } from '../src/main/app/createApp';
import { startWebServer } from '../src/main/web/server';
import { chromiumMissing, launchChromium } from '../tests/harness/chromium';
import { builtRenderer } from '../tests/harness/renderer';
import { median, round, type BenchEntry } from './types';

const RUNS = 3;

interface Sample {
  /** Wall time from "start" to the thing being visible, ms. */
  total: number;
  /** First contentful paint, ms since navigation start. */
  fcp: number;
  /** Time the awaited content showed, ms since navigation start. */
  ready: number;
}

// Browser-side snippets are strings: this file is type-checked without the DOM library.
const FCP_SCRIPT = `new Promise((resolve) => {
  const done = () => {
    const e = performance.getEntriesByName('first-contentful-paint')[0];
    if (e) resolve(e.startTime);
    return Boolean(e);
  };
  if (!done()) new PerformanceObserver(() => void done()).observe({ type: 'paint', buffered: true });
})`;
// Evaluated as expressions (CDP), not through waitForFunction: the app's CSP forbids string eval.
const whenVisible = (test: string): string => `new Promise((resolve) => {
  const check = () => { if (${test}) { resolve(performance.now()); return true; } return false; };
  if (!check()) new MutationObserver((_m, obs) => { if (check()) obs.disconnect(); })
    .observe(document, { childList: true, subtree: true, characterData: true });
})`;
const DEMO_VISIBLE = whenVisible(
  `[...document.querySelectorAll('[data-testid="connection-item"]')].some((el) => (el.textContent || '').includes('Demo (SQLite)'))`,
);
const STATIC_VISIBLE = whenVisible(`document.getElementById('x')`);

/** FCP (ms since navigation start), waiting for the entry if the paint is still pending. */
async function firstContentfulPaint(page: Page): Promise<number> {
  return (await page.evaluate(FCP_SCRIPT)) as number;
}

async function appRun(home: string, staticDir: string): Promise<Sample> {
  const t0 = performance.now();
  const app = await createApp({ home, mode: 'web' });
  const server = await startWebServer({ app, staticDir });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.url, { waitUntil: 'commit' });
    const ready = (await page.evaluate(DEMO_VISIBLE)) as number;
    const total = performance.now() - t0;
    return { total, fcp: await firstContentfulPaint(page), ready };
  } finally {
    await browser.close();
    await server.close();
    await app.close();
  }
}

async function baselineRun(): Promise<Sample> {
  const t0 = performance.now();
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>x</title></head><body><h1 id="x">Hello</h1></body></html>';
  const server = http.createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
      waitUntil: 'commit',
    });
    const ready = (await page.evaluate(STATIC_VISIBLE)) as number;
    const total = performance.now() - t0;
    return { total, fcp: await firstContentfulPaint(page), ready };
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Runs the benchmark (median of 3 runs each). */
export async function run(): Promise<BenchEntry[]> {
  const missing = chromiumMissing();
  if (missing) {
    console.warn(missing);
    return [];
  }
  const staticDir = await builtRenderer();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-bench-web-'));
  try {
    // The first start generates the demo database; a cold start afterwards is what users repeat.
    await (await createApp({ home, mode: 'web' })).close();
    const app: Sample[] = [];
    const base: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      base.push(await baselineRun());
      app.push(await appRun(home, staticDir));
    }
    const m = (xs: Sample[], k: keyof Sample): number => median(xs.map((s) => s[k]));
    const entry = (name: string, k: keyof Sample, goal: string): BenchEntry => ({
      name,
      value: round(m(app, k), 1),
      unit: 'ms',
      baseline: round(m(base, k), 1),
      ratio: round(m(app, k) / m(base, k)),
      goal,
    });
    return [
      entry('web cold start: first contentful paint (vs static page)', 'fcp', '≤ 3× a static page'),
      entry(
        'web cold start: demo connection visible, from navigation (vs static page content visible)',
        'ready',
        '≤ 500 ms',
      ),
      entry(
        'web cold start: services + server + browser to demo connection (vs bare server + browser + static page)',
        'total',
        '≤ 2× bare',
      ),
    ];
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
