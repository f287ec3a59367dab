import { describe, expect, it } from 'vitest';
import {
  mssqlCommentStatement,
  mysqlColumnComment,
  mysqlColumnDefinitions,
  mysqlLiteral,
  mysqlTableComment,
  pgCommentStatement,
  pgLiteral,
  planComments,
  withMysqlComment,
} from './commentDdl';
import { col, snapshot, table } from './snapshotBuilder';
import { targetIndex } from './targets';

const snap = snapshot({
  app: [
    table('it"s', [col('na"me', 'text', { comment: 'same' }), col('price', 'numeric(10,2)')], { comment: null }),
    table('v_totals', [col('total')], { kind: 'view' }),
  ],
});
const write = (target: string, text: string) => ({ target, text, resolved: targetIndex(snap).get(target)! });

describe('comment write-back planning', () => {
  it('writes descriptions that differ from the comment; skips orphans, equal comments and blanks', () => {
    const d = new Map([
      ['app.it"s', 'Things'],
      ['app.it"s.na"me', 'same'],
      ['app.gone', 'old'],
      ['app.it"s.price', 'Price'],
      ['app.v_totals', 'Totals'],
    ]);
    const pg = planComments('postgres', snap, d);
    expect(pg.writes.map((w) => w.target)).toEqual(['app.it"s', 'app.it"s.price', 'app.v_totals']);
    expect(pg.skipped.map((s) => s.target)).toEqual(['app.gone', 'app.it"s.na"me']);
    // MySQL views cannot carry comments.
    expect(planComments('mysql', snap, d).skipped.find((s) => s.target === 'app.v_totals')!.reason).toMatch(/views/);
    expect(planComments('postgres', snap, d, ['app.it"s']).writes).toHaveLength(1);
  });

  it('skips MySQL column comments over the 1024-character limit', () => {
    const long = 'x'.repeat(1025);
    expect(planComments('mysql', snap, new Map([['app.it"s.price', long]])).skipped[0]!.reason).toMatch(/1024/);
  });
});

describe('PostgreSQL COMMENT ON', () => {
  it('quotes identifiers and escapes quotes; backslashes use an E-string', () => {
    expect(pgCommentStatement(write('app.it"s', "Bob's table"))).toBe(`COMMENT ON TABLE "app"."it""s" IS 'Bob''s table'`);
    expect(pgCommentStatement(write('app.it"s.na"me', 'C:\\path'))).toBe(`COMMENT ON COLUMN "app"."it""s"."na""me" IS E'C:\\\\path'`);
    expect(pgCommentStatement(write('app.v_totals', 'x'))).toBe(`COMMENT ON VIEW "app"."v_totals" IS 'x'`);
    expect(pgLiteral("a'b")).toBe("'a''b'");
  });
});

describe('MySQL / MariaDB comments', () => {
  const create = [
    'CREATE TABLE `orders` (',
    "  `id` int(11) NOT NULL AUTO_INCREMENT COMMENT 'old, with ''quote'' and \\\\ backslash',",
    "  `status` enum('new','paid, really','x)') NOT NULL DEFAULT 'new',",
    '  `we``ird` varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL,',
    '  `j` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`j`)),',
    '  `ts` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),',
    '  PRIMARY KEY (`id`),',
    '  KEY `ix_status` (`status`)',
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='t'",
  ].join('\n');

  it('reads every column definition from SHOW CREATE TABLE (quotes, commas and parentheses inside values)', () => {
    const defs = mysqlColumnDefinitions(create);
    expect([...defs.keys()]).toEqual(['id', 'status', 'we`ird', 'j', 'ts']);
    expect(defs.get('status')).toBe("`status` enum('new','paid, really','x)') NOT NULL DEFAULT 'new'");
    expect(defs.get('ts')).toBe('`ts` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp()');
  });

  it('MODIFY COLUMN keeps the full definition and replaces or adds the comment', () => {
    const defs = mysqlColumnDefinitions(create);
    expect(mysqlColumnComment('shop', 'orders', defs.get('id')!, "Bob's id")).toBe(
      "ALTER TABLE `shop`.`orders` MODIFY COLUMN `id` int(11) NOT NULL AUTO_INCREMENT COMMENT 'Bob''s id'",
    );
    expect(mysqlColumnComment('shop', 'orders', defs.get('status')!, 'State')).toBe(
      "ALTER TABLE `shop`.`orders` MODIFY COLUMN `status` enum('new','paid, really','x)') NOT NULL DEFAULT 'new' COMMENT 'State'",
    );
    // MariaDB prints a column CHECK last; the comment goes before it.
    expect(withMysqlComment(defs.get('j')!, "'doc'")).toBe("`j` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL COMMENT 'doc' CHECK (json_valid(`j`))");
  });

  it('escapes backslashes unless NO_BACKSLASH_ESCAPES, and quotes identifiers', () => {
    expect(mysqlLiteral("a'b\\c")).toBe("'a''b\\\\c'");
    expect(mysqlLiteral("a'b\\c", true)).toBe("'a''b\\c'");
    expect(mysqlTableComment('sh`op', 'orders', 'x')).toBe("ALTER TABLE `sh``op`.`orders` COMMENT = 'x'");
  });
});

describe('SQL Server extended properties', () => {
  it('adds or updates MS_Description at the right level, with N-strings escaped', () => {
    const t = mssqlCommentStatement(write('app.it"s', "Bob's"));
    expect(t).toContain("sys.fn_listextendedproperty(N'MS_Description', N'SCHEMA', N'app', N'TABLE', N'it\"s', NULL, NULL)");
    expect(t).toContain("EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = N'Bob''s'");
    expect(t).toContain('ELSE EXEC sys.sp_addextendedproperty');
    const c = mssqlCommentStatement(write('app.it"s.price', 'P'));
    expect(c).toContain("@level2type = N'COLUMN', @level2name = N'price'");
    expect(mssqlCommentStatement(write('app.v_totals', 'V'))).toContain("@level1type = N'VIEW'");
  });
});
