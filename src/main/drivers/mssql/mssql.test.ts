/** Unit tests of the SQL Server driver's pure parts (no server here): values, errors, showplan, snapshot assembly. */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../shared/values';
import { buildConfig } from './connection';
import { mapMssqlError } from './errors';
import { assembleMssqlSnapshot, type MssqlCatalogRows } from './introspect';
import { parseShowplan } from './showplan';
import { columnTypeText, mapCell, mapRow } from './values';

const col = (declaration: string, extra: { scale?: number; precision?: number; length?: number } = {}) => ({ name: 'c', type: { declaration }, ...extra });

/** A Date as tedious builds it, with the hidden 100 ns remainder. */
function tediousDate(iso: string, nanosecondsDelta = 0): Date {
  const d = new Date(iso);
  Object.defineProperty(d, 'nanosecondsDelta', { value: nanosecondsDelta, enumerable: false });
  return d;
}

describe('mapCell', () => {
  it('turns BIGINT strings into exact bigint', () => {
    expect(mapCell('9223372036854775807', col('bigint'))).toBe(9223372036854775807n);
    expect(mapCell('-9223372036854775808', col('bigint'))).toBe(-9223372036854775808n);
  });

  it('turns DECIMAL and MONEY into Decimal text at the column scale', () => {
    expect(mapCell(12.5, col('decimal', { precision: 10, scale: 2 }))).toEqual(new Decimal('12.50'));
    expect(mapCell(0.1, col('numeric', { precision: 5, scale: 3 }))).toEqual(new Decimal('0.100'));
    expect(mapCell(-1234.5678, col('money'))).toEqual(new Decimal('-1234.5678'));
    expect(mapCell(1e22, col('decimal', { precision: 38, scale: 0 }))).toEqual(new Decimal('10000000000000000000000'));
  });

  it('formats temporal types as SQL Server text, with 100 ns digits and UTC for datetimeoffset', () => {
    expect(mapCell(tediousDate('2024-02-29T00:00:00Z'), col('date'))).toBe('2024-02-29');
    expect(mapCell(tediousDate('2024-02-29T13:45:10.123Z', 0.0004567), col('datetime2', { scale: 7 }))).toBe('2024-02-29 13:45:10.1234567');
    expect(mapCell(tediousDate('2024-02-29T13:45:10.120Z'), col('datetime2', { scale: 2 }))).toBe('2024-02-29 13:45:10.12');
    expect(mapCell(tediousDate('2024-02-29T13:45:10.997Z'), col('datetime'))).toBe('2024-02-29 13:45:10.997');
    expect(mapCell(tediousDate('1970-01-01T23:59:59.500Z'), col('time', { scale: 3 }))).toBe('23:59:59.500');
    expect(mapCell(tediousDate('2024-02-29T11:45:10Z'), col('datetimeoffset', { scale: 0 }))).toBe('2024-02-29 11:45:10 +00:00');
  });

  it('keeps binary, bits, GUIDs, NULL and empty strings apart', () => {
    const bytes = Buffer.from([0, 255]);
    expect(mapCell(bytes, col('varbinary'))).toBe(bytes);
    expect(mapCell(true, col('bit'))).toBe(true);
    expect(mapCell('6F9619FF-8B86-D011-B42D-00C04FC964FF', col('uniqueidentifier'))).toBe('6F9619FF-8B86-D011-B42D-00C04FC964FF');
    expect(mapCell(null, col('nvarchar'))).toBeNull();
    expect(mapCell('', col('nvarchar'))).toBe('');
    expect(mapCell({ points: [{ x: 1, y: 2 }] }, col('geography'))).toBe('{"points":[{"x":1,"y":2}]}');
  });

  it('maps FOR JSON chunk rows (objects) as one text column', () => {
    expect(mapRow({ 'JSON_F52E2B61-18A1-11d1-B105-00805F49916B': '[{"a":1}]' }, [col('nvarchar')])).toEqual(['[{"a":1}]']);
  });

  it('writes result column types the way SQL Server does', () => {
    expect(columnTypeText(col('decimal', { precision: 10, scale: 2 }))).toBe('decimal(10,2)');
    expect(columnTypeText(col('nvarchar', { length: 80 }))).toBe('nvarchar(40)');
    expect(columnTypeText(col('varbinary', { length: 65535 }))).toBe('varbinary(max)');
  });
});

