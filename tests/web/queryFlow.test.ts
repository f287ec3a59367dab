/**
 * The query flow through the contract, as the renderer drives it over web mode: run a script on
 * the demo database, receive result-set and progress events, page through the spool, export,
 * cancel, and manual transactions with the close-with-open-transaction warning.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { decodeValue } from '../../src/shared/codec';
import type { ConnectionSummary, ResultSetStarted, RunOutcome } from '../../src/shared/contract';
import type { ExplainResult, ResultPage } from '../../src/shared/query';
import type { SchemaSnapshot } from '../../src/shared/schema';
import { createApp, type App } from '../../src/main/app/createApp';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { call, loginCookie, openSocket } from '../harness/webClient';

let home: string;
let app: App;
let server: WebServer;
let ws: WebSocket;
let demoId: string;
const events: Array<{ name: string; payload: unknown }> = [];

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-flow-'));
  const staticDir = path.join(home, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  app = await createApp({ home, mode: 'web' });
  server = await startWebServer({ app, staticDir });
  ws = await openSocket(`${server.origin.replace('http', 'ws')}/ws`, { Origin: server.origin, Cookie: await loginCookie(server.url) });
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { t: string; name: string; payload: unknown };
    if (msg.t === 'evt') events.push({ name: msg.name, payload: decodeValue(msg.payload) });
  });
  const list = (await call(ws, 'connections.list', {})).result as ConnectionSummary[];
  demoId = list.find((c) => c.isDemo)!.id;
});

afterAll(async () => {
  ws?.close();
  await server?.close();
  await app?.close();
  fs.rmSync(home, { recursive: true, force: true });
});

async function run(sql: string, runId?: string): Promise<RunOutcome> {
  const res = await call(ws, 'query.run', runId ? { connectionId: demoId, sql, runId } : { connectionId: demoId, sql });
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.result as RunOutcome;
}

describe('query flow over the contract', () => {
  it('runs a script, announces result sets, and pages through the spool', async () => {
    events.length = 0;
    const out = await run('SELECT id, email FROM customers ORDER BY id;\nSELECT count(*) AS n FROM orders');
    expect(out.statements).toHaveLength(2);
    const first = out.statements[0]!.resultSets[0]!;
    expect(first.rowCount).toBe(5000);
    expect(first.complete).toBe(true);
    const announced = events.filter((e) => e.name === 'query.resultSet').map((e) => (e.payload as ResultSetStarted).resultId);
    expect(announced).toEqual([first.resultId, out.statements[1]!.resultSets[0]!.resultId]);
    const page = (await call(ws, 'result.page', { resultId: first.resultId, offset: 4990, limit: 100 })).result as ResultPage;
    expect(page.rows).toHaveLength(10);
    expect(page.rows[0]![0]).toBe(4991);
    expect(page.total).toBe(5000);
    expect(page.complete).toBe(true);
    const count = (await call(ws, 'result.page', { resultId: out.statements[1]!.resultSets[0]!.resultId, offset: 0, limit: 1 })).result as ResultPage;
    expect(count.rows).toEqual([[15000]]);
  });

  it('exports a whole result to a file and closes it', async () => {
    const out = await run('SELECT id, name FROM categories ORDER BY id');
    const resultId = out.statements[0]!.resultSets[0]!.resultId;
    const exp = (await call(ws, 'result.export', { resultId, format: 'csv' })).result as { path: string; rows: number };
    expect(exp.rows).toBe(12);
    const text = fs.readFileSync(exp.path, 'utf8');
    expect(text.split('\n')[0]).toBe('id,name');
    expect(text).toContain('1,Coffee');
    expect((await call(ws, 'result.close', { resultId })).result).toEqual({ closed: true });
    expect((await call(ws, 'result.page', { resultId, offset: 0, limit: 1 })).error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('cancels a long-running query for real; the connection then runs again', async () => {
    const runId = 'cancel-me';
    const pending = run('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c', runId);
    await new Promise((r) => setTimeout(r, 400));
    expect((await call(ws, 'query.cancel', { runId })).result).toEqual({ cancelled: true });
    const out = await pending;
    expect(out.cancelled).toBe(true);
    expect(out.statements[0]!.error?.code).toBe('QUERY_CANCELLED');
    const again = await run('SELECT 1 AS one');
    expect(again.statements[0]!.error).toBeUndefined();
  });

  it('manual transactions: rollback undoes, and closing with an open transaction warns first', async () => {
    expect((await call(ws, 'session.transaction', { connectionId: demoId, action: 'begin' })).result).toEqual({ inTransaction: true });
    await run("UPDATE categories SET name = 'Changed' WHERE id = 1");
    const closeAttempt = (await call(ws, 'session.close', { connectionId: demoId })).result;
    expect(closeAttempt).toEqual({ closed: false, openTransaction: true });
    expect((await call(ws, 'session.transaction', { connectionId: demoId, action: 'rollback' })).result).toEqual({ inTransaction: false });
    const out = await run('SELECT name FROM categories WHERE id = 1');
    const page = (await call(ws, 'result.page', { resultId: out.statements[0]!.resultSets[0]!.resultId, offset: 0, limit: 1 })).result as ResultPage;
    expect(page.rows).toEqual([['Coffee']]);
    expect((await call(ws, 'session.close', { connectionId: demoId })).result).toEqual({ closed: true, openTransaction: false });
  });

  it('refuses a second concurrent run on the same session with advice', async () => {
    const a = run('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) FROM c', 'long-a');
    await new Promise((r) => setTimeout(r, 100));
    const b = await call(ws, 'query.run', { connectionId: demoId, sql: 'SELECT 1' });
    expect(b.error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/already running/) });
    await call(ws, 'query.cancel', { runId: 'long-a' });
    await a;
  });

  it('asks for confirmation before a destructive statement, and runs it only once confirmed', async () => {
    const first = await call(ws, 'query.run', { connectionId: demoId, sql: 'SELECT 1;\nDELETE FROM payments' });
    const outcome = first.result as RunOutcome;
    expect(outcome.statements[0]!.error).toMatchObject({ code: 'CONFIRMATION_REQUIRED', message: expect.stringMatching(/DELETE without WHERE/) });
    const count = async (): Promise<unknown> => {
      const out = await run('SELECT count(*) FROM payments');
      return ((await call(ws, 'result.page', { resultId: out.statements[0]!.resultSets[0]!.resultId, offset: 0, limit: 1 })).result as ResultPage).rows[0]![0];
    };
    // The unconfirmed DELETE did not run: every payment is still there.
    const before = (await count()) as number;
    expect(before).toBeGreaterThan(10_000);
    const confirmed = (await call(ws, 'query.run', { connectionId: demoId, sql: 'DELETE FROM payments', confirmed: true })).result as RunOutcome;
    expect(confirmed.statements[0]!.error).toBeUndefined();
    expect(confirmed.statements[0]!.rowsAffected).toBe(before);
    expect(await count()).toBe(0);
  });

  it('on a prod connection every write asks for confirmation; reads do not', async () => {
    const saved = (await call(ws, 'connections.save', { name: 'Prod copy', engine: 'sqlite', params: { filePath: path.join(home, 'demo.sqlite') }, environment: 'prod' })).result as ConnectionSummary;
    const write = (await call(ws, 'query.run', { connectionId: saved.id, sql: "UPDATE categories SET name = 'x' WHERE id = 2" })).result as RunOutcome;
    expect(write.statements[0]!.error).toMatchObject({ code: 'CONFIRMATION_REQUIRED', message: expect.stringMatching(/prod/) });
    const read = (await call(ws, 'query.run', { connectionId: saved.id, sql: 'SELECT name FROM categories WHERE id = 2' })).result as RunOutcome;
    expect(read.statements[0]!.error).toBeUndefined();
  });

  it('serves the schema: full (cached), names first, details on demand, and explain', async () => {
    const full = (await call(ws, 'schema.get', { connectionId: demoId })).result as SchemaSnapshot;
    expect(full.engine).toBe('sqlite');
    const orders = full.schemas[0]!.tables.find((t) => t.name === 'orders')!;
    expect(orders.foreignKeys.map((f) => f.refTable).sort()).toEqual(['customers', 'employees']);
    const cached = (await call(ws, 'schema.get', { connectionId: demoId })).result as SchemaSnapshot;
    expect(cached.capturedAt).toBe(full.capturedAt);
    const names = (await call(ws, 'schema.names', { connectionId: demoId })).result as SchemaSnapshot;
    const named = names.schemas[0]!.tables.find((t) => t.name === 'orders')!;
    expect(named.partial).toBe(true);
    const details = (await call(ws, 'schema.details', { connectionId: demoId, tables: ['main.orders'] })).result as SchemaSnapshot;
    expect(details.schemas[0]!.tables.map((t) => t.name)).toEqual(['orders']);
    expect(details.schemas[0]!.tables[0]!.columns.length).toBe(8);
    const plan = (await call(ws, 'query.explain', { connectionId: demoId, sql: 'SELECT * FROM orders WHERE customer_id = 7' })).result as ExplainResult;
    expect(JSON.stringify(plan.plan)).toMatch(/orders_customer_id/);
  });
});
