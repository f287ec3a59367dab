/**
 * AI task validation on PostgreSQL (the shared test server): libpg-query parsing, the real
 * EXPLAIN error in repair rounds, and EXPLAIN of a write that never runs it.
 */
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AiStandIn } from '../harness/aiStandIn';
import { createPgDatabase } from '../harness/databases';
import { MISSING_PG, pgUrl } from '../harness/servers';
import { lastUserText, sqlReply, startTaskApp, type TaskApp } from './tasksHarness';

const server = pgUrl();
if (!server) console.warn(MISSING_PG);

describe.skipIf(!server)('AI tasks on PostgreSQL', { timeout: 120_000 }, () => {
  let standIn: AiStandIn;
  let t: TaskApp;
  let dbUrl: string;
  let connectionId: string;
  let n = 0;
  const rid = (): string => `pg-req-${++n}`;
  const count = async (): Promise<number> => {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    try {
      return Number((await c.query('SELECT count(*) AS n FROM shop.product')).rows[0].n);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    t = await startTaskApp();
    standIn = t.standIn;
    dbUrl = await createPgDatabase(server!, 'qg_ai');
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    await c.query(`
      CREATE SCHEMA shop;
      CREATE TABLE shop.product (product_id serial PRIMARY KEY, title text NOT NULL, price numeric(10,2) NOT NULL, active boolean NOT NULL DEFAULT true);
      INSERT INTO shop.product (title, price) VALUES ('Lamp', 20), ('Desk', 150);
    `);
    await c.end();
    const u = new URL(dbUrl);
    const saved = await t.app.handlers['connections.save']({
      name: 'pg shop',
      engine: 'postgres',
      params: { host: u.hostname, port: Number(u.port), database: u.pathname.slice(1), user: decodeURIComponent(u.username), ssl: { mode: 'disable' } },
      password: decodeURIComponent(u.password),
    });
    connectionId = saved.id;
  });
  afterAll(async () => {
    await t?.close();
    if (dbUrl) {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${new URL(dbUrl).pathname.slice(1)}" WITH (FORCE)`).catch(() => undefined);
      await c.end();
    }
  });
  afterEach(() => standIn.reset());

  it('repairs with PostgreSQL\'s own error text and the nearest names', async () => {
    standIn.script('openai.chat', { text: sqlReply('SELECT p.title FROM shop.product p WHERE p.activ') }, { text: sqlReply('SELECT p.title FROM shop.product p WHERE p.active') });
    const r = await t.app.handlers['ai.ask']({ connectionId, question: 'titles of products on sale', requestId: rid() });
    expect(r).toMatchObject({ valid: true, repairs: 1, tablesUsed: ['shop.product'] });
    const repair = lastUserText(standIn.requestsFor('openai.chat')[1]);
    expect(repair).toContain('Column "p.activ" does not exist in shop.product');
    expect(repair).toContain('"active"');
    expect(repair).toMatch(/column p\.activ does not exist/);
  });

  it('a syntax error is caught by the PostgreSQL parser and repaired', async () => {
    standIn.script('openai.chat', { text: sqlReply('SELECT title FROM shop.product WHERE') }, { text: sqlReply('SELECT title FROM shop.product') });
    const r = await t.app.handlers['ai.ask']({ connectionId, question: 'titles', requestId: rid() });
    expect(r).toMatchObject({ valid: true, repairs: 1 });
    expect(lastUserText(standIn.requestsFor('openai.chat')[1])).toMatch(/Syntax error: syntax error at end of input/);
  });

  it('EXPLAIN of an INSERT validates it without inserting', async () => {
    standIn.script('openai.chat', { text: sqlReply("INSERT INTO shop.product (title, price) VALUES ('Chair', 45)") });
    const before = await count();
    const r = await t.app.handlers['ai.ask']({ connectionId, question: 'add a chair for 45', requestId: rid() });
    expect(r).toMatchObject({ valid: true, kind: 'write', refused: false, runnable: true });
    expect(await count()).toBe(before);
  });

  it('unknown table in another schema gets the qualified nearest name', async () => {
    const bad = { text: sqlReply('SELECT * FROM products') };
    standIn.script('openai.chat', bad, bad, bad);
    const r = await t.app.handlers['ai.ask']({ connectionId, question: 'products', requestId: rid() });
    expect(r.valid).toBe(false);
    expect(r.problems.find((p) => p.kind === 'table')).toMatchObject({ name: 'products', suggestions: ['shop.product'] });
  });
});
