/**
 * AI tasks end to end in the main process: the real app (createApp), the real router and SDKs,
 * the loopback stand-in as the provider, and a real SQLite database for validation and EXPLAIN.
 * Assertions are on what the stand-in RECEIVED.
 */
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AiStandIn } from '../harness/aiStandIn';
import { lastUserText, PII_VALUES, PLAIN_VALUES, sent, sqlReply, startTaskApp, type TaskApp } from './tasksHarness';

let standIn: AiStandIn;
let t: TaskApp;
let n = 0;
const rid = (): string => `req-${++n}`;

beforeAll(async () => {
  t = await startTaskApp();
  standIn = t.standIn;
});
afterAll(async () => {
  await t?.close();
});
afterEach(() => standIn.reset());

describe('ask on SQLite through the real router and SDK', { timeout: 120_000 }, () => {
  it('validates the answer and reports context, tokens and cost', async () => {
    standIn.script('openai.chat', { text: sqlReply('SELECT first_name, city FROM customer WHERE active = 1', 'Lists active customers.') });
    const r = await t.app.handlers['ai.ask']({ connectionId: t.connectionId, question: 'active customers and their city', requestId: rid() });
    expect(r).toMatchObject({ valid: true, runnable: true, repairs: 0, kind: 'read', tablesUsed: ['main.customer'], explanation: 'Lists active customers.' });
    expect(r.context.tables).toContain('main.customer');
    expect(r.tokens.input).toBeGreaterThan(0);
    expect(standIn.requestsFor('openai.chat')).toHaveLength(1);
  });

  it('a made-up column triggers a repair round whose request carries the real error', async () => {
    standIn.script('openai.chat', { text: sqlReply('SELECT first_name FROM customer WHERE activ = 1') }, { text: sqlReply('SELECT first_name FROM customer WHERE active = 1') });
    const r = await t.app.handlers['ai.ask']({ connectionId: t.connectionId, question: 'active customers', requestId: rid() });
    expect(r).toMatchObject({ valid: true, repairs: 1, sql: 'SELECT first_name FROM customer WHERE active = 1' });
    const reqs = standIn.requestsFor('openai.chat');
    expect(reqs).toHaveLength(2);
    const repair = lastUserText(reqs[1]);
    expect(repair).toContain('Column "activ" does not exist');
    expect(repair).toContain('"active"'); // the nearest real name
    expect(repair).toMatch(/no such column: activ/); // SQLite's own EXPLAIN error
    expect(JSON.stringify(reqs[0].body)).not.toContain('does not exist');
  });

  it('after two failed repairs the answer comes back not valid, with its problems', async () => {
    const bad = { text: sqlReply('SELECT nickname FROM customer') };
    standIn.script('openai.chat', bad, bad, bad);
    const r = await t.app.handlers['ai.ask']({ connectionId: t.connectionId, question: 'nicknames', requestId: rid() });
    expect(standIn.requestsFor('openai.chat')).toHaveLength(3);
    expect(r).toMatchObject({ valid: false, runnable: false, repairs: 2 });
    expect(r.problems.some((p) => p.kind === 'column' && p.name === 'nickname')).toBe(true);
  });

  it('EXPLAIN validates a write without running it; a read-only connection refuses it', async () => {
    const update = sqlReply("UPDATE customer SET city = 'Nowhere' WHERE customer_id = 1");
    standIn.script('openai.chat', { text: update });
    const rw = await t.app.handlers['ai.ask']({ connectionId: t.connectionId, question: 'move customer 1', requestId: rid() });
    expect(rw).toMatchObject({ valid: true, kind: 'write', refused: false, runnable: true });
    const db = new Database(t.file, { readonly: true });
    expect(db.prepare('SELECT city FROM customer WHERE customer_id = 1').get()).toEqual({ city: 'Lisbon' });
    db.close();

    const ro = await t.app.handlers['connections.save']({ name: 'shop-ro', engine: 'sqlite', params: { filePath: t.file }, readOnly: true });
    standIn.script('openai.chat', { text: update });
    const r = await t.app.handlers['ai.ask']({ connectionId: ro.id, question: 'move customer 1', requestId: rid() });
    expect(r).toMatchObject({ valid: true, kind: 'write', refused: true, runnable: false });
    expect(r.problems.some((p) => p.kind === 'refused')).toBe(true);
  });

  it('a follow-up in the same thread carries the previous turns', async () => {
    standIn.script('openai.chat', { text: sqlReply('SELECT * FROM orders') }, { text: sqlReply("SELECT * FROM orders WHERE status = 'shipped'") });
    const first = await t.app.handlers['ai.ask']({ connectionId: t.connectionId, question: 'all orders please', requestId: rid() });
    await t.app.handlers['ai.ask']({ connectionId: t.connectionId, question: 'only the shipped ones', threadId: first.threadId, requestId: rid() });
    const body = standIn.requestsFor('openai.chat')[1].body as { messages: { role: string; content: string }[] };
    const text = (m: { content: unknown }): string => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content));
    expect(body.messages.some((m) => m.role === 'user' && text(m).includes('all orders please'))).toBe(true);
    expect(body.messages.some((m) => m.role === 'assistant' && text(m).includes('SELECT * FROM orders'))).toBe(true);
    const thread = await t.app.handlers['ai.threads.get']({ threadId: first.threadId });
    expect(thread.messages.map((m) => m.question)).toEqual(['all orders please', 'only the shipped ones']);
  });

  it('thumbs up makes the pair a retrieval example the next context offers', async () => {
    const sql = 'SELECT customer_id, SUM(total) AS spent FROM orders GROUP BY customer_id';
    standIn.script('openai.chat', { text: sqlReply(sql) });
    const a = await t.app.handlers['ai.ask']({ connectionId: t.connectionId, question: 'total spend per customer', requestId: rid() });
    expect(await t.app.handlers['ai.feedback']({ answerId: a.answerId, vote: 1 })).toEqual({ vote: 1, exampleAdded: true });
    const ctx = await t.app.handlers['ai.context']({ connectionId: t.connectionId, question: 'spend per customer' });
    expect(ctx.examples.map((e) => e.sql)).toContain(sql);
  });

  it('streams tokens in order as ai.token events, with phases as ai.status', async () => {
    const reply = sqlReply('SELECT COUNT(*) FROM orders', 'Counts orders.');
    standIn.script('openai.chat', { text: reply });
    const events: { name: string; payload: { requestId: string; delta?: string; phase?: string } }[] = [];
    const off = t.app.events.subscribe((name, payload) => events.push({ name, payload: payload as { requestId: string } }));
    const requestId = rid();
    await t.app.handlers['ai.ask']({ connectionId: t.connectionId, question: 'how many orders', requestId });
    off();
    const mine = events.filter((e) => e.payload.requestId === requestId);
    expect(mine.filter((e) => e.name === 'ai.token').map((e) => e.payload.delta).join('')).toBe(reply);
    expect(mine.filter((e) => e.name === 'ai.status').map((e) => e.payload.phase)).toEqual(['context', 'generating', 'validating', 'done']);
  });
});

