/**
 * End to end in real Chromium over web mode, with the REAL app backend and the AI stand-in
 * server: the AI panel without a provider shows the "add a key" card; with an OpenAI-compatible
 * provider pointing at the stand-in, a question on the demo database streams into the panel,
 * comes back validated with its context chips, is inserted into the editor and run, and rows
 * appear in the grid. "Explain" from the command palette shows the three layers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../src/main/app/createApp';
import type { WebServer } from '../../src/main/web/server';
import { startAiStandIn, type AiStandIn } from '../harness/aiStandIn';
import { chromiumMissing } from '../harness/chromium';
import { startWebSession, stopWebSession } from '../harness/webSession';

const missing = chromiumMissing();
if (missing) console.warn(missing);
const SHOTS = '/tmp/shots/ai';
const MODEL = 'stand-in-sql';

const SQL_REPLY = [
  'Here is a query for that.\n\n',
  '```sql\n',
  'SELECT first_name, last_name, city\n',
  'FROM customers\n',
  'ORDER BY last_name\n',
  'LIMIT 10;\n',
  '```\n',
  'It lists ten customers by last name.',
];

const EXPLAIN_REPLY =
  '## TL;DR\nLists ten customers sorted by last name.\n## Plain explanation\nIt reads the customers table, sorts by last name and keeps the first ten rows.\n## Joins\nNone.\n## Filters\nNone: every customer is considered.\n## Performance\nA full scan of customers followed by a sort; fine at this size.';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

describe.skipIf(missing !== null)('AI panel in Chromium (web mode, stand-in provider)', () => {
  let home: string;
  let app: App;
  let server: WebServer;
  let browser: Browser;
  let standIn: AiStandIn;

  beforeAll(async () => {
    standIn = await startAiStandIn();
    ({ home, app, server, browser } = await startWebSession('qg-e2e-ai-'));
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  /** An OpenAI-compatible provider at the stand-in, through the contract like the settings view does (once). */
  async function configureStandIn(): Promise<void> {
    if ((await app.handlers['ai.providers.list']({})).some((p) => p.name === 'Stand-in')) return;
    const provider = await app.handlers['ai.providers.save']({
      kind: 'openai-compatible',
      name: 'Stand-in',
      baseUrl: standIn.openaiBaseUrl,
      enabled: true,
      models: [MODEL],
    });
    const ref = { provider: provider.id, model: MODEL };
    await app.handlers['ai.settings.save']({ defaults: { ask: ref, explain: ref, fix: ref, optimise: ref } });
  }

  afterAll(async () => {
    await stopWebSession({ browser, server, app, home });
    await standIn?.close();
  });

  it('asks on the demo database, streams, validates, inserts, runs, and explains', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, colorScheme: 'light' });
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Open the demo database' }).click();
    const editor = page.getByRole('textbox', { name: 'SQL editor' });
    await editor.waitFor();

    // No provider yet: the panel says how to get one.
    await page.getByRole('button', { name: 'AI', exact: true }).click();
    const panel = page.getByTestId('ai-panel');
    await panel.getByTestId('ai-unconfigured').waitFor();
    await expect.poll(() => panel.getByTestId('ai-unconfigured').textContent()).toContain('Add an API key or a local model (Ollama)');
    await shot(page, '1-empty-state');

    await configureStandIn();
    await panel.getByRole('button', { name: 'Check again' }).click();
    const askBox = panel.getByRole('textbox', { name: 'Ask a question' });
    await expect.poll(() => askBox.isEnabled(), { timeout: 30_000 }).toBe(true);
    await shot(page, '1b-ready');

    // Slow chunks, so the stream is visibly in progress before the answer is validated.
    standIn.script('openai.chat', { chunks: SQL_REPLY, delayMs: 400 });
    await askBox.fill('ten customers sorted by last name');
    // Before sending, the chips show the tables the question would get (from the retrieval index).
    await panel.getByTestId('ai-chips').getByText('customers', { exact: true }).waitFor();
    await shot(page, '1c-context-preview');
    await askBox.press('Enter');
    const running = panel.locator('[data-testid=ai-turn][data-state=running]');
    await running.getByTestId('ai-stream').filter({ hasText: 'FROM customers' }).waitFor();
    await shot(page, '2-streaming');

    const turn = panel.locator('[data-testid=ai-turn][data-state=done]').last();
    await turn.getByTestId('ai-sql').waitFor({ timeout: 60_000 });
    await expect.poll(() => turn.getByTestId('ai-sql').textContent()).toMatch(/SELECT first_name, last_name, city\s+FROM customers/);
    await expect.poll(() => turn.getByTestId('ai-validation').textContent()).toContain('Validated with EXPLAIN');
    await expect.poll(() => turn.getByTestId('ai-chips').textContent()).toMatch(/customers/);
    await expect.poll(() => turn.getByTestId('ai-meta').textContent()).toContain(MODEL);
    // The stand-in really received the question.
    const asked = standIn.requestsFor('openai.chat').map((r) => r.rawBody).join('\n');
    expect(asked).toContain('ten customers sorted by last name');
    await shot(page, '3-validated-answer');

    // Insert into the editor, then Run from the panel: the normal run path fills the grid.
    await editor.fill('');
    await turn.getByRole('button', { name: 'Insert into editor' }).click();
    await expect.poll(() => editor.textContent()).toContain('FROM customers');
    await turn.getByRole('button', { name: 'Run', exact: true }).click();
    const grid = page.getByTestId('result-grid');
    await grid.locator('[role=row][aria-rowindex="1"] [role=gridcell]').first().waitFor();
    await expect.poll(() => grid.locator('[role=row][aria-rowindex]').count()).toBeGreaterThan(1);
    await shot(page, '4-inserted-and-run');

    // Explain the statement at the cursor from the command palette.
    standIn.script('openai.chat', { text: EXPLAIN_REPLY });
    await editor.click();
    await page.keyboard.press('Control+K');
    await page.getByPlaceholder('Type a command…').fill('Explain selection');
    await page.getByTestId('command-palette').getByText(/AI: Explain selection/).click();
    const explain = panel.getByTestId('ai-explain').last();
    await explain.waitFor({ timeout: 60_000 });
    await expect.poll(() => explain.textContent()).toContain('Lists ten customers sorted by last name.');
    await explain.getByRole('button', { name: /Detail/ }).click();
    await expect.poll(() => explain.textContent()).toContain('A full scan of customers');
    await shot(page, '5-explain');

    // Optimise the same statement: findings and an index suggestion that can be inserted.
    standIn.script('openai.chat', {
      text: '## Findings\n- Sorting by last_name reads and sorts every customer.\n## Rewritten SQL\nnone\n## Index suggestions\nCREATE INDEX customers_last_name ON customers(last_name);',
    });
    await editor.click();
    await page.keyboard.press('Control+K');
    await page.getByPlaceholder('Type a command…').fill('Optimise');
    await page.getByTestId('command-palette').getByText(/AI: Optimise/).click();
    const optimised = panel.locator('[data-testid=ai-answer][data-kind=optimise]').last();
    await optimised.waitFor({ timeout: 60_000 });
    await expect.poll(() => optimised.textContent()).toContain('reads and sorts every customer');
    await expect.poll(() => optimised.textContent()).toContain('CREATE INDEX customers_last_name');
    await shot(page, '5b-optimise');

    // Thumbs up is stored on the answer.
    const firstTurn = panel.locator('[data-testid=ai-turn]').first();
    await firstTurn.getByRole('button', { name: 'Good answer' }).click();
    await expect.poll(() => firstTurn.getByRole('button', { name: 'Good answer' }).getAttribute('aria-pressed')).toBe('true');
    const demo = (await app.handlers['connections.list']({})).find((c) => c.isDemo)!;
    const [thread] = await app.handlers['ai.threads.list']({ connectionId: demo.id });
    expect(thread).toBeDefined();
    await expect.poll(async () => (await app.handlers['ai.threads.get']({ threadId: thread!.threadId })).messages.some((m) => m.vote === 1)).toBe(true);

    // Removing a chip and re-asking leaves that table out of what is sent.
    const firstPrompt = standIn.requestsFor('openai.chat')[0]!.rawBody;
    expect(firstPrompt).toContain('payments');
    const chips = firstTurn.getByTestId('ai-chips');
    if (await chips.getByRole('button', { name: /more/ }).isVisible()) await chips.getByRole('button', { name: /more/ }).click();
    await chips.getByRole('button', { name: 'Remove payments from the context' }).click();
    await shot(page, '6-chip-removed');
    standIn.script('openai.chat', { chunks: SQL_REPLY });
    const before = standIn.requestsFor('openai.chat').length;
    const doneBefore = await panel.locator('[data-testid=ai-turn][data-state=done]').count();
    await panel.getByRole('button', { name: 'Re-ask with these tables' }).click();
    await expect.poll(() => panel.locator('[data-testid=ai-turn][data-state=done]').count(), { timeout: 60_000 }).toBe(doneBefore + 1);
    const reasked = standIn.requestsFor('openai.chat').slice(before).map((r) => r.rawBody).join('\n');
    expect(reasked).toContain('customers');
    expect(reasked).not.toContain('payments');

    // A failing statement offers "Fix this error"; the request carries the real error.
    standIn.script('openai.chat', {
      text: '```sql\nSELECT first_name FROM customers LIMIT 5;\n```\nWhat changed: The column nme does not exist; first_name is the nearest real column.',
    });
    await editor.fill('SELECT nme FROM customers LIMIT 5');
    await page.getByRole('button', { name: 'Run', exact: true }).first().click();
    const fixBar = page.getByTestId('ai-fixbar');
    await fixBar.waitFor();
    const fixFrom = standIn.requestsFor('openai.chat').length;
    await fixBar.getByRole('button', { name: 'Fix this error' }).click();
    const fixed = panel.locator('[data-testid=ai-answer][data-kind=fix]').last();
    await fixed.getByTestId('ai-sql').waitFor({ timeout: 60_000 });
    await expect.poll(() => fixed.getByTestId('ai-sql').textContent()).toContain('SELECT first_name FROM customers');
    await expect.poll(() => fixed.textContent()).toContain('first_name is the nearest');
    const fixPrompt = standIn.requestsFor('openai.chat').slice(fixFrom).map((r) => r.rawBody).join('\n');
    expect(fixPrompt).toMatch(/no such column: nme|nme/);
    await shot(page, '7-fix');

    // Stop mid-stream: the turn says so and the provider call is aborted.
    standIn.script('openai.chat', { chunks: ['```sql\n', 'SELECT first_name ', 'FROM customers', ' LIMIT 3'], delayMs: 300, hangAfterChunks: 2 });
    await askBox.fill('three customers, please');
    await askBox.press('Enter');
    const streaming = panel.locator('[data-testid=ai-turn][data-state=running]');
    await streaming.getByTestId('ai-stream').filter({ hasText: 'SELECT first_name' }).waitFor();
    await streaming.getByRole('button', { name: 'Stop' }).click();
    await panel.locator('[data-testid=ai-turn][data-state=cancelled]').waitFor();
    const stopped = standIn.requestsFor('openai.chat').at(-1)!;
    await stopped.done;
    expect(stopped.closedEarly).toBe(true);

    // Preview prompt: the exact messages, then Send sends exactly those.
    await askBox.fill('how many orders per ship country');
    await panel.getByRole('button', { name: 'Preview prompt' }).click();
    const preview = page.getByTestId('ai-prompt-preview');
    await preview.locator('.ai-preview-text').filter({ hasText: 'how many orders per ship country' }).waitFor();
    const previewed = await preview.locator('.ai-preview-text').allTextContents();
    await shot(page, '8-prompt-preview');
    standIn.script('openai.chat', { text: '```sql\nSELECT ship_country, count(*) AS orders FROM orders GROUP BY ship_country;\n```' });
    const sendFrom = standIn.requestsFor('openai.chat').length;
    await preview.getByRole('button', { name: 'Send' }).click();
    await preview.waitFor({ state: 'detached' });
    await panel.locator('[data-testid=ai-sql]').filter({ hasText: 'GROUP BY ship_country' }).waitFor({ timeout: 60_000 });
    const sent = standIn.requestsFor('openai.chat')[sendFrom]!.body as { messages: { content: unknown }[] };
    const sentTexts = sent.messages.map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)));
    for (const text of previewed) expect(sentTexts.some((t) => t === text)).toBe(true);

    // Privacy: the switch is saved for the connection and the indicator says so.
    const privacy = panel.getByTestId('ai-privacy');
    await expect.poll(() => privacy.textContent()).toContain('names and types only');
    await privacy.getByRole('button', { name: 'Change' }).click();
    await privacy.getByRole('checkbox', { name: /Allow sample values/ }).check();
    await expect.poll(async () => (await app.handlers['ai.privacy.get']({ connectionId: demo.id })).settings.allowSampleValues).toBe(true);
    await expect.poll(() => privacy.textContent()).toContain('sample values');
    // Columns that look personal stay hidden unless allowed one by one.
    const personal = privacy.getByTestId('ai-privacy-columns');
    await personal.locator('summary').click();
    await personal.getByRole('checkbox', { name: 'Send values of main.customers.email' }).check();
    await expect.poll(async () => (await app.handlers['ai.privacy.get']({ connectionId: demo.id })).settings.columns['main.customers.email']).toBe('allow');
    await shot(page, '12-privacy-columns');
    await personal.getByRole('checkbox', { name: 'Send values of main.customers.email' }).uncheck();
    await expect.poll(async () => (await app.handlers['ai.privacy.get']({ connectionId: demo.id })).settings.columns['main.customers.email']).toBeUndefined();

    // Threads: a new thread starts empty; the earlier one comes back from the list.
    await panel.getByRole('button', { name: 'New thread' }).click();
    await expect.poll(() => panel.getByTestId('ai-turn').count()).toBe(0);
    await panel.getByRole('combobox', { name: 'Thread' }).selectOption({ index: 1 });
    await panel.getByTestId('ai-sql').filter({ hasText: 'FROM customers' }).first().waitFor();
    await expect.poll(() => panel.getByTestId('ai-turn').count()).toBeGreaterThan(1);

    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, '9-dark');
    await panel.getByTestId('ai-chips').last().screenshot({ path: path.join(SHOTS, '9-dark-chips.png') });

    // Ctrl+I closes the panel from the editor.
    await editor.click();
    await page.keyboard.press('Control+I');
    await panel.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('shows a generated write on a read-only connection as refused, with Run disabled', async () => {
    await configureStandIn();
    const demo = (await app.handlers['connections.list']({})).find((c) => c.isDemo)!;
    const detail = await app.handlers['connections.get']({ connectionId: demo.id });
    await app.handlers['connections.save']({ name: 'Demo read-only', engine: 'sqlite', params: { filePath: detail.params.filePath! }, readOnly: true });
    standIn.reset();
    const write = { text: '```sql\nDELETE FROM customers WHERE id = 1;\n```\nDeletes customer 1.' };
    standIn.script('openai.chat', write, write, write);

    const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, colorScheme: 'light' });
    page.setDefaultTimeout(30_000);
    await page.goto(server.url);
    await page.getByText('Demo read-only', { exact: true }).first().click();
    const tab = page.getByRole('region', { name: 'Query Demo read-only' });
    await tab.getByRole('textbox', { name: 'SQL editor' }).waitFor();
    await tab.getByRole('button', { name: 'AI', exact: true }).click();
    const panel = tab.getByTestId('ai-panel');
    const askBox = panel.getByRole('textbox', { name: 'Ask a question' });
    await expect.poll(() => askBox.isEnabled(), { timeout: 30_000 }).toBe(true);
    await askBox.fill('delete customer 1');
    await askBox.press('Enter');
    const turn = panel.locator('[data-testid=ai-turn][data-state=done]').last();
    await turn.getByTestId('ai-validation').filter({ hasText: 'Refused: read-only connection' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => turn.getByRole('button', { name: 'Run', exact: true }).isDisabled()).toBe(true);
    await shot(page, '10-read-only-refused');

    // A reply naming a column that does not exist: two repair rounds, then the problem is shown
    // with the nearest real names, and the repair requests carried the real error.
    standIn.reset();
    const wrong = { text: '```sql\nSELECT nme FROM customers;\n```\nNames of customers.' };
    standIn.script('openai.chat', wrong, wrong, wrong);
    await askBox.fill('customer names');
    await askBox.press('Enter');
    const bad = panel.locator('[data-testid=ai-turn]').last();
    await bad.getByTestId('ai-problems').waitFor({ timeout: 60_000 });
    await expect.poll(() => bad.getByTestId('ai-validation').textContent()).toMatch(/Not validated.*2 repairs/);
    await expect.poll(() => bad.getByTestId('ai-problems').textContent()).toContain('nme');
    const repairs = standIn.requestsFor('openai.chat').slice(1).map((r) => r.rawBody);
    expect(repairs).toHaveLength(2);
    for (const body of repairs) expect(body).toContain('nme');
    await expect.poll(() => bad.getByRole('button', { name: 'Run', exact: true }).isDisabled()).toBe(true);
    await shot(page, '11-not-validated');
    await page.close();
  }, 180_000);
});
