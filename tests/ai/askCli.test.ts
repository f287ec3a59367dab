/**
 * `querygenie ask` as a user runs it: the real bin in a child process, the real OpenAI SDK
 * pointed at the stand-in with --base-url, the key from OPENAI_API_KEY, a SQLite file the test
 * creates.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAiStandIn, type AiStandIn } from '../harness/aiStandIn';
import { runCli } from '../harness/cli';
import { createShop, lastUserText, sqlReply } from './tasksHarness';

let standIn: AiStandIn;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-ask-cli-'));
const file = path.join(dir, 'shop.sqlite');
const env = { QG_HOME: path.join(dir, 'home'), OPENAI_API_KEY: 'sk-cli-env-key' };
const base = (): string[] => ['ask', '--url', file, '--provider', 'openai', '--base-url', standIn.openaiBaseUrl, '--model', 'gpt-test'];

beforeAll(async () => {
  standIn = await startAiStandIn();
  createShop(file);
});
afterAll(async () => {
  await standIn?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => standIn.reset());

// Each run starts the real bin (tsx transform), slow on a loaded machine: a generous limit, no timing assertion.
describe('querygenie ask', { timeout: 180_000 }, () => {
  it('--json prints sql, tables, repairs, tokens and cost; the key comes from the environment', async () => {
    standIn.script('openai.chat', { text: sqlReply('SELECT city FROM customer WHERE activ = 1') }, { text: sqlReply('SELECT city FROM customer WHERE active = 1') });
    const r = await runCli([...base(), '--json', 'cities', 'of', 'active', 'customers'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { sql: string; tables: string[]; repairs: number; tokens: { input: number; output: number }; cost: number };
    expect(out).toMatchObject({ sql: 'SELECT city FROM customer WHERE active = 1', tables: ['main.customer'], repairs: 1 });
    expect(out.tokens.input).toBeGreaterThan(0);
    expect(typeof out.cost).toBe('number');
    const reqs = standIn.requestsFor('openai.chat');
    expect(reqs).toHaveLength(2);
    expect(reqs[0].headers.authorization).toBe('Bearer sk-cli-env-key');
    expect(lastUserText(reqs[1])).toMatch(/no such column: activ/);
    expect(lastUserText(reqs[0])).toBe('cities of active customers');
  });

  it('--run prints the validated SQL and its rows', async () => {
    standIn.script('openai.chat', { text: sqlReply("SELECT status, COUNT(*) AS n FROM orders GROUP BY status ORDER BY status") });
    const r = await runCli([...base(), '--run', 'orders per status'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('SELECT status, COUNT(*) AS n FROM orders GROUP BY status ORDER BY status');
    expect(r.stdout).toMatch(/returned\s+\|\s+1/);
    expect(r.stdout).toMatch(/shipped\s+\|\s+2/);
    expect(r.stdout).toContain('(2 rows)');
  });

  it('--run is read-only unless --allow-writes: a write answer is refused and nothing changes', async () => {
    const write = { text: sqlReply("UPDATE customer SET city = 'Nowhere' WHERE customer_id = 1") };
    standIn.script('openai.chat', write);
    const r = await runCli([...base(), '--run', '--json', 'move customer 1'], { env });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('READ_ONLY_VIOLATION');
    const city = (): unknown => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare('SELECT city FROM customer WHERE customer_id = 1').get() as { city: string }).city;
      } finally {
        db.close();
      }
    };
    expect(city()).toBe('Lisbon');

    standIn.script('openai.chat', write);
    const w = await runCli([...base(), '--run', '--allow-writes', 'move customer 1'], { env });
    expect(w.code).toBe(0);
    expect(city()).toBe('Nowhere');
  });

  it('an answer that stays invalid exits non-zero and says why', async () => {
    const bad = { text: sqlReply('SELECT nickname FROM customer') };
    standIn.script('openai.chat', bad, bad, bad);
    const r = await runCli([...base(), 'nicknames'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe('SELECT nickname FROM customer');
    expect(r.stderr).toContain('Column "nickname" does not exist');
    expect(standIn.requestsFor('openai.chat')).toHaveLength(3);
  });

  it('without any key or provider it says what to do', async () => {
    const r = await runCli(['ask', '--url', file, 'anything'], { env: { QG_HOME: env.QG_HOME, OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '', GEMINI_API_KEY: '', GOOGLE_API_KEY: '' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/AI_NO_PROVIDER/);
  });
});
