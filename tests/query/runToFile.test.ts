/**
 * "Run to file" against real servers: PostgreSQL's COPY path writes the same bytes as our own
 * CSV writer over a table of many types (and under odd session settings), a type COPY prints
 * differently falls back, cancel stops the server and leaves no file, read-only refuses writes,
 * and SQLite / MariaDB stream and match result.export.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app/createApp';
import { postgresDriver } from '../../src/main/drivers/postgres/index';
import type { DriverConnection, RowSink } from '../../src/main/drivers/types';
import { planCopy } from '../../src/main/query/toFile/copyPlan';
import { runToFile } from '../../src/main/query/toFile/runToFile';
import { MemorySecretStore } from '../../src/main/secrets/secretStore';
import { parseConnectionUrl, type Engine } from '../../src/shared/connection';
import { AppError } from '../../src/shared/errors';
import type { ColumnMeta } from '../../src/shared/query';
import { createMysqlDatabase, createPgDatabase } from '../harness/databases';
import { MISSING_MYSQL, MISSING_PG, mysqlUrl, pgUrl } from '../harness/servers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-run-to-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (): string => path.join(dir, `out-${++n}.csv`);
const errorOf = (p: Promise<unknown>): Promise<AppError> => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as AppError);

const TYPES_DDL = `
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy, "really"');
CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE TABLE many (
  id int4, i2 int2, i8 int8, n numeric, n3 numeric(12,3), txt text, vc varchar(40), ch char(5), nm name,
  b bool, bin bytea, d date, tm time, ttz timetz, ts timestamp, tstz timestamptz, iv interval,
  j json, jb jsonb, u uuid, ip inet, net cidr, mac macaddr, m money, bt bit(4), vb varbit, pt point,
  rng int4range, tsv tsvector, x xml, e mood, em email, ai int4[], at text[], ab bool[], af float8[],
  o oid, c1 "char", bx box, dr daterange
);
INSERT INTO many VALUES
  (1, -32768, 9223372036854775807, 'NaN', 12.5, 'plain', 'a,b', 'ab', 'nm', true, '\\x00ff10', '2024-02-29', '23:59:59.999999',
   '12:00+05:30', '2024-03-01 12:34:56.789', '2024-03-01 12:34:56.789+05:30', '1 year 2 mons 3 days 04:05:06.7', '{"a": [1, 2.50]}',
   '{"b": "x,\\"y\\""}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '192.168.0.1/24', '10.0.0.0/8', '08:00:2b:01:02:03', 12.34, B'1010',
   B'101', '(1.5,-2)', '[1,5)', 'a fat cat', '<a>x &amp; y</a>', 'happy, "really"', 'me@x.org', '{1,NULL,3}', '{"x y",NULL,"q\\"uote",""}',
   '{t,f,NULL}', '{1.5,-0,1e-7,Infinity}', 4294967295, 'z', '((0,0),(1,1))', '[2024-01-01,2024-02-01)'),
  (2, 0, -1, 0.000001, -0.001, E'line\\nbreak and "quotes", comma', '', ' ', '', false, '', '0001-01-01', '00:00', '00:00-12', '0001-01-01 00:00:00',
   '1999-12-31 23:59:59+00', '-1 days +00:00:01', 'null', '[]', '00000000-0000-0000-0000-000000000000', '::1', '::/0', '00:00:00:00:00:00', -0.5, B'0000',
   B'', '(0,0)', 'empty', '', '<b/>', 'sad', 'x@y', '{}', '{}', '{}', '{}', 0, ' ', '((1,2),(3,4))', 'empty'),
  (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (4, 7, 42, 123456789012345678901234567890.123456789, 1, E'\\\\.', 'ünï ☃ 😀', 'x', 'y', true, '\\x', 'infinity', '24:00', '01:02:03.5+00', 'infinity',
   '-infinity', '00:00:00', '"s"', 'true', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '2001:db8::1', '2001:db8::/32', 'ff:ff:ff:ff:ff:ff', 0, B'1111',
   B'1', '(-1e-7,1e21)', '(,)', 'b:1A c:2', '', 'ok', 'a@b', '{{1,2},{3,4}}', '{",",";"}', '{NULL}', '{NaN}', 1, E'\\\\', '((0,0),(0,0))', '[,)');
`;

const read = (p: string): string => fs.readFileSync(p, 'utf8');
const leftovers = (p: string): string[] => [p, `${p}.part`].filter((f) => fs.existsSync(f));

const pgServer = pgUrl();
(pgServer ? describe : describe.skip)(pgServer ? 'Run to file on PostgreSQL' : MISSING_PG, () => {
  let url: string;
  let conn: DriverConnection;
  beforeAll(async () => {
    url = await createPgDatabase(pgServer!, 'qg_tofile');
    conn = await postgresDriver.connect(parseConnectionUrl(url));
    await conn.execute(TYPES_DDL, IGNORE);
  });
  afterAll(() => conn?.close());

  const both = async (sql: string): Promise<{ fast: string; slow: string; fastPath: boolean; reason?: string }> => {
    const a = await runToFile(conn, sql, { out: file(), readOnly: false });
    const b = await runToFile(conn, sql, { out: file(), readOnly: false, streamingOnly: true });
    expect(b.fastPath).toBe(false);
    expect(a.rows).toBe(b.rows);
    expect(a.bytes).toBe(fs.statSync(a.path).size);
    return { fast: read(a.path), slow: read(b.path), fastPath: a.fastPath, reason: a.fallbackReason };
  };

  it('COPY writes the same bytes as our CSV writer over many types (bool and bytea rewritten)', async () => {
    const r = await both('SELECT * FROM many ORDER BY id');
    expect(r.fastPath).toBe(true);
    expect(r.fast).toBe(r.slow);
    expect(r.fast.split('\n')[0]).toMatch(/^id,i2,i8,n,n3,txt/);
    expect(r.fast).toContain(',true,00ff10,'); // our text for bool and bytea, not COPY's t / \x00ff10
  });

  it('stays identical under other DateStyle, IntervalStyle, TimeZone and float settings', async () => {
    await conn.execute("SET DateStyle = 'SQL, DMY'; SET IntervalStyle = 'iso_8601'; SET TimeZone = 'Pacific/Chatham'; SET extra_float_digits = 0; SET bytea_output = 'escape'", IGNORE);
    try {
      const r = await both('SELECT * FROM many ORDER BY id -- trailing comment');
      expect(r.fastPath).toBe(true);
      expect(r.fast).toBe(r.slow);
      expect(r.fast).toContain('P1Y2M3DT4H5M6.7S');
    } finally {
      await conn.execute('RESET ALL', IGNORE);
    }
  });

  it('a one-column `\\.` value and duplicate column names match too', async () => {
    const one = await both("SELECT txt FROM many ORDER BY id");
    expect(one.fastPath).toBe(true);
    expect(one.fast).toBe(one.slow);
    expect(one.fast).toContain('"\\."');
    const dup = await both('SELECT id, b, id, b AS "we""ird, name" FROM many ORDER BY id');
    expect(dup.fastPath).toBe(true);
    expect(dup.fast).toBe(dup.slow);
  });

  it('a float column falls back, because COPY prints floats differently from us', async () => {
    const sql = "SELECT id, x FROM (VALUES (1, 1e-7::float8), (2, '-0'::float8), (3, 1e15::float8), (4, 0.1::float4::float8)) v(id, x)";
    const r = await both(sql);
    expect(r.fastPath).toBe(false);
    expect(r.reason).toMatch(/x \(float8\)/);
    expect(r.fast).toBe(r.slow);
    // The premise: COPY's own text for these floats is not ours.
    const columns: ColumnMeta[] = [{ name: 'id', type: 'int4' }, { name: 'x', type: 'int4' }];
    const plan = planCopy(sql, columns);
    if (!('copySql' in plan)) throw new Error(plan.reason);
    const sinkStream = new PassThrough();
    const chunks: Buffer[] = [];
    sinkStream.on('data', (c: Buffer) => chunks.push(c));
    await conn.copyOut!(plan.copySql, sinkStream);
    expect(Buffer.concat(chunks).toString()).not.toBe(r.slow);
  });

  it('writes (INSERT … RETURNING) and non-queries (SHOW) stream; several statements are refused', async () => {
    await conn.execute('CREATE TABLE log (id serial, note text)', IGNORE);
    const w = await runToFile(conn, "INSERT INTO log (note) VALUES ('a'), ('b') RETURNING id, note", { out: file(), readOnly: false });
    expect(w.fastPath).toBe(false);
    expect(read(w.path)).toBe('id,note\n1,a\n2,b\n');
    const show = await runToFile(conn, 'SHOW DateStyle', { out: file(), readOnly: false });
    expect(show.fastPath).toBe(false);
    expect(read(show.path)).toMatch(/^DateStyle\n/);
    const e = await errorOf(runToFile(conn, 'SELECT 1; SELECT 2', { out: file(), readOnly: false }));
    expect(e.code).toBe('BAD_REQUEST');
    const none = file();
    const upd = await errorOf(runToFile(conn, "UPDATE log SET note = 'c' WHERE id = 1", { out: none, readOnly: false }));
    expect(upd.message).toMatch(/returned no rows/);
    expect(leftovers(none)).toEqual([]);
  });

  it('a file that cannot be written is a clear error, and the session stays usable', async () => {
    for (const streamingOnly of [false, true]) {
      const out = path.join(dir, 'no-such-folder', 'x.csv');
      const e = await errorOf(runToFile(conn, 'SELECT g FROM generate_series(1, 100000) g', { out, readOnly: false, streamingOnly }));
      expect(e.message).toContain(out);
      const after = await runToFile(conn, 'SELECT 2 AS ok', { out: file(), readOnly: false });
      expect(read(after.path)).toBe('ok\n2\n');
    }
  });

  for (const streamingOnly of [false, true]) {
    it(`cancel stops the server-side query and removes the partial file (${streamingOnly ? 'streaming' : 'COPY'} path)`, async () => {
      const out = file();
      const controller = new AbortController();
      const marker = `qg_cancel_${streamingOnly ? 's' : 'c'}`;
      const sql = `SELECT g, md5(g::text) AS ${marker} FROM (SELECT generate_series(1, 500000000) AS g) s`;
      const running = runToFile(conn, sql, {
        out, readOnly: false, streamingOnly, signal: controller.signal, progressIntervalMs: 0,
        onProgress: (p) => { if (p.bytes > 200_000) controller.abort(); },
      });
      const e = await errorOf(running);
      expect(e.code).toBe('QUERY_CANCELLED');
      expect(leftovers(out)).toEqual([]);
      // The backend is idle again: nothing of ours is still running there.
      const watcher = new pg.Client({ connectionString: url });
      await watcher.connect();
      try {
        let active = -1;
        for (let i = 0; i < 100 && active !== 0; i++) {
          const r = await watcher.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE $1 AND pid <> pg_backend_pid()", [`%${marker}%`]);
          active = (r.rows[0] as { n: number }).n;
          if (active) await new Promise((res) => setTimeout(res, 50));
        }
        expect(active).toBe(0);
      } finally {
        await watcher.end();
      }
      const after = await runToFile(conn, 'SELECT 1 AS still_usable', { out: file(), readOnly: false });
      expect(read(after.path)).toBe('still_usable\n1\n');
    }, 60_000);
  }
});

// Through the app: the contract method, the exports folder, read-only, and result.export parity.
async function withApp<T>(fn: (app: App) => Promise<T>): Promise<T> {
  const home = fs.mkdtempSync(path.join(dir, 'home-'));
  const app = await createApp({ home, mode: 'web', secrets: new MemorySecretStore() });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

async function addConnection(app: App, url: string, engine: Engine, readOnly = false): Promise<string> {
  const { password, ...params } = parseConnectionUrl(url);
  const saved = await app.handlers['connections.save']({ name: `${engine}-${readOnly ? 'ro' : 'rw'}-${++n}`, engine, params, readOnly, ...(password ? { password } : {}) });
  return saved.id;
}

async function resultExportCsv(app: App, connectionId: string, sql: string): Promise<string> {
  const run = await app.handlers['query.run']({ connectionId, sql, history: false });
  const resultId = run.statements[0]!.resultSets[0]!.resultId;
  const exported = await app.handlers['result.export']({ resultId, format: 'csv' });
  await app.handlers['result.close']({ resultId });
  return read(exported.path);
}

async function expectSameAsResultExport(app: App, connectionId: string, sql: string, fastPath: boolean): Promise<void> {
  const r = await app.handlers['query.runToFile']({ connectionId, sql, format: 'csv' });
  expect(r.fastPath).toBe(fastPath);
  expect(path.dirname(r.path)).toBe(path.join(app.info.dataDir, 'exports'));
  expect(read(r.path)).toBe(await resultExportCsv(app, connectionId, sql));
}

describe('Run to file through the app', () => {
  it('SQLite streams and writes what result.export writes', async () => {
    await withApp(async (app) => {
      const demoId = (await app.handlers['connections.list']({})).find((c) => c.isDemo)!.id;
      await expectSameAsResultExport(app, demoId, 'SELECT * FROM customers ORDER BY id', false);
    });
  });

  it('records each run in the query history: file, rows, failure; nothing until confirmed', async () => {
    await withApp(async (app) => {
      const demoId = (await app.handlers['connections.list']({})).find((c) => c.isDemo)!.id;
      const recorded: unknown[] = [];
      const off = app.events.subscribe((name, p) => {
        if (name === 'history.recorded') recorded.push(p);
      });
      const ok = await app.handlers['query.runToFile']({ connectionId: demoId, sql: 'SELECT id FROM customers ORDER BY id', format: 'csv' });
      let [last] = (await app.handlers['history.search']({ limit: 1 })).entries;
      expect(last).toMatchObject({ connectionId: demoId, sql: 'SELECT id FROM customers ORDER BY id', status: 'ok', rowCount: ok.rows });
      expect(last!.errorMessage).toBe(`To CSV file ${path.basename(ok.path)} in ${path.dirname(ok.path)}`);
      expect(last!.durationMs).toBeGreaterThanOrEqual(0);
      expect(recorded).toHaveLength(1);

      await errorOf(app.handlers['query.runToFile']({ connectionId: demoId, sql: 'SELECT * FROM no_such_table', format: 'csv' }));
      [last] = (await app.handlers['history.search']({ limit: 1 })).entries;
      expect(last).toMatchObject({ sql: 'SELECT * FROM no_such_table', status: 'error', rowCount: null });
      expect(last!.errorMessage).toMatch(/^To CSV file failed: .*no_such_table/);

      const before = (await app.handlers['history.search']({})).total;
      const sql = 'DELETE FROM order_items RETURNING order_id, line_no';
      const refused = await errorOf(app.handlers['query.runToFile']({ connectionId: demoId, sql, format: 'csv' }));
      expect(refused.code).toBe('CONFIRMATION_REQUIRED');
      expect(refused.detail?.statements).toEqual([{ index: 0, reason: 'DELETE without WHERE removes every row', sql }]);
      expect((await app.handlers['history.search']({})).total).toBe(before);
      const deleted = await app.handlers['query.runToFile']({ connectionId: demoId, sql, format: 'csv', confirmed: true });
      expect(deleted.rows).toBeGreaterThan(0);
      [last] = (await app.handlers['history.search']({ limit: 1 })).entries;
      expect(last).toMatchObject({ sql, status: 'ok', rowCount: deleted.rows });
      expect((await app.handlers['history.search']({ query: 'order_items' })).entries.map((e) => e.sql)).toContain(sql);
      off();
    });
  });

  (pgServer ? it : it.skip)('PostgreSQL: fast path equals result.export; read-only refuses writes; progress ends with done', async () => {
    const url = await createPgDatabase(pgServer!, 'qg_tofile_app');
    await withApp(async (app) => {
      const rw = await addConnection(app, url, 'postgres');
      await app.handlers['query.run']({ connectionId: rw, sql: TYPES_DDL, history: false });
      const done: boolean[] = [];
      const off = app.events.subscribe((name, p) => {
        if (name === 'query.runToFile.progress') done.push((p as { done: boolean }).done);
      });
      await expectSameAsResultExport(app, rw, 'SELECT * FROM many ORDER BY id', true);
      off();
      expect(done.at(-1)).toBe(true);
      const ro = await addConnection(app, url, 'postgres', true);
      const e = await errorOf(app.handlers['query.runToFile']({ connectionId: ro, sql: "INSERT INTO many (id) VALUES (99) RETURNING id", format: 'csv' }));
      expect(e.code).toBe('READ_ONLY_VIOLATION');
      const count = await app.handlers['query.runToFile']({ connectionId: ro, sql: 'SELECT count(*) AS n FROM many', format: 'csv' });
      expect(read(count.path)).toBe('n\n4\n');
      const drop = await errorOf(app.handlers['query.runToFile']({ connectionId: rw, sql: 'DELETE FROM many RETURNING id', format: 'csv' }));
      expect(drop.code).toBe('CONFIRMATION_REQUIRED');
    });
  }, 60_000);

  const myServer = mysqlUrl();
  (myServer ? it : it.skip)(myServer ? 'MariaDB streams and writes what result.export writes' : MISSING_MYSQL, async () => {
    const url = await createMysqlDatabase(myServer!, 'qg_tofile');
    await withApp(async (app) => {
      const id = await addConnection(app, url, 'mysql');
      await app.handlers['query.run']({
        connectionId: id,
        history: false,
        sql: `CREATE TABLE t (id INT, d DECIMAL(20,5), f DOUBLE, s VARCHAR(50), b BLOB, dt DATETIME(3), j JSON, bi BIGINT UNSIGNED);
INSERT INTO t VALUES (1, 1.5, 1e-7, 'a,"b"', x'00ff', '2024-03-01 12:34:56.789', '{"a": 1}', 18446744073709551615), (2, NULL, NULL, '', NULL, NULL, NULL, 0);`,
      });
      await expectSameAsResultExport(app, id, 'SELECT * FROM t ORDER BY id', false);
    });
  }, 60_000);
});

const IGNORE: RowSink = { beginResultSet() {}, rows() {}, endResultSet() {} };
