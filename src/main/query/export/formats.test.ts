import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../shared/connection';
import type { ExportFormat } from '../../../shared/query';
import { Decimal, type Row } from '../../../shared/values';
import { exportRows } from './index';

const columns = ['id', 'name', 'big', 'dec', 'bin', 'flag', 'ratio', 'at'].map((name) => ({
  name,
  type: '',
}));
const tricky = 'say "hi", ok\nnext | line\ttab\\ üñí 😀 it\'s';
const rows: Row[] = [
  [
    1,
    'plain',
    9223372036854775807n,
    new Decimal('12345678901234567890.000000001'),
    new Uint8Array([0xde, 0xad, 0xbe, 0xef]),
    true,
    1.5,
    new Date('2024-01-02T03:04:05.000Z'),
  ],
  [2, '', -42n, new Decimal('-0.5'), new Uint8Array([]), false, NaN, null],
  [3, null, null, null, null, null, null, null],
  [4, tricky, 0n, new Decimal('NaN'), new Uint8Array([0]), false, -Infinity, new Date(0)],
];

/** Exports the table above into memory, in two batches. */
async function render(format: ExportFormat, engine?: Engine): Promise<string> {
  async function* source(): AsyncIterable<Row[]> {
    yield rows.slice(0, 2);
    yield rows.slice(2);
  }
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const result = await exportRows({
    columns,
    source: source(),
    format,
    out,
    engine,
    tableName: 'public.t',
  });
  const text = Buffer.concat(chunks).toString('utf8');
  expect(result).toEqual({ rows: 4, bytes: Buffer.byteLength(text) });
  expect(out.writableEnded).toBe(false); // a caller's stream (stdout) stays open
  return text;
}

const lines = (...l: string[]): string => l.join('\n') + '\n';