describe('mapMssqlError', () => {
  it('maps login, network and database errors without leaking the password', () => {
    const login = mapMssqlError({ code: 'ELOGIN', message: "Login failed for user 'sa'.", originalError: { number: 18456 } }, { target: 'mssql sa@db:1433' });
    expect(login.code).toBe('AUTH_FAILED');
    expect(login.message).toContain('mssql sa@db:1433');
    expect(mapMssqlError({ code: 'ESOCKET', message: 'Failed to connect to localhost:1433 - connect ECONNREFUSED' }).code).toBe('CONNECTION_REFUSED');
    expect(mapMssqlError({ code: 'ESOCKET', message: 'getaddrinfo ENOTFOUND nohost' }).code).toBe('HOST_NOT_FOUND');
    expect(mapMssqlError({ code: 'ELOGIN', message: 'Cannot open database "nope" requested by the login.', number: 4060 }, { database: 'nope' }).code).toBe('UNKNOWN_DATABASE');
    expect(mapMssqlError({ code: 'ECANCEL', message: 'Canceled.' }).code).toBe('QUERY_CANCELLED');
    expect(mapMssqlError({ code: 'ETIMEOUT', message: 'Timeout: Request failed to complete in 1000ms' }, { sql: 'x' }).code).toBe('TIMEOUT');
  });

  it('gives a syntax error its line and the column of the token', () => {
    const sql = 'SELECT 1\nFROM t\nWHERE a = = 2';
    const err = mapMssqlError({ code: 'EREQUEST', number: 102, lineNumber: 3, message: "Incorrect syntax near '='." }, { sql });
    expect(err.code).toBe('SYNTAX_ERROR');
    expect(err.detail?.engineCode).toBe('102');
    expect(err.detail?.position).toEqual({ line: 3, column: 9, offset: 24 });
  });
});

const SHOWPLAN = `<?xml version="1.0" encoding="utf-16"?>
<ShowPlanXML xmlns="http://schemas.microsoft.com/sqlserver/2004/07/showplan" Version="1.564" Build="16.0.1000.6">
 <BatchSequence><Batch><Statements>
  <StmtSimple StatementText="SELECT o.id FROM dbo.orders o JOIN dbo.customer c ON c.id = o.customer_id WHERE c.name &lt;&gt; N'x'" StatementId="1" StatementType="SELECT" StatementSubTreeCost="0.0424" StatementEstRows="120">
   <QueryPlan DegreeOfParallelism="1">
    <RelOp NodeId="0" PhysicalOp="Hash Match" LogicalOp="Inner Join" EstimateRows="120" EstimatedTotalSubtreeCost="0.0424">
     <OutputList><ColumnReference Database="[shop]" Schema="[dbo]" Table="[orders]" Column="id" /></OutputList>
     <RunTimeInformation><RunTimeCountersPerThread Thread="0" ActualRows="118" ActualExecutions="1" ActualElapsedms="3" /></RunTimeInformation>
     <Hash>
      <RelOp NodeId="1" PhysicalOp="Clustered Index Scan" LogicalOp="Clustered Index Scan" EstimateRows="50" EstimatedTotalSubtreeCost="0.0033">
       <RunTimeInformation><RunTimeCountersPerThread Thread="0" ActualRows="49" ActualElapsedms="1" /></RunTimeInformation>
       <IndexScan Ordered="0"><Object Database="[shop]" Schema="[dbo]" Table="[customer]" Index="[PK_customer]" Alias="[c]" /></IndexScan>
      </RelOp>
      <RelOp NodeId="2" PhysicalOp="Index Seek" LogicalOp="Index Seek" EstimateRows="1000" EstimatedTotalSubtreeCost="0.0210">
       <RunTimeInformation>
        <RunTimeCountersPerThread Thread="1" ActualRows="500" ActualElapsedms="2" />
        <RunTimeCountersPerThread Thread="2" ActualRows="501" ActualElapsedms="4" />
       </RunTimeInformation>
       <IndexScan Ordered="1"><Object Database="[shop]" Schema="[dbo]" Table="[orders]" Index="[ix_orders_customer]" /></IndexScan>
      </RelOp>
     </Hash>
    </RelOp>
   </QueryPlan>
  </StmtSimple>
 </Statements></Batch></BatchSequence>
</ShowPlanXML>`;

