/**
 * End to end in real Chromium over web mode: Settings → AI opened from the command palette, a
 * provider added with a key (pointed at the loopback AI stand-in), tested, and the request log
 * showing the exact payload of a call — never the key.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { App } from '../../src/main/app/createApp';
import { appPaths } from '../../src/main/app/paths';
import { createRouter } from '../../src/main/ai/router';
import { MemorySecretStore } from '../../src/main/secrets/secretStore';
import type { WebServer } from '../../src/main/web/server';
import { startAiStandIn, type AiStandIn } from '../harness/aiStandIn';
import { chromiumMissing } from '../harness/chromium';
import { startWebSession, stopWebSession } from '../harness/webSession';

const missing = chromiumMissing();
if (missing) console.warn(missing);
const SHOTS = '/tmp/shots/ai-router';
const KEY = 'sk-e2e-NEVER-SHOWN-5150';

describe.skipIf(missing !== null)('AI settings and request log in Chromium (web mode)', () => {
  let home: string;
  let app: App;
  let server: WebServer;
  let browser: Browser;
  let standIn: AiStandIn;
  const secrets = new MemorySecretStore();

  beforeAll(async () => {
    standIn = await startAiStandIn();
    // The app looks for Ollama here instead of localhost:11434 (this file runs in its own process).
    process.env.QG_OLLAMA_URL = standIn.ollamaUrl;
    ({ home, app, server, browser } = await startWebSession('qg-e2e-ai-settings-', { secrets }));
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await stopWebSession({ browser, server, app, home });
    await standIn?.close();
  });

  it('adds a provider with a key, tests it, and shows a logged request', { timeout: 90_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Open the demo database' }).click();
    await page.getByRole('textbox', { name: 'SQL editor' }).click();

    await page.keyboard.press('Control+K');
    await page.getByPlaceholder('Type a command…').fill('AI settings');
    await page.keyboard.press('Enter');
    const settings = page.getByLabel('AI settings', { exact: true });
    await settings.getByRole('heading', { name: 'Providers' }).waitFor();

    await settings.getByRole('button', { name: 'Add provider' }).click();
    const form = page.getByRole('form', { name: 'Add provider' });
    await form.getByLabel('Name').fill('OpenAI (stand-in)');
    await form.getByLabel('Base URL').fill(standIn.openaiBaseUrl);
    await form.getByLabel('API key').fill(KEY);
    await form.getByLabel('Models').fill('gpt-4o-mini\ngpt-4.1-mini');
    await page.screenshot({ path: path.join(SHOTS, 'ai-settings-add.png') });
    await form.getByRole('button', { name: 'Add provider' }).click();

    const card = page.getByLabel('Provider OpenAI (stand-in)');
    await card.getByText('key stored ✓').waitFor();
    standIn.script('openai.models', { models: ['gpt-4o-mini', 'gpt-4.1-mini', 'o4-mini'] });
    await card.getByRole('button', { name: 'Test' }).click();
    await card.getByText(/Works/).waitFor();
    expect(standIn.requestsFor('openai.models')[0]!.headers.authorization).toBe(`Bearer ${KEY}`);

    // Ollama on "this machine" (the stand-in): detected, added as a local provider without a key.
    standIn.script('ollama.tags', { models: ['llama3.2:latest', 'qwen2.5-coder:7b'] });
    await settings.getByRole('button', { name: 'Detect Ollama' }).click();
    await settings.getByText(/2 models \(llama3\.2:latest, qwen2\.5-coder:7b\)/).waitFor();
    await settings.getByRole('button', { name: 'Add Ollama' }).click();
    await page.getByRole('form', { name: 'Add provider' }).getByRole('button', { name: 'Add provider' }).click();
    await page.getByLabel('Provider Ollama').getByText('local', { exact: true }).waitFor();
    await settings.getByText('Added ✓').waitFor();

    // A request made through the router (as a task would) shows up in usage and in the log.
    const db = new Database(appPaths(home).appDb);
    try {
      const router = createRouter({ db, secrets });
      standIn.script('openai.chat', { text: 'SELECT count(*) FROM film;', usage: { input: 1200, output: 12, cached: 1000 } });
      await router.complete({ task: 'ask', messages: [{ role: 'system', content: 'schema: film(film_id, title)', cacheable: true }, { role: 'user', content: 'how many films?' }] });
    } finally {
      db.close();
    }
    await settings.getByRole('combobox').first().selectOption({ label: 'OpenAI (stand-in) · gpt-4.1-mini' });
    await page.getByLabel('Today cap in USD').fill('5');
    await page.getByLabel('Today cap in USD').blur();
    await page.getByText(/of \$5\.00/).waitFor();
    // The page scrolls inside its tab: a tall window shows every section in one picture.
    await page.setViewportSize({ width: 1280, height: 1500 });
    await settings.getByRole('heading', { name: 'Prices' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'ai-settings.png') });
    await settings.getByRole('button', { name: /Show \d+ prices/ }).click();
    await settings.getByRole('cell', { name: 'gpt-4o-mini', exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'ai-settings-prices.png') });
    await page.setViewportSize({ width: 1280, height: 860 });
    expect(await page.content()).not.toContain('NEVER-SHOWN');

    await settings.getByRole('button', { name: 'Request log' }).click();
    const log = page.getByLabel('AI request log', { exact: true });
    await log.getByRole('cell', { name: /OpenAI \(stand-in\) · gpt-4o-mini/ }).first().click();
    const detail = page.getByLabel('Request detail');
    await detail.getByText('how many films?').waitFor();
    await expect.poll(() => detail.locator('pre').first().textContent()).toContain('"model": "gpt-4o-mini"');
    await page.screenshot({ path: path.join(SHOTS, 'ai-log.png') });
    expect(await page.content()).not.toContain('NEVER-SHOWN');
    expect(errors).toEqual([]);
  });
});
