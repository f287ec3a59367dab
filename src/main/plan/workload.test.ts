import { describe, expect, it } from 'vitest';
import { ENABLE_HINTS, readWorkload, WORKLOAD_SQL } from './workload';

describe('workload', () => {
  it('SQL Server reads sys.dm_exec_query_stats and maps its columns', async () => {
    const seen: string[] = [];
    const r = await readWorkload('mssql', async (sql) => {
      seen.push(sql);
      return [{ query: ' SELECT 1 ', calls: 3, total_ms: 12.5, mean_ms: 4.1666, rows: BigInt(3) }];
    });
    expect(seen).toEqual([WORKLOAD_SQL.mssql]);
    expect(WORKLOAD_SQL.mssql).toMatch(/sys\.dm_exec_query_stats/);
    expect(r).toEqual({ available: true, message: expect.stringMatching(/Top 1/), statements: [{ query: 'SELECT 1', calls: 3, totalMs: 12.5, meanMs: 4.1666, rows: 3 }] });
  });

  it('SQL Server without VIEW SERVER STATE says which permission to grant', async () => {
    const r = await readWorkload('mssql', async () => {
      throw new Error('VIEW SERVER STATE permission was denied');
    });
    expect(r.available).toBe(false);
    expect(r.message).toContain('GRANT VIEW SERVER STATE');
  });

  it('PostgreSQL without the extension says how to enable it; SQLite says it has none', async () => {
    const pg = await readWorkload('postgres', async () => []);
    expect(pg).toEqual({ available: false, message: ENABLE_HINTS.postgres, statements: [] });
    expect(pg.message).toMatch(/shared_preload_libraries.*CREATE EXTENSION pg_stat_statements/);
    expect((await readWorkload('sqlite', async () => [])).available).toBe(false);
  });

  it('MySQL with performance_schema off says how to turn it on', async () => {
    const r = await readWorkload('mysql', async () => [{ ps: 0 }]);
    expect(r.message).toMatch(/performance_schema = ON/);
  });
});
