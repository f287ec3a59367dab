import { describe, expect, it } from 'vitest';
import type { StatementKind } from '../../../shared/query';
import { AppError } from '../../../shared/errors';
import { assertReadOnlyAllowed, classifyStatement, type GuardDialect } from './index';

/** [sql, expected kind, allowed on a read-only connection] */
type Case = [string, StatementKind, boolean];

function check(dialect: GuardDialect, cases: Case[]): void {
  it.each(cases)(`${dialect}: %s → %s (allowed: %s)`, (sql, kind, allowed) => {
    const verdict = classifyStatement(sql, dialect);
    expect({ kind: verdict.kind, allowed: verdict.readOnlySafe }).toEqual({ kind, allowed });
    expect(verdict.reason.length).toBeGreaterThan(5);
  });
}

/** Refusals the issue lists, in each engine's spelling. */
const COMMON_REFUSALS: Case[] = [
  ['INSERT INTO t (a) VALUES (1)', 'write', false],
  ['UPDATE t SET a = 1 WHERE id = 2', 'write', false],
  ['DELETE FROM t WHERE id = 1', 'write', false],
  ['CREATE TABLE x (a int)', 'ddl', false],
  ['DROP TABLE t', 'ddl', false],
  ['/* x */ InSeRt   INTO t VALUES (1)', 'write', false],
  ['  -- note\n\tdelete\nFROM t', 'write', false],
];

describe('PostgreSQL guard (libpg-query)', () => {
  check('postgres', [
    ...COMMON_REFUSALS,
    ['WITH gone AS (DELETE FROM t RETURNING *) SELECT * FROM gone', 'write', false],
    ['WITH a AS (WITH b AS (UPDATE t SET x = 1 RETURNING x) SELECT * FROM b) SELECT * FROM a', 'write', false],
    ['SELECT * FROM (WITH m AS (INSERT INTO t VALUES (1) RETURNING 1) SELECT * FROM m) s', 'write', false],
    ['SET default_transaction_read_only = off', 'session', false],
    ['set default_transaction_read_only to 0', 'session', false],
    ["SET default_transaction_read_only = 'false'", 'session', false],
    ['SET transaction_read_only = off', 'session', false],
    ['SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE', 'session', false],
    ['SET TRANSACTION READ WRITE', 'session', false],
    ['START TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ WRITE', 'transaction', false],
    ['BEGIN READ WRITE', 'transaction', false],
    ['RESET ALL', 'session', false],
    ['RESET default_transaction_read_only', 'session', false],
    ['SET default_transaction_read_only TO DEFAULT', 'session', false],
    ['DISCARD ALL', 'session', false],
    ['SET ROLE postgres', 'session', false],
    ['SET SESSION AUTHORIZATION bob', 'session', false],
    ['DO $$ BEGIN DELETE FROM t; END $$', 'write', false],
    ["SELECT nextval('s')", 'write', false],
    ["SELECT setval('s', 1)", 'write', false],
    ['SELECT pg_terminate_backend(123)', 'write', false],
    ["SELECT lo_unlink(1234)", 'write', false],
    ["SELECT dblink_exec('db', 'DELETE FROM t')", 'write', false],
    ["SELECT set_config('default_transaction_read_only', 'off', false)", 'write', false],
    ['SELECT * FROM t FOR UPDATE', 'write', false],
    ['SELECT * INTO t2 FROM t', 'write', false],
    ['EXPLAIN ANALYZE DELETE FROM t', 'write', false],
    ["COPY t FROM '/tmp/x.csv'", 'write', false],
    ["COPY t TO '/tmp/x.csv'", 'write', false],
    ['CALL do_things()', 'write', false],
    ['MERGE INTO t USING u ON t.id = u.id WHEN MATCHED THEN DELETE', 'write', false],
    ['TRUNCATE t', 'ddl', false],
    ['ALTER TABLE t ADD COLUMN b int', 'ddl', false],
    ['GRANT SELECT ON t TO bob', 'ddl', false],
    ["COMMENT ON TABLE t IS 'x'", 'ddl', false],
    ['VACUUM t', 'write', false],
    ['SELEC 1', 'other', false],
    // reads that must pass
    ['SELECT a, (SELECT max(b) FROM u WHERE u.a = t.a) FROM t WHERE a IN (SELECT a FROM v)', 'read', true],
    ['WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5) SELECT * FROM c', 'read', true],
    ['SELECT a, row_number() OVER (PARTITION BY b ORDER BY c) FROM t', 'read', true],
    ['EXPLAIN SELECT * FROM t', 'read', true],
    ['EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM t', 'read', true],
    ['EXPLAIN DELETE FROM t', 'read', true],
    ['VALUES (1, 2), (3, 4)', 'read', true],
    ['SHOW search_path', 'read', true],
    ['COPY (SELECT * FROM t) TO STDOUT', 'read', true],
    ["SELECT set_config('search_path', 'public', false)", 'read', true],
    ['/* hello */ SeLeCt 1', 'read', true],
    // transaction control and harmless settings
    ['BEGIN', 'transaction', true],
    ['START TRANSACTION READ ONLY', 'transaction', true],
    ['SAVEPOINT s1', 'transaction', true],
    ['ROLLBACK TO SAVEPOINT s1', 'transaction', true],
    ['COMMIT', 'transaction', true],
    ['SET default_transaction_read_only = on', 'session', true],
    ['SET search_path TO public', 'session', true],
    ['SET LOCAL statement_timeout = 5000', 'session', true],
  ]);
});