describe('parseShowplan', () => {
  it('walks RelOps into a tree with relations, estimates, costs and actual counters', () => {
    const plan = parseShowplan(SHOWPLAN);
    expect(plan).toMatchObject({ op: 'SELECT', estimatedRows: 120, cost: 0.0424 });
    expect(plan.detail?.statement).toContain("c.name <> N'x'");
    const join = plan.children[0]!;
    expect(join).toMatchObject({ op: 'Hash Match', estimatedRows: 120, cost: 0.0424, actualRows: 118, timeMs: 3 });
    expect(join.relation).toBeUndefined();
    expect(join.children.map((n) => [n.op, n.relation, n.estimatedRows, n.actualRows, n.timeMs])).toEqual([
      ['Clustered Index Scan', 'dbo.customer', 50, 49, 1],
      ['Index Seek', 'dbo.orders', 1000, 1001, 4],
    ]);
    expect(join.children[1]!.detail?.index).toBe('ix_orders_customer');
  });

  it('returns a Batch root when the plan holds several statements', () => {
    const two = SHOWPLAN.replace('</StmtSimple>', '</StmtSimple><StmtSimple StatementType="UPDATE" StatementEstRows="1"><QueryPlan><RelOp PhysicalOp="Clustered Index Update" EstimateRows="1"><Update><Object Schema="[dbo]" Table="[orders]" /></Update></RelOp></QueryPlan></StmtSimple>');
    const plan = parseShowplan(two);
    expect(plan.op).toBe('Batch');
    expect(plan.children.map((c) => c.op)).toEqual(['SELECT', 'UPDATE']);
    expect(plan.children[1]!.children[0]).toMatchObject({ op: 'Clustered Index Update', relation: 'dbo.orders' });
  });
});

