/**
 * Provider embeddings for the retrieval index (issue 7): the real OpenAI SDK, through the AI
 * router, against the loopback stand-in. The index records which embedder built it and rebuilds
 * when the user switches; "local only" refuses a remote embedder.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app/createApp';
import type { AiStandIn } from '../harness/aiStandIn';
import { startAppWithStandIn, type AppWithStandIn } from '../harness/appWithStandIn';

let env: AppWithStandIn;
let app: App;
let demoId: string;
let standIn: AiStandIn;

beforeAll(async () => {
  env = await startAppWithStandIn('qg-provider-embed-');
  ({ app, demoId, standIn } = env);
});

afterAll(() => env.stop());

describe('provider embeddings for the retrieval index', () => {
  it('embeds every chunk through the provider, records the embedder, and rebuilds on a switch', async () => {
    const provider = await app.handlers['ai.providers.save']({ kind: 'openai', name: 'Stand-in OpenAI', baseUrl: standIn.openaiBaseUrl, models: ['text-embedding-3-small'], key: 'sk-test-embed-key' });
    const builtin = await app.handlers['retrieval.build']({ connectionId: demoId });
    expect(standIn.requestsFor('openai.embeddings')).toHaveLength(0);

    await app.handlers['retrieval.options.save']({ connectionId: demoId, embedder: { provider: provider.id, model: 'text-embedding-3-small' } });
    const rebuilt = await app.handlers['retrieval.build']({ connectionId: demoId });
    expect(rebuilt.rebuilt).toBe(true);
    expect(rebuilt.embedded).toBe(builtin.total);
    const status = await app.handlers['retrieval.status']({ connectionId: demoId });
    expect(status.embedder).toBe(`provider:${provider.id}:text-embedding-3-small`);
    expect(status.embedderChoice).toEqual({ provider: provider.id, model: 'text-embedding-3-small' });

    // What the provider received: the model and the table cards (after one dimension probe).
    const sent = standIn.requestsFor('openai.embeddings').map((r) => r.body as { model: string; input: string[] });
    expect(sent.every((b) => b.model === 'text-embedding-3-small')).toBe(true);
    const inputs = sent.flatMap((b) => b.input);
    expect(inputs.some((t) => t.startsWith('table main.customers'))).toBe(true);
    expect(standIn.requestsFor('openai.embeddings').every((r) => r.headers.authorization === 'Bearer sk-test-embed-key')).toBe(true);

    const ranked = await app.handlers['retrieval.search']({ connectionId: demoId, question: 'customers email', k: 3 });
    expect(ranked.map((r) => r.table)).toContain('main.customers');

    await app.handlers['retrieval.options.save']({ connectionId: demoId, embedder: null });
    const back = await app.handlers['retrieval.build']({ connectionId: demoId });
    expect(back.rebuilt).toBe(true);
    expect((await app.handlers['retrieval.status']({ connectionId: demoId })).embedder).toContain('builtin');
  });

  it('keeps the index of the previous embedder when a switch is cancelled', async () => {
    const provider = (await app.handlers['ai.providers.list']({}))[0]!;
    // Enough tables that the rebuild is still embedding when the cancel arrives.
    const file = path.join(env.home, 'wide.sqlite');
    const db = new Database(file);
    for (let i = 0; i < 300; i++) db.exec(`CREATE TABLE t${i} (id INTEGER PRIMARY KEY, name_${i} TEXT)`);
    db.close();
    const conn = await app.handlers['connections.save']({ name: 'wide', engine: 'sqlite', params: { filePath: file } });
    const before = await app.handlers['retrieval.build']({ connectionId: conn.id });
    expect(before.total).toBe(300);
    await app.handlers['retrieval.options.save']({ connectionId: conn.id, embedder: { provider: provider.id, model: 'text-embedding-3-small' } });
    const buildId = 'switch-then-cancel';
    const off = app.events.subscribe((name, payload) => {
      if (name === 'retrieval.progress' && (payload as { buildId: string }).buildId === buildId) void app.handlers['retrieval.cancel']({ buildId });
    });
    try {
      await expect(app.handlers['retrieval.build']({ connectionId: conn.id, buildId })).rejects.toMatchObject({ code: 'QUERY_CANCELLED' });
    } finally {
      off();
    }
    expect((await app.handlers['retrieval.status']({ connectionId: conn.id })).built).toBe(false);
    await app.handlers['retrieval.options.save']({ connectionId: conn.id, embedder: null });
    expect(await app.handlers['retrieval.status']({ connectionId: conn.id })).toMatchObject({ built: true, chunks: 300 });
    expect((await app.handlers['retrieval.build']({ connectionId: conn.id })).embedded).toBe(0);
  });

  it('refuses a remote embedder when "local only" is on', async () => {
    const provider = (await app.handlers['ai.providers.list']({}))[0]!;
    await app.handlers['ai.settings.save']({ localOnly: true });
    await app.handlers['retrieval.options.save']({ connectionId: demoId, embedder: { provider: provider.id, model: 'text-embedding-3-small' } });
    await expect(app.handlers['retrieval.build']({ connectionId: demoId })).rejects.toMatchObject({ code: 'AI_LOCAL_ONLY' });
    await app.handlers['ai.settings.save']({ localOnly: false });
    await app.handlers['retrieval.options.save']({ connectionId: demoId, embedder: null });
  });
});