describe('cancel and parser gaps', { timeout: 120_000 }, () => {
  it('ai.cancel stops a streaming answer: the request is closed early and the task fails as cancelled', async () => {
    standIn.script('openai.chat', { chunks: ['```sql\n', 'SELECT ', 'city ', 'FROM ', 'customer\n', '```'], hangAfterChunks: 2 });
    const requestId = rid();
    const firstToken = new Promise<void>((resolve) => {
      const off = t.app.events.subscribe((name, payload) => {
        if (name === 'ai.token' && (payload as { requestId: string }).requestId === requestId) {
          off();
          resolve();
        }
      });
    });
    const pending = t.app.handlers['ai.ask']({ connectionId: t.connectionId, question: 'cities', requestId });
    await firstToken;
    expect(await t.app.handlers['ai.cancel']({ requestId })).toEqual({ cancelled: true });
    await expect(pending).rejects.toMatchObject({ code: 'AI_CANCELLED' });
    const req = standIn.requestsFor('openai.chat')[0];
    await req.done;
    expect(req.closedEarly).toBe(true);
    expect(await t.app.handlers['ai.cancel']({ requestId })).toEqual({ cancelled: false });
  });

  it('SQL the generic parser cannot read but SQLite accepts is valid, with a note', async () => {
    // node-sql-parser's SQLite grammar lacks NULLS LAST; SQLite (3.30+) has it.
    standIn.script('openai.chat', { text: sqlReply('SELECT city FROM customer ORDER BY city NULLS LAST') });
    const r = await t.app.handlers['ai.ask']({ connectionId: t.connectionId, question: 'how many customers ordered', requestId: rid() });
    expect(r).toMatchObject({ valid: true, repairs: 0 });
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'parse', severity: 'warning' })]);
  });

  it('result rows for explain are sent only when the connection allows them, without personal columns', async () => {
    const rows = { columns: ['email', 'city'], rows: [['ann.lee@example.com', 'Lisbon']] };
    const explain = async (): Promise<string> => {
      standIn.script('openai.chat', { text: '## TL;DR\nx' });
      await t.app.handlers['ai.explain']({ connectionId: t.connectionId, sql: 'SELECT email, city FROM customer', rows, requestId: rid() });
      return sent(standIn.requestsFor('openai.chat').at(-1)!);
    };
    const off = await explain();
    expect(off).not.toContain('Lisbon');
    expect(off).not.toContain('ann.lee@example.com');
    await t.app.handlers['ai.privacy.save']({ connectionId: t.connectionId, allowSampleValues: false, allowResultRows: true, columns: {} });
    const on = await explain();
    expect(on).toContain('Lisbon');
    expect(on).not.toContain('ann.lee@example.com');
    await t.app.handlers['ai.privacy.save']({ connectionId: t.connectionId, allowSampleValues: false, allowResultRows: false, columns: {} });
  });
});

