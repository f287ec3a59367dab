/**
 * One web-mode app session for end-to-end tests and benchmarks: a fresh data folder, the
 * services, the web server on the built renderer, and Debian's Chromium — and the teardown.
 */
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createApp, type App, type CreateAppOptions } from '../../src/main/app/createApp';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { launchChromium } from './chromium';
import { builtRenderer } from './renderer';

/** A running session. */
export interface WebSession {
  home: string;
  app: App;
  server: WebServer;
  browser: Browser;
}

/** Starts services, server and browser in a new temp data folder named after `prefix`. */
export async function startWebSession(prefix: string, opts: Partial<Omit<CreateAppOptions, 'home' | 'mode'>> = {}): Promise<WebSession> {
  const staticDir = await builtRenderer();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const app = await createApp({ ...opts, home, mode: 'web' });
  const server = await startWebServer({ app, staticDir });
  const browser = await launchChromium();
  return { home, app, server, browser };
}

/** Stops whatever of a session was started (safe after a failed start). */
export async function stopWebSession(s: Partial<WebSession>): Promise<void> {
  await s.browser?.close();
  await s.server?.close();
  await s.app?.close();
  if (s.home) fs.rmSync(s.home, { recursive: true, force: true });
}

/**
 * Loads the app and makes sure an editor tab is open: a tab restored from an earlier test of the
 * file, or the demo database opened from the empty state. Resolves with the editor textbox.
 */
export async function openDemoEditor(page: Page, url: string): Promise<ReturnType<Page['getByRole']>> {
  await page.goto(url);
  const editor = page.getByRole('textbox', { name: 'SQL editor' });
  const openDemo = page.getByRole('button', { name: 'Open the demo database' });
  await editor.or(openDemo).first().waitFor();
  // The empty state also shows while the earlier tabs are still being restored, and goes away
  // when they arrive: a click on it then would wait for a button that is gone.
  if (await openDemo.isVisible()) {
    const settled = (p: Promise<void>): Promise<void> => p.catch(() => undefined);
    await Promise.race([settled(openDemo.click()), settled(editor.waitFor())]);
  }
  await editor.waitFor();
  return editor;
}
