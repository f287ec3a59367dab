/**
 * The plan contract through createApp: the PostgreSQL what-if leaves no index behind (checked in
 * pg_indexes), the SQLite what-if leaves the file unchanged, MariaDB says plainly it cannot,
 * workload answers or says how to enable it, and apply is refused read-only, confirmed on prod
 * and audited.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app/createApp';
import { getDriver } from '../../src/main/drivers/registry';
import { parseConnectionUrl, type ConnectionParams } from '../../src/shared/connection';
import { rowsOf } from '../harness/collect';
import { createMysqlDatabase, createPgDatabase } from '../harness/databases';
import { MISSING_MYSQL, MISSING_PG, mysqlUrl, pgUrl } from '../harness/servers';
import { MemorySecretStore } from '../../src/main/secrets/secretStore';
import { createShop, QUERIES } from './fixture';

let home: string;
let app: App;
let shopFile: string;
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-planapp-'));
  app = await createApp({ home, mode: 'web', secrets: new MemorySecretStore() });
  shopFile = path.join(home, 'shop.sqlite');
  const conn = await (await getDriver('sqlite')).connect({ engine: 'sqlite', filePath: shopFile });
  await createShop(conn, 'sqlite');
  await conn.close();
}, 60_000);
afterAll(async () => {
  await app.close();
  fs.rmSync(home, { recursive: true, force: true });
});

/** Saves a connection profile for server params (password to the secret store). */
async function save(name: string, params: ConnectionParams, extra: { readOnly?: boolean; environment?: 'prod' } = {}) {
  const { password, ...rest } = params;
  return app.handlers['connections.save']({ name, engine: params.engine, params: rest, ...(password ? { password } : {}), ...extra });
}

