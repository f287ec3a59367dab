/**
 * SQL Server driver against a real server. There is none on these machines: set QG_MSSQL_URL
 * (e.g. mssql://sa:Passw0rd!@localhost:1433/master?trustServerCertificate=true) to run it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConnectionUrl } from '../../src/shared/connection';
import { AppError } from '../../src/shared/errors';
import type { ColumnMeta } from '../../src/shared/query';
import { Decimal, type Row } from '../../src/shared/values';
import type { DriverConnection, RowSink } from '../../src/main/drivers/types';

const url = process.env.QG_MSSQL_URL;
if (!url) console.warn('tests/engines/mssql.test.ts skipped: set QG_MSSQL_URL=mssql://user:pass@host:1433/db to run the SQL Server suite.');

function sink(): { sink: RowSink; sets: { columns: ColumnMeta[]; rows: Row[] }[] } {
  const sets: { columns: ColumnMeta[]; rows: Row[] }[] = [];
  return {
    sets,
    sink: {
      beginResultSet: (columns) => void sets.push({ columns, rows: [] }),
      rows: (b) => void sets[sets.length - 1]!.rows.push(...b),
      endResultSet: () => undefined,
    },
  };
}

describe.skipIf(!url)('SQL Server (QG_MSSQL_URL)', () => {
  let conn: DriverConnection;
  const suffix = Date.now().toString(36);
  const table = `qg_types_${suffix}`;

  beforeAll(async () => {
    const { mssqlDriver } = await import('../../src/main/drivers/mssql/index');
    conn = await mssqlDriver.connect(parseConnectionUrl(url!));
  });
  afterAll(async () => {
    await conn?.execute(`IF OBJECT_ID('dbo.${table}') IS NOT NULL DROP TABLE dbo.${table}`, sink().sink).catch(() => undefined);
    await conn?.close();
  });

  it('round-trips every type faithfully', async () => {
    const s = sink();
    await conn.execute(
      `SELECT CAST(9223372036854775807 AS bigint) AS big, CAST(12.34 AS decimal(10,2)) AS dec, CAST(1.5 AS money) AS m,
              CAST(0x00FF AS varbinary(2)) AS bin, CAST('2024-02-29 13:45:10.1234567' AS datetime2(7)) AS dt2,
              CAST('2024-02-29' AS date) AS d, CAST(NULL AS nvarchar(10)) AS n, N'' AS e, CAST(1 AS bit) AS b,
              CAST('6F9619FF-8B86-D011-B42D-00C04FC964FF' AS uniqueidentifier) AS g`,
      s.sink,
    );
    const [row] = s.sets[0]!.rows;
    expect(row![0]).toBe(9223372036854775807n);
    expect(row![1]).toEqual(new Decimal('12.34'));
    expect(row![2]).toEqual(new Decimal('1.5000'));
    expect([...(row![3] as Uint8Array)]).toEqual([0, 255]);
    expect(row![4]).toBe('2024-02-29 13:45:10.1234567');
    expect(row![5]).toBe('2024-02-29');
    expect(row![6]).toBeNull();
    expect(row![7]).toBe('');
    expect(row![8]).toBe(true);
    expect(String(row![9]).toUpperCase()).toBe('6F9619FF-8B86-D011-B42D-00C04FC964FF');
    expect(s.sets[0]!.columns[1]).toEqual({ name: 'dec', type: 'decimal(10,2)' });
  });

  it('returns several result sets, rows affected and info messages', async () => {
    await conn.execute(`CREATE TABLE dbo.${table} (id int PRIMARY KEY, v nvarchar(20))`, sink().sink);
    const ins = await conn.execute(`INSERT INTO dbo.${table} VALUES (1, N'a'), (2, N'b')`, sink().sink);
    expect(ins.rowsAffected).toBe(2);
    const s = sink();
    const summary = await conn.execute(`SELECT 1 AS a; PRINT 'hello'; SELECT id FROM dbo.${table} ORDER BY id`, s.sink);
    expect(s.sets.map((x) => x.rows)).toEqual([[[1]], [[1], [2]]]);
    expect(summary.messages.map((m) => m.message)).toContain('hello');
    expect(summary.rowsAffected).toBeNull();
  });

  it("cancels WAITFOR DELAY '00:00:30' and the connection then runs SELECT 1", async () => {
    const running = conn.execute("WAITFOR DELAY '00:00:30'", sink().sink);
    await new Promise((r) => setTimeout(r, 300));
    await conn.cancel();
    await expect(running).rejects.toMatchObject({ code: 'QUERY_CANCELLED' });
    const s = sink();
    await conn.execute('SELECT 1', s.sink);
    expect(s.sets[0]!.rows).toEqual([[1]]);
  });

  it('maps a syntax error with its line', async () => {
    const err = await conn.execute('SELECT 1\nFROM FROM x', sink().sink).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('SYNTAX_ERROR');
    expect((err as AppError).detail?.position?.line).toBe(2);
  });

  it('introspects the table it created, and explains a query', async () => {
    const snap = await conn.introspect({ schemas: ['dbo'] });
    const t = snap.schemas.find((s) => s.name === 'dbo')!.tables.find((x) => x.name === table)!;
    expect(t.columns.map((c) => [c.name, c.dataType, c.nullable])).toEqual([
      ['id', 'int', false],
      ['v', 'nvarchar(20)', true],
    ]);
    expect(t.primaryKey).toEqual(['id']);
    const plan = await conn.explain(`SELECT v FROM dbo.${table} WHERE id = 1`);
    expect(plan.format).toBe('xml');
    expect(JSON.stringify(plan.plan)).toContain(table);
    const analyzed = await conn.explain(`DELETE FROM dbo.${table}`, { analyze: true });
    expect(analyzed.plan.op).toBeTruthy();
    const s = sink();
    await conn.execute(`SELECT count(*) FROM dbo.${table}`, s.sink);
    expect(s.sets[0]!.rows).toEqual([[2]]);
  });
});
