/**
 * Decides whether PostgreSQL may write a result's CSV itself (`COPY (…) TO STDOUT (FORMAT csv)`)
 * and still produce, byte for byte, the file our own CSV writer (query/export/csv.ts) would.
 *
 * Why most types are identical: the PostgreSQL driver keeps every column's server text as is
 * (drivers/postgres/types.ts) except a few numeric/boolean/binary types, and COPY's CSV quoting
 * rules are ours (quote on `,` `"` CR LF, `""` for the empty string, empty for NULL). Both run on
 * the same session, so DateStyle, IntervalStyle, TimeZone and extra_float_digits are the same
 * for both and need no SET. Of the converted types, integers and numeric print the server's
 * digits again; bool and bytea are rewritten in SQL to our text; float4/float8 are not
 * (JavaScript's number formatting differs from PostgreSQL's: `1e-7` vs `1e-07`, `-0` vs `0`),
 * so a float column sends the run down the streaming path. tests/query/runToFile.test.ts proves
 * this over a table of many types.
 */
import type { ColumnMeta } from '../../../shared/query';

/** Top-level column types whose text we rewrite in SQL to what our CSV writer prints. */
const REWRITES: ReadonlyMap<string, (column: string) => string> = new Map([
  ['bool', (c: string) => `CASE WHEN ${c} THEN 'true' WHEN NOT ${c} THEN 'false' END`],
  ['bytea', (c: string) => `encode(${c}, 'hex')`],
]);

/** Top-level column types whose COPY text differs from ours in ways SQL cannot cheaply fix. */
export const NOT_COPY_IDENTICAL: ReadonlySet<string> = new Set(['float4', 'float8']);

/** The COPY statement to run, or why the streaming path must be used. */
export type CopyPlan = { copySql: string; rewritten: string[] } | { reason: string };

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The `COPY … TO STDOUT` that writes `sql`'s result as our CSV, or the reason it cannot. */
export function planCopy(sql: string, columns: ColumnMeta[]): CopyPlan {
  if (columns.length === 0) return { reason: 'the statement returns no columns' };
  const odd = columns.filter((c) => NOT_COPY_IDENTICAL.has(c.type));
  if (odd.length > 0) {
    const list = odd.map((c) => `${c.name} (${c.type})`).join(', ');
    return { reason: `column(s) ${list} would print differently from COPY` };
  }
  const options = 'WITH (FORMAT csv, HEADER true)';
  // Newlines keep a trailing `-- comment` in the user's SQL from swallowing the parenthesis.
  const inner = `(\n${sql}\n)`;
  const rewritten = columns.filter((c) => REWRITES.has(c.type)).map((c) => c.name);
  if (rewritten.length === 0) return { copySql: `COPY ${inner} TO STDOUT ${options}`, rewritten };
  // Positional aliases reach every column, even duplicate or unnamed ones; the outer names are
  // the originals, so COPY's header matches.
  const aliases = columns.map((_, i) => `qg_c${i + 1}`);
  const list = columns
    .map((c, i) => `${REWRITES.get(c.type)?.(aliases[i]!) ?? aliases[i]} AS ${quoteIdent(c.name)}`)
    .join(', ');
  return {
    copySql: `COPY (SELECT ${list} FROM ${inner} AS qg_t(${aliases.join(', ')})) TO STDOUT ${options}`,
    rewritten,
  };
}

/** The describe query: the statement's columns without running it for rows. */
export function describeSql(sql: string): string {
  return `SELECT * FROM (\n${sql}\n) AS qg_describe LIMIT 0`;
}
