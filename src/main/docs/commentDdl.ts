/**
 * Comment write-back DDL per engine (pure): which descriptions to write, and the statement for
 * each — PostgreSQL `COMMENT ON`, MySQL/MariaDB `ALTER TABLE … COMMENT` / `MODIFY COLUMN <full
 * definition> COMMENT`, SQL Server `MS_Description` extended properties. SQLite has no comments.
 */
import type { CommentStatement, DocTarget } from '../../shared/docs';
import type { Engine } from '../../shared/connection';
import type { SchemaSnapshot, TableInfo } from '../../shared/schema';
import { descriptionOf, type DescriptionLookup } from './coverage';
import { targetIndex, type ResolvedTarget } from './targets';

/** A description to write, resolved against the live snapshot. */
export interface CommentWrite {
  target: DocTarget;
  text: string;
  resolved: ResolvedTarget;
}

/** The descriptions to write and the ones skipped (with why). */
export interface CommentPlan {
  writes: CommentWrite[];
  skipped: { target: DocTarget; reason: string }[];
}

/** MySQL's limits on comment length (characters). */
export const MYSQL_TABLE_COMMENT_MAX = 2048;
/** MySQL's limit on a column comment (characters). */
export const MYSQL_COLUMN_COMMENT_MAX = 1024;

/** Chooses what to write: described objects whose database comment differs from the description. */
export function planComments(engine: Engine, snapshot: SchemaSnapshot, descriptions: DescriptionLookup, targets?: readonly DocTarget[]): CommentPlan {
  const index = targetIndex(snapshot);
  const all = descriptions instanceof Map ? [...descriptions.keys()] : Object.keys(descriptions);
  const wanted = targets ? [...new Set(targets)] : all;
  const plan: CommentPlan = { writes: [], skipped: [] };
  for (const target of wanted.sort()) {
    const text = descriptionOf(descriptions, target)?.trim();
    const resolved = index.get(target);
    if (!text) plan.skipped.push({ target, reason: 'no description to write' });
    else if (!resolved) plan.skipped.push({ target, reason: 'not in the schema any more (orphaned description)' });
    else if ((resolved.kind === 'table' ? resolved.table.comment : resolved.column.comment)?.trim() === text)
      plan.skipped.push({ target, reason: 'the database comment already says this' });
    else if (engine === 'mysql' && resolved.table.kind !== 'table') plan.skipped.push({ target, reason: 'MySQL and MariaDB views cannot have comments' });
    else if (engine === 'mysql' && [...text].length > (resolved.kind === 'table' ? MYSQL_TABLE_COMMENT_MAX : MYSQL_COLUMN_COMMENT_MAX))
      plan.skipped.push({ target, reason: `longer than the ${resolved.kind === 'table' ? MYSQL_TABLE_COMMENT_MAX : MYSQL_COLUMN_COMMENT_MAX}-character limit MySQL puts on ${resolved.kind} comments` });
    else plan.writes.push({ target, text, resolved });
  }
  return plan;
}

// ---- PostgreSQL ----

const pgIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A PostgreSQL string literal: `'…'` with quotes doubled, or `E'…'` when backslashes appear (safe whatever standard_conforming_strings says). */
export function pgLiteral(text: string): string {
  const quoted = text.replace(/'/g, "''");
  return text.includes('\\') ? `E'${quoted.replace(/\\/g, '\\\\')}'` : `'${quoted}'`;
}

const PG_OBJECT: Record<TableInfo['kind'], string> = { table: 'TABLE', view: 'VIEW', materialized_view: 'MATERIALIZED VIEW', foreign_table: 'FOREIGN TABLE' };

/** `COMMENT ON TABLE|VIEW|… "s"."t" IS '…'` or `COMMENT ON COLUMN "s"."t"."c" IS '…'`. */
export function pgCommentStatement(w: CommentWrite): string {
  const r = w.resolved;
  const rel = `${pgIdent(r.schema)}.${pgIdent(r.table.name)}`;
  return r.kind === 'table'
    ? `COMMENT ON ${PG_OBJECT[r.table.kind]} ${rel} IS ${pgLiteral(w.text)}`
    : `COMMENT ON COLUMN ${rel}.${pgIdent(r.column.name)} IS ${pgLiteral(w.text)}`;
}

// ---- MySQL / MariaDB ----

/** A MySQL identifier in backticks. */
export const mysqlIdent = (name: string): string => `\`${name.replace(/`/g, '``')}\``;

