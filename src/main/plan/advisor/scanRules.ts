/** Advisor rules about how tables are read: selective full scans, functions on indexed columns, SELECT * over wide tables. */
import type { Finding } from '../../../shared/plan/types';
import { indexSql } from './ddl';
import { hasColumn, hasLeadingIndex, isIndexedColumn, type ResolvedTable } from './context';
import { scannedRows, producedRows } from './measures';
import type { RuleInput } from './rule';
import { comparedColumns, selectsStar, whereClause, wrappedColumns, type ColumnUse } from './sqlText';

/** A table is "large" from this many rows: below it a full scan is cheap whatever the filter. */
export const LARGE_TABLE_ROWS = 10_000;
/** A filter is "selective" when it keeps at most this share of the rows. */
export const SELECTIVE = 0.1;
/** A table is "wide" from this many columns. */
export const WIDE_TABLE_COLUMNS = 15;

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Columns of `uses` that belong to `table` (qualifier matches one of its names, or none written). */
function ownColumns(uses: ColumnUse[], table: ResolvedTable, names: Set<string>): ColumnUse[] {
  return uses.filter((u) => (u.qualifier ? names.has(u.qualifier) : true) && hasColumn(table.info, u.column));
}

/** The predicate text the node applies: the plan's filter, or (SQLite: no filter text) the statement's WHERE. */
function predicateOf(input: RuleInput, filter: string | undefined): string {
  return filter ?? (input.ctx.engine === 'sqlite' ? whereClause(input.ctx.sql) : '');
}

/** Full scans of large tables whose filter keeps few rows: suggest an index on the filtered columns. */
export function seqScanSelective(input: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const { node, path, facts, label } of input.nodes) {
    if (!facts.fullScan) continue;
    const table = input.tables.ofNode(node);
    if (!table) continue;
    const predicate = predicateOf(input, facts.filter);
    if (!predicate) continue;
    const rows = scannedRows(node, facts) ?? input.tables.rows(table);
    if (rows === undefined || rows < LARGE_TABLE_ROWS) continue;
    const produced = producedRows(node);
    const kept = facts.selectivity ?? (produced.actual ?? produced.estimated ?? NaN) / rows;
    // SQLite plans carry no estimates: an equality filter on a large table is taken as selective.
    const selective = Number.isFinite(kept) ? kept <= SELECTIVE : input.ctx.engine === 'sqlite';
    if (!selective) continue;
    const cols = ownColumns(comparedColumns(predicate), table, input.tables.namesFor(table));
    const ordered = [...cols.filter((c) => c.kind === 'eq'), ...cols.filter((c) => c.kind === 'range')];
    const keys = [...new Set(ordered.map((c) => c.column))].slice(0, 3);
    if (keys.length && hasLeadingIndex(table.info, keys)) continue;
    const share = Number.isFinite(kept) ? `keeps about ${(kept * 100).toPrecision(2)}% of them` : 'is selective';
    const f: Finding = {
      rule: 'seq-scan-selective',
      title: 'Full scan under a selective filter',
      severity: rows >= 1_000_000 ? 'critical' : 'warning',
      nodePath: path,
      node: label,
      message: `${label} reads all ${fmt(rows)} rows of ${table.name}, and its filter ${share}.`,
      fix: keys.length ? `Create an index on ${table.name} (${keys.join(', ')}) so the filter can seek instead of scanning.` : 'Index the columns this filter compares with constants so it can seek instead of scanning.',
    };
    if (keys.length) f.sql = indexSql(input.ctx.engine, { schema: table.schema, table: table.name }, keys.map((column) => ({ column })));
    out.push(f);
  }
  return out;
}

/** Functions or casts around an indexed column in a filter: the index on the bare column cannot be used. */
export function functionOnIndexedColumn(input: RuleInput): Finding[] {
  const out: Finding[] = [];
  const castsInSql = /\bcast\s*\(|::/i.test(input.ctx.sql);
  for (const { node, path, facts, label } of input.nodes) {
    const table = input.tables.ofNode(node);
    if (!table?.info) continue;
    const predicate = predicateOf(input, facts.filter);
    if (!predicate) continue;
    // With an index seek on this column the engine already uses its index: nothing to say.
    const names = input.tables.namesFor(table);
    for (const w of wrappedColumns(predicate)) {
      if (w.qualifier && !names.has(w.qualifier)) continue;
      if (!isIndexedColumn(table.info, w.column)) continue;
      // PostgreSQL prints implicit, harmless casts (varchar → text); only casts the user wrote count.
      if (w.fn === 'cast' && !castsInSql) continue;
      const f: Finding = {
        rule: 'function-on-indexed-column',
        title: 'Function or cast on an indexed column',
        severity: 'warning',
        nodePath: path,
        node: label,
        message: `${label} applies ${w.fn === 'cast' ? 'a cast' : `${w.fn}()`} to the indexed column ${table.name}.${w.column}, so its index cannot be used for this filter.`,
        fix:
          input.ctx.engine === 'postgres' || input.ctx.engine === 'sqlite'
            ? `Compare the bare column (e.g. store values normalised), or create an expression index on ${w.expression}.`
            : `Compare the bare column (e.g. store values normalised, or add a generated column with ${w.expression} and index it).`,
      };
      if (input.ctx.engine === 'postgres' || input.ctx.engine === 'sqlite')
        f.sql = indexSql(input.ctx.engine, { schema: table.schema, table: table.name }, [{ expression: w.expression, label: `${w.fn}_${w.column}` }]);
      out.push(f);
    }
  }
  return out;
}

/** SELECT * over a wide table: every column travels, and covering indexes are out of reach. */
export function selectStarWide(input: RuleInput): Finding[] {
  if (!selectsStar(input.ctx.sql)) return [];
  const out: Finding[] = [];
  for (const table of input.tables.statementTables()) {
    const width = table.info?.columns.length ?? 0;
    if (width < WIDE_TABLE_COLUMNS) continue;
    const scan = input.nodes.find((n) => n.node.relation && input.tables.ofNode(n.node)?.name === table.name);
    const cited = scan ?? input.nodes[0]!;
    out.push({
      rule: 'select-star-wide',
      title: 'SELECT * on a wide table',
      severity: 'info',
      nodePath: cited.path,
      node: cited.label,
      message: `SELECT * returns all ${width} columns of ${table.name}.`,
      fix: `List only the columns you need: less data travels, and an index that covers them can answer the query alone.`,
    });
  }
  return out;
}
