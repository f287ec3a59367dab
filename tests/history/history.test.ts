/**
 * Query history and saved queries through the contract handlers, against a real app database in
 * a temp home and the demo database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app/createApp';
import { MemorySecretStore } from '../../src/main/secrets/secretStore';
import type { ArgsOf, Method, ResultOf } from '../../src/shared/contract';

let home: string;
let app: App;
let demoId: string;

function call<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  return app.handlers[method](args);
}

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-history-'));
  app = await createApp({ home, mode: 'web', secrets: new MemorySecretStore() });
  demoId = (await call('connections.list', {})).find((c) => c.isDemo)!.id;
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('query history', () => {
  it('records every run and finds a past query by a word in it', async () => {
    await call('query.run', {
      connectionId: demoId,
      sql: 'SELECT id, email FROM customers WHERE id <= 3',
    });
    await call('query.run', { connectionId: demoId, sql: 'SELECT count(*) FROM suppliers' });
    const page = await call('history.search', { query: 'custom' });
    expect(page.entries).toHaveLength(1);
    const entry = page.entries[0]!;
    expect(entry.sql).toContain('FROM customers');
    expect(entry.connectionId).toBe(demoId);
    expect(entry.status).toBe('ok');
    expect(entry.rowCount).toBe(3);
    expect(entry.errorMessage).toBeNull();
    // Newest first across everything.
    const all = await call('history.search', { connectionId: demoId });
    expect(all.entries[0]!.sql).toContain('suppliers');
    expect(all.total).toBeGreaterThanOrEqual(2);
  });

  it('leaves out the runs the grid makes to sort or filter a large result', async () => {
    await call('query.run', { connectionId: demoId, sql: 'SELECT * FROM (SELECT id FROM categories) q ORDER BY id DESC', history: false });
    const page = await call('history.search', { query: 'categories' });
    expect(page.entries).toHaveLength(0);
  });

  it('records failures with their message and filters by status', async () => {
    await call('query.run', { connectionId: demoId, sql: 'SELECT nope FROM no_such_table_xyz' });
    const errors = await call('history.search', { status: 'error' });
    expect(errors.entries.map((e) => e.sql)).toContain('SELECT nope FROM no_such_table_xyz');
    expect(errors.entries[0]!.errorMessage).toMatch(/no_such_table_xyz/);
    const oks = await call('history.search', { status: 'ok' });
    expect(oks.entries.every((e) => e.status === 'ok')).toBe(true);
    expect(oks.entries.some((e) => e.sql.includes('no_such_table_xyz'))).toBe(false);
  });

  it('counts rows affected by writes', async () => {
    await call('query.run', {
      connectionId: demoId,
      sql: 'UPDATE categories SET description = description WHERE id IN (1, 2)',
    });
    const page = await call('history.search', { query: 'UPDATE categories' });
    expect(page.entries[0]!.rowCount).toBe(2);
  });

  it('accepts quotes and stars in the search text instead of failing', async () => {
    await call('query.run', {
      connectionId: demoId,
      sql: 'SELECT * FROM orders WHERE status = "shipped" LIMIT 1',
    });
    for (const query of ['"', '*', '"shipped*', 'a" OR "b', 'NEAR(', 'sql:orders', '-']) {
      await expect(call('history.search', { query })).resolves.toBeDefined();
    }
    const found = await call('history.search', { query: '"shipped" *' });
    expect(found.entries[0]!.sql).toContain('"shipped"');
  });

  it('paginates and deletes entries', async () => {
    const first = await call('history.search', { limit: 2 });
    const second = await call('history.search', { limit: 2, offset: 2 });
    expect(first.entries).toHaveLength(2);
    expect(second.entries[0]!.id).not.toBe(first.entries[0]!.id);
    const { deleted } = await call('history.delete', { ids: [first.entries[0]!.id] });
    expect(deleted).toBe(1);
    const after = await call('history.search', {});
    expect(after.total).toBe(first.total - 1);
  });

  it('rejects unknown arguments', () => {
    // The contract's zod schema is strict: an unexpected key is refused at the boundary.
    return import('../../src/shared/contract').then(({ requests }) => {
      expect(requests['history.search'].args.safeParse({ query: 'x', bogus: 1 }).success).toBe(
        false,
      );
    });
  });
});

describe('saved queries', () => {
  it('saves twice as two versions and diffs them showing the changed line', async () => {
    const v1 = await call('saved.save', {
      name: 'Top customers',
      folder: '/reports//monthly/',
      description: 'Customers by revenue',
      tags: ['Finance', 'monthly'],
      connectionId: demoId,
      sql: 'SELECT id, email\nFROM customers\nORDER BY id\nLIMIT 10',
    });
    expect(v1.version).toBe(1);
    expect(v1.folder).toBe('reports/monthly');
    expect(v1.tags).toEqual(['finance', 'monthly']);
    const v2 = await call('saved.save', {
      id: v1.id,
      name: 'Top customers',
      folder: 'reports/monthly',
      tags: ['finance'],
      sql: 'SELECT id, email\nFROM customers\nORDER BY id\nLIMIT 20',
    });
    expect(v2.version).toBe(2);
    expect(v2.connectionId).toBe(demoId); // kept when not given
    const versions = await call('saved.versions', { id: v1.id });
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[1]!.sql).toContain('LIMIT 10'); // the first version was not overwritten
    const diff = await call('saved.diff', { id: v1.id, from: 1, to: 2 });
    expect(diff.patch).toContain('-LIMIT 10');
    expect(diff.patch).toContain('+LIMIT 20');
    expect(diff.patch).not.toContain('-FROM customers');
    expect(diff).toMatchObject({ added: 1, removed: 1 });
  });

  it('restores an old version as a new version', async () => {
    const [q] = await call('saved.list', { query: 'Top customers' });
    const restored = await call('saved.restore', { id: q!.id, version: 1 });
    expect(restored.version).toBe(3);
    expect(restored.sql).toContain('LIMIT 10');
    expect(restored.tags).toEqual(['finance', 'monthly']);
    const versions = await call('saved.versions', { id: q!.id });
    expect(versions[0]!.note).toBe('Restored from version 1');
    expect(versions).toHaveLength(3);
  });

  it('searches name, description, SQL and tags, and filters by folder and tag', async () => {
    await call('saved.save', {
      name: 'Late shipments',
      folder: 'ops',
      tags: ['logistics'],
      description: 'Orders shipped after their due date',
      sql: 'SELECT * FROM orders',
    });
    expect((await call('saved.list', { query: 'revenue' })).map((q) => q.name)).toEqual([
      'Top customers',
    ]);
    expect((await call('saved.list', { query: 'logist' })).map((q) => q.name)).toEqual([
      'Late shipments',
    ]);
    expect((await call('saved.list', { query: 'orders' })).map((q) => q.name)).toEqual([
      'Late shipments',
    ]);
    expect((await call('saved.list', { query: '"*' })).length).toBeGreaterThanOrEqual(0);
    expect((await call('saved.list', { folder: 'reports' })).map((q) => q.name)).toEqual([
      'Top customers',
    ]);
    expect((await call('saved.list', { tag: 'Finance' })).map((q) => q.name)).toEqual([
      'Top customers',
    ]);
    // After an edit, the search sees the new text only.
    const [late] = await call('saved.list', { query: 'Late' });
    await call('saved.save', {
      id: late!.id,
      name: 'Late shipments',
      folder: 'ops',
      sql: 'SELECT * FROM payments',
    });
    expect(await call('saved.list', { query: 'orders' })).toHaveLength(0);
    expect((await call('saved.list', { query: 'payments' })).map((q) => q.name)).toEqual([
      'Late shipments',
    ]);
  });

  it('deletes a saved query with its versions', async () => {
    const [q] = await call('saved.list', { query: 'Late' });
    expect((await call('saved.delete', { id: q!.id })).deleted).toBe(true);
    await expect(call('saved.get', { id: q!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call('saved.versions', { id: q!.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