describe('privacy: what the stand-in receives', { timeout: 120_000 }, () => {
  const ask = async (): Promise<string> => {
    standIn.script('openai.chat', { text: sqlReply('SELECT city FROM customer') });
    const r = await t.app.handlers['ai.ask']({ connectionId: t.connectionId, question: 'customers by city and orders by status', requestId: rid() });
    expect(r.valid).toBe(true);
    const reqs = standIn.requestsFor('openai.chat');
    return sent(reqs[reqs.length - 1]);
  };
  const save = (allowSampleValues: boolean, columns: Record<string, 'allow' | 'deny'> = {}) =>
    t.app.handlers['ai.privacy.save']({ connectionId: t.connectionId, allowSampleValues, allowResultRows: false, columns });

  it('by default no value leaves the machine: only names, types, keys', async () => {
    const body = await ask();
    expect(body).toContain('customer_id INTEGER PK');
    for (const v of [...PII_VALUES, ...PLAIN_VALUES]) expect(body).not.toContain(v);
    expect(body).not.toContain('sk-test-SECRET-123');
  });

  it('with sample values on: ordinary values appear, personal ones still do not', async () => {
    await save(true);
    const body = await ask();
    for (const v of PLAIN_VALUES) expect(body).toContain(v);
    for (const v of PII_VALUES) expect(body).not.toContain(v);
  });

  it('a per-column override lets one personal column through, and only that one', async () => {
    await save(true, { 'main.customer.email': 'allow' });
    const body = await ask();
    expect(body).toContain('ann.lee@example.com');
    expect(body).not.toContain('Annabel');
    await save(false);
  });

  it('reports the personal-looking columns', async () => {
    const info = await t.app.handlers['ai.privacy.get']({ connectionId: t.connectionId, detectColumns: true });
    expect(info.pii.map((p) => p.column).sort()).toEqual(['main.customer.email', 'main.customer.first_name', 'main.customer.last_name']);
  });

  it('preview shows the exact messages without sending anything', async () => {
    const p = await t.app.handlers['ai.preview']({ connectionId: t.connectionId, task: 'ask', question: 'orders by status' });
    expect(standIn.requestsFor('openai.chat')).toHaveLength(0);
    expect(p.messages[0]).toMatchObject({ role: 'system', cacheable: true });
    expect(p.messages.at(-1)).toEqual({ role: 'user', content: 'orders by status' });
  });
});

