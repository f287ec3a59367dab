/**
 * The advisor on real PostgreSQL, MariaDB and SQLite: the shop fixture provokes each rule, and
 * each finding must cite the plan node that shows it (checked through its path).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConnectionUrl, type Engine } from '../../src/shared/connection';
import { nodeAt } from '../../src/shared/plan/paths';
import type { Finding } from '../../src/shared/plan/types';
import type { PlanNode } from '../../src/shared/query';
import type { SchemaSnapshot } from '../../src/shared/schema';
import { getDriver } from '../../src/main/drivers/registry';
import type { DriverConnection } from '../../src/main/drivers/types';
import { advise } from '../../src/main/plan';
import { rowsOf } from '../harness/collect';
import { createMysqlDatabase, createPgDatabase } from '../harness/databases';
import { MISSING_MYSQL, MISSING_PG, mysqlUrl, pgUrl } from '../harness/servers';
import { createShop, QUERIES } from './fixture';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-plan-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const engines: { engine: Engine; skip: string | false; analyze: boolean }[] = [
  { engine: 'sqlite', skip: false, analyze: false },
  { engine: 'postgres', skip: pgUrl() ? false : MISSING_PG, analyze: true },
  { engine: 'mysql', skip: mysqlUrl() ? false : MISSING_MYSQL, analyze: true },
];

/** Which rules each engine's plans can show (InnoDB indexes FK columns itself; SQLite has no row counts). */
const EXPECTED: Record<Engine, Array<keyof typeof QUERIES>> = {
  postgres: ['seqScan', 'fkJoin', 'sort', 'nestedLoop', 'functionOnIndex', 'selectStar', 'misestimate'],
  mysql: ['seqScan', 'sort', 'nestedLoop', 'functionOnIndex', 'selectStar', 'misestimate'],
  sqlite: ['seqScan', 'fkJoin', 'sort', 'functionOnIndex', 'selectStar'],
  mssql: [],
};
const RULE: Record<keyof typeof QUERIES, Finding['rule']> = {
  seqScan: 'seq-scan-selective',
  fkJoin: 'fk-without-index',
  sort: 'spill-to-disk',
  nestedLoop: 'nested-loop-large-outer',
  functionOnIndex: 'function-on-indexed-column',
  selectStar: 'select-star-wide',
  misestimate: 'row-misestimate',
};

/** What the cited node must be, per query. */
function checkNode(key: keyof typeof QUERIES, node: PlanNode, engine: Engine): void {
  const rel = (node.relation ?? '').replace(/^.*\./, '');
  if (key === 'seqScan' || key === 'misestimate') expect(rel).toBe('orders');
  if (key === 'fkJoin') expect(['orders', 'o']).toContain(rel);
  if (key === 'functionOnIndex' || key === 'selectStar') expect(rel).toBe('customers');
  if (key === 'sort') expect(node.op).toMatch(engine === 'postgres' ? /^Sort$/ : engine === 'mysql' ? /Filesort/ : /TEMP B-TREE/);
  if (key === 'nestedLoop') expect(node.op).toMatch(/Nested Loop/i);
}

for (const { engine, skip, analyze } of engines) {
  describe.skipIf(skip !== false)(`advisor on ${engine}${skip ? ` (${skip})` : ''}`, () => {
    let conn: DriverConnection;
    let snapshot: SchemaSnapshot;
    beforeAll(async () => {
      const params =
        engine === 'sqlite'
          ? { engine, filePath: path.join(tmp, 'shop.sqlite') }
          : parseConnectionUrl(engine === 'postgres' ? await createPgDatabase(pgUrl()!, 'qg_plan') : await createMysqlDatabase(mysqlUrl()!, 'qg_plan'));
      conn = await (await getDriver(engine)).connect(params);
      await createShop(conn, engine);
      snapshot = await conn.introspect();
    }, 120_000);
    afterAll(async () => conn?.close());

    for (const key of EXPECTED[engine]) {
      it(`${RULE[key]} cites the right node (${key})`, { timeout: 60_000 }, async () => {
        // Provoke the engine: little sort memory, no hash/merge join (PostgreSQL only).
        if (engine === 'postgres' && key === 'sort') await rowsOf(conn, "SET work_mem = '64kB'");
        if (engine === 'postgres' && key === 'nestedLoop') {
          await rowsOf(conn, 'SET enable_hashjoin = off');
          await rowsOf(conn, 'SET enable_mergejoin = off');
        }
        try {
          const explained = await conn.explain(QUERIES[key], { analyze: analyze && key !== 'selectStar' });
          const findings = advise(explained.plan, { engine, sql: QUERIES[key], snapshot });
          const f = findings.find((x) => x.rule === RULE[key]);
          expect(f, `${RULE[key]} among ${JSON.stringify(findings.map((x) => `${x.rule}@${x.nodePath}`))}`).toBeDefined();
          const node = nodeAt(explained.plan, f!.nodePath);
          expect(node, `node ${f!.nodePath}`).toBeDefined();
          checkNode(key, node!, engine);
          if (f!.sql) {
            expect(f!.sql.apply).toMatch(/^CREATE INDEX idx_/);
            expect(f!.sql.undo).toMatch(/^DROP INDEX idx_|^DROP INDEX public\.idx_/);
          }
        } finally {
          if (engine === 'postgres') await rowsOf(conn, 'RESET ALL');
        }
      });
    }

    it('suggests an index that the engine accepts, and its undo removes it', { timeout: 60_000 }, async () => {
      const explained = await conn.explain(QUERIES.seqScan, { analyze });
      const f = advise(explained.plan, { engine, sql: QUERIES.seqScan, snapshot }).find((x) => x.rule === 'seq-scan-selective')!;
      await rowsOf(conn, f.sql!.apply);
      try {
        const after = await conn.explain(QUERIES.seqScan);
        expect(JSON.stringify(after.plan)).toMatch(/idx_orders_/);
        expect(advise(after.plan, { engine, sql: QUERIES.seqScan, snapshot: await conn.introspect() }).some((x) => x.rule === 'seq-scan-selective')).toBe(false);
      } finally {
        await rowsOf(conn, f.sql!.undo);
      }
      expect(JSON.stringify((await conn.explain(QUERIES.seqScan)).plan)).not.toMatch(/idx_orders_/);
    });
  });
}