describe('assembleMssqlSnapshot', () => {
  const rows: MssqlCatalogRows = {
    schemas: [{ schemaName: 'dbo' }, { schemaName: 'sales' }],
    tables: [
      { schemaName: 'sales', name: 'orders', type: 'U', comment: 'Customer orders', rowEstimate: '1200', definition: null },
      { schemaName: 'dbo', name: 'region', type: 'U', comment: null, rowEstimate: 3, definition: null },
      { schemaName: 'sales', name: 'big_orders', type: 'V', comment: null, rowEstimate: null, definition: 'CREATE VIEW sales.big_orders AS SELECT id FROM sales.orders' },
    ],
    columns: [
      { schemaName: 'dbo', tableName: 'region', ordinal: 1, name: 'country', typeName: 'char', maxLength: 2, precision: 0, scale: 0, nullable: false, isIdentity: false, defaultDef: null, computedDef: null, comment: null },
      { schemaName: 'dbo', tableName: 'region', ordinal: 2, name: 'code', typeName: 'nvarchar', maxLength: 20, precision: 0, scale: 0, nullable: false, isIdentity: false, defaultDef: null, computedDef: null, comment: null },
      { schemaName: 'sales', tableName: 'orders', ordinal: 1, name: 'id', typeName: 'bigint', maxLength: 8, precision: 19, scale: 0, nullable: false, isIdentity: true, defaultDef: null, computedDef: null, comment: 'Order number' },
      { schemaName: 'sales', tableName: 'orders', ordinal: 2, name: 'country', typeName: 'char', maxLength: 2, precision: 0, scale: 0, nullable: true, isIdentity: false, defaultDef: null, computedDef: null, comment: null },
      { schemaName: 'sales', tableName: 'orders', ordinal: 3, name: 'region_code', typeName: 'nvarchar', maxLength: 20, precision: 0, scale: 0, nullable: true, isIdentity: false, defaultDef: null, computedDef: null, comment: null },
      { schemaName: 'sales', tableName: 'orders', ordinal: 4, name: 'total', typeName: 'decimal', maxLength: 9, precision: 10, scale: 2, nullable: true, isIdentity: false, defaultDef: '((0))', computedDef: null, comment: null },
      { schemaName: 'sales', tableName: 'orders', ordinal: 5, name: 'note', typeName: 'nvarchar', maxLength: -1, precision: 0, scale: 0, nullable: true, isIdentity: false, defaultDef: null, computedDef: null, comment: null },
      { schemaName: 'sales', tableName: 'orders', ordinal: 6, name: 'total_x2', typeName: 'decimal', maxLength: 9, precision: 11, scale: 2, nullable: true, isIdentity: false, defaultDef: null, computedDef: '([total]*(2))', computedPersisted: true, comment: null },
      { schemaName: 'sales', tableName: 'big_orders', ordinal: 1, name: 'id', typeName: 'bigint', maxLength: 8, precision: 19, scale: 0, nullable: false, isIdentity: false, defaultDef: null, computedDef: null, comment: null },
    ],
    indexes: [
      { schemaName: 'dbo', tableName: 'region', indexName: 'PK_region', isUnique: true, isPrimary: true, isUniqueConstraint: false, keyOrdinal: 1, columnName: 'country' },
      { schemaName: 'dbo', tableName: 'region', indexName: 'PK_region', isUnique: true, isPrimary: true, isUniqueConstraint: false, keyOrdinal: 2, columnName: 'code' },
      { schemaName: 'sales', tableName: 'orders', indexName: 'PK_orders', isUnique: true, isPrimary: true, isUniqueConstraint: false, keyOrdinal: 1, columnName: 'id' },
      { schemaName: 'sales', tableName: 'orders', indexName: 'UQ_orders_note', isUnique: true, isPrimary: false, isUniqueConstraint: true, keyOrdinal: 1, columnName: 'country' },
      { schemaName: 'sales', tableName: 'orders', indexName: 'UQ_orders_note', isUnique: true, isPrimary: false, isUniqueConstraint: true, keyOrdinal: 2, columnName: 'id' },
    ],
    foreignKeys: [
      { schemaName: 'sales', tableName: 'orders', name: 'FK_orders_region', seq: 1, columnName: 'country', refSchema: 'dbo', refTable: 'region', refColumn: 'country', onDelete: 'SET_NULL', onUpdate: 'NO_ACTION' },
      { schemaName: 'sales', tableName: 'orders', name: 'FK_orders_region', seq: 2, columnName: 'region_code', refSchema: 'dbo', refTable: 'region', refColumn: 'code', onDelete: 'SET_NULL', onUpdate: 'NO_ACTION' },
    ],
    checks: [
      { schemaName: 'sales', tableName: 'orders', name: 'CK_orders_total', definition: '([total]>=(0))', columnName: 'total' },
      { schemaName: 'sales', tableName: 'orders', name: 'CK_orders_pair', definition: '([country] IS NULL OR [region_code] IS NOT NULL)', columnName: null },
    ],
    routines: [
      { schemaName: 'sales', name: 'place_order', type: 'P', params: '@customer int, @id bigint OUTPUT', returns: null },
      { schemaName: 'dbo', name: 'region_name', type: 'FN', params: '@code nvarchar', returns: 'nvarchar' },
    ],
  };

  it('marks computed columns as generated (persisted ones as stored)', () => {
    const snap = assembleMssqlSnapshot(rows, 'shop');
    const orders = snap.schemas.find((s) => s.name === 'sales')!.tables.find((t) => t.name === 'orders')!;
    expect(orders.columns.find((c) => c.name === 'total_x2')).toMatchObject({ generated: 'stored', dataType: 'AS ([total]*(2))' });
    expect(orders.columns.find((c) => c.name === 'note')?.generated).toBeUndefined();
  });

  it('assembles schemas, tables, keys, constraints, comments and routines', () => {
    const snap = assembleMssqlSnapshot(rows, 'shop');
    expect(snap.engine).toBe('mssql');
    expect(snap.schemas.map((s) => [s.name, s.tables.map((t) => t.name)])).toEqual([
      ['dbo', ['region']],
      ['sales', ['big_orders', 'orders']],
    ]);
    const orders = snap.schemas[1]!.tables[1]!;
    expect(orders).toMatchObject({ kind: 'table', comment: 'Customer orders', rowEstimate: 1200, primaryKey: ['id'] });
    expect(orders.columns.map((c) => [c.name, c.dataType, c.nullable, c.default, c.comment])).toEqual([
      ['id', 'bigint', false, null, 'Order number'],
      ['country', 'char(2)', true, null, null],
      ['region_code', 'nvarchar(10)', true, null, null],
      ['total', 'decimal(10,2)', true, '((0))', null],
      ['note', 'nvarchar(max)', true, null, null],
      ['total_x2', 'AS ([total]*(2))', true, null, null],
    ]);
    expect(orders.columns[0]!.autoIncrement).toBe(true);
    expect(orders.foreignKeys).toEqual([
      { name: 'FK_orders_region', columns: ['country', 'region_code'], refSchema: 'dbo', refTable: 'region', refColumns: ['country', 'code'], onDelete: 'SET NULL', onUpdate: 'NO ACTION' },
    ]);
    expect(orders.indexes).toEqual([
      { name: 'PK_orders', columns: ['id'], unique: true, primary: true },
      { name: 'UQ_orders_note', columns: ['country', 'id'], unique: true },
    ]);
    expect(orders.constraints).toEqual([
      { name: 'UQ_orders_note', kind: 'unique', columns: ['country', 'id'] },
      { name: 'CK_orders_total', kind: 'check', columns: ['total'], definition: '([total]>=(0))' },
      { name: 'CK_orders_pair', kind: 'check', columns: [], definition: '([country] IS NULL OR [region_code] IS NOT NULL)' },
    ]);
    expect(snap.schemas[0]!.tables[0]!.primaryKey).toEqual(['country', 'code']);
    expect(snap.schemas[1]!.tables[0]).toMatchObject({ kind: 'view', definition: 'CREATE VIEW sales.big_orders AS SELECT id FROM sales.orders' });
    expect(snap.schemas[1]!.routines).toEqual([{ name: 'place_order', kind: 'procedure', signature: '(@customer int, @id bigint OUTPUT)' }]);
    expect(snap.schemas[0]!.routines).toEqual([{ name: 'region_name', kind: 'function', signature: '(@code nvarchar) returns nvarchar' }]);
  });

  it('filters schemas and leaves tables partial in names-first mode', () => {
    const snap = assembleMssqlSnapshot(rows, 'shop', { schemas: ['sales'], namesOnly: true });
    expect(snap.schemas.map((s) => s.name)).toEqual(['sales']);
    expect(snap.schemas[0]!.tables.every((t) => t.partial && t.columns.length === 0)).toBe(true);
  });
});

describe('buildConfig', () => {
  it('asks for ApplicationIntent=ReadOnly on read-only connections and maps TLS modes', () => {
    const ro = buildConfig({ engine: 'mssql', host: 'db', port: 1433, user: 'sa', password: 'pw', readOnly: true, ssl: { mode: 'verify-full' } });
    expect(ro.options).toMatchObject({ readOnlyIntent: true, encrypt: true, trustServerCertificate: false });
    const plain = buildConfig({ engine: 'mssql', host: 'db', ssl: { mode: 'disable' } });
    expect(plain.options).toMatchObject({ readOnlyIntent: false, encrypt: false });
  });
});