describe('plan on SQLite through the app', () => {
  it('advises with findings that cite plan nodes', async () => {
    const c = await save('shop', { engine: 'sqlite', filePath: shopFile });
    const r = await app.handlers['plan.advise']({ connectionId: c.id, sql: QUERIES.fkJoin });
    expect(r.explain.plan.children.length).toBeGreaterThan(0);
    const fk = r.findings.find((f) => f.rule === 'fk-without-index');
    expect(fk?.sql?.apply).toBe('CREATE INDEX idx_orders_customer_id ON orders (customer_id)');
  });

  it('what-if runs on a copy: the plan changes, the original file does not', async () => {
    const c = await save('shop-wi', { engine: 'sqlite', filePath: shopFile });
    const before = sha(shopFile);
    const r = await app.handlers['plan.whatIf']({ connectionId: c.id, sql: QUERIES.seqScan, createIndex: 'CREATE INDEX idx_orders_status_total ON orders (status, total)' });
    expect(r.supported).toBe(true);
    expect(JSON.stringify(r.before!.plan)).not.toContain('idx_orders_status_total');
    expect(JSON.stringify(r.after!.plan)).toContain('idx_orders_status_total');
    expect(sha(shopFile)).toBe(before);
  });

  it('workload is not available on SQLite and says so', async () => {
    const c = await save('shop-wl', { engine: 'sqlite', filePath: shopFile });
    const r = await app.handlers['plan.workload']({ connectionId: c.id });
    expect(r.available).toBe(false);
    expect(r.message).toMatch(/SQLite keeps no statement statistics/);
  });

  it('apply: refused read-only, needs confirmation on prod, then runs and is audited', async () => {
    const apply = 'CREATE INDEX idx_orders_note ON orders (note)';
    const undo = 'DROP INDEX idx_orders_note';
    const ro = await save('shop-ro', { engine: 'sqlite', filePath: shopFile }, { readOnly: true });
    await expect(app.handlers['plan.apply']({ connectionId: ro.id, sql: apply, undo })).rejects.toMatchObject({ code: 'READ_ONLY_VIOLATION' });
    expect(await app.handlers['plan.audit.list']({ connectionId: ro.id })).toEqual([]);
    const prod = await save('shop-prod', { engine: 'sqlite', filePath: shopFile }, { environment: 'prod' });
    await expect(app.handlers['plan.apply']({ connectionId: prod.id, sql: apply, undo })).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    const entry = await app.handlers['plan.apply']({ connectionId: prod.id, sql: apply, undo, confirmed: true });
    expect(entry).toMatchObject({ outcome: 'applied', sql: apply, rollbackSql: undo });
    const audit = await app.handlers['plan.audit.list']({ connectionId: prod.id });
    expect(audit.map((a) => a.sql)).toEqual([apply]);
    const conn = await (await getDriver('sqlite')).connect({ engine: 'sqlite', filePath: shopFile });
    try {
      expect(await rowsOf(conn, "SELECT name FROM sqlite_master WHERE name = 'idx_orders_note'")).toHaveLength(1);
      await rowsOf(conn, undo);
    } finally {
      await conn.close();
    }
    await expect(app.handlers['plan.apply']({ connectionId: prod.id, sql: 'DROP TABLE orders', undo: '', confirmed: true })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe.skipIf(!pgUrl())(`plan on PostgreSQL through the app${pgUrl() ? '' : ` (${MISSING_PG})`}`, () => {
  it('what-if shows the index in the after plan and leaves none behind (pg_indexes)', { timeout: 120_000 }, async () => {
    const params = parseConnectionUrl(await createPgDatabase(pgUrl()!, 'qg_planwi'));
    const direct = await (await getDriver('postgres')).connect(params);
    try {
      await createShop(direct, 'postgres');
      const c = await save('pg', params);
      for (const analyze of [false, true]) {
        const r = await app.handlers['plan.whatIf']({ connectionId: c.id, sql: QUERIES.seqScan, createIndex: 'CREATE INDEX idx_orders_status_total ON orders (status, total)', analyze });
        expect(r.supported).toBe(true);
        expect(r.before!.plan.op).toBe('Seq Scan');
        expect(JSON.stringify(r.after!.plan)).toContain('idx_orders_status_total');
        if (analyze) expect(r.after!.plan.actualRows).toBe(r.before!.plan.actualRows);
        expect(await rowsOf(direct, "SELECT indexname FROM pg_indexes WHERE tablename = 'orders' AND indexname LIKE 'idx_%'")).toEqual([]);
      }
      // A failing what-if (bad DDL) rolls back too and reports the error.
      await expect(app.handlers['plan.whatIf']({ connectionId: c.id, sql: QUERIES.seqScan, createIndex: 'CREATE INDEX idx_bad ON orders (nope)' })).rejects.toMatchObject({ code: expect.any(String) });
      expect(await rowsOf(direct, "SELECT indexname FROM pg_indexes WHERE indexname = 'idx_bad'")).toEqual([]);
      const wl = await app.handlers['plan.workload']({ connectionId: c.id });
      if (wl.available) expect(wl.statements.length).toBeGreaterThan(0);
      else expect(wl.message).toMatch(/shared_preload_libraries.*CREATE EXTENSION pg_stat_statements/);
      // Installed but not preloaded: still not available, and the server's reason is quoted.
      const preloaded = ((await rowsOf(direct, 'SHOW shared_preload_libraries'))[0]?.[0] as string).includes('pg_stat_statements');
      await rowsOf(direct, 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      const installed = await app.handlers['plan.workload']({ connectionId: c.id });
      expect(installed.available).toBe(preloaded);
      if (!preloaded) expect(installed.message).toMatch(/must be loaded via "?shared_preload_libraries/);
    } finally {
      await direct.close();
    }
  });
});

describe.skipIf(!mysqlUrl())(`plan on MariaDB through the app${mysqlUrl() ? '' : ` (${MISSING_MYSQL})`}`, () => {
  it('what-if is refused plainly; workload answers or says how to enable it', { timeout: 60_000 }, async () => {
    const params = parseConnectionUrl(await createMysqlDatabase(mysqlUrl()!, 'qg_planwi'));
    const c = await save('maria', params);
    const r = await app.handlers['plan.whatIf']({ connectionId: c.id, sql: 'SELECT 1', createIndex: 'CREATE INDEX i ON t (a)' });
    expect(r).toMatchObject({ supported: false });
    expect(r.message).toMatch(/DDL is not transactional/);
    const wl = await app.handlers['plan.workload']({ connectionId: c.id });
    if (wl.available) expect(wl.statements.every((s) => s.calls >= 1)).toBe(true);
    else expect(wl.message).toMatch(/performance_schema = ON/);
  });
});
