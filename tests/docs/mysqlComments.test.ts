/**
 * MySQL/MariaDB column comments are written with MODIFY COLUMN, which replaces the whole column:
 * on awkward columns (enum with quotes, JSON with its CHECK, generated, ON UPDATE, charset and
 * collation, auto-increment) the table's definition must be unchanged except for the comments.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { applyComments, commentPreview } from '../../src/main/docs/comments';
import { mysqlDriver } from '../../src/main/drivers/mysql/index';
import type { DriverConnection } from '../../src/main/drivers/types';
import { parseConnectionUrl } from '../../src/shared/connection';
import { rowsOf } from '../harness/collect';
import { createMysqlDatabase } from '../harness/databases';
import { MISSING_MYSQL, mysqlUrl } from '../harness/servers';

const server = mysqlUrl();
const open: DriverConnection[] = [];
afterAll(async () => {
  for (const c of open) await c.close().catch(() => undefined);
});

/** SHOW CREATE TABLE without the COMMENT clauses, for comparing definitions. */
async function definitionWithoutComments(conn: DriverConnection, table: string): Promise<string> {
  const rows = await rowsOf(conn, `SHOW CREATE TABLE \`${table}\``);
  return String(rows[0]![1])
    .replace(/ COMMENT '(?:[^'\\]|''|\\.)*'/g, '')
    .replace(/ COMMENT='(?:[^'\\]|''|\\.)*'/g, '');
}

describe.skipIf(!server)(`MySQL/MariaDB comment write-back keeps columns intact${server ? '' : ` (${MISSING_MYSQL})`}`, () => {
  it('rewrites only the comments of awkward columns', { timeout: 60_000 }, async () => {
    const conn = await mysqlDriver.connect(parseConnectionUrl(await createMysqlDatabase(server!, 'qg_docs_my')));
    open.push(conn);
    await rowsOf(
      conn,
      `CREATE TABLE gadgets (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        status ENUM('new','it''s paid','a,b') NOT NULL DEFAULT 'it''s paid' COMMENT 'old comment',
        meta JSON,
        qty INT NOT NULL DEFAULT 1,
        total INT AS (qty * 2) VIRTUAL,
        name VARCHAR(50) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL,
        price DECIMAL(10,2) UNSIGNED DEFAULT 9.99,
        updated TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
      ) ENGINE=InnoDB`,
    );
    const before = await definitionWithoutComments(conn, 'gadgets');
    const s = (await conn.introspect()).schemas[0]!.name;
    const cols = ['id', 'status', 'meta', 'qty', 'total', 'name', 'price', 'updated'];
    const text = (c: string) => `The ${c}: it's "quoted" \\ and, (parenthesised)`;
    const descriptions = new Map([[`${s}.gadgets`, 'Gadgets we sell'], ...cols.map((c) => [`${s}.gadgets.${c}`, text(c)] as [string, string])]);
    const preview = await commentPreview(conn, descriptions);
    expect(preview.statements).toHaveLength(cols.length + 1);
    expect(await applyComments(conn, preview.statements)).toBe(cols.length + 1);

    expect(await definitionWithoutComments(conn, 'gadgets')).toBe(before);
    const table = (await conn.introspect()).schemas[0]!.tables.find((t) => t.name === 'gadgets')!;
    expect(table.comment).toBe('Gadgets we sell');
    for (const c of cols) expect(table.columns.find((x) => x.name === c)!.comment, c).toBe(text(c));
    // Nothing left to write.
    expect((await commentPreview(conn, descriptions)).statements).toEqual([]);
  });
});
