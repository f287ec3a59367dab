/**
 * The query layer's conformance suite, run against every engine that is available: read-only
 * refusals (guard + the database's own mechanism) with the data proven unchanged, multi-statement
 * scripts, error positions in script coordinates, spill to disk under a tiny memory bound, and a
 * cancel through the run's signal.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConnectionUrl, type ConnectionParams, type Engine } from '../../src/shared/connection';
import { stringify } from '../../src/shared/codec';
import type { Row } from '../../src/shared/values';
import { getDriver } from '../../src/main/drivers/registry';
import type { DriverConnection } from '../../src/main/drivers/types';
import { runScript } from '../../src/main/query/runScript';
import { MemoryBudget, type ResultSpool } from '../../src/main/query/spool';
import { rowsOf } from '../harness/collect';
import { createMysqlDatabase, createPgDatabase } from '../harness/databases';
import { MISSING_MYSQL, MISSING_PG, mysqlUrl, pgUrl } from '../harness/servers';

interface EngineCase {
  engine: Engine;
  missing?: string;
  makeParams: () => Promise<ConnectionParams>;
  /** Statements that must be refused on a read-only connection. */
  refused: string[];
  /** SQL producing n rows × 8 mixed columns. */
  series: (n: number) => string;
  sleep?: string;
  /** Session setup run on the read-write connection first. */
  setup?: string[];
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-conf-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const common = ["INSERT INTO items VALUES (9, 'new')", "UPDATE items SET name = 'x'", 'DELETE FROM items', 'CREATE TABLE evil (a int)', 'DROP TABLE items'];

const CASES: EngineCase[] = [
  {
    engine: 'sqlite',
    makeParams: async () => ({ engine: 'sqlite', filePath: path.join(tmp, `conf-${Date.now()}.db`) }),
    refused: [...common, 'WITH d AS (SELECT 1) DELETE FROM items', 'PRAGMA query_only = 0', "ATTACH DATABASE ':memory:' AS other"],
    series: (n) => `WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < ${n}) SELECT g, g * 2, 'row ' || g, g / 7.0, NULL, x'0102', g % 2 = 0, '2026-01-01' FROM s`,
  },
  {
    engine: 'postgres',
    missing: pgUrl() ? undefined : MISSING_PG,
    makeParams: async () => parseConnectionUrl(await createPgDatabase(pgUrl()!, 'qg_conf')),
    refused: [...common, 'WITH d AS (DELETE FROM items RETURNING *) SELECT * FROM d', 'SET default_transaction_read_only = off', 'SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE', "SELECT nextval('seq')"],
    series: (n) => `SELECT g, g::int8 * 2, 'row ' || g, (g / 7.0)::numeric(12,4), NULL::text, '\\x0102'::bytea, g % 2 = 0, now() FROM generate_series(1, ${n}) g`,
    sleep: 'SELECT pg_sleep(30)',
  },
  {
    engine: 'mysql',
    missing: mysqlUrl() ? undefined : MISSING_MYSQL,
    makeParams: async () => parseConnectionUrl(await createMysqlDatabase(mysqlUrl()!, 'qg_conf')),
    refused: [...common, 'SET SESSION TRANSACTION READ WRITE', 'SET SESSION tx_read_only = 0', "REPLACE INTO items VALUES (1, 'r')"],
    series: (n) => `WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < ${n}) SELECT g, CAST(g AS SIGNED) * 2, CONCAT('row ', g), CAST(g / 7 AS DECIMAL(12,4)), NULL, x'0102', g % 2 = 0, NOW() FROM s`,
    sleep: 'SELECT SLEEP(30)',
    // MariaDB stops recursive CTEs at 1,000 iterations by default.
    setup: ['SET SESSION max_recursive_iterations = 1000000'],
  },
];

