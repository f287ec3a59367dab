/**
 * Settings → AI in real Chromium (web mode): the Ollama endpoint field refuses a non-http URL,
 * saves a good one to the app db, detection then looks there, and the Ollama added from it follows
 * the endpoint.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { App } from '../../src/main/app/createApp';
import { OLLAMA_URL_ENV } from '../../src/shared/contracts/aiSettings';
import type { WebServer } from '../../src/main/web/server';
import { startAiStandIn, type AiStandIn } from '../harness/aiStandIn';
import { chromiumMissing } from '../harness/chromium';
import { startWebSession, stopWebSession } from '../harness/webSession';

const missing = chromiumMissing();
if (missing) console.warn(missing);
const SHOTS = '/tmp/shots/ai-router';

describe.skipIf(missing !== null)('Ollama endpoint in Settings → AI (Chromium)', () => {
  let home: string;
  let app: App;
  let server: WebServer;
  let browser: Browser;
  let standIn: AiStandIn;

  beforeAll(async () => {
    standIn = await startAiStandIn();
    delete process.env[OLLAMA_URL_ENV]; // the saved setting is what this test exercises
    ({ home, app, server, browser } = await startWebSession('qg-e2e-ollama-endpoint-'));
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await stopWebSession({ browser, server, app, home });
    await standIn?.close();
  });

  it('validates, saves and uses the endpoint', { timeout: 90_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
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

    const field = settings.getByLabel('Ollama endpoint', { exact: true });
    await expect.poll(() => field.inputValue()).toBe('http://localhost:11434');
    await field.fill('localhost:11434');
    await field.press('Enter');
    await settings.getByRole('alert').filter({ hasText: 'Use an http:// or https:// URL' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'ollama-endpoint-invalid.png') });
    expect((await app.handlers['ai.settings.get']({})).ollamaUrl).toBe('http://localhost:11434');

    await field.fill(`${standIn.ollamaUrl}/`);
    await field.press('Enter');
    await expect.poll(async () => (await app.handlers['ai.settings.get']({})).ollamaUrl).toBe(standIn.ollamaUrl);
    await expect.poll(() => field.inputValue()).toBe(standIn.ollamaUrl);

    standIn.script('ollama.tags', { models: ['llama3.2:latest', 'qwen2.5-coder:7b'] });
    await settings.getByRole('button', { name: 'Detect Ollama' }).click();
    await settings.getByText(`Ollama at ${standIn.ollamaUrl}: 2 models`).waitFor();
    await settings.getByRole('button', { name: 'Add Ollama' }).click();
    const form = page.getByRole('form', { name: 'Add provider' });
    await expect.poll(() => form.getByLabel('Base URL').getAttribute('placeholder')).toContain(`${standIn.ollamaUrl}/v1`);
    await form.getByRole('button', { name: 'Add provider' }).click();
    const card = page.getByLabel('Provider Ollama');
    await card.getByText('local', { exact: true }).waitFor();
    await card.getByText(`${standIn.ollamaUrl}/v1 (Ollama endpoint)`).waitFor();
    await settings.getByText('Added ✓').waitFor();
    // The provider reaches the stand-in through the endpoint.
    standIn.script('openai.models', { models: ['llama3.2:latest'] });
    await card.getByRole('button', { name: 'Test' }).click();
    await card.getByText(/Works/).waitFor();
    expect(standIn.requestsFor('openai.models')).toHaveLength(1);
    await page.screenshot({ path: path.join(SHOTS, 'ollama-endpoint.png') });
    expect(errors).toEqual([]);
  });
});