describe('MySQL / MariaDB guard (node-sql-parser + rules)', () => {
  const cases: Case[] = [
    ...COMMON_REFUSALS,
    ['SET SESSION TRANSACTION READ WRITE', 'session', false],
    ['SET TRANSACTION READ WRITE', 'session', false],
    ['SET transaction_read_only = 0', 'session', false],
    ['SET SESSION transaction_read_only = OFF', 'session', false],
    ['SET tx_read_only=0', 'session', false],
    ['SET @@session.transaction_read_only = 0', 'session', false],
    ['SET GLOBAL read_only = 0', 'session', false],
    ['START TRANSACTION READ WRITE', 'transaction', false],
    ['SET ROLE admin', 'session', false],
    ['WITH x AS (SELECT id FROM t) DELETE FROM t WHERE id IN (SELECT id FROM x)', 'write', false],
    ['REPLACE INTO t VALUES (1)', 'write', false],
    ['CALL p()', 'write', false],
    ['SELECT * FROM t FOR UPDATE', 'write', false],
    ["SELECT a INTO OUTFILE '/tmp/x' FROM t", 'write', false],
    ['EXPLAIN ANALYZE DELETE FROM t', 'write', false],
    ['TRUNCATE TABLE t', 'ddl', false],
    ['REVOKE SELECT ON t FROM u', 'ddl', false],
    ['KILL 5', 'other', false],
    ['SELEC 1', 'other', false],
    ['SELECT * FROM t WHERE a IN (SELECT b FROM u) AND EXISTS (SELECT 1 FROM v)', 'read', true],
    ['WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5) SELECT * FROM c', 'read', true],
    ['SELECT a, ROW_NUMBER() OVER (PARTITION BY b ORDER BY c) FROM t', 'read', true],
    ['EXPLAIN SELECT * FROM t', 'read', true],
    ['EXPLAIN FORMAT=JSON SELECT * FROM t', 'read', true],
    ['SHOW TABLES', 'read', true],
    ['SHOW CREATE TABLE t', 'read', true],
    ['DESCRIBE t', 'read', true],
    ['SELECT 1 # trailing comment', 'read', true],
    ['SELECT 1 INTO @x', 'read', true],
    ['START TRANSACTION READ ONLY', 'transaction', true],
    ['BEGIN', 'transaction', true],
    ['SAVEPOINT a', 'transaction', true],
    ['RELEASE SAVEPOINT a', 'transaction', true],
    ['ROLLBACK', 'transaction', true],
    ['SET SESSION TRANSACTION READ ONLY', 'session', true],
    ['SET SESSION transaction_read_only = ON', 'session', true],
    ['SET NAMES utf8mb4', 'session', true],
    ["SET sql_mode = 'ANSI_QUOTES'", 'session', true],
    ['SET @a = 1', 'session', true],
    ['USE sakila', 'session', true],
    // MySQL runs the text of /*! … */ comments
    ['/*!40101 DELETE FROM t */', 'write', false],
    ['/*!40101 SET NAMES utf8 */', 'session', true],
    ['SELECT /*+ MAX_EXECUTION_TIME(1000) */ * FROM t', 'read', true],
    // `--x` is not a comment in MySQL: this writes a file
    ["SELECT a --b INTO OUTFILE '/tmp/f' FROM t", 'write', false],
    ["SELECT a /*!50000 INTO OUTFILE '/tmp/f' */ FROM t", 'write', false],
    ['SELECT a /* INTO OUTFILE */ FROM t', 'read', true],
  ];
  check('mysql', [...cases, ['SELECT * FROM t WHERE a = (SELECT 1 FROM u LOCK IN SHARE MODE)', 'write', false]]);
  check('mariadb', [...cases, ['SELECT * FROM t WHERE a = (SELECT 1 FROM u LOCK IN SHARE MODE)', 'other', false]]);
});

