/**
 * The erd contract methods through createApp: graph (whole and around a table), saved views kept
 * in sync with the live schema (dropped tables flagged missing, new related tables suggested), and
 * exports written into the exports folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app/createApp';
import { appPaths } from '../../src/main/app/paths';
import { MemorySecretStore } from '../../src/main/secrets/secretStore';

let home: string;
let app: App;
let dbFile: string;
let connectionId: string;

function exec(sql: string): void {
  const db = new Database(dbFile);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-erdapp-'));
  dbFile = path.join(home, 'shop.sqlite');
  exec(`
    CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER NOT NULL REFERENCES a(id));
    CREATE TABLE c (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b(id));
    CREATE TABLE pre (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a(id));
    CREATE TABLE x (id INTEGER PRIMARY KEY);
  `);
  app = await createApp({ home, mode: 'web', secrets: new MemorySecretStore() });
  connectionId = (await app.handlers['connections.save']({ name: 'erd shop', engine: 'sqlite', params: { filePath: dbFile } })).id;
});

afterAll(async () => {
  await app.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('erd through the app', () => {
  it('returns the whole graph, or the tables around one with the hidden links counted', async () => {
    const whole = await app.handlers['erd.graph']({ connectionId });
    expect(whole.graph.nodes.map((n) => n.id).sort()).toEqual(['main.a', 'main.b', 'main.c', 'main.pre', 'main.x']);
    expect(whole.graph.edges).toHaveLength(3);
    const around = await app.handlers['erd.graph']({ connectionId, focus: 'c', hops: 1 });
    expect(around.graph.nodes.map((n) => n.id).sort()).toEqual(['main.b', 'main.c']);
    expect(around.hiddenLinks).toBe(1);
    expect(around.hiddenByNode).toEqual({ 'main.b': 1 });
    await expect(app.handlers['erd.graph']({ connectionId, focus: 'cc' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('saves a view, flags dropped tables as missing and new related tables as suggested', async () => {
    const saved = await app.handlers['erd.views.save']({ connectionId, name: 'core', tables: ['main.a', 'main.b', 'main.c'], positions: { 'main.a': { x: 600, y: 40 }, 'main.zz': { x: 1, y: 1 } }, focus: 'main.b', hops: 1 });
    expect(saved.positions).toEqual({ 'main.a': { x: 600, y: 40 } });
    await expect(app.handlers['erd.views.save']({ connectionId, name: 'core', tables: ['main.a'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const list = await app.handlers['erd.views.list']({ connectionId });
    expect(list).toEqual([expect.objectContaining({ id: saved.id, name: 'core', tableCount: 3, focus: 'main.b', hops: 1 })]);

    exec(`DROP TABLE c; CREATE TABLE d (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a(id)); CREATE TABLE lonely (id INTEGER PRIMARY KEY);`);
    await app.handlers['schema.get']({ connectionId, refresh: true });
    const got = await app.handlers['erd.views.get']({ viewId: saved.id });
    expect(got.view.tables).toEqual(['main.a', 'main.b', 'main.c']);
    expect(got.missing).toEqual(['main.c']);
    // `pre` relates to the view but existed when it was saved: the user left it out on purpose.
    expect(got.suggested).toEqual(['main.d']);
    expect(got.graph.nodes.map((n) => n.id)).toEqual(['main.a', 'main.b']);
    expect(got.hiddenLinks).toBe(2);
  });

  it('exports each format into the exports folder, from a view or around a table', async () => {
    const [view] = await app.handlers['erd.views.list']({ connectionId });
    const exportsDir = appPaths(home).exportsDir;
    for (const format of ['svg', 'png', 'mermaid', 'dbml'] as const) {
      const { path: file } = await app.handlers['erd.export']({ connectionId, format, viewId: view!.id });
      expect(path.dirname(file)).toBe(exportsDir);
      const bytes = fs.readFileSync(file);
      if (format === 'png') expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      else {
        const text = bytes.toString('utf8');
        expect(text).toMatch(format === 'mermaid' ? /main__b \}o--\|\| main__a/ : format === 'dbml' ? /Ref \w+: main\.b\.a_id > main\.a\.id/ : /data-id="main\.b"/);
        expect(text).not.toMatch(/main\.d\b|main__d\b/);
      }
    }
    const svg = fs.readFileSync((await app.handlers['erd.export']({ connectionId, format: 'svg', focus: 'main.a', hops: 1 })).path, 'utf8');
    for (const t of ['main.a', 'main.b', 'main.d', 'main.pre']) expect(svg).toContain(`data-id="${t}"`);
    expect(svg).not.toContain('data-id="main.x"');
  });

  it('exports what the screen shows: unsaved positions and key columns only', async () => {
    const file = (await app.handlers['erd.export']({ connectionId, format: 'svg', focus: 'main.a', hops: 1, positions: { 'main.a': { x: 1234, y: 567 } }, keysOnly: true })).path;
    const svg = fs.readFileSync(file, 'utf8');
    expect(svg).toMatch(/data-id="main\.a"><rect class="box" x="1234" y="567"/);
    // a.name is neither a key nor referenced: left out in key-only mode, drawn otherwise.
    expect(svg).not.toMatch(/>name</);
    const all = fs.readFileSync((await app.handlers['erd.export']({ connectionId, format: 'svg', focus: 'main.a', hops: 1 })).path, 'utf8');
    expect(all).toMatch(/>name</);
  });

  it('deletes a view', async () => {
    const [view] = await app.handlers['erd.views.list']({ connectionId });
    expect(await app.handlers['erd.views.delete']({ viewId: view!.id })).toEqual({ deleted: true });
    await expect(app.handlers['erd.views.get']({ viewId: view!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await app.handlers['erd.views.list']({ connectionId })).toEqual([]);
  });
});
