/**
 * The docs core through createApp on real SQLite, PostgreSQL and MariaDB: descriptions survive a
 * re-introspection (a dropped table's description becomes an orphan), the diff finds the changes
 * the test made, comment write-back DDL is read back as the database comment — and a MariaDB
 * column keeps its type, NOT NULL, default and auto-increment — and the guards refuse read-only
 * and unconfirmed prod writes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app/createApp';
import { getDriver } from '../../src/main/drivers/registry';
import type { DriverConnection } from '../../src/main/drivers/types';
import { MemorySecretStore } from '../../src/main/secrets/secretStore';
import { parseConnectionUrl, type ConnectionParams, type Engine } from '../../src/shared/connection';
import type { SchemaSnapshot, TableInfo } from '../../src/shared/schema';
import { rowsOf } from '../harness/collect';
import { createMysqlDatabase, createPgDatabase } from '../harness/databases';
import { MISSING_MYSQL, MISSING_PG, mysqlUrl, pgUrl } from '../harness/servers';

let home: string;
let app: App;
const open: DriverConnection[] = [];

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-docscore-'));
  app = await createApp({ home, mode: 'web', secrets: new MemorySecretStore() });
});
afterAll(async () => {
  for (const c of open) await c.close().catch(() => undefined);
  await app.close();
  fs.rmSync(home, { recursive: true, force: true });
});

/** The schema each engine starts with (same shape, each engine's spelling). */
const SCHEMA: Record<Engine, string[]> = {
  sqlite: [
    'CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)',
    "CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES authors(id), title VARCHAR(200) NOT NULL DEFAULT 'untitled', price NUMERIC(8,2))",
    'CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(200))',
    'CREATE TABLE old_log (id INTEGER, msg VARCHAR(50))',
  ],
  postgres: [
    'CREATE TABLE authors (id SERIAL PRIMARY KEY, name VARCHAR(100) NOT NULL)',
    "CREATE TABLE books (id SERIAL PRIMARY KEY, author_id INTEGER REFERENCES authors(id), title VARCHAR(200) NOT NULL DEFAULT 'untitled', price NUMERIC(8,2))",
    'CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(200))',
    'CREATE TABLE old_log (id INTEGER, msg VARCHAR(50))',
  ],
  mysql: [
    'CREATE TABLE authors (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL)',
    "CREATE TABLE books (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, author_id INT, title VARCHAR(200) NOT NULL DEFAULT 'untitled', price DECIMAL(8,2), FOREIGN KEY (author_id) REFERENCES authors(id))",
    'CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(200))',
    'CREATE TABLE old_log (id INT, msg VARCHAR(50))',
  ],
  mssql: [],
};

/** The changes the diff must find: add column, drop table, change type, add index. */
const CHANGES: Record<Engine, string[]> = {
  sqlite: [
    'ALTER TABLE books ADD COLUMN isbn VARCHAR(20)',
    'DROP TABLE old_log',
    // SQLite cannot change a column's type in place: rebuild the table, as tools do.
    'DROP TABLE notes',
    'CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(80))',
    'CREATE INDEX ix_books_price ON books(price)',
  ],
  postgres: [
    'ALTER TABLE books ADD COLUMN isbn VARCHAR(20)',
    'DROP TABLE old_log',
    'ALTER TABLE notes ALTER COLUMN body TYPE VARCHAR(80)',
    'CREATE INDEX ix_books_price ON books(price)',
  ],
  mysql: [
    'ALTER TABLE books ADD COLUMN isbn VARCHAR(20)',
    'DROP TABLE old_log',
    'ALTER TABLE notes MODIFY body VARCHAR(80)',
    'CREATE INDEX ix_books_price ON books(price)',
  ],
  mssql: [],
};

let n = 0;
async function freshDatabase(engine: Engine): Promise<{ params: ConnectionParams; conn: DriverConnection }> {
  let params: ConnectionParams;
  if (engine === 'sqlite') params = { engine, filePath: path.join(home, `docs${n++}.sqlite`) };
  else if (engine === 'postgres') params = parseConnectionUrl(await createPgDatabase(pgUrl()!, 'qg_docs'));
  else params = parseConnectionUrl(await createMysqlDatabase(mysqlUrl()!, 'qg_docs'));
  const conn = await (await getDriver(engine)).connect(params);
  open.push(conn);
  for (const sql of SCHEMA[engine]) await rowsOf(conn, sql);
  return { params, conn };
}

