/** Advisor rules about joins, sorts and estimates: unindexed FK joins, big nested loops, spills, misestimates. */
import type { Finding } from '../../../shared/plan/types';
import { analyzeSql, indexSql } from './ddl';
import { hasLeadingIndex } from './context';
import { producedRows } from './measures';
import type { RuleInput, RuleNode } from './rule';
import { joinEqualities } from './sqlText';

/** Outer inputs from this many rows make a nested loop worth a look. */
export const LARGE_OUTER_ROWS = 10_000;
/** Estimates off by this factor (either way) are flagged. */
export const MISESTIMATE_FACTOR = 10;
/** Below this many rows a misestimate changes no plan worth mentioning. */
export const MISESTIMATE_MIN_ROWS = 100;

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Foreign-key columns joined on without an index that starts with them. */
export function fkWithoutIndex(input: RuleInput): Finding[] {
  const out: Finding[] = [];
  const joins = [...joinEqualities(input.ctx.sql), ...input.nodes.flatMap((n) => (n.facts.joinCondition ? joinEqualities(n.facts.joinCondition) : []))];
  const seen = new Set<string>();
  for (const table of input.tables.statementTables()) {
    const info = table.info;
    if (!info) continue;
    const names = input.tables.namesFor(table);
    for (const fk of info.foreignKeys) {
      const cols = fk.columns.map((c) => c.toLowerCase());
      const joined = joins.some(([a, b]) => [a, b].some((u) => cols.includes(u.column) && (!u.qualifier || names.has(u.qualifier))));
      if (!joined || hasLeadingIndex(info, fk.columns)) continue;
      const key = `${table.name}.${cols.join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const scan = input.nodes.find((n) => n.node.relation && input.tables.ofNode(n.node)?.name === table.name);
      const cited = scan ?? input.nodes[0]!;
      out.push({
        rule: 'fk-without-index',
        title: 'Join on a foreign key without an index',
        severity: 'warning',
        nodePath: cited.path,
        node: cited.label,
        message: `The join uses the foreign key ${table.name}(${fk.columns.join(', ')}) → ${fk.refTable}, which has no index: ${cited.label} has to read ${table.name} in full to find matching rows.`,
        fix: `Index the foreign-key column${fk.columns.length > 1 ? 's' : ''} ${table.name}(${fk.columns.join(', ')}); it also speeds up deletes and updates of ${fk.refTable}.`,
        sql: indexSql(input.ctx.engine, { schema: table.schema, table: table.name }, fk.columns.map((column) => ({ column }))),
      });
    }
  }
  return out;
}

/** Rows an input produces over all its loops (actual when measured). */
function totalRows(n: RuleNode): number | undefined {
  const p = producedRows(n.node);
  const per = p.actual ?? p.estimated;
  return per === undefined ? undefined : per * (p.actual !== undefined ? n.facts.loops ?? 1 : 1);
}

/** Nested loops whose outer input is large: the inner side runs once per outer row. */
export function nestedLoopLargeOuter(input: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const n of input.nodes) {
    if (n.facts.joinType !== 'nested loop' && n.facts.joinType !== 'block nested loop') continue;
    const kids = input.nodes.filter((k) => k.parentPath === n.path);
    const [outer, inner] = kids;
    if (!outer || !inner) continue;
    const rows = totalRows(outer);
    if (rows === undefined || rows < LARGE_OUTER_ROWS) continue;
    const innerScan = inner.facts.fullScan;
    out.push({
      rule: 'nested-loop-large-outer',
      title: 'Nested loop over many rows',
      severity: innerScan ? 'critical' : 'warning',
      nodePath: n.path,
      node: n.label,
      message: `${n.label} runs its inner side (${inner.label}) once for each of ${fmt(rows)} outer rows from ${outer.label}${innerScan ? ', and the inner side is a full scan' : ''}.`,
      fix: innerScan
        ? 'Index the inner table on the join column, or let the planner hash-join (check the join condition and statistics).'
        : 'With this many outer rows a hash join is usually cheaper: check the statistics (ANALYZE) and planner settings, or filter the outer side earlier.',
    });
  }
  return out;
}

/** Sorts and hashes that spilled to disk; MySQL filesort / temporary tables; SQLite temp B-trees. */
export function spillToDisk(input: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const { path, facts, label } of input.nodes) {
    if (facts.spill) {
      const what = facts.hashBatches !== undefined && facts.hashBatches > 1 ? `hashed in ${facts.hashBatches} batches` : `sorted on disk (${facts.sortMethod ?? 'spilled'})`;
      out.push({
        rule: 'spill-to-disk',
        title: 'Sort or hash spilled to disk',
        severity: 'warning',
        nodePath: path,
        node: label,
        message: `${label} ${what}: its input did not fit in memory.`,
        fix:
          input.ctx.engine === 'postgres'
            ? "Raise work_mem for this session (e.g. SET work_mem = '64MB'), or reduce the rows sorted/hashed (filter earlier, LIMIT, an index that returns rows in order)."
            : 'Give the sort/hash more memory, or reduce the rows it handles (filter earlier, an index that returns rows in order).',
      });
    } else if (facts.usingFilesort || facts.usingTemporary) {
      const what = facts.usingTemporary && facts.usingFilesort ? 'uses a temporary table and a filesort' : facts.usingTemporary ? 'uses a temporary table' : input.ctx.engine === 'sqlite' ? 'sorts in a temporary B-tree' : 'sorts with a filesort';
      out.push({
        rule: 'spill-to-disk',
        title: 'Sort or grouping not served by an index',
        severity: 'info',
        nodePath: path,
        node: label,
        message: `${label} ${what}: rows are sorted or grouped after reading instead of coming in index order.`,
        fix: 'An index on the ORDER BY / GROUP BY columns (after the equality-filtered ones) lets the engine read rows already in order.',
      });
    }
  }
  return out;
}

/** Actual rows ≥ 10× off the estimate (either way): statistics are stale or columns are correlated. */
export function rowMisestimate(input: RuleInput): Finding[] {
  const out: Finding[] = [];
  const ratios = new Map<string, number>();
  for (const n of input.nodes) {
    const { estimated, actual } = producedRows(n.node);
    if (estimated === undefined || actual === undefined) continue;
    if (Math.max(estimated, actual) < MISESTIMATE_MIN_ROWS) continue;
    const ratio = Math.max(estimated, actual) / Math.max(Math.min(estimated, actual), 1);
    if (ratio >= MISESTIMATE_FACTOR) ratios.set(n.path, ratio);
  }
  for (const n of input.nodes) {
    const ratio = ratios.get(n.path);
    if (ratio === undefined) continue;
    // A wrong count propagates upwards: cite the node where it starts, not every parent above it.
    if (input.nodes.some((k) => k.parentPath === n.path && ratios.has(k.path))) continue;
    const { estimated = 0, actual = 0 } = producedRows(n.node);
    const table = input.tables.ofNode(n.node);
    const analyze = table ? analyzeSql(input.ctx.engine, { schema: table.schema, table: table.name }) : input.ctx.engine === 'mssql' ? 'UPDATE STATISTICS <table>' : 'ANALYZE';
    const multi = (n.facts.filter?.match(/\bAND\b/gi)?.length ?? 0) > 0;
    out.push({
      rule: 'row-misestimate',
      title: 'Row estimate far off (statistics)',
      severity: ratio >= 100 ? 'warning' : 'info',
      nodePath: n.path,
      node: n.label,
      message: `${n.label} was estimated at ${fmt(estimated)} rows but produced ${fmt(actual)} (${ratio >= 1000 ? '≥1000' : Math.round(ratio)}× ${actual > estimated ? 'more' : 'fewer'}): plans above it were chosen on a wrong count.`,
      fix:
        `Refresh the statistics: ${analyze}.` +
        (multi && input.ctx.engine === 'postgres' && table ? ` If they are fresh, the filtered columns may be correlated: CREATE STATISTICS on them (dependencies) and ANALYZE again.` : ''),
    });
  }
  return out;
}