describe('export formats write every value type exactly', () => {
  it('CSV: quotes when needed, NULL is empty and "" is quoted', async () => {
    expect(await render('csv')).toBe(
      lines(
        'id,name,big,dec,bin,flag,ratio,at',
        '1,plain,9223372036854775807,12345678901234567890.000000001,deadbeef,true,1.5,2024-01-02T03:04:05.000Z',
        '2,"",-42,-0.5,"",false,NaN,',
        '3,,,,,,,',
        `4,"say ""hi"", ok\nnext | line\ttab\\ üñí 😀 it's",0,NaN,00,false,-Infinity,1970-01-01T00:00:00.000Z`,
      ),
    );
  });

  it('TSV: escapes tabs, newlines and backslashes; NULL is \\N', async () => {
    expect(await render('tsv')).toBe(
      lines(
        'id\tname\tbig\tdec\tbin\tflag\tratio\tat',
        '1\tplain\t9223372036854775807\t12345678901234567890.000000001\tdeadbeef\ttrue\t1.5\t2024-01-02T03:04:05.000Z',
        '2\t\t-42\t-0.5\t\tfalse\tNaN\t\\N',
        '3\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N',
        `4\tsay "hi", ok\\nnext | line\\ttab\\\\ üñí 😀 it's\t0\tNaN\t00\tfalse\t-Infinity\t1970-01-01T00:00:00.000Z`,
      ),
    );
  });

  it('JSON: bigint and Decimal as exact numbers, binary as base64, parseable', async () => {
    const text = await render('json');
    expect(text).toBe(
      lines(
        '[',
        '{"id":1,"name":"plain","big":9223372036854775807,"dec":12345678901234567890.000000001,"bin":"3q2+7w==","flag":true,"ratio":1.5,"at":"2024-01-02T03:04:05.000Z"},',
        '{"id":2,"name":"","big":-42,"dec":-0.5,"bin":"","flag":false,"ratio":"NaN","at":null},',
        '{"id":3,"name":null,"big":null,"dec":null,"bin":null,"flag":null,"ratio":null,"at":null},',
        `{"id":4,"name":${JSON.stringify(tricky)},"big":0,"dec":"NaN","bin":"AA==","flag":false,"ratio":"-Infinity","at":"1970-01-01T00:00:00.000Z"}`,
        ']',
      ),
    );
    const parsed = JSON.parse(text) as Record<string, unknown>[];
    expect(parsed[3]!.name).toBe(tricky);
    expect(parsed[1]!.name).toBe('');
    expect(parsed[2]!.name).toBeNull();
  });

  it('NDJSON: one object per line', async () => {
    const text = await render('ndjson');
    const objects = text.trimEnd().split('\n');
    expect(objects).toHaveLength(4);
    expect(objects[0]).toBe(
      '{"id":1,"name":"plain","big":9223372036854775807,"dec":12345678901234567890.000000001,"bin":"3q2+7w==","flag":true,"ratio":1.5,"at":"2024-01-02T03:04:05.000Z"}',
    );
    expect(objects[2]).toBe(
      '{"id":3,"name":null,"big":null,"dec":null,"bin":null,"flag":null,"ratio":null,"at":null}',
    );
    expect((JSON.parse(objects[3]!) as { name: string }).name).toBe(tricky);
  });

  it('Markdown: escapes pipes, line breaks become <br>, NULL is NULL', async () => {
    expect(await render('markdown')).toBe(
      lines(
        '| id | name | big | dec | bin | flag | ratio | at |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        '| 1 | plain | 9223372036854775807 | 12345678901234567890.000000001 | deadbeef | true | 1.5 | 2024-01-02T03:04:05.000Z |',
        '| 2 |  | -42 | -0.5 |  | false | NaN | NULL |',
        '| 3 | NULL | NULL | NULL | NULL | NULL | NULL | NULL |',
        `| 4 | say "hi", ok<br>next \\| line\ttab\\ üñí 😀 it's | 0 | NaN | 00 | false | -Infinity | 1970-01-01T00:00:00.000Z |`,
      ),
    );
  });

  const sqlTail = (s: string): string[] => s.split('VALUES\n')[1]!.split(',\n(');
  it('SQL for PostgreSQL: ANSI identifiers, bytea hex, TRUE/FALSE', async () => {
    const text = await render('sql', 'postgres');
    expect(
      text.startsWith(
        'INSERT INTO "public"."t" ("id", "name", "big", "dec", "bin", "flag", "ratio", "at") VALUES\n',
      ),
    ).toBe(true);
    expect(sqlTail(text)).toEqual([
      "(1, 'plain', 9223372036854775807, 12345678901234567890.000000001, '\\xdeadbeef'::bytea, TRUE, 1.5, '2024-01-02T03:04:05.000Z')",
      "2, '', -42, -0.5, '\\x'::bytea, FALSE, 'NaN', NULL)",
      '3, NULL, NULL, NULL, NULL, NULL, NULL, NULL)',
      `4, 'say "hi", ok\nnext | line\ttab\\ üñí 😀 it''s', 0, 'NaN', '\\x00'::bytea, FALSE, '-Infinity', '1970-01-01T00:00:00.000Z');\n`,
    ]);
  });

  it('SQL for MySQL: backticks, backslashes escaped, X literals', async () => {
    const text = await render('sql', 'mysql');
    expect(
      text.startsWith(
        'INSERT INTO `public`.`t` (`id`, `name`, `big`, `dec`, `bin`, `flag`, `ratio`, `at`) VALUES\n',
      ),
    ).toBe(true);
    expect(sqlTail(text)[0]).toBe(
      "(1, 'plain', 9223372036854775807, 12345678901234567890.000000001, X'deadbeef', TRUE, 1.5, '2024-01-02T03:04:05.000Z')",
    );
    expect(sqlTail(text)[3]).toBe(
      `4, 'say "hi", ok\nnext | line\ttab\\\\ üñí 😀 it''s', 0, 'NaN', X'00', FALSE, '-Infinity', '1970-01-01T00:00:00.000Z');\n`,
    );
  });

  it('SQL for SQL Server: brackets, N strings, 0x binary, bit values', async () => {
    const text = await render('sql', 'mssql');
    expect(
      text.startsWith(
        'INSERT INTO [public].[t] ([id], [name], [big], [dec], [bin], [flag], [ratio], [at]) VALUES\n',
      ),
    ).toBe(true);
    expect(sqlTail(text)[1]).toBe("2, N'', -42, -0.5, 0x, 0, N'NaN', NULL)");
  });

  it('SQL for SQLite: X literals and 0/1 booleans', async () => {
    const text = await render('sql', 'sqlite');
    expect(sqlTail(text)[0]).toBe(
      "(1, 'plain', 9223372036854775807, 12345678901234567890.000000001, X'deadbeef', 1, 1.5, '2024-01-02T03:04:05.000Z')",
    );
  });

  it('SQL splits into INSERTs of 500 rows', async () => {
    async function* many(): AsyncIterable<Row[]> {
      for (let s = 0; s < 1200; s += 333)
        yield Array.from({ length: Math.min(333, 1200 - s) }, (_, i) => [s + i]);
    }
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await exportRows({
      columns: [{ name: 'n', type: 'int' }],
      source: many(),
      format: 'sql',
      out,
      tableName: 'nums',
    });
    const text = Buffer.concat(chunks).toString();
    const statements = text.split(';\n').filter(Boolean);
    expect(statements.map((s) => s.split('\n').length - 1)).toEqual([500, 500, 200]);
    expect(statements[0]!.startsWith('INSERT INTO "nums" ("n") VALUES\n(0),\n(1),')).toBe(true);
    expect(text.endsWith('(1199);\n')).toBe(true);
  });

  it('JSON keeps both values of repeated column names', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    async function* one(): AsyncIterable<Row[]> {
      yield [[1, 2]];
    }
    const cols = [
      { name: 'id', type: '' },
      { name: 'id', type: '' },
    ];
    await exportRows({ columns: cols, source: one(), format: 'ndjson', out });
    expect(Buffer.concat(chunks).toString()).toBe('{"id":1,"id_2":2}\n');
  });
});