/** A MySQL string literal; backslashes are escaped unless the session runs with NO_BACKSLASH_ESCAPES. */
export function mysqlLiteral(text: string, noBackslashEscapes = false): string {
  let s = text.replace(/'/g, "''");
  if (!noBackslashEscapes) s = s.replace(/\\/g, '\\\\').replace(/\0/g, '\\0');
  return `'${s}'`;
}

/** `ALTER TABLE `db`.`t` COMMENT = '…'`. */
export function mysqlTableComment(schema: string, table: string, text: string, noBackslashEscapes = false): string {
  return `ALTER TABLE ${mysqlIdent(schema)}.${mysqlIdent(table)} COMMENT = ${mysqlLiteral(text, noBackslashEscapes)}`;
}

/**
 * `ALTER TABLE … MODIFY COLUMN <definition> COMMENT '…'`. `definition` is the column's full
 * definition as SHOW CREATE TABLE prints it (name, type, charset, NULL-ness, default, extra);
 * MODIFY replaces the whole column, so anything left out would be lost.
 */
export function mysqlColumnComment(schema: string, table: string, definition: string, text: string, noBackslashEscapes = false): string {
  return `ALTER TABLE ${mysqlIdent(schema)}.${mysqlIdent(table)} MODIFY COLUMN ${withMysqlComment(definition, mysqlLiteral(text, noBackslashEscapes), noBackslashEscapes)}`;
}

/** Replaces the COMMENT clause of a column definition, or adds one (before a column CHECK, which MariaDB prints last). */
export function withMysqlComment(definition: string, literal: string, noBackslashEscapes = false): string {
  const spans = topLevelWords(definition, noBackslashEscapes);
  const comment = spans.find((w) => w.word === 'COMMENT');
  if (comment) {
    const lit = skipString(definition, skipSpace(definition, comment.end), noBackslashEscapes);
    if (lit) return `${definition.slice(0, comment.start)}COMMENT ${literal}${definition.slice(lit.end)}`;
  }
  const check = spans.find((w) => w.word === 'CHECK');
  if (check) return `${definition.slice(0, check.start)}COMMENT ${literal} ${definition.slice(check.start)}`;
  return `${definition.trimEnd()} COMMENT ${literal}`;
}

/** Words outside quotes and parentheses, with their positions (upper-cased). */
export function topLevelWords(sql: string, noBackslashEscapes = false): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  let depth = 0;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      i = skipString(sql, i, noBackslashEscapes)?.end ?? sql.length;
    } else if (ch === '(') {
      depth++;
      i++;
    } else if (ch === ')') {
      depth--;
      i++;
    } else if (/[A-Za-z_]/.test(ch)) {
      const start = i;
      while (i < sql.length && /[A-Za-z0-9_$]/.test(sql[i]!)) i++;
      if (depth === 0) out.push({ word: sql.slice(start, i).toUpperCase(), start, end: i });
    } else i++;
  }
  return out;
}

/** The end of a quoted span starting at `i` (`'…'`, `"…"`, `` `…` ``, doubled quotes and backslash escapes understood). */
export function skipString(sql: string, i: number, noBackslashEscapes = false): { end: number } | null {
  const q = sql[i];
  if (q !== "'" && q !== '"' && q !== '`') return null;
  let j = i + 1;
  while (j < sql.length) {
    const c = sql[j]!;
    if (c === '\\' && q !== '`' && !noBackslashEscapes) j += 2;
    else if (c === q && sql[j + 1] === q) j += 2;
    else if (c === q) return { end: j + 1 };
    else j++;
  }
  return { end: sql.length };
}

const skipSpace = (s: string, i: number): number => {
  while (i < s.length && /\s/.test(s[i]!)) i++;
  return i;
};

/** Column definitions by name from `SHOW CREATE TABLE` output. */
export function mysqlColumnDefinitions(createTable: string, noBackslashEscapes = false): Map<string, string> {
  const open = createTable.indexOf('(');
  const out = new Map<string, string>();
  if (open < 0) return out;
  let depth = 0;
  let start = open + 1;
  const items: string[] = [];
  for (let i = open + 1; i < createTable.length; ) {
    const ch = createTable[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      i = skipString(createTable, i, noBackslashEscapes)!.end;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')' && depth === 0) {
      items.push(createTable.slice(start, i));
      break;
    } else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      items.push(createTable.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  for (const raw of items) {
    const item = raw.trim();
    const q = item[0];
    // Column items start with a quoted name; keys and constraints start with a keyword.
    if (q !== '`' && q !== '"') continue;
    const end = skipString(item, 0, true)!.end;
    const name = item.slice(1, end - 1).split(q + q).join(q);
    out.set(name, item);
  }
  return out;
}

// ---- SQL Server ----

const nstr = (s: string): string => `N'${s.replace(/'/g, "''")}'`;

/** Adds or updates the `MS_Description` extended property of a table, view or column (one batch). */
export function mssqlCommentStatement(w: CommentWrite): string {
  const r = w.resolved;
  const level1 = r.table.kind === 'table' ? 'TABLE' : 'VIEW';
  const levels = `N'SCHEMA', ${nstr(r.schema)}, N'${level1}', ${nstr(r.table.name)}, ${r.kind === 'column' ? `N'COLUMN', ${nstr(r.column.name)}` : 'NULL, NULL'}`;
  const named = `@level0type = N'SCHEMA', @level0name = ${nstr(r.schema)}, @level1type = N'${level1}', @level1name = ${nstr(r.table.name)}${
    r.kind === 'column' ? `, @level2type = N'COLUMN', @level2name = ${nstr(r.column.name)}` : ''
  }`;
  const args = `@name = N'MS_Description', @value = ${nstr(w.text)}, ${named}`;
  return `IF EXISTS (SELECT 1 FROM sys.fn_listextendedproperty(N'MS_Description', ${levels})) EXEC sys.sp_updateextendedproperty ${args} ELSE EXEC sys.sp_addextendedproperty ${args}`;
}

/** The statements for engines that need no live catalog (PostgreSQL, SQL Server). */
export function staticCommentStatements(engine: Engine, plan: CommentPlan): CommentStatement[] {
  if (engine === 'postgres') return plan.writes.map((w) => ({ target: w.target, sql: pgCommentStatement(w) }));
  if (engine === 'mssql') return plan.writes.map((w) => ({ target: w.target, sql: mssqlCommentStatement(w) }));
  return [];
}
