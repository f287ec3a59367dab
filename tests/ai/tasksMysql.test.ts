/**
 * AI task validation on MySQL/MariaDB (the shared test server): EXPLAIN of a write validates it
 * without running it, and the engine's own error reaches the repair round.
 */
import mysql from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AiStandIn } from '../harness/aiStandIn';
import { createMysqlDatabase } from '../harness/databases';
import { MISSING_MYSQL, mysqlUrl } from '../harness/servers';
import { lastUserText, sqlReply, startTaskApp, type TaskApp } from './tasksHarness';

const server = mysqlUrl();
if (!server) console.warn(MISSING_MYSQL);

describe.skipIf(!server)('AI tasks on MySQL/MariaDB', { timeout: 120_000 }, () => {
  let standIn: AiStandIn;
  let t: TaskApp;
  let dbUrl: string;
  let connectionId: string;
  let n = 0;
  const rid = (): string => `my-req-${++n}`;
  const prices = async (): Promise<unknown[]> => {
    const c = await mysql.createConnection(dbUrl);
    try {
      const [rows] = await c.query('SELECT price FROM product ORDER BY product_id');
      return (rows as { price: string }[]).map((r) => String(r.price));
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    t = await startTaskApp();
    standIn = t.standIn;
    dbUrl = await createMysqlDatabase(server!, 'qg_ai');
    const c = await mysql.createConnection({ uri: dbUrl, multipleStatements: true });
    await c.query(`
      CREATE TABLE product (product_id INT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(80) NOT NULL, price DECIMAL(10,2) NOT NULL);
      INSERT INTO product (title, price) VALUES ('Lamp', 20), ('Desk', 150);
    `);
    await c.end();
    const u = new URL(dbUrl);
    const saved = await t.app.handlers['connections.save']({
      name: 'mysql shop',
      engine: 'mysql',
      params: { host: u.hostname, port: Number(u.port), database: u.pathname.slice(1), user: decodeURIComponent(u.username) },
      password: u.password ? decodeURIComponent(u.password) : null,
    });
    connectionId = saved.id;
  });
  afterAll(async () => {
    await t?.close();
    if (dbUrl) {
      const c = await mysql.createConnection(server!);
      await c.query(`DROP DATABASE IF EXISTS \`${new URL(dbUrl).pathname.slice(1)}\``).catch(() => undefined);
      await c.end();
    }
  });
  afterEach(() => standIn.reset());

  it('EXPLAIN of an UPDATE validates it without changing a row', async () => {
    standIn.script('openai.chat', { text: sqlReply('UPDATE product SET price = price * 2 WHERE product_id > 0') });
    const before = await prices();
    const r = await t.app.handlers['ai.ask']({ connectionId, question: 'double every price', requestId: rid() });
    expect(r).toMatchObject({ valid: true, kind: 'write', refused: false });
    expect(await prices()).toEqual(before);
  });

  it("repairs with the server's own error text", async () => {
    standIn.script('openai.chat', { text: sqlReply('SELECT titel FROM product') }, { text: sqlReply('SELECT title FROM product') });
    const r = await t.app.handlers['ai.ask']({ connectionId, question: 'titles', requestId: rid() });
    expect(r).toMatchObject({ valid: true, repairs: 1 });
    const repair = lastUserText(standIn.requestsFor('openai.chat')[1]);
    expect(repair).toContain('Column "titel" does not exist');
    expect(repair).toMatch(/Unknown column 'titel'/);
  });
});