async function saveConnection(engine: Engine, params: ConnectionParams, extra: { readOnly?: boolean; environment?: 'prod' } = {}): Promise<string> {
  const { password, engine: _e, ...rest } = params;
  const saved = await app.handlers['connections.save']({ name: `docs-${engine}-${n++}`, engine, params: rest, password: password ?? undefined, ...extra });
  return saved.id;
}

function tableOf(s: SchemaSnapshot, name: string): TableInfo {
  return s.schemas.flatMap((x) => x.tables).find((t) => t.name === name)!;
}

const engines: { engine: Engine; skip: string | false }[] = [
  { engine: 'sqlite', skip: false },
  { engine: 'postgres', skip: pgUrl() ? false : MISSING_PG },
  { engine: 'mysql', skip: mysqlUrl() ? false : MISSING_MYSQL },
];

for (const { engine, skip } of engines) {
  describe.skipIf(skip !== false)(`docs core on ${engine}${skip ? ` (${skip})` : ''}`, () => {
    it('keeps descriptions across re-introspection, lists orphans, and diffs the changes the test made', { timeout: 60_000 }, async () => {
      const { params, conn } = await freshDatabase(engine);
      const id = await saveConnection(engine, params);
      const first = await app.handlers['docs.bundle']({ connectionId: id, refresh: true });
      const s = first.snapshot.schemas.find((x) => x.tables.some((t) => t.name === 'books'))!.name;
      expect(first.coverage.tables).toEqual({ documented: 0, total: 4 });
      // old_log has no key; lint says so.
      expect(first.lint.filter((f) => f.rule === 'no-primary-key').map((f) => f.target)).toEqual([`${s}.old_log`]);

      await app.handlers['docs.describe.save']({ connectionId: id, target: `${s}.books`, text: 'Every **book** we sell' });
      await app.handlers['docs.describe.save']({ connectionId: id, target: `${s}.books.title`, text: "The title, as printed (it's \"quoted\")" });
      await app.handlers['docs.describe.save']({ connectionId: id, target: `${s}.old_log`, text: 'Legacy log' });

      for (const sql of CHANGES[engine]) await rowsOf(conn, sql);
      const second = await app.handlers['docs.bundle']({ connectionId: id, refresh: true });
      expect(second.descriptions[`${s}.books`]).toBe('Every **book** we sell');
      expect(second.descriptions[`${s}.books.title`]).toBe("The title, as printed (it's \"quoted\")");
      expect(second.orphans.map((o) => [o.target, o.text])).toEqual([[`${s}.old_log`, 'Legacy log']]);
      expect(second.coverage.tables).toEqual({ documented: 1, total: 3 });

      const snaps = await app.handlers['docs.snapshots.list']({ connectionId: id });
      expect(snaps.length).toBeGreaterThanOrEqual(2);
      expect(snaps[0]!.tables).toBe(3);
      const oldest = snaps.at(-1)!;
      expect(oldest.tables).toBe(4);
      for (const to of [snaps[0]!.id, 'live']) {
        const diff = await app.handlers['docs.diff']({ connectionId: id, from: oldest.id, to });
        const find = (target: string, object: string) => diff.changes.find((c) => c.target === target && c.object === object);
        expect(find(`${s}.books.isbn`, 'column')).toMatchObject({ change: 'added', breaking: false });
        expect(find(`${s}.old_log`, 'table')).toMatchObject({ change: 'removed', breaking: true });
        expect(find(`${s}.notes.body`, 'column')).toMatchObject({ change: 'changed', breaking: true });
        expect(find(`${s}.notes.body`, 'column')!.detail).toMatch(/narrowed/);
        expect(find(`${s}.books.ix_books_price`, 'index')).toMatchObject({ change: 'added', breaking: false });
        expect(diff.breaking).toBe(true);
        // Nothing the test did not do shows up.
        expect(diff.changes.map((c) => c.target).sort()).toEqual([`${s}.books.isbn`, `${s}.books.ix_books_price`, `${s}.notes.body`, `${s}.old_log`]);
      }
    });

    it('writes descriptions back as comments (or says plainly it cannot) and guards read-only and prod', { timeout: 60_000 }, async () => {
      const { params } = await freshDatabase(engine);
      const id = await saveConnection(engine, params);
      const s = (await app.handlers['docs.bundle']({ connectionId: id, refresh: true })).snapshot.schemas.find((x) => x.tables.some((t) => t.name === 'books'))!.name;
      const tricky = "Bob's \"book\" table \\ with a backslash; -- not a comment";
      await app.handlers['docs.describe.save']({ connectionId: id, target: `${s}.books`, text: tricky });
      await app.handlers['docs.describe.save']({ connectionId: id, target: `${s}.books.title`, text: "Title (it's required)" });
      await app.handlers['docs.describe.save']({ connectionId: id, target: `${s}.authors.id`, text: 'Author key' });

      const preview = await app.handlers['docs.comments.preview']({ connectionId: id });
      if (engine === 'sqlite') {
        expect(preview).toMatchObject({ supported: false, statements: [] });
        expect(preview.reason).toMatch(/SQLite has no/);
        await expect(app.handlers['docs.comments.apply']({ connectionId: id })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
        return;
      }
      expect(preview.supported).toBe(true);
      expect(preview.statements.map((x) => x.target)).toEqual([`${s}.authors.id`, `${s}.books`, `${s}.books.title`]);
      if (engine === 'mysql') expect(preview.statements[2]!.sql).toMatch(/MODIFY COLUMN `title` varchar\(200\).*NOT NULL DEFAULT 'untitled' COMMENT/);

      const ro = await saveConnection(engine, params, { readOnly: true });
      await app.handlers['docs.describe.save']({ connectionId: ro, target: `${s}.books`, text: 'x' });
      await expect(app.handlers['docs.comments.apply']({ connectionId: ro })).rejects.toMatchObject({ code: 'READ_ONLY_VIOLATION' });
      const prod = await saveConnection(engine, params, { environment: 'prod' });
      await app.handlers['docs.describe.save']({ connectionId: prod, target: `${s}.notes`, text: 'Notes' });
      await expect(app.handlers['docs.comments.apply']({ connectionId: prod })).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
      expect(tableOf((await app.handlers['docs.bundle']({ connectionId: prod, refresh: true })).snapshot, 'notes').comment).toBeNull();

      const before = tableOf((await app.handlers['docs.bundle']({ connectionId: id })).snapshot, 'books');
      const applied = await app.handlers['docs.comments.apply']({ connectionId: id });
      expect(applied.applied).toBe(3);
      const after = (await app.handlers['docs.bundle']({ connectionId: id })).snapshot;
      const books = tableOf(after, 'books');
      expect(books.comment).toBe(tricky);
      const title = books.columns.find((c) => c.name === 'title')!;
      expect(title.comment).toBe("Title (it's required)");
      // MODIFY COLUMN rebuilt the whole definition: nothing but the comment changed.
      const { comment: _a, ...titleBefore } = before.columns.find((c) => c.name === 'title')!;
      const { comment: _b, ...titleAfter } = title;
      expect(titleAfter).toEqual(titleBefore);
      expect(titleAfter).toMatchObject({ nullable: false });
      expect(title.default).toMatch(/untitled/);
      const authorId = tableOf(after, 'authors').columns.find((c) => c.name === 'id')!;
      expect(authorId.comment).toBe('Author key');
      expect(authorId.autoIncrement).toBe(true);
      // Written once: the preview now has nothing left to do.
      expect((await app.handlers['docs.comments.preview']({ connectionId: id })).statements).toEqual([]);
      // Confirmed, prod is written too.
      expect((await app.handlers['docs.comments.apply']({ connectionId: prod, confirmed: true })).applied).toBe(1);
    });
  });
}
