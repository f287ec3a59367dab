/**
 * The mock-data contract methods through createApp (issue 9): preview writes nothing, insert adds
 * rows and reports progress, cancel rolls back, read-only and prod connections are guarded, and
 * export writes files under the data folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app/createApp';
import { appPaths } from '../../src/main/app/paths';
import { MemorySecretStore } from '../../src/main/secrets/secretStore';
import type { MockProgressEvent } from '../../src/shared/contract';

let home: string;
let app: App;
let demoId: string;
let demoFile: string;

function count(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

function onProgress(fn: (p: MockProgressEvent) => void): () => void {
  return app.events.subscribe((name, payload) => {
    if (name === 'mock.progress') fn(payload as MockProgressEvent);
  });
}

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-mockapp-'));
  app = await createApp({ home, mode: 'web', secrets: new MemorySecretStore() });
  demoId = (await app.handlers['connections.list']({})).find((c) => c.isDemo)!.id;
  demoFile = appPaths(home).demoDb;
});

afterAll(async () => {
  await app.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('mock data through the app', () => {
  it('plans parents first and marks the ones it added', async () => {
    const { tables } = await app.handlers['mock.plan']({ connectionId: demoId, tables: ['product_suppliers'] });
    const names = tables.map((t) => t.table);
    expect(names.indexOf('suppliers')).toBeLessThan(names.indexOf('product_suppliers'));
    expect(tables.find((t) => t.table === 'suppliers')?.auto).toBe(true);
    expect(tables.find((t) => t.table === 'product_suppliers')?.auto).toBe(false);
  });

  it('previews sample rows without inserting anything', async () => {
    const before = count(demoFile, 'suppliers');
    const preview = await app.handlers['mock.preview']({ connectionId: demoId, tables: ['suppliers'], rows: 5, seed: 7 });
    const sup = preview.find((t) => t.table === 'suppliers')!;
    expect(sup.rows).toHaveLength(5);
    expect(sup.columns).toContain('email');
    expect(count(demoFile, 'suppliers')).toBe(before);
  });

  it('inserts the rows and emits progress', async () => {
    const before = count(demoFile, 'suppliers');
    const seen: MockProgressEvent[] = [];
    const off = onProgress((p) => seen.push(p));
    const r = await app.handlers['mock.insert']({ connectionId: demoId, tables: ['suppliers'], rows: 100, seed: 3, mockId: 'm1' });
    off();
    expect(r.totalRows).toBe(100);
    expect(count(demoFile, 'suppliers')).toBe(before + 100);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toMatchObject({ mockId: 'm1', rows: 100, total: 100 });
  });

  it('cancel rolls back: the table is unchanged', async () => {
    const before = count(demoFile, 'suppliers');
    const off = onProgress((p) => {
      if (p.mockId === 'm2') void app.handlers['mock.cancel']({ mockId: 'm2' });
    });
    await expect(app.handlers['mock.insert']({ connectionId: demoId, tables: ['suppliers'], rows: 300_000, mockId: 'm2' })).rejects.toMatchObject({ code: 'QUERY_CANCELLED' });
    off();
    expect(count(demoFile, 'suppliers')).toBe(before);
  });

  it('refuses read-only connections and asks for confirmation on prod', async () => {
    const ro = await app.handlers['connections.save']({ name: 'ro', engine: 'sqlite', params: { filePath: demoFile }, readOnly: true });
    await expect(app.handlers['mock.insert']({ connectionId: ro.id, tables: ['suppliers'], rows: 1 })).rejects.toMatchObject({ code: 'READ_ONLY_VIOLATION' });
    const prod = await app.handlers['connections.save']({ name: 'prod', engine: 'sqlite', params: { filePath: demoFile }, environment: 'prod' });
    const before = count(demoFile, 'suppliers');
    await expect(app.handlers['mock.insert']({ connectionId: prod.id, tables: ['suppliers'], rows: 2 })).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    expect(count(demoFile, 'suppliers')).toBe(before);
    await app.handlers['mock.insert']({ connectionId: prod.id, tables: ['suppliers'], rows: 2, confirmed: true });
    expect(count(demoFile, 'suppliers')).toBe(before + 2);
  });

  it('exports an SQL script and CSV files under the exports folder', async () => {
    const sql = await app.handlers['mock.export']({ connectionId: demoId, tables: ['suppliers'], rows: 10, format: 'sql' });
    expect(sql.path.startsWith(appPaths(home).exportsDir)).toBe(true);
    expect(fs.readFileSync(sql.path, 'utf8')).toMatch(/INSERT INTO/i);
    const csv = await app.handlers['mock.export']({ connectionId: demoId, tables: ['suppliers'], rows: 10, format: 'csv' });
    expect(csv.files.some((f) => f.endsWith('.csv'))).toBe(true);
  });
});