describe('SQLite guard (node-sql-parser + rules)', () => {
  check('sqlite', [
    ...COMMON_REFUSALS,
    ['WITH x AS (SELECT 1) DELETE FROM t', 'other', false],
    ['INSERT OR REPLACE INTO t VALUES (1)', 'write', false],
    ['PRAGMA query_only = 0', 'session', false],
    ['PRAGMA query_only = OFF', 'session', false],
    ['pragma QUERY_ONLY=false', 'session', false],
    ['PRAGMA journal_mode = WAL', 'write', false],
    ['PRAGMA user_version = 7', 'write', false],
    ['PRAGMA optimize', 'write', false],
    ["ATTACH DATABASE 'other.db' AS o", 'session', false],
    ['DETACH o', 'session', false],
    ['BEGIN IMMEDIATE', 'transaction', false],
    ['VACUUM', 'write', false],
    ['CREATE TRIGGER tr AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); END', 'ddl', false],
    ["SELECT load_extension('x')", 'write', false],
    ['SELECT * FROM t WHERE a IN (SELECT b FROM u)', 'read', true],
    ['WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5) SELECT * FROM c', 'read', true],
    ['SELECT a, SUM(b) OVER (ORDER BY a) FROM t', 'read', true],
    ['EXPLAIN QUERY PLAN SELECT * FROM t', 'read', true],
    ['PRAGMA table_info(customers)', 'read', true],
    ["PRAGMA main.index_list('orders')", 'read', true],
    ['PRAGMA journal_mode', 'read', true],
    ['PRAGMA query_only = ON', 'session', true],
    ['PRAGMA foreign_keys = ON', 'session', true],
    ['BEGIN', 'transaction', true],
    ['END TRANSACTION', 'transaction', true],
  ]);
});

describe('SQL Server guard (node-sql-parser + rules)', () => {
  check('mssql', [
    ...COMMON_REFUSALS,
    ['EXEC sp_who', 'write', false],
    ["EXECUTE AS USER = 'x'", 'write', false],
    ['SELECT a INTO #tmp FROM t', 'write', false],
    ['SELECT * FROM t WITH (UPDLOCK)', 'write', false],
    ['IF 1 = 1 DELETE FROM t', 'write', false],
    ['MERGE INTO t USING u ON t.a = u.a WHEN MATCHED THEN DELETE;', 'write', false],
    ['SET NOCOUNT ON\nDELETE FROM t', 'other', false],
    ['BEGIN TRAN\nCHECKPOINT', 'other', false],
    ['SELECT TOP 10 * FROM dbo.t WHERE a IN (SELECT b FROM u)', 'read', true],
    ['WITH x AS (SELECT 1 AS a) SELECT * FROM x', 'read', true],
    ['SELECT ROW_NUMBER() OVER (ORDER BY a) FROM t', 'read', true],
    ['SELECT * FROM t WITH (NOLOCK)', 'read', true],
    ['SET NOCOUNT ON; SELECT 1', 'read', true],
    ['SET NOCOUNT ON', 'session', true],
    ['SET TRANSACTION ISOLATION LEVEL SNAPSHOT', 'session', true],
    ['BEGIN TRANSACTION', 'transaction', true],
    ['ROLLBACK TRAN', 'transaction', true],
  ]);
});

describe('assertReadOnlyAllowed', () => {
  it('throws READ_ONLY_VIOLATION naming the statement and the reason', () => {
    let caught: unknown;
    try {
      assertReadOnlyAllowed('DELETE FROM customers', 'postgres');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    const err = caught as AppError;
    expect(err.code).toBe('READ_ONLY_VIOLATION');
    expect(err.message).toContain('DELETE FROM customers');
    expect(err.message).toContain('DELETE changes rows');
    expect(err.detail?.statement).toBe('DELETE FROM customers');
  });

  it('says why unparseable text is refused (fail closed)', () => {
    expect(() => assertReadOnlyAllowed('SELEKT * FROM t', 'postgres')).toThrow(/could not be verified as read-only: syntax error/);
  });

  it('lets reads, read-only transactions and harmless settings through', () => {
    expect(assertReadOnlyAllowed('SELECT 1', 'postgresql').kind).toBe('read');
    expect(assertReadOnlyAllowed('BEGIN', 'mysql').kind).toBe('transaction');
    expect(assertReadOnlyAllowed('SET search_path = public', 'postgres').kind).toBe('session');
  });

  it('classifies many statements in a row with the same answers (parsers are loaded once)', () => {
    // Throughput (1,000 statements per engine) is measured in bench/guard.bench.ts.
    const engines: GuardDialect[] = ['postgres', 'mysql', 'sqlite', 'mssql'];
    for (const engine of engines) {
      for (let i = 0; i < 100; i++) {
        expect(classifyStatement(`SELECT a, b FROM t${i} WHERE c = ${i}`, engine).kind).toBe('read');
        expect(classifyStatement(`DELETE FROM t${i} WHERE c = ${i}`, engine).readOnlySafe).toBe(false);
      }
    }
  }, 60_000);
});