describe('explain, fix, optimise, describe', { timeout: 120_000 }, () => {
  it('explain returns the three layers', async () => {
    standIn.script('openai.chat', { text: '## TL;DR\nCounts orders.\n## Plain explanation\nIt counts rows of orders.\n## Joins\nNone.\n## Filters\nNone.\n## Performance\nA full scan.' });
    const r = await t.app.handlers['ai.explain']({ connectionId: t.connectionId, sql: 'SELECT COUNT(*) FROM orders', requestId: rid() });
    expect(r).toMatchObject({ tldr: 'Counts orders.', plain: 'It counts rows of orders.', detail: { joins: 'None.', performance: 'A full scan.' } });
  });

  it('fix sends the failed SQL and the real error, returns validated SQL', async () => {
    standIn.script('openai.chat', { text: sqlReply('SELECT email FROM customer', 'What changed: emial is spelled email.') });
    const r = await t.app.handlers['ai.fix']({ connectionId: t.connectionId, sql: 'SELECT emial FROM customer', error: 'no such column: emial', requestId: rid() });
    expect(r).toMatchObject({ valid: true, sql: 'SELECT email FROM customer', changes: 'emial is spelled email.' });
    expect(lastUserText(standIn.requestsFor('openai.chat')[0])).toContain('no such column: emial');
  });

  it('optimise sends the real plan and returns findings and index suggestions', async () => {
    standIn.script('openai.chat', { text: '## Findings\n- Full scan of orders for one customer\n## Rewritten SQL\nnone\n## Index suggestions\nCREATE INDEX orders_customer ON orders (customer_id);' });
    const r = await t.app.handlers['ai.optimise']({ connectionId: t.connectionId, sql: 'SELECT * FROM orders WHERE customer_id = 1', requestId: rid() });
    expect(lastUserText(standIn.requestsFor('openai.chat')[0])).toMatch(/SCAN orders|SEARCH orders/);
    expect(r.findings).toEqual(['Full scan of orders for one customer']);
    expect(r.indexSuggestions).toEqual(['CREATE INDEX orders_customer ON orders (customer_id)']);
    expect(r.rewrite).toBeNull();
  });

  it('describe drafts are saved only when accepted', async () => {
    standIn.script('openai.chat', { text: '```json\n{"table": "Orders placed by customers.", "columns": {"status": "Where the order is.", "nope": "x"}}\n```' });
    const d = await t.app.handlers['ai.describe']({ connectionId: t.connectionId, table: 'orders', requestId: rid() });
    expect(d.entries.map((e) => e.target)).toEqual(['main.orders', 'main.orders.status']);
    expect(d.dropped).toEqual(['nope']);
    const before = await t.app.handlers['docs.describe.list']({ connectionId: t.connectionId });
    expect(before.some((e) => e.target === 'main.orders')).toBe(false);
    await t.app.handlers['ai.describe.accept']({ connectionId: t.connectionId, entries: d.entries.map(({ target, text }) => ({ target, text })) });
    const after = await t.app.handlers['docs.describe.list']({ connectionId: t.connectionId });
    expect(after.map((e) => e.target)).toEqual(expect.arrayContaining(['main.orders', 'main.orders.status']));
  });
});

describe('other protocols', { timeout: 120_000 }, () => {
  it('Anthropic: the schema goes first as a cached system block; repair works the same', async () => {
    const p = await t.app.handlers['ai.providers.save']({ kind: 'anthropic', name: 'Stand-in Anthropic', baseUrl: standIn.anthropicBaseUrl, models: ['claude-test'], key: 'sk-ant-test' });
    standIn.script('anthropic.messages', { text: sqlReply('SELECT titel FROM orders') }, { text: sqlReply('SELECT status FROM orders') });
    const r = await t.app.handlers['ai.ask']({ connectionId: t.connectionId, question: 'order statuses', provider: p.id, requestId: rid() });
    expect(r).toMatchObject({ valid: true, repairs: 1, provider: p.id });
    const reqs = standIn.requestsFor('anthropic.messages');
    expect(reqs).toHaveLength(2);
    const body = reqs[0].body as { system: { text: string; cache_control?: unknown }[] };
    expect(body.system[0].cache_control).toEqual({ type: 'ephemeral' });
    expect(body.system[0].text).toContain('main.orders(order_id INTEGER PK');
    expect(body.system.slice(1).every((b) => b.cache_control === undefined)).toBe(true);
    expect(JSON.stringify(reqs[1].body)).toContain('Column \\"titel\\" does not exist');
  });

  it('Gemini: the same pipeline over generateContent', async () => {
    const p = await t.app.handlers['ai.providers.save']({ kind: 'gemini', name: 'Stand-in Gemini', baseUrl: standIn.geminiBaseUrl, models: ['gemini-test'], key: 'g-test' });
    standIn.script('gemini.generate', { text: sqlReply('SELECT city FROM customer', 'Cities.') });
    const r = await t.app.handlers['ai.ask']({ connectionId: t.connectionId, question: 'cities', provider: p.id, requestId: rid() });
    expect(r).toMatchObject({ valid: true, explanation: 'Cities.', provider: p.id });
    const body = standIn.requestsFor('gemini.generate')[0].body as { systemInstruction?: { parts: { text: string }[] } };
    expect(body.systemInstruction?.parts[0].text).toContain('main.customer(');
  });
});
