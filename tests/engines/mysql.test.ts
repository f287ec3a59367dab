/** The MySQL/MariaDB driver against a real server (mariadbd from the harness). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConnectionUrl } from '../../src/shared/connection';
import { Decimal } from '../../src/shared/values';
import { mysqlDriver } from '../../src/main/drivers/mysql/index';
import type { DriverConnection } from '../../src/main/drivers/types';
import { createMysqlDatabase } from '../harness/databases';
import { CollectingSink, errorOf, rowsOf, run } from '../harness/collect';
import {
  expectCancelDuringSlowConsumer,
  expectConnectFailureCodes,
  expectPromptCancel,
  expectSinkFailureStopsReading,
  expectTransactionTracked,
} from './sessionChecks';
import { MISSING_MYSQL, mysqlUrl } from '../harness/servers';

const server = mysqlUrl();
const suite = server ? describe : describe.skip;

suite(server ? 'MySQL/MariaDB driver' : MISSING_MYSQL, () => {
  let url: string;
  let conn: DriverConnection;

  beforeAll(async () => {
    url = await createMysqlDatabase(server!, 'qg_my');
    conn = await mysqlDriver.connect(parseConnectionUrl(url));
  });
  afterAll(async () => {
    await conn?.close();
  });

  it('round-trips every value class faithfully', async () => {
    await run(
      conn,
      `CREATE TABLE types_t (
      big BIGINT, ubig BIGINT UNSIGNED, small INT, exact DECIMAL(30,9), f DOUBLE, vb VARBINARY(10), bl BLOB,
      d DATE, dt DATETIME(3), ts TIMESTAMP(3) NULL, tm TIME, j JSON, b5 BIT(5), b64 BIT(64), e ENUM('x','y'),
      nul VARCHAR(5), empty VARCHAR(5))`,
    );
    await run(
      conn,
      `INSERT INTO types_t VALUES (9223372036854775807, 18446744073709551615, 42,
      12345678901234567890.123456789, 1.5, X'00FF10', X'DEADBEEF', '2024-03-01', '2024-03-01 12:34:56.789',
      '2024-03-01 12:34:56.789', '13:14:15', '{"a": [1, 2.50]}', b'10101', b'1111111111111111111111111111111111111111111111111111111111111111',
      'y', NULL, '')`,
    );
    const { sets } = await run(conn, 'SELECT * FROM types_t');
    const row = sets[0]!.rows[0]!;
    expect(row[0]).toBe(9223372036854775807n);
    expect(row[1]).toBe(18446744073709551615n);
    expect(row[2]).toBe(42);
    expect(row[3]).toBeInstanceOf(Decimal);
    expect(String(row[3])).toBe('12345678901234567890.123456789');
    expect(row[4]).toBe(1.5);
    expect(Buffer.from(row[5] as Uint8Array).toString('hex')).toBe('00ff10');
    expect(Buffer.from(row[6] as Uint8Array).toString('hex')).toBe('deadbeef');
    expect(row[7]).toBe('2024-03-01');
    expect(row[8]).toBe('2024-03-01 12:34:56.789');
    expect(row[9]).toBe('2024-03-01 12:34:56.789');
    expect(row[10]).toBe('13:14:15');
    expect(JSON.parse(row[11] as string)).toEqual({ a: [1, 2.5] });
    expect(typeof row[11]).toBe('string');
    expect(row[12]).toBe(21);
    expect(row[13]).toBe(18446744073709551615n);
    expect(row[14]).toBe('y');
    expect(row[15]).toBeNull();
    expect(row[16]).toBe('');
    expect(sets[0]!.columns.map((c) => c.type)).toEqual([
      'BIGINT',
      'BIGINT UNSIGNED',
      'INT',
      'DECIMAL',
      'DOUBLE',
      'VARBINARY',
      'BLOB',
      'DATE',
      'DATETIME',
      'TIMESTAMP',
      'TIME',
      'JSON',
      'BIT',
      'BIT',
      'CHAR',
      'VARCHAR',
      'VARCHAR',
    ]);
  });

  it('streams a large result in batches of the requested size, in order', async () => {
    const sink = new CollectingSink();
    await conn.execute('SELECT seq, CAST(seq AS CHAR) FROM seq_1_to_12345', sink, {
      batchSize: 1000,
    });
    const set = sink.sets[0]!;
    expect(set.rows.length).toBe(12345);
    expect(Math.max(...set.batches)).toBeLessThanOrEqual(1000);
    expect(set.rows[12344]).toEqual([12345n, '12345']);
    expect(set.rows.every((r, i) => r[0] === BigInt(i + 1))).toBe(true);
  });

  it('returns every result set of a procedure call, rows affected and warnings', async () => {
    await run(conn, 'CREATE TABLE aff_t (id INT)');
    const ins = await run(conn, 'INSERT INTO aff_t VALUES (1), (2), (3)');
    expect(ins.summary.rowsAffected).toBe(3);
    expect(ins.sets).toHaveLength(0);
    await run(
      conn,
      `CREATE PROCEDURE two_sets() BEGIN SELECT 1 AS a; SELECT 'two' AS b, 3 AS c; END`,
    );
    const call = await run(conn, 'CALL two_sets()');
    expect(call.sets.map((s) => s.rows)).toEqual([[[1]], [['two', 3]]]);
    expect(call.sets[1]!.columns.map((c) => c.name)).toEqual(['b', 'c']);
    const warn = await run(conn, "SELECT CAST('12abc' AS INT) AS n");
    expect(warn.sets[0]!.rows).toEqual([[12]]);
    expect(warn.summary.messages[0]).toMatchObject({ severity: 'warning', code: '1292' });
    expect(warn.summary.messages[0]!.message).toContain('12abc');
  });

  it('stops reading when the sink fails, and the session stays usable', async () => {
    await expectSinkFailureStopsReading(conn, 'SELECT seq FROM seq_1_to_200000');
  });

  it('cancels while a slow consumer is still taking rows', async () => {
    await expectCancelDuringSlowConsumer(conn, 'SELECT seq FROM seq_1_to_200000');
  });

  it('tracks a manual transaction; EXPLAIN ANALYZE inside it keeps the transaction and its writes', async () => {
    await expectTransactionTracked(conn, 'START TRANSACTION');
  });

  it('reports CONNECTION_LOST when the server ends the session', async () => {
    const victim = await mysqlDriver.connect(parseConnectionUrl(url));
    const [[id]] = await rowsOf(victim, 'SELECT CONNECTION_ID()');
    await run(conn, `KILL ${String(id)}`);
    await new Promise((r) => setTimeout(r, 200));
    const err = await errorOf(run(victim, 'SELECT 1'));
    expect(err.code).toBe('CONNECTION_LOST');
    await victim.close();
  });

  it('takes positional parameters', async () => {
    expect(await rowsOf(conn, 'SELECT ? + 1 AS n, ? AS s', { params: [41, 'x'] })).toEqual([
      [42, 'x'],
    ]);
  });

  it('reports a syntax error with its position in the statement', async () => {
    const err = await errorOf(run(conn, 'SELECT 1\nFROM WHERE x'));
    expect(err.code).toBe('SYNTAX_ERROR');
    expect(err.detail?.engineCode).toBe('ER_PARSE_ERROR (1064)');
    expect(err.detail?.position).toEqual({ line: 2, column: 6, offset: 14 });
    const missing = await errorOf(run(conn, 'SELECT * FROM no_such_table'));
    expect(missing.code).toBe('QUERY_ERROR');
    expect(missing.detail?.engineCode).toBe('ER_NO_SUCH_TABLE (1146)');
    expect(await rowsOf(conn, 'SELECT 1')).toEqual([[1]]);
  });

  it('maps connection failures to stable codes without leaking the password', async () => {
    await expectConnectFailureCodes(mysqlDriver, parseConnectionUrl(url));
  });

  it('cancels SLEEP(30) promptly and the session stays usable', async () => {
    await expectPromptCancel(conn, 'SELECT SLEEP(30)');
  });

  it('stops a statement at the statement timeout with TIMEOUT', async () => {
    const c = await mysqlDriver.connect({ ...parseConnectionUrl(url), statementTimeoutMs: 300 });
    try {
      const err = await errorOf(run(c, 'SELECT SLEEP(5) FROM seq_1_to_3'));
      expect(err.code).toBe('TIMEOUT');
      expect(await rowsOf(c, 'SELECT 2')).toEqual([[2]]);
    } finally {
      await c.close();
    }
  });

  it('a read-only session is refused writes by the database itself', async () => {
    await run(conn, 'CREATE TABLE ro_t (id INT)');
    await run(conn, 'INSERT INTO ro_t VALUES (1)');
    const ro = await mysqlDriver.connect({ ...parseConnectionUrl(url), readOnly: true });
    try {
      const err = await errorOf(run(ro, 'INSERT INTO ro_t VALUES (2)'));
      expect(err.code).toBe('READ_ONLY_VIOLATION');
      expect(await rowsOf(ro, 'SELECT COUNT(*) FROM ro_t')).toEqual([[1n]]);
    } finally {
      await ro.close();
    }
  });

  it('explains a query, and ANALYZE of a DELETE changes nothing', async () => {
    await run(conn, 'CREATE TABLE ex_t (id INT PRIMARY KEY, v INT)');
    await run(conn, 'INSERT INTO ex_t SELECT seq, seq FROM seq_1_to_100');
    const plain = await conn.explain('SELECT * FROM ex_t WHERE v > 10');
    expect(plain.format).toBe('json');
    const scan = findNode(plain.plan, (n) => n.relation === 'ex_t')!;
    expect(scan.op).toBe('Table Scan');
    expect(scan.estimatedRows).toBeGreaterThan(0);
    const analyzed = await conn.explain('DELETE FROM ex_t WHERE v > 50', { analyze: true });
    const del = findNode(analyzed.plan, (n) => n.relation === 'ex_t')!;
    expect(del.actualRows).toBeGreaterThan(0);
    expect(await rowsOf(conn, 'SELECT COUNT(*) FROM ex_t')).toEqual([[100n]]);
    expect(conn.inTransaction()).toBe(false);
  });
});

function findNode<T extends { children: T[] }>(node: T, pred: (n: T) => boolean): T | undefined {
  if (pred(node)) return node;
  for (const c of node.children) {
    const hit = findNode(c, pred);
    if (hit) return hit;
  }
  return undefined;
}
