/**
 * Retrieval inside the app (issue 7): the per-connection index is built from the live schema,
 * updated incrementally, fed by saved queries and accepted pairs, and gives the AI a context that
 * respects the budget, the bridge tables and the user's include/exclude choices.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app/createApp';
import { MemorySecretStore } from '../../src/main/secrets/secretStore';
import type { RetrievalProgress } from '../../src/shared/contracts/retrieval';

let home: string;
let app: App;
let demoId: string;

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-appretrieval-'));
  app = await createApp({ home, mode: 'web', secrets: new MemorySecretStore() });
  demoId = (await app.handlers['connections.list']({})).find((c) => c.isDemo)!.id;
});

afterAll(async () => {
  await app.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('retrieval in the app', () => {
  it('builds the index with progress, then updates it incrementally', async () => {
    expect((await app.handlers['retrieval.status']({ connectionId: demoId })).built).toBe(false);
    const progress: RetrievalProgress[] = [];
    const off = app.events.subscribe((name, payload) => {
      if (name === 'retrieval.progress') progress.push(payload as RetrievalProgress);
    });
    const first = await app.handlers['retrieval.build']({ connectionId: demoId });
    off();
    expect(first.embedded).toBeGreaterThanOrEqual(10); // 9 tables + a view
    expect(progress.at(-1)?.phase).toBe('done');
    expect(progress.every((p) => p.connectionId === demoId && p.buildId === first.buildId)).toBe(true);
    expect(fs.existsSync(path.join(home, 'index', `${demoId}.db`))).toBe(true);
    const second = await app.handlers['retrieval.build']({ connectionId: demoId });
    expect(second.embedded).toBe(0);
    expect(second.unchanged).toBe(first.total);
    const status = await app.handlers['retrieval.status']({ connectionId: demoId });
    expect(status).toMatchObject({ built: true, chunks: first.total, embedder: expect.stringContaining('builtin'), valueSamples: false });
  });

  it('ranks tables for a question', async () => {
    const ranked = await app.handlers['retrieval.search']({ connectionId: demoId, question: 'which supplier ships each product', k: 5 });
    expect(ranked.map((r) => r.table)).toEqual(expect.arrayContaining(['main.suppliers', 'main.products']));
  });

  it('builds a context within the budget, with the bridge table and the user choices', async () => {
    const retrieval = app.retrieval;
    const ctx = await retrieval.context(demoId, 'cost price of products per supplier company', { budgetTokens: 220 });
    expect(ctx.tokens).toBeLessThanOrEqual(220);
    expect(ctx.tables).toEqual(expect.arrayContaining(['main.product_suppliers', 'main.suppliers']));
    const without = await retrieval.context(demoId, 'cost price of products per supplier company', { budgetTokens: 220, exclude: ['main.suppliers'] });
    expect(without.tables).not.toContain('main.suppliers');
    const withExtra = await retrieval.context(demoId, 'cost price of products per supplier company', { budgetTokens: 220, include: ['main.employees'] });
    expect(withExtra.tables[0]).toBe('main.employees');
    expect(withExtra.reasons.join('\n')).toContain('added by you');
    const whole = await retrieval.context(demoId, 'cost price of products per supplier company');
    expect(whole.reasons[0]).toContain('whole schema');
    expect(whole.tables).not.toContain(undefined);
  });

  it('indexes saved queries of the connection and accepted question→SQL pairs', async () => {
    const before = await app.handlers['retrieval.status']({ connectionId: demoId });
    await app.handlers['saved.save']({ name: 'Late shipments', connectionId: demoId, sql: 'SELECT * FROM orders WHERE shipped_at > required_at' });
    await app.handlers['saved.save']({ name: 'Not this connection', connectionId: null, sql: 'SELECT 1' });
    await app.retrieval.addExample(demoId, 'How many loyal customers ordered twice?', 'SELECT customer_id FROM orders GROUP BY customer_id HAVING count(*) >= 2');
    const built = await app.handlers['retrieval.build']({ connectionId: demoId });
    expect(built.embedded).toBe(2);
    const after = await app.handlers['retrieval.status']({ connectionId: demoId });
    expect(after.chunks).toBe(before.chunks + 2);
    expect(after.examples).toBe(1);
    const ctx = await app.retrieval.context(demoId, 'loyal customers who ordered twice');
    expect(ctx.examples.map((e) => e.sql).join('\n')).toContain('HAVING count(*) >= 2');
  });

  it('indexes value samples only after the user turns them on', async () => {
    const off = await app.handlers['retrieval.status']({ connectionId: demoId });
    expect(off.valueSamples).toBe(false);
    const on = await app.handlers['retrieval.options.save']({ connectionId: demoId, valueSamples: true });
    expect(on.valueSamples).toBe(true);
    await app.handlers['retrieval.build']({ connectionId: demoId });
    const withSamples = await app.handlers['retrieval.status']({ connectionId: demoId });
    expect(withSamples.chunks).toBeGreaterThan(off.chunks);
    await app.handlers['retrieval.options.save']({ connectionId: demoId, valueSamples: false });
    await app.handlers['retrieval.build']({ connectionId: demoId });
    expect((await app.handlers['retrieval.status']({ connectionId: demoId })).chunks).toBe(off.chunks);
  });
});

describe('retrieval builds in the worker thread', () => {
  it('cancels a build from its progress and keeps the previous index', async () => {
    const file = path.join(home, 'wide.sqlite');
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(file);
    for (let i = 0; i < 300; i++) db.exec(`CREATE TABLE t${i} (id INTEGER PRIMARY KEY, name_${i} TEXT, amount_${i} REAL)`);
    db.close();
    const conn = await app.handlers['connections.save']({ name: 'wide', engine: 'sqlite', params: { filePath: file } });
    const buildId = 'cancel-me';
    const off = app.events.subscribe((name, payload) => {
      if (name === 'retrieval.progress' && (payload as RetrievalProgress).buildId === buildId) void app.handlers['retrieval.cancel']({ buildId });
    });
    await expect(app.handlers['retrieval.build']({ connectionId: conn.id, buildId })).rejects.toMatchObject({ code: 'QUERY_CANCELLED' });
    off();
    expect((await app.handlers['retrieval.status']({ connectionId: conn.id })).built).toBe(false);
    const done = await app.handlers['retrieval.build']({ connectionId: conn.id });
    expect(done.embedded).toBe(300);
  });
});
