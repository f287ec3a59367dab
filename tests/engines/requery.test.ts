/**
 * The results grid sorts and filters large results by re-running the user's SELECT wrapped as a
 * derived table (src/shared/requery.ts). This runs that SQL on every available engine, with
 * awkward column names, NULLs and LIKE metacharacters, and checks the rows that come back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConnectionUrl, type ConnectionParams, type Engine } from '../../src/shared/connection';
import { wrapQuery } from '../../src/shared/requery';
import { getDriver } from '../../src/main/drivers/registry';
import type { DriverConnection } from '../../src/main/drivers/types';
import { rowsOf } from '../harness/collect';
import { createMysqlDatabase, createPgDatabase } from '../harness/databases';
import { MISSING_MYSQL, MISSING_PG, mysqlUrl, pgUrl } from '../harness/servers';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-requery-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const CASES: Array<{ engine: Engine; missing?: string | undefined; makeParams: () => Promise<ConnectionParams> }> = [
  { engine: 'sqlite', makeParams: async () => ({ engine: 'sqlite', filePath: path.join(tmp, 'rq.db') }) },
  {
    engine: 'postgres',
    missing: pgUrl() ? undefined : MISSING_PG,
    makeParams: async () => parseConnectionUrl(await createPgDatabase(pgUrl()!, 'qg_requery')),
  },
  {
    engine: 'mysql',
    missing: mysqlUrl() ? undefined : MISSING_MYSQL,
    makeParams: async () => parseConnectionUrl(await createMysqlDatabase(mysqlUrl()!, 'qg_requery')),
  },
];

// The user's statement, with a trailing comment and semicolon, and an alias that needs quoting.
const USER_SQL = 'SELECT id, name AS "Odd ""name""", note FROM items -- the user\'s comment\n;';
const MYSQL_SQL = "SELECT id, name AS `Odd \"name\"`, note FROM items -- the user's comment\n;";
const COLUMNS = ['id', 'Odd "name"', 'note'];

for (const c of CASES) {
  describe.skipIf(c.missing !== undefined)(`re-querying a result sorted/filtered: ${c.engine}`, () => {
    let conn: DriverConnection;
    const sql = c.engine === 'mysql' ? MYSQL_SQL : USER_SQL;
    const ids = async (wrapped: string): Promise<number[]> => (await rowsOf(conn, wrapped)).map((r) => Number(r[0]));

    beforeAll(async () => {
      conn = await (await getDriver(c.engine)).connect(await c.makeParams());
      await rowsOf(conn, 'CREATE TABLE items (id int PRIMARY KEY, name varchar(40), note varchar(40))');
      await rowsOf(
        conn,
        "INSERT INTO items VALUES (1, 'Apple', '100% juice'), (2, 'banana', NULL), (3, 'CHERRY', 'a_b'), (4, 'date', 'axb'), (5, 'Elder!', 'x!y')",
      );
    });
    afterAll(async () => conn?.close());

    it('sorts by a column, both ways', async () => {
      expect(await ids(wrapQuery(sql, COLUMNS, { column: 0, dir: 'desc' }, {}, c.engine))).toEqual([5, 4, 3, 2, 1]);
      expect(await ids(wrapQuery(sql, COLUMNS, { column: 0, dir: 'asc' }, {}, c.engine))).toEqual([1, 2, 3, 4, 5]);
    });

    it('filters case-insensitively by a column with an awkward name', async () => {
      expect(await ids(wrapQuery(sql, COLUMNS, { column: 0, dir: 'asc' }, { 1: 'an' }, c.engine))).toEqual([2]);
      expect(await ids(wrapQuery(sql, COLUMNS, { column: 0, dir: 'asc' }, { 1: 'E' }, c.engine))).toEqual([1, 3, 4, 5]);
    });

    it('treats %, _ and ! in a filter literally, and "NULL" as IS NULL', async () => {
      expect(await ids(wrapQuery(sql, COLUMNS, null, { 2: '0%' }, c.engine))).toEqual([1]);
      expect(await ids(wrapQuery(sql, COLUMNS, null, { 2: 'a_b' }, c.engine))).toEqual([3]);
      expect(await ids(wrapQuery(sql, COLUMNS, null, { 2: 'x!y' }, c.engine))).toEqual([5]);
      expect(await ids(wrapQuery(sql, COLUMNS, null, { 2: 'null' }, c.engine))).toEqual([2]);
    });
  });
}
