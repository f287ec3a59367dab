/** Re-records the plan fixtures in src/main/plan/fixtures from the shared servers (opt-in: QG_RECORD_PLANS=1). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { parseConnectionUrl, type Engine } from '../../src/shared/connection';
import { getDriver } from '../../src/main/drivers/registry';
import { rowsOf } from '../harness/collect';
import { createMysqlDatabase, createPgDatabase } from '../harness/databases';
import { pgUrl, mysqlUrl } from '../harness/servers';
import { createShop, QUERIES } from './fixture';

const out = '/work/main/src/main/plan/fixtures';
describe.skipIf(!process.env.QG_RECORD_PLANS)('record plan fixtures (QG_RECORD_PLANS=1)', () => it('captures', { timeout: 300_000 }, async () => {
  for (const engine of ['postgres', 'mysql', 'sqlite'] as Engine[]) {
    const params = engine === 'sqlite' ? { engine, filePath: path.join(os.tmpdir(), `cap${Date.now()}.sqlite`) } as const
      : engine === 'postgres' ? parseConnectionUrl(await createPgDatabase(pgUrl()!, 'qg_plancap')) : parseConnectionUrl(await createMysqlDatabase(mysqlUrl()!, 'qg_plancap'));
    const conn = await (await getDriver(engine)).connect(params);
    await createShop(conn, engine);
    const plans: Record<string, unknown> = { server: await conn.serverVersion() };
    for (const [k, sql] of Object.entries(QUERIES)) {
      if (engine === 'postgres' && k === 'sort') await rowsOf(conn, "SET work_mem = '64kB'");
      if (engine === 'postgres' && k === 'nestedLoop') { await rowsOf(conn, 'SET enable_hashjoin = off'); await rowsOf(conn, 'SET enable_mergejoin = off'); await rowsOf(conn, 'SET enable_material = off'); }
      const est = await conn.explain(sql);
      const analyze = engine === 'sqlite' ? null : await conn.explain(sql, { analyze: true });
      plans[k] = { sql, estimated: est.raw, analyzed: analyze?.raw ?? null };
      if (engine === 'postgres') await rowsOf(conn, 'RESET ALL');
    }
    fs.writeFileSync(path.join(out, `${engine === 'mysql' ? 'mariadb' : engine}.json`), JSON.stringify(plans, null, 1));
    await conn.close();
  }
}));