for (const c of CASES) {
  describe.skipIf(c.missing !== undefined)(`query conformance: ${c.engine}${c.missing ? ` (${c.missing})` : ''}`, () => {
    let params: ConnectionParams;
    let rw: DriverConnection;
    let ro: DriverConnection;
    const budget = new MemoryBudget(256 * 1024 * 1024);

    beforeAll(async () => {
      params = await c.makeParams();
      const driver = await getDriver(c.engine);
      rw = await driver.connect(params);
      for (const sql of c.setup ?? []) await rowsOf(rw, sql);
      for (const sql of ['CREATE TABLE items (id int PRIMARY KEY, name varchar(20))', "INSERT INTO items VALUES (1, 'a'), (2, 'b'), (3, 'c')"]) await rowsOf(rw, sql);
      if (c.engine === 'postgres') await rowsOf(rw, 'CREATE SEQUENCE seq');
      ro = await driver.connect({ ...params, readOnly: true });
    });
    afterAll(async () => {
      await ro?.close();
      await rw?.close();
    });

    const snapshot = async (): Promise<Row[]> => rowsOf(rw, 'SELECT id, name FROM items ORDER BY id');

    it('refuses every writing or mode-changing statement with READ_ONLY_VIOLATION and changes nothing', async () => {
      const before = await snapshot();
      for (const sql of c.refused) {
        const out = await runScript(ro, sql, { readOnly: true, budget, tempDir: tmp });
        expect(out.statements[0]?.error?.code, sql).toBe('READ_ONLY_VIOLATION');
        expect(out.statements[0]?.error?.message, sql).toMatch(/read-only/i);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a whole script before running any of it when one statement writes', async () => {
      const out = await runScript(ro, 'SELECT 1 AS one;\nDELETE FROM items;', { readOnly: true, budget, tempDir: tmp });
      expect(out.statements).toHaveLength(1);
      expect(out.statements[0]!.index).toBe(1);
      expect(out.statements[0]!.resultSets).toEqual([]);
      expect((await snapshot()).length).toBe(3);
    });

    it('lets reads through on a read-only connection', async () => {
      const out = await runScript(ro, 'SELECT count(*) AS n FROM items', { readOnly: true, budget, tempDir: tmp });
      expect(out.statements[0]!.error).toBeUndefined();
      expect(out.statements[0]!.resultSets[0]!.rowCount).toBe(1);
    });

    it('the database itself refuses a write on a read-only connection, even past the guard', async () => {
      await expect(rowsOf(ro, "INSERT INTO items VALUES (7, 'sneak')")).rejects.toMatchObject({ code: expect.stringMatching(/READ_ONLY_VIOLATION|QUERY_ERROR/) });
      expect((await snapshot()).length).toBe(3);
    });

    it('runs a multi-statement script with a result set per SELECT and rows affected', async () => {
      const spools = new Map<string, ResultSpool>();
      const out = await runScript(rw, "SELECT 1 AS a;\nUPDATE items SET name = name WHERE id = 1;\nSELECT 'x' AS b, 2 AS c", { readOnly: false, budget, tempDir: tmp, onResultSet: (i, s) => spools.set(i.resultId, s) });
      expect(out.statements.map((s) => s.error)).toEqual([undefined, undefined, undefined]);
      expect(out.statements.map((s) => s.line)).toEqual([1, 2, 3]);
      expect(out.statements[0]!.resultSets[0]!.columns.map((col) => col.name)).toEqual(['a']);
      // Rows matched, not rows changed (mysql2 asks the server for found rows).
      expect(out.statements[1]!.rowsAffected).toBe(1);
      const last = out.statements[2]!.resultSets[0]!;
      expect(last.columns.map((col) => col.name)).toEqual(['b', 'c']);
      expect(await spools.get(last.resultId)!.read(0, 10)).toHaveLength(1);
    });

    it('reports an error at its line and column in the script and stops there', async () => {
      const out = await runScript(rw, 'SELECT 1;\nSELECT * FROM no_such_table;\nSELECT 2;', { readOnly: false, budget, tempDir: tmp });
      expect(out.statements).toHaveLength(2);
      const err = out.statements[1]!.error!;
      expect(err.code).toBe('QUERY_ERROR');
      expect(err.message).toMatch(/no_such_table/);
      expect(out.statements[1]!.line).toBe(2);
    });

    it('spills to disk under a tiny memory bound and returns exactly the rows of a direct query', async () => {
      const n = 20_000;
      const direct = await rowsOf(rw, c.series(n));
      const tiny = new MemoryBudget(64 * 1024);
      let spool: ResultSpool | undefined;
      const out = await runScript(rw, c.series(n), { readOnly: false, budget: tiny, tempDir: tmp, onResultSet: (_i, s) => (spool = s) });
      expect(out.statements[0]!.error).toBeUndefined();
      expect(spool!.spilledBytes).toBeGreaterThan(0);
      const back = await spool!.read(0, n);
      expect(back.length).toBe(n);
      // The 8th column is now() on some engines; compare the deterministic ones, value by value
      // through the codec (a Buffer and a Uint8Array of the same bytes are the same value).
      const a = back.map((r) => stringify(r.slice(0, 7)));
      const b = direct.map((r) => stringify(r.slice(0, 7)));
      const firstDiff = a.findIndex((row, i) => row !== b[i]);
      expect(firstDiff === -1 ? 'identical' : `row ${firstDiff}: ${a[firstDiff]} vs ${b[firstDiff]}`).toBe('identical');
      await spool!.close();
    });

    it.skipIf(!c.sleep)('cancels a sleeping statement through the run signal; the session then runs SELECT 1', async () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      const out = await runScript(rw, `${c.sleep};\nSELECT 2`, { readOnly: false, budget, tempDir: tmp, signal: controller.signal });
      expect(out.cancelled).toBe(true);
      expect(out.statements).toHaveLength(1);
      expect(out.statements[0]!.error?.code).toBe('QUERY_CANCELLED');
      expect(await rowsOf(rw, 'SELECT 1')).toEqual([[c.engine === 'postgres' ? 1 : expect.anything()]]);
    });
  });
}
